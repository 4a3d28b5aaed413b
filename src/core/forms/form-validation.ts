/**
 * Checks what a person typed in a sidebar form. The sidebar runs it as they
 * type and the server runs it again before writing (the server is the
 * authority); both show the same messages, from rules/messages.json.
 *
 * Values are read with the same normalisation as workbook cells, then the
 * form's own rules apply: required fields, dates not after today, deed before
 * SK AHU, NIB of 13 digits, members present ≤ members, known IDs, a mentor's
 * load after assignment (a warning, not an error).
 */
import type { FieldError, FormContext, FormSubmission } from '../../shared/forms';
import type { Bilingual } from '../../shared/types';
import { idKey } from '../city-index';
import { dayFromIso } from '../calendar';
import { fillBoth, message } from '../messages';
import { BALIKPAPAN } from '../workbook/balikpapan';
import { readCell, type CellValue } from '../workbook/cell-values';
import { FORM_FIELDS, REQUIRED_FIELDS } from './form-fields';

export interface FormCheck {
  errors: FieldError[];
  warnings: FieldError[];
  /** Field → value as read, for the fields the form sent (only when there are no errors). */
  values: Record<string, CellValue>;
}

const ISO_CONTEXT = { dateToIso: (date: Date) => (Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)) };

function text(key: string, values: Record<string, string | Bilingual> = {}): Bilingual {
  return fillBoth(message('form', key), (name, lang) => {
    const value = values[name];
    return typeof value === 'string' ? value : value?.[lang];
  });
}

export function validateForm(submission: FormSubmission, context: FormContext): FormCheck {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const values: Record<string, CellValue> = {};
  const error = (field: string, key: string, fill: Record<string, string | Bilingual> = {}): void => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, text: text(key, fill) });
  };

  for (const column of FORM_FIELDS[submission.kind]) {
    const raw = submission.values[column.field];
    // A field an edit does not send keeps its cell; a new record's missing field is blank.
    if (raw === undefined && submission.editing !== null) continue;
    const read = readCell(column.kind, raw === undefined ? '' : raw, ISO_CONTEXT);
    if ('value' in read) values[column.field] = read.value;
    else error(column.field, 'unreadable', { expected: read.problem === 'unreadable' ? read.expected : message('problem', 'expectText') });
  }
  for (const field of REQUIRED_FIELDS[submission.kind]) {
    if (field in values && values[field] === null && !errors.some((e) => e.field === field)) error(field, 'required');
  }
  const today = dayFromIso(context.today) as number;
  const notFuture = (field: string): void => {
    const day = dayFromIso(values[field] as string | null);
    if (day !== null && day > today) error(field, 'future', { today: context.today.split('-').reverse().join('/') });
  };
  const has = (list: readonly string[], id: unknown): boolean => typeof id === 'string' && list.some((x) => idKey(x) === idKey(id));

  switch (submission.kind) {
    case 'coop': {
      notFuture('deedDate');
      notFuture('skAhuDate');
      const deed = dayFromIso(values.deedDate as string | null);
      const sk = dayFromIso(values.skAhuDate as string | null);
      if (deed !== null && sk !== null && deed > sk) error('skAhuDate', 'deedAfterSk');
      // Kelurahan must lie in the kecamatan chosen (Perda 7 and 8/2012), when both are given and the kecamatan is known.
      const kecamatan = values.kecamatan;
      const kelurahan = values.kelurahan;
      const wards = typeof kecamatan === 'string' ? BALIKPAPAN.find(([k]) => k === kecamatan)?.[1] : undefined;
      if (wards && typeof kelurahan === 'string' && kelurahan !== '' && !wards.includes(kelurahan)) error('kelurahan', 'kelurahanNotInKecamatan', { value: kelurahan, kecamatan: kecamatan as string });
      const nib = values.nib;
      if (typeof nib === 'string' && nib.replace(/\D/g, '').length !== 13) error('nib', 'nibDigits', { found: String(nib.replace(/\D/g, '').length) });
      const id = values.id;
      const changedId = submission.editing === null || idKey(submission.editing) !== idKey(id as string | null);
      if (typeof id === 'string' && changedId && has(context.coopIds, id)) error('id', 'duplicateId', { value: id });
      if (typeof values.mentorId === 'string' && !has(context.mentorIds, values.mentorId)) error('mentorId', 'unknownMentor', { value: values.mentorId });
      break;
    }
    case 'rat': {
      const coopId = values.coopId;
      if (typeof coopId === 'string' && !has(context.coopIds, coopId)) error('coopId', 'unknownCoop', { value: coopId });
      notFuture('heldOn');
      notFuture('reportedOn');
      const held = dayFromIso(values.heldOn as string | null);
      const reported = dayFromIso(values.reportedOn as string | null);
      if (held !== null && reported !== null && reported < held) error('reportedOn', 'reportBeforeMeeting');
      const year = typeof values.bookYear === 'number' ? values.bookYear : null;
      if (held !== null && year !== null && (values.heldOn as string) <= `${year}-12-31`) error('heldOn', 'meetingBeforeYearEnd', { year: String(year) });
      const members = (values.members as number | null) ?? (typeof coopId === 'string' ? context.coopMembers[idKey(coopId) as string] ?? null : null);
      const present = values.membersPresent as number | null;
      if (present !== null && members !== null && present > members) error('membersPresent', 'presentAboveMembers', { found: String(present), required: String(members) });
      break;
    }
    case 'mentor': {
      const id = values.id;
      const changedId = submission.editing === null || idKey(submission.editing) !== idKey(id as string | null);
      if (typeof id === 'string' && changedId && has(context.mentorIds, id)) error('id', 'duplicateId', { value: id });
      const start = dayFromIso(values.startsOn as string | null);
      const end = dayFromIso(values.endsOn as string | null);
      if (start !== null && end !== null && end < start) error('endsOn', 'endBeforeStart');
      const unknown = (submission.assigned ?? []).find((coop) => !has(context.coopIds, coop));
      if (unknown !== undefined) error('assigned', 'unknownCoop', { value: unknown });
      const load = (submission.assigned ?? []).length;
      if (load > context.mentorMaxLoad) warnings.push({ field: 'assigned', text: text('loadAboveMax', { found: String(load), required: String(context.mentorMaxLoad) }) });
      break;
    }
    case 'checklist':
      break;
  }
  return { errors, warnings, values: errors.length === 0 ? values : {} };
}

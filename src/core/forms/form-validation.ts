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

/**
 * @param current for an edit, the record as the workbook holds it now (a co-op
 *   or mentor as read): rules that compare two fields (deed before SK AHU,
 *   report after the meeting, contract end after its start, members present)
 *   use its value for a field the edit does not change; a RAT edit's fields
 *   not changed come from what the form showed (`submission.shown`).
 */
export function validateForm(submission: FormSubmission, context: FormContext, current: Readonly<Record<string, unknown>> | null = null): FormCheck {
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
  // A field the edit leaves alone, as it is now: for the rules that compare two fields.
  const unchanged: Record<string, CellValue> = {};
  if (submission.editing !== null) {
    for (const column of FORM_FIELDS[submission.kind]) {
      if (column.field in values) continue;
      const kept = current?.[column.field];
      if (kept !== undefined) unchanged[column.field] = kept as CellValue;
      else if (submission.shown?.[column.field] !== undefined) {
        const read = readCell(column.kind, submission.shown[column.field], ISO_CONTEXT);
        if ('value' in read) unchanged[column.field] = read.value;
      }
    }
  }
  const both: Record<string, CellValue> = { ...unchanged, ...values };
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
      const deed = dayFromIso((both.deedDate ?? null) as string | null);
      const sk = dayFromIso((both.skAhuDate ?? null) as string | null);
      if (deed !== null && sk !== null && deed > sk && ('deedDate' in values || 'skAhuDate' in values)) error('deedDate' in values && !('skAhuDate' in values) ? 'deedDate' : 'skAhuDate', 'deedAfterSk');
      // Kelurahan must lie in the kecamatan chosen (Perda 7 and 8/2012), when both are given and the kecamatan is known.
      const kecamatan = both.kecamatan;
      const kelurahan = both.kelurahan;
      const wards = typeof kecamatan === 'string' ? BALIKPAPAN.find(([k]) => k === kecamatan)?.[1] : undefined;
      if (wards && typeof kelurahan === 'string' && kelurahan !== '' && !wards.includes(kelurahan) && ('kecamatan' in values || 'kelurahan' in values)) error('kelurahan', 'kelurahanNotInKecamatan', { value: kelurahan, kecamatan: kecamatan as string });
      const nib = values.nib;
      if (typeof nib === 'string' && nib.replace(/\D/g, '').length !== 13) error('nib', 'nibDigits', { found: String(nib.replace(/\D/g, '').length) });
      const id = values.id;
      const changedId = submission.editing === null || idKey(submission.editing) !== idKey(id as string | null);
      if (typeof id === 'string' && changedId && has(context.coopIds, id)) error('id', 'duplicateId', { value: id });
      if (typeof values.mentorId === 'string' && !has(context.mentorIds, values.mentorId)) error('mentorId', 'unknownMentor', { value: values.mentorId });
      break;
    }
    case 'rat': {
      const coopId = both.coopId;
      if (typeof values.coopId === 'string' && !has(context.coopIds, values.coopId)) error('coopId', 'unknownCoop', { value: values.coopId });
      notFuture('heldOn');
      notFuture('reportedOn');
      const held = dayFromIso((both.heldOn ?? null) as string | null);
      const reported = dayFromIso((both.reportedOn ?? null) as string | null);
      const touches = (...fields: string[]): boolean => fields.some((f) => f in values);
      if (held !== null && reported !== null && reported < held && touches('heldOn', 'reportedOn')) error('reportedOn', 'reportBeforeMeeting');
      const year = (both.bookYear ?? null) as number | null;
      if (held !== null && year !== null && (both.heldOn as string) <= `${year}-12-31` && touches('heldOn', 'bookYear')) error('heldOn', 'meetingBeforeYearEnd', { year: String(year) });
      const members = ((both.members ?? null) as number | null) ?? (typeof coopId === 'string' ? context.coopMembers[idKey(coopId) as string] ?? null : null);
      const present = (both.membersPresent ?? null) as number | null;
      if (present !== null && members !== null && present > members && touches('membersPresent', 'members', 'coopId')) error('membersPresent', 'presentAboveMembers', { found: String(present), required: String(members) });
      break;
    }
    case 'mentor': {
      const id = values.id;
      const changedId = submission.editing === null || idKey(submission.editing) !== idKey(id as string | null);
      if (typeof id === 'string' && changedId && has(context.mentorIds, id)) error('id', 'duplicateId', { value: id });
      const start = dayFromIso((both.startsOn ?? null) as string | null);
      const end = dayFromIso((both.endsOn ?? null) as string | null);
      if (start !== null && end !== null && end < start && ('startsOn' in values || 'endsOn' in values)) error('endsOn', 'endBeforeStart');
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

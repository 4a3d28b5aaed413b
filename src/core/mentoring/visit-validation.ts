/**
 * Checks what a mentor typed in the visit form. The sidebar runs it as they
 * type and the server runs it again before writing (the server is the
 * authority), with the same messages (rules/messages.json, table `mentoring`).
 *
 * Values are read with the same cell normalisation as the `Kunjungan` sheet
 * (dates as dd/mm/yyyy or yyyy-mm-dd, "-" for nothing). Errors: mentor, co-op
 * and date required; unknown mentor or co-op; a date after today; a deadline
 * before the visit; a deadline without a follow-up; a text longer than one
 * cell holds. Warning (saved anyway): a
 * co-op that does not name this mentor.
 */
import type { VisitContext, VisitSubmission } from '../../shared/mentoring';
import type { Bilingual } from '../../shared/types';
import { dayFromIso } from '../calendar';
import { idKey } from '../city-index';
import { formatNumber } from '../format';
import { fillBoth, message } from '../messages';

const count = (n: number): Bilingual => ({ id: formatNumber(n, 'id', 0), en: formatNumber(n, 'en', 0) });
import { readCell, type CellValue } from '../workbook/cell-values';
import { VISIT_COLUMNS } from '../workbook/columns';
import { visitActivity } from '../workbook/visit-log';

export interface VisitCheck {
  errors: Array<{ field: string; text: Bilingual }>;
  warnings: Array<{ field: string; text: Bilingual }>;
  /** Field → value as read (only when there are no errors); the activity as in the short list. */
  values: Partial<Record<keyof VisitSubmission, CellValue>>;
}

const ISO_CONTEXT = { dateToIso: (date: Date) => (Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)) };
const FIELDS: ReadonlyArray<keyof VisitSubmission> = ['mentorId', 'coopId', 'date', 'activity', 'notes', 'followUp', 'followUpDue'];
/**
 * The most characters a typed text may have: one Google Sheets cell holds
 * 50,000 and a longer input makes the write fail with "Your input contains
 * more than the maximum of 50000 characters in a single cell" (reported in
 * qeet/importjsonapi#10). The cell writer sends texts with Sheets' leading
 * apostrophe, so one character is kept for it. The form refuses a longer
 * text by its field, before anything is written.
 */
export const MAX_CELL_CHARACTERS = 49_999;

export function validateVisit(submission: VisitSubmission, context: VisitContext): VisitCheck {
  const errors: VisitCheck['errors'] = [];
  const warnings: VisitCheck['warnings'] = [];
  const values: VisitCheck['values'] = {};
  const error = (field: string, key: string, fill: Record<string, Bilingual> = {}): void => {
    if (!errors.some((e) => e.field === field)) errors.push({ field, text: fillBoth(message('mentoring', key), (n, lang) => fill[n]?.[lang]) });
  };
  for (const field of FIELDS) {
    const column = VISIT_COLUMNS.find((c) => c.field === field);
    const raw = submission[field];
    if (typeof raw === 'string' && raw.length > MAX_CELL_CHARACTERS) {
      error(field, 'visitTooLong', { length: count(raw.length), max: count(MAX_CELL_CHARACTERS) });
      continue;
    }
    const read = readCell(column?.kind ?? 'text', typeof raw === 'string' ? raw : '', ISO_CONTEXT);
    if ('value' in read) values[field] = read.value;
    else error(field, column?.kind === 'date' ? 'visitBadDate' : 'visitRequired');
  }
  for (const field of ['mentorId', 'coopId', 'date'] as const) if (values[field] === null) error(field, 'visitRequired');
  const has = (list: readonly string[], id: unknown): boolean => typeof id === 'string' && list.some((x) => idKey(x) === idKey(id));
  if (typeof values.mentorId === 'string' && !has(context.mentorIds, values.mentorId)) error('mentorId', 'visitUnknownMentor');
  if (typeof values.coopId === 'string' && !has(context.coopIds, values.coopId)) error('coopId', 'visitUnknownCoop');
  const day = dayFromIso(values.date as string | null);
  const dueDay = dayFromIso(values.followUpDue as string | null);
  if (day !== null && day > (dayFromIso(context.today) as number)) error('date', 'visitFutureDate');
  if (day !== null && dueDay !== null && dueDay < day) error('followUpDue', 'visitDueBefore');
  if (dueDay !== null && values.followUp === null) error('followUp', 'visitDueNeedsFollowUp');
  if (typeof values.activity === 'string') {
    const known = visitActivity(values.activity);
    if (known === null) error('activity', 'visitRequired');
    else values.activity = known;
  }
  if (errors.length === 0 && typeof values.mentorId === 'string' && typeof values.coopId === 'string') {
    const own = context.mentorCoops[idKey(values.mentorId) as string] ?? [];
    if (!has(own, values.coopId)) warnings.push({ field: 'coopId', text: fillBoth(message('mentoring', 'visitNotMentorsCoop'), () => values.mentorId as string) });
  }
  return { errors, warnings, values: errors.length === 0 ? values : {} };
}

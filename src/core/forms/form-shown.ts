/**
 * What a sidebar form shows for a value read from a cell, and which of a
 * mentor's co-ops change. The sidebar fills its inputs with `shownValue` and
 * the server compares the sheet's cell, read the same way, with what the form
 * says it showed: one function on both sides, so "changed in the sheet since
 * the form was opened" means the same thing to both.
 */
import type { AssignmentChange, FormKind, FormValues } from '../../shared/forms';
import { idKey } from '../city-index';
import type { CellKind } from '../workbook/columns';
import type { CellValue } from '../workbook/cell-values';
import { FORM_FIELDS } from './form-fields';

/**
 * A tick box shows true/false (blank and "no" both unticked); every other input
 * shows text, '' for nothing: a date as officers write it (`dd/mm/yyyy`), an
 * amount as `Rp 600.000.000` — text the cell readers accept back as the same value.
 */
export function shownValue(kind: CellKind, value: CellValue | undefined): string | boolean {
  if (kind === 'yesno') return value === true;
  if (value === null || value === undefined) return '';
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value.split('-').reverse().join('/');
  if (kind === 'amount' && typeof value === 'number' && Number.isInteger(value) && value >= 0) return `Rp ${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
  return String(value);
}

/** Whether two shown values are the same (text compared as the form holds it, IDs too). */
export function sameShown(a: string | boolean | undefined, b: string | boolean | undefined): boolean {
  return (a ?? '') === (b ?? '');
}

/** What the form shows for each field of a record (a co-op, a RAT row, a mentor as the workbook read gives them). */
export function shownRecord(kind: FormKind, record: Readonly<Record<string, unknown>> | null): FormValues {
  const shown: FormValues = {};
  for (const column of FORM_FIELDS[kind]) shown[column.field] = shownValue(column.kind, (record?.[column.field] ?? null) as CellValue);
  return shown;
}

/** The fields whose value in `values` differs from what the form showed for the record. */
export function changedFields(kind: FormKind, record: Readonly<Record<string, unknown>> | null, values: FormValues): string[] {
  const shown = shownRecord(kind, record);
  return FORM_FIELDS[kind].map((c) => c.field).filter((field) => field in values && !sameShown(values[field], shown[field]));
}

/**
 * The register cells a mentor save changes: each co-op ticked gets the
 * mentor's (possibly new) ID, each co-op that had this mentor and is no longer
 * ticked gets none; every other co-op is left alone. Only real changes are
 * returned, each with the mentor the form showed for that co-op.
 *
 * @param coops the register as the form loaded it (ID and mentor ID)
 * @param editing the mentor's ID when the form was opened (null for a new mentor)
 * @param mentorId the mentor's ID after the save
 * @param ticked the co-op IDs ticked in the form
 */
export function assignmentChanges(
  coops: ReadonlyArray<{ id: string; mentorId: string | null }>,
  editing: string | null,
  mentorId: string,
  ticked: readonly string[],
): AssignmentChange[] {
  const tickedKeys = new Set(ticked.map((id) => idKey(id)));
  const changes: AssignmentChange[] = [];
  for (const coop of coops) {
    const shown = coop.mentorId ?? '';
    const wasThis = editing !== null && shown !== '' && idKey(shown) === idKey(editing);
    const target = tickedKeys.has(idKey(coop.id)) ? mentorId : wasThis ? '' : shown;
    const same = target === shown || (target !== '' && shown !== '' && idKey(target) === idKey(shown) && target.trim() === shown.trim());
    if (!same) changes.push({ coopId: coop.id, shown, value: target });
  }
  return changes;
}

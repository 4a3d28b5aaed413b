/**
 * Saving the RAT form: a new meeting row — asking first when its co-op and
 * book year already have one (a second meeting, or a correction of the
 * existing row, where only the cells that differ are written) — or a row
 * chosen in the sidebar, edited or removed (after a confirmation; only that
 * row goes). The row is found by what the form showed for every field, so a
 * row changed or removed meanwhile is never mistaken for another.
 */
import { fillBoth, message } from '../core/messages';
import { FORM_FIELDS } from '../core/forms/form-fields';
import { sameShown, shownValue } from '../core/forms/form-shown';
import type { CellValue } from '../core/workbook/cell-values';
import { MEETING_COLUMNS, SHEETS, type ColumnSpec } from '../core/workbook/columns';
import type { FormSubmission, FormValues, SaveQuestion } from '../shared/forms';
import { column, newRow, rowsWithId, shownOf, Stop, table, toCell, type Plan, type SaveContext, type Table } from './save-plan';

/** The RAT rows whose every form field shows what `shown` says (0-based indexes). */
function meetingRowsShown(context: SaveContext, meetings: Table, shown: FormValues): number[] {
  const rows: number[] = [];
  meetings.values.forEach((row, r) => {
    if (r <= meetings.headerIndex) return;
    if (FORM_FIELDS.rat.every((spec) => sameShown(shownOf(context, spec, row[meetings.columns.get(spec.field) as number]), shown[spec.field]))) rows.push(r);
  });
  return rows;
}

/** A RAT row: new (asking first when its co-op and book year already have one), edited, or removed. */
export function planMeeting(context: SaveContext, submission: FormSubmission, values: Record<string, CellValue>): Plan {
  const meetings = table(context, SHEETS.meetings, MEETING_COLUMNS);
  const specs = FORM_FIELDS.rat;
  for (const spec of specs) column(meetings, spec, SHEETS.meetings);
  const plan: Plan = { edits: [], then: [], saved: message('form', 'saved') };
  const cell = (r: number, spec: ColumnSpec): unknown => meetings.values[r]?.[meetings.columns.get(spec.field) as number];
  const editRow = (r: number, onlyDifferent: boolean): void => {
    for (const spec of specs) {
      if (!(spec.field in values)) continue;
      const value = values[spec.field] ?? null;
      if (onlyDifferent && sameShown(shownOf(context, spec, cell(r, spec)), shownValue(spec.kind, value))) continue;
      const col = (meetings.columns.get(spec.field) as number) + 1;
      plan.edits.push({ sheet: meetings.sheet, row: r + 1, column: col, value: toCell(context, spec, value, cell(r, spec), meetings.sheet, r + 1, col) });
    }
  };
  const describe = (r: number) => (name: string): string | undefined =>
    ({ coop: String(shownOf(context, specs[0] as ColumnSpec, cell(r, specs[0] as ColumnSpec))), year: String(shownOf(context, specs[1] as ColumnSpec, cell(r, specs[1] as ColumnSpec))), date: displayIso(shownOf(context, specs[2] as ColumnSpec, cell(r, specs[2] as ColumnSpec)) as string) })[name];

  if (submission.editing !== null || submission.remove) {
    const r = meetingRowsShown(context, meetings, submission.shown ?? {})[0];
    if (r === undefined) throw new Stop({ errors: [{ field: '-', text: message('form', 'rowGone') }], message: message('form', 'rowGone'), conflicts: ['-'] });
    if (submission.remove) {
      if (submission.answers?.remove !== true) {
        const question: SaveQuestion = {
          kind: 'removeRat',
          text: fillBoth(message('form', 'ratRemoveAsk'), describe(r)),
          options: [
            { label: message('form', 'answerRemove'), answers: { remove: true } },
            { label: message('form', 'answerCancel'), answers: null },
          ],
        };
        throw new Stop({ errors: [], message: question.text, question });
      }
      plan.then.push(() => meetings.sheet.deleteRow(r + 1));
      plan.saved = message('form', 'removed');
      return plan;
    }
    editRow(r, false);
    return plan;
  }

  const coopColumn = meetings.columns.get('coopId') as number;
  const yearSpec = specs.find((s) => s.field === 'bookYear') as ColumnSpec;
  const same = rowsWithId(meetings, coopColumn, values.coopId as string).filter((r) => sameShown(shownOf(context, yearSpec, cell(r, yearSpec)), shownValue(yearSpec.kind, values.bookYear ?? null)));
  const last = same[same.length - 1];
  if (last !== undefined) {
    const answer = submission.answers?.duplicateRat;
    if (answer === undefined) {
      const question: SaveQuestion = {
        kind: 'duplicateRat',
        text: fillBoth(message('form', 'ratDuplicateAsk'), describe(last)),
        options: [
          { label: message('form', 'answerSecond'), answers: { duplicateRat: 'second' } },
          { label: message('form', 'answerCorrection'), answers: { duplicateRat: 'correction' } },
          { label: message('form', 'answerCancel'), answers: null },
        ],
      };
      throw new Stop({ errors: [], message: question.text, question });
    }
    if (answer === 'correction') {
      editRow(last, true);
      if (plan.edits.length === 0) plan.saved = message('form', 'noChange');
      return plan;
    }
  }
  plan.edits.push(...newRow(context, meetings, specs, values));
  return plan;
}

/** A date as the sheets show it (dd/mm/yyyy), '-' for none. */
function displayIso(iso: string): string {
  return iso === '' ? '-' : iso.split('-').reverse().join('/');
}


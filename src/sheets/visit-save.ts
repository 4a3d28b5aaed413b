/**
 * Saves one visit from the sidebar's visit form into the sheet `Kunjungan`:
 * checks it again on the server (the authority), then, under the document
 * lock, writes exactly one new row — the row after the last row with content —
 * in one `writeValues` call spanning only the log's own columns, so every
 * text stays text (a note reading "=SUM(A1)" or "01234" is stored as typed)
 * and no other cell changes. Nothing is written on an error, nor when the
 * sheet lacks a column for something typed (it would be lost). Answers with the
 * mentor view read again, so the work list shows the visit at once.
 */
import { idKey } from '../core/city-index';
import { message, fillBoth } from '../core/messages';
import { validateVisit } from '../core/mentoring/visit-validation';
import { SHEETS, VISIT_COLUMNS } from '../core/workbook/columns';
import { matchHeader } from '../core/workbook/header-matching';
import type { VisitSaveOutcome, VisitSubmission } from '../shared/mentoring';
import { writeValues, type WriteValue } from './cell-writer';
import { checkWorkbook } from './check-all';
import { withDocumentLock } from './document-lock';
import { ensureSize } from './grid-writer';
import { mentorViewFrom, visitContext } from './mentor-view';

export function saveVisit(submission: VisitSubmission, now: Date): VisitSaveOutcome {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const { run, read, sheets } = checkWorkbook(spreadsheet, now);
    const check = validateVisit(submission, visitContext(run, read));
    const notSaved = (errors: VisitSaveOutcome['errors'], text = message('mentoring', 'visitNotSaved')): VisitSaveOutcome => ({ ok: false, errors, warnings: check.warnings, message: text, row: null, refreshed: null });
    if (check.errors.length > 0) return notSaved(check.errors);
    const sheet = spreadsheet.getSheetByName(SHEETS.visits);
    const values = sheets.find((s) => s.name === SHEETS.visits)?.values ?? [];
    const match = sheet ? matchHeader(values, VISIT_COLUMNS) : null;
    if (!sheet || !match || match.missing.length > 0) return notSaved([], message('mentoring', 'visitNoSheet'));
    // A value typed in the form whose column the sheet lacks would be lost: refuse, and say which.
    const lacking = VISIT_COLUMNS.filter((c) => !match.columns.has(c.field) && (check.values[c.field as keyof VisitSubmission] ?? null) !== null);
    if (lacking.length > 0) return notSaved([], fillBoth(message('mentoring', 'visitMissingColumns'), () => lacking.map((c) => c.label).join(', ')));
    const zone = spreadsheet.getSpreadsheetTimeZone();
    const columns = Array.from(match.columns.values());
    const first = Math.min(...columns);
    const width = Math.max(...columns) - first + 1;
    const cells: WriteValue[] = new Array<WriteValue>(width).fill('');
    for (const column of VISIT_COLUMNS) {
      const at = match.columns.get(column.field);
      const value = check.values[column.field as keyof VisitSubmission];
      if (at === undefined || value === undefined || value === null) continue;
      cells[at - first] = column.kind === 'date' ? Utilities.parseDate(value as string, zone, 'yyyy-MM-dd') : (value as WriteValue);
    }
    // The first row below everything in the sheet (getLastRow: the last row with content), never above the header.
    const row = Math.max(sheet.getLastRow(), match.headerIndex + 1) + 1;
    ensureSize(sheet, row, first + width);
    writeValues(sheet.getRange(row, first + 1, 1, width), [cells]);
    const after = checkWorkbook(spreadsheet, now);
    return {
      ok: true,
      errors: [],
      warnings: check.warnings,
      message: fillBoth(message('mentoring', 'visitSaved'), () => String(row)),
      row,
      refreshed: mentorViewFrom(after.run, after.read, idKey(check.values.mentorId as string) === null ? null : (check.values.mentorId as string)),
    };
  });
}

/**
 * Marks one follow-up of the visit log done: writes "Ya" into that row's
 * `Tindak Lanjut Selesai` cell — that one cell, through `writeValues`, under
 * the document lock. The row is read again first and must still hold the
 * visit the sidebar showed (mentor, co-op, date, follow-up): if someone sorted
 * or edited the sheet meanwhile, nothing is written and the mentor is told.
 * A log without the column is refused (run *Siapkan buku kerja*).
 */
import { idKey } from '../core/city-index';
import { fillBoth, message } from '../core/messages';
import { SHEETS, VISIT_COLUMNS } from '../core/workbook/columns';
import { matchHeader } from '../core/workbook/header-matching';
import { readVisitLog } from '../core/workbook/visit-log';
import type { FollowUpDoneRequest, VisitSaveOutcome } from '../shared/mentoring';
import { writeValues } from './cell-writer';
import { checkWorkbook } from './check-all';
import { withDocumentLock } from './document-lock';
import { mentorViewFrom } from './mentor-view';
import { cellContext } from './spreadsheet-reader';

export function markFollowUpDone(request: FollowUpDoneRequest, now: Date): VisitSaveOutcome {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const refused = (text: ReturnType<typeof message>): VisitSaveOutcome => ({ ok: false, errors: [], warnings: [], message: text, row: null, refreshed: null });
    const sheet = spreadsheet.getSheetByName(SHEETS.visits);
    if (!sheet) return refused(message('mentoring', 'visitNoSheet'));
    const values = sheet.getDataRange().getValues() as unknown[][];
    const match = matchHeader(values, VISIT_COLUMNS);
    const doneColumn = match?.columns.get('followUpDone');
    if (!match || doneColumn === undefined) return refused(fillBoth(message('mentoring', 'visitMissingColumns'), () => VISIT_COLUMNS.find((c) => c.field === 'followUpDone')!.label));
    // The row as the reader sees it now (same normalisation as when the sidebar showed it).
    const rows = readVisitLog({ name: SHEETS.visits, values }, cellContext(spreadsheet.getSpreadsheetTimeZone()), { coops: new Set([idKey(request.coopId)]), mentors: new Set(), mentorsRead: false }, []);
    const current = rows.find((v) => v.row === request.row);
    const same = current !== undefined && idKey(current.mentorId) === idKey(request.mentorId) && idKey(current.coopId) === idKey(request.coopId) && current.date === request.visitDate && (current.followUp ?? '') === request.followUp;
    if (!same) return refused(fillBoth(message('mentoring', 'followUpMoved'), () => String(request.row)));
    writeValues(sheet.getRange(request.row, doneColumn + 1, 1, 1), [[message('ui', 'yes').id]]);
    const after = checkWorkbook(spreadsheet, now);
    return {
      ok: true,
      errors: [],
      warnings: [],
      message: fillBoth(message('mentoring', 'followUpMarked'), () => String(request.row)),
      row: request.row,
      refreshed: mentorViewFrom(after.run, after.read, request.mentorId),
    };
  });
}

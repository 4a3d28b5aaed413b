/**
 * "Periksa semua koperasi": reads every sheet once, runs the four checks on
 * every co-op and writes `Hasil Pemeriksaan` — the only sheet it writes — in a
 * constant number of Range calls, under the document lock.
 */
import { runChecks } from '../core/check-run';
import { SHEETS } from '../core/workbook/columns';
import { buildResultsGrid, resultsHeader } from '../core/workbook/results-grid';
import { readWorkbook, type SheetValues, type WorkbookRead } from '../core/workbook/workbook-reader';
import type { CheckAllOutcome } from '../shared/sidebar-api';
import type { CheckRun } from '../shared/types';
import { withDocumentLock } from './document-lock';
import { writeGrid } from './grid-writer';
import { cellContext, clock, readSheets } from './spreadsheet-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const RESULT_COLUMN_WIDTHS: Readonly<Record<number, number>> = { 1: 120, 2: 280, 8: 360, 9: 360, 10: 300, 11: 420, 12: 160 };

/** Reads and checks the workbook; writes nothing. */
export function checkWorkbook(spreadsheet: Spreadsheet, now: Date): { run: CheckRun; read: WorkbookRead; sheets: SheetValues[]; checkedAt: string } {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const { asOf, checkedAt } = clock(now, timeZone);
  const sheets = readSheets(spreadsheet);
  const read = readWorkbook(sheets, cellContext(timeZone));
  const run = runChecks({ asOf, coops: read.coops, meetings: read.meetings, mentors: read.mentors, parameterOverrides: read.parameterOverrides });
  return { run: { ...run, problems: [...read.problems, ...run.problems] }, read, sheets, checkedAt };
}

export function checkAll(now: Date): CheckAllOutcome {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const { run, checkedAt } = checkWorkbook(spreadsheet, now);
    const grid = buildResultsGrid(run, checkedAt);
    writeGrid(resultsSheet(spreadsheet), grid);
    return {
      asOf: run.asOf,
      checkedAt,
      rulesVersion: run.rulesVersion,
      coopCount: run.results.length,
      problemCount: run.problems.length,
      summary: run.summary,
    };
  });
}

function resultsSheet(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(SHEETS.results);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(SHEETS.results);
  sheet.setFrozenRows(1);
  const columns = resultsHeader().length;
  for (let c = 1; c <= columns; c += 1) sheet.setColumnWidth(c, RESULT_COLUMN_WIDTHS[c] ?? 130);
  sheet.setColumnWidth(columns + 2, 260);
  sheet.setColumnWidth(columns + 3, 220);
  sheet.setColumnWidth(columns + 4, 420);
  return sheet;
}

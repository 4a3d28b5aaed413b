/**
 * "Periksa semua koperasi": reads every sheet once, runs the four checks on
 * every co-op and writes `Hasil Pemeriksaan` — the only sheet it writes — in a
 * constant number of Range calls, under the document lock.
 */
import { prepareRun, runChecks, runChecksEach } from '../core/check-run';
import { errorText, fill, message } from '../core/messages';
import { SHEETS } from '../core/workbook/columns';
import { SummaryAccumulator } from '../core/city-summary';
import { ResultsGridBuilder, resultsHeader, statusesOfRow } from '../core/workbook/results-grid';
import { checkInputFrom, readWorkbook, type SheetValues, type WorkbookRead } from '../core/workbook/workbook-reader';
import type { CheckAllOutcome } from '../shared/sidebar-api';
import type { CheckRun } from '../shared/types';
import { withDocumentLock } from './document-lock';
import { recordCheckAll } from './history';
import { ensureSize, writeGrid } from './grid-writer';
import { cellContext, clock, readSheets } from './spreadsheet-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const RESULT_COLUMN_WIDTHS: Readonly<Record<number, number>> = { 1: 120, 2: 280, 8: 360, 9: 360, 10: 300, 11: 420, 12: 160 };

/** Reads and checks the workbook; writes nothing. */
export function checkWorkbook(spreadsheet: Spreadsheet, now: Date): { run: CheckRun; read: WorkbookRead; sheets: SheetValues[]; checkedAt: string } {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const { asOf, checkedAt } = clock(now, timeZone);
  const sheets = readSheets(spreadsheet);
  const read = readWorkbook(sheets, cellContext(timeZone));
  const run = runChecks(checkInputFrom(read, asOf));
  return { run: { ...run, problems: [...read.problems, ...run.problems] }, read, sheets, checkedAt };
}

/** How long one execution may check before it saves its place: Apps Script stops an execution at 6 minutes. */
export const EXECUTION_BUDGET_MS = 270_000;
/** The trigger that resumes a check-all that did not fit in one execution. */
export const CONTINUE_HANDLER = 'continueCheckAll';
const CONTINUE_AFTER_MS = 60_000;

interface StagedRun {
  asOf: string;
  checkedAt: string;
  rulesVersion: string;
  total: number;
  rows: Array<Array<string | number>>;
}

/**
 * Checks every co-op and writes Hasil Pemeriksaan. A workbook too big for one
 * execution is done in parts: when the time budget runs out, the rows checked
 * so far go to a staging sheet (row count = cursor; check date, time, rules
 * version and total beside them) and a time-driven trigger resumes; the last
 * part writes the whole results sheet at once. Until then the previous results
 * stay as they were. `started` is when this execution began (for the budget).
 */
export function checkAll(now: Date, started: number = Date.now()): CheckAllOutcome {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    const read = readWorkbook(readSheets(spreadsheet), cellContext(timeZone));
    const total = read.coops.length;
    const staged = readStaging(spreadsheet);
    const fresh = clock(now, timeZone);
    const asOf = staged?.asOf ?? fresh.asOf;
    const checkedAt = staged?.checkedAt ?? fresh.checkedAt;
    const input = checkInputFrom(read, asOf);
    const prepared = prepareRun(input);
    const summary = new SummaryAccumulator();
    const grid = new ResultsGridBuilder(checkedAt);
    // A staged part of another run (other rules, another number of co-ops) is not continued: start again.
    const resume = staged !== null && staged.rulesVersion === prepared.rulesVersion && staged.total === total && staged.rows.length <= total;
    if (resume) {
      grid.addStaged(staged.rows);
      for (const row of staged.rows) summary.addStatuses(statusesOfRow(row));
    }
    const checked = runChecksEach(
      input,
      { prepared, summary, startAt: resume ? staged.rows.length : 0, shouldStop: () => Date.now() - started > EXECUTION_BUDGET_MS },
      (result) => grid.add(result, prepared.rulesVersion),
    );
    const outcome = { asOf, checkedAt, rulesVersion: checked.rulesVersion, total, done: checked.checkedUntil };
    if (checked.checkedUntil < total) {
      writeStaging(spreadsheet, { asOf, checkedAt, rulesVersion: checked.rulesVersion, total, rows: grid.stagedRows() });
      scheduleContinuation();
      return { ...outcome, complete: false, coopCount: total, problemCount: read.problems.length + checked.problems.length, summary: checked.summary };
    }
    const problems = [...read.problems, ...checked.problems];
    const built = grid.build({ ...checked, problems });
    try {
      writeGrid(resultsSheet(spreadsheet), built);
    } catch (error) {
      // A protected or unwritable results sheet: say so plainly. The values are the first write, so nothing changed.
      throw new Error(fill(message('ui', 'resultsNotWritten').id, (name) => ({ sheet: SHEETS.results, detail: errorText(error) })[name]));
    }
    const staging = spreadsheet.getSheetByName(SHEETS.staging);
    if (staging) spreadsheet.deleteSheet(staging);
    removeContinuations();
    const history = recordCheckAll(spreadsheet, { input, checkedAt, rulesVersion: checked.rulesVersion, parameters: checked.parameters, summary: checked.summary, grid: built });
    return { ...outcome, complete: true, coopCount: total, problemCount: problems.length, summary: checked.summary, history };
  });
}

/** The trigger's entry: resumes only when a staged part is waiting (a finished run leaves none). */
export function continueCheckAll(now: Date): CheckAllOutcome | null {
  removeContinuations();
  if (!SpreadsheetApp.getActiveSpreadsheet().getSheetByName(SHEETS.staging)) return null;
  return checkAll(now);
}

function readStaging(spreadsheet: Spreadsheet): StagedRun | null {
  const sheet = spreadsheet.getSheetByName(SHEETS.staging);
  if (!sheet || sheet.getLastRow() === 0) return null;
  const values = sheet.getDataRange().getValues() as Array<Array<string | number>>;
  const [asOf, checkedAt, rulesVersion, total] = values[0] ?? [];
  if (typeof asOf !== 'string' || typeof total !== 'number') return null;
  const width = resultsHeader().length + 4;
  return { asOf, checkedAt: String(checkedAt), rulesVersion: String(rulesVersion), total, rows: values.slice(1).map((row) => row.slice(0, width)) };
}

function writeStaging(spreadsheet: Spreadsheet, run: StagedRun): void {
  const sheet = spreadsheet.getSheetByName(SHEETS.staging) ?? spreadsheet.insertSheet(SHEETS.staging);
  const width = resultsHeader().length + 4;
  const meta: Array<string | number> = [run.asOf, run.checkedAt, run.rulesVersion, run.total];
  const rows = [meta, ...run.rows].map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  ensureSize(sheet, rows.length, width);
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
}

function scheduleContinuation(): void {
  removeContinuations();
  ScriptApp.newTrigger(CONTINUE_HANDLER).timeBased().after(CONTINUE_AFTER_MS).create();
}

function removeContinuations(): void {
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() === CONTINUE_HANDLER) ScriptApp.deleteTrigger(trigger);
  }
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

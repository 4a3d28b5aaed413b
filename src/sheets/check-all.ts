/**
 * "Periksa semua koperasi": reads every sheet once, runs the four checks on
 * every co-op and writes `Hasil Pemeriksaan` — with where it came from — in a
 * constant number of Range calls, under the document lock. Every row of the
 * sheet comes from one reading of the workbook, checked on one date with one
 * rule set: a workbook too big for one execution is checked in parts that
 * share a fingerprint of what they read (see check-staging.ts), or starts
 * again.
 */
import { prepareRun, runChecks, runChecksEach } from '../core/check-run';
import { SummaryAccumulator } from '../core/city-summary';
import { runFingerprint } from '../core/fingerprint';
import { errorText, fill, message } from '../core/messages';
import { BUNDLED_RULE_SETS, CHECK_IDS, type RuleSetFile } from '../core/rule-data';
import { SHEETS } from '../core/workbook/columns';
import { ResultsGridBuilder, resultColumnWidths, resultsHeader, stagedRowWidth, statusesOfRow, type Grid } from '../core/workbook/results-grid';
import { checkInputFrom, problemsOnDate, readWorkbook, type SheetValues, type WorkbookRead } from '../core/workbook/workbook-reader';
import type { CheckAllMode, CheckAllOutcome, PendingCheck } from '../shared/sidebar-api';
import type { CheckRun, CitySummary, Problem, RulesChange } from '../shared/types';
import { discardStaging, markStagingStopped, readStaging, stagedRunInfo, writeStaging, type StagingFound } from './check-staging';
import { withDocumentLock } from './document-lock';
import { recordCheckAll } from './history';
import { writeGrid } from './grid-writer';
import { clock, readSheets, spreadsheetContext } from './spreadsheet-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const RESULT_COLUMN_WIDTHS: Readonly<Record<number, number>> = resultColumnWidths();

/** Reads and checks the workbook; writes nothing. */
export function checkWorkbook(spreadsheet: Spreadsheet, now: Date): { run: CheckRun; read: WorkbookRead; sheets: SheetValues[]; checkedAt: string } {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const { asOf, checkedAt } = clock(now, timeZone);
  const sheets = readSheets(spreadsheet);
  const read = readWorkbook(sheets, spreadsheetContext(spreadsheet, asOf));
  const run = runChecks(checkInputFrom(read, asOf));
  return { run: { ...run, problems: [...problemsOnDate(read, asOf), ...run.problems] }, read, sheets, checkedAt };
}

/**
 * How long one part may check before it saves its place: Apps Script stops an
 * execution at 6 minutes, and the last part still has the results to write.
 */
export const EXECUTION_BUDGET_MS = 240_000;
/** A staged run with no part for this long is shown as left unfinished (a part lasts at most ~5 minutes). */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/** A run that completed, whose results are written: what Hasil Pemeriksaan says about where it came from. */
export interface CompletedCheck {
  asOf: string;
  checkedAt: string;
  rulesVersion: string;
  rulesSource: string;
  fingerprint: string;
  coopCount: number;
  problems: Problem[];
  summary: CitySummary;
  /** What the workbook changes in the rules and parameters (issue 15's block beside the results). */
  rulesChange?: RulesChange;
}

/**
 * One part of "Periksa semua" (the dialog calls it until `complete`). Every
 * part reads the whole workbook and computes the run's fingerprint (every
 * value read, the rules version, today's date). With `continue`, a staged run
 * of the same fingerprint goes on from its cursor; a staged run of any other
 * fingerprint (data edited, sorted, rows added or removed, other rules,
 * another day) or one that does not read back whole is discarded and the
 * check starts again with today's date, and the outcome says why. With
 * `restart` the staged run is discarded. A check that fits in one execution
 * writes Hasil Pemeriksaan at once and never creates a staging sheet; until
 * the last part, the previous results stay as they were.
 *
 * @param now the instant of this call (check date and time come from it for a new run)
 * @param started when this execution began, ms (for the time budget)
 */
export function checkAll(now: Date, mode: CheckAllMode = 'continue', started: number = Date.now()): CheckAllOutcome {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = spreadsheet.getSpreadsheetTimeZone();
    const sheets = readSheets(spreadsheet);
    const today = clock(now, timeZone);
    const read = readWorkbook(sheets, spreadsheetContext(spreadsheet, today.asOf));
    const total = read.coops.length;
    const input = checkInputFrom(read, today.asOf);
    const prepared = prepareRun(input);
    const fingerprint = runFingerprint(sheets, prepared.rulesVersion, today.asOf);
    const width = stagedWidth();

    const found = readStaging(spreadsheet, width);
    const staged = mode === 'continue' && found.kind === 'run' && found.run.fingerprint === fingerprint && found.run.total === total ? found.run : null;
    const restarted = mode === 'continue' && found.kind !== 'none' && staged === null ? restartReason(found, prepared.rulesVersion, today.asOf) : null;
    // A staged run that is not continued is discarded at once: it never lends its rows or its date to this run.
    if (found.kind !== 'none' && staged === null) discardStaging(spreadsheet);

    const checkedAt = staged?.checkedAt ?? today.checkedAt;
    const summary = new SummaryAccumulator();
    const grid = new ResultsGridBuilder(checkedAt);
    if (staged) {
      grid.addStaged(staged.rows);
      for (const row of staged.rows) summary.addStatuses(statusesOfRow(row));
    }
    const checked = runChecksEach(
      input,
      { prepared, summary, startAt: staged?.done ?? 0, shouldStop: () => Date.now() - started > EXECUTION_BUDGET_MS },
      (result, changes) => grid.add(result, prepared.rulesVersion, changes),
    );
    const problems = [...problemsOnDate(read, today.asOf), ...checked.problems];
    const outcome = { asOf: today.asOf, checkedAt, rulesVersion: checked.rulesVersion, fingerprint, total, done: checked.checkedUntil, coopCount: total, problemCount: problems.length, summary: checked.summary, restarted };
    if (checked.checkedUntil < total) {
      const rows = grid.stagedRows().map((row) => row.map(String));
      writeStaging(spreadsheet, { fingerprint, asOf: today.asOf, checkedAt, lastPartAt: Date.now(), stopped: false, rulesVersion: checked.rulesVersion, total, done: checked.checkedUntil }, rows, staged?.done ?? 0, width);
      return { ...outcome, complete: false };
    }
    const built = finishRun(spreadsheet, grid, { asOf: today.asOf, checkedAt, rulesVersion: checked.rulesVersion, rulesSource: rulesSource(prepared.ruleSets), fingerprint, coopCount: total, problems, summary: checked.summary, rulesChange: checked.rulesChange });
    const history = recordCheckAll(spreadsheet, { input, visits: read.visits, checkedAt, rulesVersion: checked.rulesVersion, parameters: checked.parameters, summary: checked.summary, grid: built });
    return { ...outcome, complete: true, history };
  });
}

/**
 * The one place where a run of "Periksa semua" completes: Hasil Pemeriksaan is
 * written in one go (values first: a failure there changes nothing), then the
 * staging sheet is removed. Whatever must happen once per completed run with
 * its results written (a history row, for instance) goes at the end of this
 * function, with `completed` describing the run.
 */
/** Writes Hasil Pemeriksaan and drops the staging; returns the grid written (the history reads it). */
function finishRun(spreadsheet: Spreadsheet, rows: ResultsGridBuilder, completed: CompletedCheck): Grid {
  const grid = rows.build(completed, { rulesSource: completed.rulesSource, fingerprint: completed.fingerprint });
  try {
    writeGrid(resultsSheet(spreadsheet), grid);
  } catch (error) {
    // A protected or unwritable results sheet: say so plainly. The values are the first write, so nothing changed.
    throw new Error(fill(message('ui', 'resultsNotWritten').id, (name) => ({ sheet: SHEETS.results, detail: errorText(error) })[name]));
  }
  discardStaging(spreadsheet);
  return grid;
}

/** A check of the whole workbook left unfinished (or under way), for the dialog and the sidebar; null if none. */
export function pendingCheck(now: Date): PendingCheck | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const info = stagedRunInfo(spreadsheet);
  if (!info) return null;
  const today = clock(now, spreadsheet.getSpreadsheetTimeZone()).asOf;
  return { done: info.done, total: info.total, asOf: info.asOf, startedAt: info.checkedAt, sameDay: info.asOf === today, abandoned: info.stopped || now.getTime() - info.lastPartAt > ABANDONED_AFTER_MS };
}

/** The dialog's Cancel: the staged run is marked as left (the sidebar says so at once); its rows stay to be continued. */
export function stopCheckAll(now: Date): PendingCheck | null {
  return withDocumentLock(() => (markStagingStopped(SpreadsheetApp.getActiveSpreadsheet()) ? pendingCheck(now) : null));
}

/** Why a staged run was not continued (it was found, and its fingerprint differs or it does not read back whole). */
function restartReason(found: StagingFound, rulesVersion: string, asOf: string): NonNullable<CheckAllOutcome['restarted']> {
  if (found.kind !== 'run') return { reason: 'unreadable', stagedAsOf: null };
  const run = found.run;
  if (run.asOf !== asOf) return { reason: 'otherDay', stagedAsOf: run.asOf };
  if (run.rulesVersion !== rulesVersion) return { reason: 'rulesChanged', stagedAsOf: run.asOf };
  return { reason: 'dataChanged', stagedAsOf: run.asOf };
}

/** Bundled rules, or which checks' rules came from the workbook's Aturan sheet. */
function rulesSource(ruleSets: readonly RuleSetFile[]): string {
  const fromWorkbook = ruleSets.filter((ruleSet) => !BUNDLED_RULE_SETS.includes(ruleSet)).map((ruleSet) => message('check', ruleSet.check).id);
  return fromWorkbook.length === 0 ? message('ui', 'rulesBundled').id : fill(message('ui', 'rulesFromWorkbook').id, () => fromWorkbook.join(', '));
}

/** A staged row: the results table's columns, then the four status colours. */
function stagedWidth(): number {
  return stagedRowWidth();
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

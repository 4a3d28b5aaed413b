/**
 * What a completed "Periksa semua" leaves besides `Hasil Pemeriksaan`: the
 * change of every co-op since the previous check (column "Perubahan sejak
 * pemeriksaan lalu"), one block of rows appended to `Riwayat`, the trend table
 * and native charts of `Grafik`, and the one-page report `Laporan`.
 *
 * Called once, after the results were written: a check-all that fails writes
 * no history. `Riwayat` is only ever appended to — earlier rows are never
 * written again — and kept exactly as wide as its header, since Sheets counts
 * every cell of a sheet's grid against its 10 million cells. A failure here
 * does not undo the results: it comes back as a problem to show.
 */
import { deadlines } from '../core/deadlines';
import { checkedFromResultsGrid, type CheckedCoop } from '../core/history/checked-coop';
import { capProblem, headerFor, historyBlocks, historyRows, readHistory, sameAsLast, type HistoryBlock, type HistoryEntry } from '../core/history/history-row';
import { changesSince, type ChangeSummary } from '../core/history/status-change';
import { trendSeries } from '../core/history/trends';
import { errorText, fillBoth, message } from '../core/messages';
import { onePageReport } from '../core/report/one-page-report';
import { reportGrid } from '../core/report/report-sheet';
import { SHEETS } from '../core/workbook/columns';
import { resultsHeader, type Grid } from '../core/workbook/results-grid';
import type { HistoryOutcome } from '../shared/sidebar-api';
import type { Visit } from '../shared/mentoring';
import type { Bilingual, CheckInput, CitySummary } from '../shared/types';
import { writeValues } from './cell-writer';
import { refreshChartSheet } from './chart-sheet';
import { ensureSize } from './grid-writer';
import { writeReportSheet } from './report-sheet';
import { cellContext } from './spreadsheet-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CompletedCheck {
  input: CheckInput;
  /** The visit log as read (its open follow-ups go into the report's deadlines). */
  visits: readonly Visit[];
  checkedAt: string;
  rulesVersion: string;
  parameters: Record<string, number>;
  summary: CitySummary;
  /** The results grid as written to Hasil Pemeriksaan. */
  grid: Grid;
}

/**
 * The rows of `Riwayat` as recorded (one getValues), for reading past
 * statuses back (the mentors' monthly report and evaluation). No sheet, or
 * one that cannot be read, gives none: the reports then say they show the
 * statuses now.
 */
export function recordedHistory(spreadsheet: Spreadsheet): HistoryEntry[] {
  try {
    const sheet = spreadsheet.getSheetByName(SHEETS.history);
    if (!sheet || sheet.getLastRow() === 0) return [];
    return readHistory(sheet.getDataRange().getValues() as unknown[][], cellContext(spreadsheet.getSpreadsheetTimeZone()), SHEETS.history).entries;
  } catch {
    return [];
  }
}

/**
 * Records a completed check-all. Each step that fails is reported and the
 * next still runs: results stay, and history is never half-rewritten.
 */
export function recordCheckAll(spreadsheet: Spreadsheet, check: CompletedCheck): HistoryOutcome {
  const problems: Bilingual[] = [];
  const context = cellContext(spreadsheet.getSpreadsheetTimeZone());
  const asOf = check.input.asOf;
  const current = checkedFromResultsGrid(check.grid, asOf, check.checkedAt, check.rulesVersion);
  const historySheet = spreadsheet.getSheetByName(SHEETS.history);
  let values: unknown[][];
  try {
    values = historySheet && historySheet.getLastRow() > 0 ? (historySheet.getDataRange().getValues() as unknown[][]) : [];
  } catch (error) {
    // Without its rows we cannot know where the history ends: write nothing rather than risk an earlier row.
    problems.push(fillBoth(message('history', 'historyNotWritten'), (name) => ({ sheet: SHEETS.history, detail: errorText(error) })[name]));
    return { appended: 0, since: null, improved: 0, worsened: 0, unchanged: 0, problems };
  }
  const read = readHistory(values, context, SHEETS.history);
  problems.push(...read.problems.slice(0, 5).map((p) => p.text));
  const blocks = historyBlocks(read.entries);
  const previous = lastBefore(blocks, asOf);
  const changes = changesSince(previous, current);

  attempt(SHEETS.results, problems, () => writeChangeColumn(spreadsheet, current.length, changes));
  let appended = 0;
  attempt(SHEETS.history, problems, () => {
    appended = appendBlock(spreadsheet, historySheet, values, current, check, problems, blocks[blocks.length - 1]);
  });
  const recorded = appended > 0 ? [...blocks, { checkedOn: asOf, checkedAt: check.checkedAt, rulesVersion: check.rulesVersion, entries: current.map((c) => c.entry) }] : blocks;
  attempt(SHEETS.charts, problems, () => refreshChartSheet(spreadsheet, trendSeries(historyBlocks(recorded.flatMap((b) => b.entries)))));
  attempt(SHEETS.report, problems, () => writeReport(spreadsheet, check, current, blocks.filter((b) => b.checkedOn < asOf), changes, context));
  return {
    appended,
    since: changes.since,
    improved: changes.improved,
    worsened: changes.worsened,
    unchanged: changes.unchanged,
    problems,
  };
}

/**
 * The last block of an earlier check date: "since the last check" means the
 * previous check day, so a second click the same day still shows what changed
 * since last week instead of "unchanged" everywhere.
 */
function lastBefore(blocks: readonly HistoryBlock[], asOf: string): HistoryBlock | undefined {
  return blocks.filter((b) => b.checkedOn < asOf).pop();
}

function attempt(sheet: string, problems: Bilingual[], step: () => void): void {
  try {
    step();
  } catch (error) {
    problems.push(fillBoth(message('history', 'historyNotWritten'), (name) => ({ sheet, detail: errorText(error) })[name]));
  }
}

/** The change column of Hasil Pemeriksaan, rows 2 … n+1, in one write. */
function writeChangeColumn(spreadsheet: Spreadsheet, count: number, changes: ChangeSummary): void {
  const sheet = spreadsheet.getSheetByName(SHEETS.results);
  if (!sheet || count === 0) return;
  const column = resultsHeader().indexOf(message('history', 'columnChange').id) + 1;
  const first = changes.since === null;
  writeValues(sheet.getRange(2, column, count, 1), changes.coops.map((c) => [first ? message('history', 'changeFirst').id : c.text.id]));
}

/**
 * Appends one row per co-op below the last row, under the sheet's own header
 * (a check added since gets its column at the right). Nothing is appended
 * when the header is not recognised, when the rows equal the last block of
 * the same date (a repeated click), or past `historyMaxCells`.
 * @returns rows appended
 */
function appendBlock(spreadsheet: Spreadsheet, existing: Sheet | null, values: readonly unknown[][], current: readonly CheckedCoop[], check: CompletedCheck, problems: Bilingual[], last: HistoryBlock | undefined): number {
  if (current.length === 0) return 0;
  const layout = headerFor(values[0] ?? null, SHEETS.history);
  if ('problem' in layout) {
    problems.push(layout.problem.text);
    return 0;
  }
  const entries = current.map((c) => c.entry);
  if (sameAsLast(last, entries)) return 0;
  const width = layout.header.length;
  const lastRow = values.length;
  const limit = capProblem(Math.max(lastRow, 1), entries.length, width, check.parameters.historyMaxCells as number, SHEETS.history);
  if (limit) {
    problems.push(limit.text);
    return 0;
  }
  const sheet = existing ?? newHistorySheet(spreadsheet, width);
  const rows = historyRows(entries, layout.header);
  if (lastRow === 0) {
    ensureSize(sheet, 1 + rows.length, width);
    writeValues(sheet.getRange(1, 1, 1 + rows.length, width), [layout.header, ...rows]);
    sheet.getRange(1, 1, 1, width).setFontWeight('bold');
    return rows.length;
  }
  ensureSize(sheet, lastRow + rows.length, width);
  if (layout.added.length > 0) writeValues(sheet.getRange(1, width - layout.added.length + 1, 1, layout.added.length), [layout.added]);
  writeValues(sheet.getRange(lastRow + 1, 1, rows.length, width), rows);
  return rows.length;
}

/** A new Riwayat sheet, trimmed to the header's width (a new sheet has 26 columns; every one counts against the limit). */
function newHistorySheet(spreadsheet: Spreadsheet, width: number): Sheet {
  const sheet = spreadsheet.insertSheet(SHEETS.history);
  if (sheet.getMaxColumns() > width) sheet.deleteColumns(width + 1, sheet.getMaxColumns() - width);
  sheet.setFrozenRows(1);
  return sheet;
}

function writeReport(spreadsheet: Spreadsheet, check: CompletedCheck, current: readonly CheckedCoop[], before: readonly HistoryBlock[], changes: ChangeSummary, context: ReturnType<typeof cellContext>): void {
  const calendar = deadlines(check.input, { visits: check.visits });
  const report = onePageReport({ current, summary: check.summary, checkedAt: check.checkedAt, rulesVersion: check.rulesVersion, parameters: check.parameters, history: before, deadlines: calendar.deadlines, overdueFollowUps: calendar.overdueFollowUps, changes });
  writeReportSheet(spreadsheet, reportGrid(report));
}

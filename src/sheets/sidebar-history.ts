/**
 * The sidebar's view of the history and the calendar: what changed for each
 * co-op since the previous check day (live statuses against the last block of
 * `Riwayat` before today, as in Hasil Pemeriksaan), the trend series of the
 * recorded check-alls, and the deadlines of the coming days. One read of
 * `Riwayat`.
 */
import { deadlines } from '../core/deadlines';
import { checkedFromResult } from '../core/history/checked-coop';
import { historyBlocks, readHistory } from '../core/history/history-row';
import { changesSince } from '../core/history/status-change';
import { trendSeries } from '../core/history/trends';
import { SHEETS } from '../core/workbook/columns';
import { checkInputFrom, type WorkbookRead } from '../core/workbook/workbook-reader';
import type { SidebarHistory } from '../shared/sidebar-api';
import type { CheckRun } from '../shared/types';
import { cellContext } from './spreadsheet-reader';

export function sidebarHistory(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, run: CheckRun, read: WorkbookRead): SidebarHistory {
  const context = cellContext(spreadsheet.getSpreadsheetTimeZone());
  const values = (name: string): unknown[][] => {
    const sheet = spreadsheet.getSheetByName(name);
    return sheet && sheet.getLastRow() > 0 ? (sheet.getDataRange().getValues() as unknown[][]) : [];
  };
  const blocks = historyBlocks(readHistory(values(SHEETS.history), context, SHEETS.history).entries);
  const current = run.results.map((result) => checkedFromResult(result, run.asOf, '', run.rulesVersion));
  const changes = changesSince(blocks.filter((b) => b.checkedOn < run.asOf).pop(), current);
  const calendar = deadlines(checkInputFrom(read, run.asOf), { visits: read.visits });
  const moved = changes.coops.filter((c) => c.kind === 'worsened' || c.kind === 'improved');
  return {
    since: changes.since,
    improved: changes.improved,
    worsened: changes.worsened,
    changes: moved
      .sort((a, b) => (a.kind === b.kind ? a.coopId.localeCompare(b.coopId) : a.kind === 'worsened' ? -1 : 1))
      .map((c) => ({ coopId: c.coopId, name: c.name, kind: c.kind as 'improved' | 'worsened', text: c.text })),
    trend: trendSeries(blocks),
    deadlines: calendar.deadlines,
    deadlineDays: calendar.days,
  };
}

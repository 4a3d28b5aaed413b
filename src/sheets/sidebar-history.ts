/**
 * The sidebar's view of the history and the calendar: what changed for each
 * co-op since the previous check day (today's statuses, from the sidebar
 * model, against the last block of `Riwayat` before today, as in Hasil
 * Pemeriksaan), the trend series of the recorded check-alls, and the
 * deadlines of the coming days.
 *
 * Asked for by the sidebar after its first screen is drawn (a call of its
 * own, `getSidebarHistory`): reading `Riwayat` and the calendar's inputs costs
 * time in proportion to the history, and the first screen must not wait for
 * it. Reasons are made only for the worse changes shown, by checking those
 * co-ops again, as the attention list does.
 */
import type { CoopDigest } from '../core/attention';
import { deadlines } from '../core/deadlines';
import { checkedFromResult, type CheckedCoop } from '../core/history/checked-coop';
import { historyBlocks, readHistory, type HistoryEntry } from '../core/history/history-row';
import { changesSince, coopChange } from '../core/history/status-change';
import { trendSeries } from '../core/history/trends';
import { SHEETS } from '../core/workbook/columns';
import { checkInputFrom, readWorkbook } from '../core/workbook/workbook-reader';
import type { SidebarHistory } from '../shared/sidebar-api';
import type { IsoDate, Severity, StatusCode } from '../shared/types';
import { loadModel, recheck, type LoadedModel } from './sidebar-model';
import { cellContext, spreadsheetContext } from './spreadsheet-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Changes listed in the sidebar (the counts cover all of them). */
export const CHANGES_SHOWN = 30;

/** A co-op as the model holds it, in the shape changes compare (no reasons: the model keeps none). */
function checkedFromDigest(digest: CoopDigest, asOf: IsoDate, rulesVersion: string): CheckedCoop {
  const statuses: HistoryEntry['statuses'] = {};
  const levels: HistoryEntry['levels'] = {};
  for (const [check, [status, level]] of Object.entries(digest.checks)) {
    statuses[check as keyof typeof statuses] = status as StatusCode;
    levels[check as keyof typeof levels] = level as Severity;
  }
  return { entry: { checkedOn: asOf, checkedAt: '', coopId: digest.id, statuses, levels, score: '', rulesVersion }, name: digest.name, reasons: {} };
}

export function sidebarHistory(spreadsheet: Spreadsheet, now: Date): SidebarHistory {
  return sidebarHistoryFrom(spreadsheet, loadModel(spreadsheet, now));
}

/**
 * @param loaded the sidebar model and the sheets it was read from
 * @return changes since the last check day before the model's date (worse first, at most CHANGES_SHOWN listed),
 *   one trend point per recorded check-all, and the deadlines of the next `deadlineHorizonDays` days
 */
export function sidebarHistoryFrom(spreadsheet: Spreadsheet, loaded: LoadedModel): SidebarHistory {
  const { model, sheets } = loaded;
  const context = cellContext(spreadsheet.getSpreadsheetTimeZone());
  const riwayat = spreadsheet.getSheetByName(SHEETS.history);
  const values = riwayat && riwayat.getLastRow() > 0 ? (riwayat.getDataRange().getValues() as unknown[][]) : [];
  const blocks = historyBlocks(readHistory(values, context, SHEETS.history).entries);
  const previous = blocks.filter((b) => b.checkedOn < model.asOf).pop();
  const changes = changesSince(previous, model.coops.map((d) => checkedFromDigest(d, model.asOf, model.rulesVersion)));
  const moved = changes.coops
    .filter((c) => c.kind === 'worsened' || c.kind === 'improved')
    .sort((a, b) => (a.kind === b.kind ? a.coopId.localeCompare(b.coopId) : a.kind === 'worsened' ? -1 : 1));
  const shown = moved.slice(0, CHANGES_SHOWN);

  // The reason of a worse status: the shown co-ops that worsened, checked again.
  const worse = shown.filter((c) => c.kind === 'worsened').map((c) => c.coopId);
  const withReasons = new Map<string, ReturnType<typeof coopChange>>();
  if (worse.length > 0 && previous) {
    const before = new Map(previous.entries.map((e) => [e.coopId.toUpperCase(), e]));
    for (const result of recheck(spreadsheet, sheets, model, worse).results) {
      withReasons.set(result.coopId.toUpperCase(), coopChange(before.get(result.coopId.toUpperCase()), checkedFromResult(result, model.asOf, '', model.rulesVersion)));
    }
  }

  const read = readWorkbook(sheets, spreadsheetContext(spreadsheet, model.asOf));
  const calendar = deadlines(checkInputFrom(read, model.asOf), { visits: read.visits });
  return {
    since: changes.since,
    improved: changes.improved,
    worsened: changes.worsened,
    changes: shown.map((c) => {
      const full = withReasons.get(c.coopId.toUpperCase());
      return { coopId: c.coopId, name: c.name, kind: c.kind as 'improved' | 'worsened', text: (full ?? c).text };
    }),
    moreChanges: moved.length - shown.length,
    trend: trendSeries(blocks),
    deadlines: calendar.deadlines,
    deadlineDays: calendar.days,
  };
}

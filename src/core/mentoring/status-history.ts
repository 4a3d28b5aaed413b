/**
 * A co-op's statuses on a past day, for the monthly report (start and end of
 * the month) and the year-end evaluation (start of the contract): read back
 * from the history log (`Riwayat`, issue 18) — the last check-all recorded on
 * or before that day.
 *
 * A day on or after the check date is answered by the check run now (it is
 * today's picture). A past day the history does not reach (it starts later,
 * or the workbook has none) falls back to the statuses now and says so
 * (`source: 'now'`), and every report shows that note rather than pretending
 * to know the past. Evaluating today's records on a past date would be wrong
 * (a RAT held later would count as held then), so that is never done.
 */
import type { StatusSource } from '../../shared/mentoring';
import type { Bilingual, CheckId, CheckRun, IsoDate, Severity } from '../../shared/types';
import { idKey } from '../city-index';
import type { HistoryEntry } from '../history/history-row';
import { checkOn } from '../history/past-statuses';
import { message } from '../messages';
import { CHECK_IDS } from '../rule-data';

/** One check's status as a report shows it. */
export interface StatusLine {
  check: CheckId;
  label: Bilingual;
  severity: Severity;
}

export interface StatusesOnDay {
  /** 'history': from Riwayat (or today's check, for a day not past); 'now': the past day is unknown, today's statuses stand in. */
  source: StatusSource;
  /** The check date that answered: a Riwayat block's date, or the check date now. */
  checkedOn: IsoDate;
  /** Co-op key (see idKey) → its statuses on that day, in the order of rules/checks.json. */
  byCoop: Map<string, StatusLine[]>;
}

/** A check result's statuses as report lines. */
export function linesOfResult(result: CheckRun['results'][number] | undefined): StatusLine[] {
  if (!result) return [];
  return CHECK_IDS.filter((c) => result.checks[c] !== undefined).map((check) => ({ check, label: result.checks[check]!.label, severity: result.checks[check]!.severity }));
}

/** A recorded entry's statuses as report lines (labels from the message table; the level as recorded). */
function linesOfEntry(entry: HistoryEntry): StatusLine[] {
  return CHECK_IDS.filter((c) => entry.statuses[c] !== undefined).map((check) => ({ check, label: message('status', entry.statuses[check] as string), severity: entry.levels[check] ?? 'warn' }));
}

/**
 * @param now the check run on the check date
 * @param day YYYY-MM-DD
 * @param history the rows of `Riwayat` (see `readHistory`); empty or absent when the workbook has none
 */
export function statusesOn(now: CheckRun, day: IsoDate, history: readonly HistoryEntry[] = []): StatusesOnDay {
  const today = (source: StatusSource): StatusesOnDay => ({ source, checkedOn: now.asOf, byCoop: new Map(now.results.map((r) => [idKey(r.coopId) as string, linesOfResult(r)])) });
  if (day >= now.asOf) return today('history');
  const block = checkOn(history, day);
  if (!block) return today('now');
  const byCoop = new Map<string, StatusLine[]>();
  for (const entry of block.entries) {
    const key = idKey(entry.coopId);
    if (key !== null) byCoop.set(key, linesOfEntry(entry));
  }
  return { source: 'history', checkedOn: block.checkedOn, byCoop };
}

/**
 * Trend series from the history: per recorded check-all, the number of
 * co-ops, the RAT indicator (co-ops with a quorate RAT ÷ all × 100, as in the
 * city summary), mentor coverage (co-ops not TANPA PENDAMPING ÷ all × 100),
 * the count per status of every check, and how many co-ops improved or
 * worsened since the previous check day. Feeds the `Grafik` sheet, the sidebar's
 * small charts and the one-page report.
 */
import type { CheckId, IsoDate, Severity, StatusCode } from '../../shared/types';
import { RAT_HELD } from '../city-summary';
import { CHECK_IDS, STATUSES_BY_CHECK } from '../rule-data';
import type { HistoryBlock } from './history-row';
import { changesBetween } from './status-change';

export interface TrendPoint {
  checkedOn: IsoDate;
  checkedAt: string;
  coopCount: number;
  /** Percent, one decimal. */
  ratIndicatorPercent: number;
  /** Percent, one decimal. */
  coveragePercent: number;
  /** Per check, per status (every status of the check, 0 when none). */
  statusCounts: Record<CheckId, Record<string, number>>;
  /** Per check, co-ops per colour level (green, amber, red): what the small charts stack. */
  levelCounts: Record<CheckId, Record<Severity, number>>;
  improved: number;
  worsened: number;
}

const percent = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

export function trendSeries(blocks: readonly HistoryBlock[]): TrendPoint[] {
  return blocks.map((block, i) => {
    const statusCounts = Object.fromEntries(CHECK_IDS.map((check) => [check, Object.fromEntries((STATUSES_BY_CHECK[check] ?? []).map((s) => [s, 0]))])) as TrendPoint['statusCounts'];
    const levelCounts = Object.fromEntries(CHECK_IDS.map((check) => [check, { ok: 0, warn: 0, bad: 0 }])) as TrendPoint['levelCounts'];
    let held = 0;
    let covered = 0;
    for (const entry of block.entries) {
      for (const check of CHECK_IDS) {
        const status = entry.statuses[check];
        const counts = statusCounts[check];
        if (status !== undefined && counts) counts[status] = (counts[status] ?? 0) + 1;
        const level = entry.levels[check];
        const levels = levelCounts[check];
        if (level !== undefined && levels) levels[level] += 1;
      }
      if (entry.statuses.rat !== undefined && RAT_HELD.has(entry.statuses.rat as StatusCode)) held += 1;
      if (entry.statuses.mentor !== undefined && entry.statuses.mentor !== 'TANPA_PENDAMPING') covered += 1;
    }
    // Since the previous check day, as Hasil Pemeriksaan and the report count it: a second check-all on one day
    // is compared with the day before, not with the first check of the same day.
    let before = i - 1;
    while (before >= 0 && (blocks[before] as HistoryBlock).checkedOn >= block.checkedOn) before -= 1;
    const changes = before < 0 ? null : changesBetween(blocks[before], block);
    const count = block.entries.length;
    return {
      checkedOn: block.checkedOn,
      checkedAt: block.checkedAt,
      coopCount: count,
      ratIndicatorPercent: percent(held, count),
      coveragePercent: percent(covered, count),
      statusCounts,
      levelCounts,
      improved: changes?.improved ?? 0,
      worsened: changes?.worsened ?? 0,
    };
  });
}

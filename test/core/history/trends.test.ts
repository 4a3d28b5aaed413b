/**
 * Trend series and past-date statuses on the sample's year of fortnightly
 * checks: one point per check, figures equal to the city summary of a check
 * of the register as it stood that day, and the movement the year had.
 */
import { historyDates, sampleHistory, sampleOn } from '../../../examples/balikpapan-history';
import { runChecks } from '../../../src/core/check-run';
import { historyBlocks } from '../../../src/core/history/history-row';
import { checkOn, coopStatusOn } from '../../../src/core/history/past-statuses';
import { trendSeries } from '../../../src/core/history/trends';
import { trendTable } from '../../../src/core/history/trend-table';
import { CHECK_IDS } from '../../../src/core/rule-data';

const entries = sampleHistory();
const blocks = historyBlocks(entries);
const points = trendSeries(blocks);

describe('trend series', () => {
  test('a second check-all on one day counts improved and worsened since the previous check day, as Hasil Pemeriksaan and the report do', () => {
    const [a, b] = [blocks[blocks.length - 2]!, blocks[blocks.length - 1]!];
    const again = { ...b, checkedAt: b.checkedAt.replace(/\d\d:\d\d/, '23:59'), entries: b.entries.map((e) => ({ ...e, checkedAt: 'x' })) };
    const series = trendSeries([a, b, again]);
    expect([series[2]!.improved, series[2]!.worsened]).toEqual([series[1]!.improved, series[1]!.worsened]);
    expect(series[1]!.improved + series[1]!.worsened).toBeGreaterThan(0);
  });

  test('a year of fortnightly checks: 27 points from 25/11/2025 to 24/11/2026', () => {
    expect(historyDates()).toHaveLength(27);
    expect(points.map((p) => p.checkedOn)).toEqual(historyDates());
  });

  test('each point equals the city summary of that day\'s check', () => {
    for (const date of ['2025-11-25', '2026-03-17', '2026-07-07', '2026-11-24']) {
      const summary = runChecks(sampleOn(date)).summary;
      const point = points.find((p) => p.checkedOn === date)!;
      expect([point.coopCount, point.ratIndicatorPercent, point.coveragePercent]).toEqual([summary.coopCount, summary.ratIndicatorPercent, Math.round((summary.coveredCount / summary.coopCount) * 1000) / 10]);
      for (const check of CHECK_IDS) for (const [status, n] of Object.entries(summary.statusCounts[check] ?? {})) expect(point.statusCounts[check]![status]).toBe(n);
    }
  });

  test('the year moves: mentors from January, RAT meetings from March, the deadline on 30 June, PD-06 leaving in November', () => {
    const at = (date: string) => points.find((p) => p.checkedOn === date)!;
    expect(at('2025-12-23').coveragePercent).toBeLessThan(5);
    expect(at('2026-01-20').coveragePercent).toBeGreaterThan(60);
    expect(at('2026-02-17').ratIndicatorPercent).toBeLessThan(at('2026-06-23').ratIndicatorPercent);
    expect(at('2026-07-07').statusCounts.rat!.TERLAMBAT).toBeGreaterThan(at('2026-06-23').statusCounts.rat!.TERLAMBAT!);
    expect(at('2026-07-07').worsened).toBeGreaterThan(0);
    expect(at('2026-11-10').coveragePercent).toBeLessThan(at('2026-10-27').coveragePercent);
    expect(points.reduce((n, p) => n + p.improved, 0)).toBeGreaterThan(20);
    expect(at('2026-04-14').coopCount).toBe(at('2026-03-31').coopCount + 1); // KOP-BPP-053, founded 14/04/2026
  });

  test('the Grafik table has one row per point and a chart per check', () => {
    const table = trendTable(points);
    expect(table.rows).toHaveLength(1 + points.length);
    expect(table.rows[1]!.slice(0, 4)).toEqual(['25/11/2025', points[0]!.coopCount, points[0]!.ratIndicatorPercent, points[0]!.coveragePercent]);
    expect(table.charts.map((c) => c.kind)).toEqual(['line', 'column', ...CHECK_IDS.map(() => 'stackedColumn')]);
    for (const chart of table.charts) for (const c of chart.columns) expect(table.rows[0]![c]).not.toBe('');
  });
});

describe('statuses on a past date', () => {
  test('the last check on or before the date; null before the history starts', () => {
    expect(checkOn(entries, '2026-07-01')?.checkedOn).toBe('2026-06-23');
    expect(checkOn(entries, '2026-07-07')?.checkedOn).toBe('2026-07-07');
    expect(checkOn(entries, '2025-11-24')).toBeNull();
    expect(coopStatusOn(entries, ' kkmp-bpp-01 ', '2026-01-01')?.statuses.mentor).toBe('TANPA_PENDAMPING');
    expect(coopStatusOn(entries, 'KKMP-BPP-01', '2026-02-01')?.statuses.mentor).toBe('PENDAMPING_BERLEBIH');
    expect(coopStatusOn(entries, 'KOP-BPP-053', '2026-04-01')).toBeNull();
    expect(coopStatusOn(entries, 'KOP-BPP-053', '2026-04-14')?.statuses.legal).toBe('DALAM_PROSES');
  });
});

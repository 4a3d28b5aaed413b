/**
 * The trend series as the table the `Grafik` sheet holds and its native charts
 * read: one row per recorded check-all (date, co-ops, RAT indicator, mentor
 * coverage, improved, worsened, then the count of every status of every
 * check), with where each chart's columns are. Pure: the adapter only writes
 * it and points the charts at it.
 */
import type { CheckId } from '../../shared/types';
import { dayFromIso, displayFromDay } from '../calendar';
import { fill, message } from '../messages';
import { CHECK_IDS, STATUSES_BY_CHECK } from '../rule-data';
import type { TrendPoint } from './trends';

export interface ChartSpec {
  kind: 'line' | 'stackedColumn' | 'column';
  title: string;
  /** 0-based columns of the table the chart shows, besides the date column 0. */
  columns: number[];
  /** Series colours, in the order of `columns`. */
  colours: string[];
}

export interface TrendTable {
  rows: Array<Array<string | number>>;
  charts: ChartSpec[];
}

const LEVEL_COLOURS = ['#34a853', '#f9ab00', '#fbbc04', '#e37400', '#d93025'];

export function trendTable(points: readonly TrendPoint[]): TrendTable {
  const h = (key: string): string => message('history', key).id;
  const header: string[] = [h('trendDate'), h('trendCoops'), h('trendRat'), h('trendCoverage'), h('trendImproved'), h('trendWorsened')];
  const statusColumns: Array<{ check: CheckId; status: string }> = [];
  for (const check of CHECK_IDS) {
    for (const status of STATUSES_BY_CHECK[check] ?? []) {
      statusColumns.push({ check, status });
      header.push(`${message('check', check).id}: ${message('status', status).id}`);
    }
  }
  const rows: Array<Array<string | number>> = [header];
  for (const p of points) {
    rows.push([
      displayFromDay(dayFromIso(p.checkedOn) as number),
      p.coopCount,
      p.ratIndicatorPercent,
      p.coveragePercent,
      p.improved,
      p.worsened,
      ...statusColumns.map(({ check, status }) => p.statusCounts[check]?.[status] ?? 0),
    ]);
  }
  const charts: ChartSpec[] = [
    { kind: 'line', title: h('chartRatCoverage'), columns: [2, 3], colours: ['#1a73e8', '#188038'] },
    { kind: 'column', title: `${h('trendImproved')} / ${h('trendWorsened')}`, columns: [4, 5], colours: ['#34a853', '#d93025'] },
  ];
  for (const check of CHECK_IDS) {
    const columns = statusColumns.flatMap((c, i) => (c.check === check ? [6 + i] : []));
    const colours = columns.map((_, i) => LEVEL_COLOURS[Math.round((i / Math.max(1, columns.length - 1)) * (LEVEL_COLOURS.length - 1))] as string);
    charts.push({ kind: 'stackedColumn', title: fill(h('chartCounts'), () => message('check', check).id), columns, colours });
  }
  return { rows, charts };
}

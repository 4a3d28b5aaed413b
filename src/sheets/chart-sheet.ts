/**
 * The sheet `Grafik`: the trend table (one row per recorded check-all, from
 * `Riwayat`) and native Sheets charts built on it with EmbeddedChartBuilder —
 * RAT indicator and mentor coverage over time, improved/worsened co-ops, and
 * the count per status of every check. Refreshed by every completed
 * "Periksa semua": the table is rewritten in place (one write) and the
 * charts are replaced, so the sheet never holds a stale chart.
 */
import type { TrendPoint } from '../core/history/trends';
import { trendTable, type ChartSpec } from '../core/history/trend-table';
import { message } from '../core/messages';
import { SHEETS } from '../core/workbook/columns';
import { writeValues } from './cell-writer';
import { ensureSize } from './grid-writer';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The table starts in this column; the charts sit to its left, two per row of charts. */
export const TREND_TABLE_COLUMN = 16;
const CHART_ROWS = 20;
const CHART_COLUMNS = 7;
const CHART_SIZE = { width: 620, height: 380 };

export function refreshChartSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, points: readonly TrendPoint[]): void {
  const sheet = spreadsheet.getSheetByName(SHEETS.charts) ?? spreadsheet.insertSheet(SHEETS.charts);
  const table = trendTable(points);
  const width = table.rows[0]!.length;
  // Cover what an earlier (longer) table wrote, so no stale row is left below.
  const oldRows = Math.max(0, sheet.getLastRow() - 1);
  const rows = Math.max(table.rows.length, oldRows + 1);
  ensureSize(sheet, Math.max(rows, CHART_ROWS * Math.ceil(table.charts.length / 2)), TREND_TABLE_COLUMN + width - 1);
  const padded = Array.from({ length: rows }, (_, r) => table.rows[r] ?? Array<string>(width).fill(''));
  writeValues(sheet.getRange(1, TREND_TABLE_COLUMN, rows, width), padded);
  writeValues(sheet.getRange(1, 1, 1, 1), [[message('history', 'chartsNote').id]]);
  sheet.getRange(1, TREND_TABLE_COLUMN, 1, width).setFontWeight('bold');
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  const dataRows = table.rows.length;
  table.charts.forEach((spec, i) => {
    sheet.insertChart(buildChart(sheet, spec, dataRows, 2 + Math.floor(i / 2) * CHART_ROWS, 1 + (i % 2) * CHART_COLUMNS));
  });
}

function buildChart(sheet: Sheet, spec: ChartSpec, dataRows: number, row: number, column: number): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const range = (offset: number): GoogleAppsScript.Spreadsheet.Range => sheet.getRange(1, TREND_TABLE_COLUMN + offset, dataRows, 1);
  const base = sheet.newChart();
  const builder = spec.kind === 'line' ? base.asLineChart() : base.asColumnChart();
  builder.addRange(range(0));
  for (const c of spec.columns) builder.addRange(range(c));
  return builder
    .setNumHeaders(1)
    .setOption('title', spec.title)
    .setOption('colors', spec.colours)
    .setOption('isStacked', spec.kind === 'stackedColumn')
    .setOption('legend', { position: 'bottom' })
    .setOption('width', CHART_SIZE.width)
    .setOption('height', CHART_SIZE.height)
    .setPosition(row, column, 0, 0)
    .build();
}

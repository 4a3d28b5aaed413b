/**
 * Writes the sheet `Laporan` (the one-page report) in place: values through
 * the cell writer (every text stays text: "63,4%" or "9/14" must not become a
 * number or a date), then colours and weights, in three Range calls. Rows an
 * earlier, longer report used are blanked.
 */
import type { ReportGrid } from '../core/report/report-sheet';
import { SHEETS } from '../core/workbook/columns';
import { writeValues } from './cell-writer';
import { ensureSize } from './grid-writer';

export function writeReportSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, grid: ReportGrid): void {
  const existing = spreadsheet.getSheetByName(SHEETS.report);
  const sheet = existing ?? spreadsheet.insertSheet(SHEETS.report);
  if (!existing) grid.columnWidths.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  const width = Math.max(grid.values[0]?.length ?? 1, sheet.getLastColumn());
  const rows = Math.max(grid.values.length, sheet.getLastRow());
  ensureSize(sheet, rows, width);
  const pad = <T>(lines: T[][], blank: T): T[][] => Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => lines[r]?.[c] ?? blank));
  const range = sheet.getRange(1, 1, rows, width);
  writeValues(range, pad<string | number>(grid.values, ''));
  range.setBackgrounds(pad<string | null>(grid.backgrounds, null) as string[][]);
  range.setFontWeights(pad<string>(grid.fontWeights, 'normal') as GoogleAppsScript.Spreadsheet.FontWeight[][]);
}

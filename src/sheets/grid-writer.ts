/**
 * Writes a grid the add-on owns (values, backgrounds, font weights) over a
 * sheet's used area in three Range calls. The grid is padded to cover what the
 * previous run wrote, so re-running replaces results in place, and the sheet
 * is never left empty between a clear and a write.
 */
import type { Grid } from '../core/workbook/results-grid';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function writeGrid(sheet: Sheet, grid: Grid, firstRow = 1): void {
  const oldRows = Math.max(0, sheet.getLastRow() - firstRow + 1);
  const rows = Math.max(grid.values.length, oldRows);
  const columns = Math.max(grid.values[0]?.length ?? 1, sheet.getLastColumn());
  ensureSize(sheet, firstRow + rows - 1, columns);
  const pad = <T>(source: T[][], blank: T): T[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => source[r]?.[c] ?? blank));
  const range = sheet.getRange(firstRow, 1, rows, columns);
  range.setValues(pad<string | number>(grid.values, ''));
  range.setBackgrounds(pad<string | null>(grid.backgrounds, null) as string[][]);
  range.setFontWeights(pad<string>(grid.fontWeights, 'normal') as GoogleAppsScript.Spreadsheet.FontWeight[][]);
}

export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
}

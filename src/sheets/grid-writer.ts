/**
 * Writes a grid the add-on owns (values, backgrounds, font weights) over a
 * sheet's used area in three Range calls. The grid is padded to cover what the
 * previous run wrote, so re-running replaces results in place, and the sheet
 * is never left empty between a clear and a write. Values go through the
 * cell writer, so every text is stored as text.
 */
import type { Grid } from '../core/workbook/results-grid';
import { writeValues } from './cell-writer';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function writeGrid(sheet: Sheet, grid: Grid, firstRow = 1): void {
  const oldRows = Math.max(0, sheet.getLastRow() - firstRow + 1);
  const rows = Math.max(grid.values.length, oldRows);
  const columns = Math.max(grid.values[0]?.length ?? 1, sheet.getLastColumn());
  ensureSize(sheet, firstRow + rows - 1, columns);
  const range = sheet.getRange(firstRow, 1, rows, columns);
  writeValues(range, padInPlace<string | number>(grid.values, rows, columns, ''));
  range.setBackgrounds(padInPlace<string | null>(grid.backgrounds, rows, columns, null) as string[][]);
  range.setFontWeights(padInPlace<string>(grid.fontWeights, rows, columns, 'normal') as GoogleAppsScript.Spreadsheet.FontWeight[][]);
}

/** Extends a grid (in place, no copy: a national grid is large) to rows × columns with blanks. */
function padInPlace<T>(grid: T[][], rows: number, columns: number, blank: T): T[][] {
  for (const row of grid) while (row.length < columns) row.push(blank);
  while (grid.length < rows) grid.push(new Array<T>(columns).fill(blank));
  return grid;
}

export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
}

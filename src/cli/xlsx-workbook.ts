/**
 * .xlsx files for the command line. Reading is streamed (xlsx-stream.ts:
 * yauzl + saxes, cell semantics checked against SheetJS CE on every
 * fixture): files from every program we have met (charts, images, notes made
 * by LibreOffice or other libraries), ISO date cells (`t="d"`), the 1904 date
 * system however it is flagged, boolean and error cells, rich text, a stray
 * cell in row 1,048,576. Each sheet comes out as values shaped as Sheets gives
 * them (numbers, booleans, Date at UTC midnight, "" for empty, text; formulas
 * as their saved result, a formula without one as `FormulaWithoutResult`;
 * error cells as "#N/A" text) plus the number formats of number cells and the
 * merged ranges — what the core reader needs to read a percent cell or a merge
 * the same way as the add-on.
 *
 * Writing (`--out`, the sample workbook) stays with ExcelJS, loaded only then:
 * README "Reading .xlsx files" has the measurements behind this split.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { CellContext } from '../core/workbook/cell-values';
import { MEETING_COLUMNS, MENTOR_COLUMNS, PARAMETER_COLUMNS, REGISTER_COLUMNS, SHEETS, type ColumnSpec } from '../core/workbook/columns';
import { parameterRows } from '../core/workbook/parameter-rows';
import { tableRows } from '../core/workbook/table-rows';
import type { SheetValues } from '../core/workbook/workbook-reader';
import { streamXlsxSheets } from './xlsx-stream';

/** .xlsx dates carry no time zone: the reader gives the written date at UTC midnight. */
export const XLSX_CELL_CONTEXT: CellContext = {
  dateToIso: (date) => (Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)),
};

/** The check context for .xlsx values on a check date (past-event dates may not be after it). */
export function xlsxCellContext(asOf: string | null): CellContext {
  return { ...XLSX_CELL_CONTEXT, asOf };
}

/**
 * Every sheet of an .xlsx file as the core reader takes it, streamed (see
 * xlsx-stream.ts). Rows without cells stay holes and each row is as long as
 * its last cell, so time and memory follow the cells that hold data, not the
 * sheet's extent. Throws when the file is not an .xlsx.
 */
export async function readXlsxSheets(file: string): Promise<SheetValues[]> {
  const head = Buffer.alloc(4);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  // An .xlsx file is a zip archive (local file header PK\x03\x04).
  if (head.readUInt32LE(0) !== 0x04034b50) throw new Error('not an .xlsx file (no zip archive)');
  return streamXlsxSheets(file);
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export interface GridToWrite {
  values: Array<Array<string | number>>;
  backgrounds: Array<Array<string | null>>;
  fontWeights: string[][];
}

/** Replaces (or adds) one sheet with a grid; other sheets are untouched. */
export function putSheet(workbook: ExcelJS.Workbook, name: string, grid: GridToWrite, columnWidths: number[] = []): void {
  const existing = workbook.getWorksheet(name);
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  grid.values.forEach((row, r) => {
    const line = sheet.getRow(r + 1);
    row.forEach((value, c) => {
      if (value === '') return;
      const cell = line.getCell(c + 1);
      cell.value = value;
      const colour = grid.backgrounds[r]?.[c];
      if (colour) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colour.slice(1).toUpperCase()}` } };
      if (grid.fontWeights[r]?.[c] === 'bold') cell.font = { bold: true };
      if (typeof value === 'string' && value.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
}

const FORMATS: Partial<Record<string, string>> = { date: 'dd/mm/yyyy', amount: '"Rp" #,##0' };
const FIXED_TIME = new Date(Date.UTC(2026, 0, 1));

/**
 * A workbook in the contract's layout from a check input: `Koperasi`, `RAT`,
 * `Pendamping` and `Parameter` with their headers (bold, frozen), date and
 * Rupiah formats. Document times are fixed so the same input gives the same
 * file contents.
 */
export function inputWorkbook(input: import('../shared/types').CheckInput): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Pantau KKMP';
  workbook.created = FIXED_TIME;
  workbook.modified = FIXED_TIME;
  const tables: Array<[string, ReadonlyArray<ColumnSpec>, readonly object[]]> = [
    [SHEETS.register, REGISTER_COLUMNS, input.coops],
    [SHEETS.meetings, MEETING_COLUMNS, input.meetings],
    [SHEETS.mentors, MENTOR_COLUMNS, input.mentors],
  ];
  for (const [name, columns, items] of tables) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const rows = tableRows(columns, items, (iso) => new Date(`${iso}T00:00:00Z`));
    sheet.addRows(rows);
    sheet.getRow(1).font = { bold: true };
    columns.forEach((column, i) => {
      const col = sheet.getColumn(i + 1);
      col.width = Math.round((column.width ?? 140) / 7);
      const format = FORMATS[column.kind];
      if (format) col.numFmt = format;
    });
  }
  const parameters = workbook.addWorksheet(SHEETS.parameters, { views: [{ state: 'frozen', ySplit: 1 }] });
  parameters.addRows([PARAMETER_COLUMNS.map((c) => c.label), ...parameterRows()]);
  parameters.getRow(1).font = { bold: true };
  PARAMETER_COLUMNS.forEach((column, i) => {
    parameters.getColumn(i + 1).width = Math.round((column.width ?? 140) / 7);
  });
  return workbook;
}

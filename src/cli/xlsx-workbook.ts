/**
 * .xlsx files for the command line. Reading goes through SheetJS Community
 * Edition 0.20 (`@e965/xlsx`, the registry's republication of the SheetJS
 * CDN build): it reads files from every program we have met (charts, images,
 * notes made by LibreOffice or other libraries), ISO date cells (`t="d"`),
 * the 1904 date system however it is flagged, boolean and error cells, rich
 * text, and keeps a stray cell in row 1,048,576 as one cell. Each sheet comes
 * out as values shaped as Sheets gives them (numbers, booleans, Date at UTC
 * midnight, "" for empty, text; formulas as their saved result, a formula
 * without one as `FormulaWithoutResult`; error cells as "#N/A" text) plus the
 * number formats of number cells and the merged ranges — what the core reader
 * needs to read a percent cell or a merge the same way as the add-on.
 *
 * Writing (`--out`, the sample workbook) stays with ExcelJS, loaded only then:
 * README "Reading .xlsx files" has the measurements behind this split.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import type { CellContext, FormulaWithoutResult } from '../core/workbook/cell-values';
import { MEETING_COLUMNS, MENTOR_COLUMNS, PARAMETER_COLUMNS, REGISTER_COLUMNS, SHEETS, type ColumnSpec } from '../core/workbook/columns';
import { parameterRows } from '../core/workbook/parameter-rows';
import { tableRows } from '../core/workbook/table-rows';
import type { MergedRange, SheetValues } from '../core/workbook/workbook-reader';

/** .xlsx dates carry no time zone: the reader gives the written date at UTC midnight. */
export const XLSX_CELL_CONTEXT: CellContext = {
  dateToIso: (date) => (Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)),
};

/** The check context for .xlsx values on a check date (past-event dates may not be after it). */
export function xlsxCellContext(asOf: string | null): CellContext {
  return { ...XLSX_CELL_CONTEXT, asOf };
}

const DAY_MS = 86_400_000;
/** Day 0 of both date systems as Sheets counts it: 30 December 1899 (1900 system); the 1904 system starts 1,462 days later. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const OFFSET_1904_DAYS = 1462;

/** Error cells: SheetJS keeps the BIFF error code (ECMA-376 Part 1, 18.18.26 ST_CellError). */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

/** A date serial (days, fraction = time of day) as a Date at UTC, in the workbook's date system. */
export function dateFromSerial(serial: number, date1904: boolean): Date {
  return new Date(EPOCH_1900 + Math.round((serial + (date1904 ? OFFSET_1904_DAYS : 0)) * DAY_MS));
}

/** One SheetJS cell as Sheets would give it, and its number format where it matters. */
export function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): unknown {
  if (!cell) return '';
  switch (cell.t) {
    case 'z':
      return cell.f ? ({ formulaWithoutResult: cell.f } satisfies FormulaWithoutResult) : '';
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return cell.v === true;
    case 'e':
      return ERROR_TEXT[cell.v as number] ?? '#ERROR!';
    case 'd':
      return cell.v instanceof Date ? cell.v : new Date(String(cell.v));
    case 'n': {
      const value = cell.v as number;
      if (cell.f !== undefined && value === undefined) return { formulaWithoutResult: cell.f } satisfies FormulaWithoutResult;
      return typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z) ? dateFromSerial(value, date1904) : value;
    }
    default:
      return cell.v === undefined ? '' : cell.v;
  }
}

const READ_OPTIONS: XLSX.ParsingOptions = {
  type: 'buffer',
  dense: true,
  cellNF: true,
  cellFormula: true,
  cellDates: false,
  cellHTML: false,
  cellText: false,
  cellStyles: false,
  sheetStubs: true,
  bookVBA: false,
};

/**
 * Every sheet of an .xlsx file as the core reader takes it. Rows without
 * cells stay holes and each row is as long as its last cell, so time and
 * memory follow the cells that hold data, not the sheet's extent.
 * Throws when the file is not a spreadsheet SheetJS can read.
 */
export function readXlsxSheets(file: string): SheetValues[] {
  const bytes = readFileSync(file);
  // An .xlsx file is a zip archive; SheetJS would also read plain text or HTML as a sheet, which is not what was given.
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new Error('not an .xlsx file (no zip archive)');
  const workbook = XLSX.read(bytes, READ_OPTIONS);
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name] as XLSX.WorkSheet;
    const data = (sheet['!data'] ?? []) as Array<Array<XLSX.CellObject | undefined> | undefined>;
    const values: unknown[][] = [];
    const formats: Array<unknown[] | undefined> = [];
    data.forEach((cells, r) => {
      if (!cells) return;
      const row: unknown[] = [];
      let formatRow: unknown[] | undefined;
      let last = -1;
      cells.forEach((cell, c) => {
        if (!cell) return;
        const value = cellValue(cell, date1904);
        row[c] = value;
        if (value !== '') last = c;
        if (cell.t === 'n' && typeof cell.z === 'string' && cell.z !== 'General' && typeof value === 'number') (formatRow ??= [])[c] = cell.z;
      });
      if (last < 0) return;
      row.length = last + 1;
      for (let c = 0; c <= last; c += 1) if (row[c] === undefined) row[c] = '';
      values[r] = row;
      if (formatRow) formats[r] = formatRow;
    });
    const merges: MergedRange[] = (sheet['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    return { name, values, formats, merges };
  });
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

/**
 * .xlsx files for the command line, through ExcelJS: read every sheet into
 * values shaped as Sheets gives them (numbers, booleans, Date, "" for empty,
 * text; formula cells as their cached result; error cells as "#N/A" text),
 * and write a copy of a workbook with the results sheet added — every
 * original sheet and value left as it was.
 */
import ExcelJS from 'exceljs';
import type { CellContext } from '../core/workbook/cell-values';
import { MEETING_COLUMNS, MENTOR_COLUMNS, PARAMETER_COLUMNS, REGISTER_COLUMNS, SHEETS, type ColumnSpec } from '../core/workbook/columns';
import { parameterRows } from '../core/workbook/parameter-rows';
import { tableRows } from '../core/workbook/table-rows';
import type { SheetValues } from '../core/workbook/workbook-reader';

/** .xlsx dates carry no time zone: ExcelJS gives the written date at UTC midnight. */
export const XLSX_CELL_CONTEXT: CellContext = {
  dateToIso: (date) => (Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10)),
};

type CellInput = ExcelJS.CellValue;

export function cellValue(value: CellInput): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('error' in value) return String(value.error);
    if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as CellInput);
    if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  }
  return String(value);
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

export function sheetValues(workbook: ExcelJS.Workbook): SheetValues[] {
  return workbook.worksheets.map((sheet) => {
    const width = sheet.columnCount;
    const values: unknown[][] = [];
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      values.push(Array.from({ length: width }, (_, c) => cellValue(row.getCell(c + 1).value)));
    }
    return { name: sheet.name, values };
  });
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

/**
 * The SheetJS Community Edition reading of an .xlsx file (`@e965/xlsx`), as
 * the reference for the streaming reader (differential test) and as a
 * candidate in the reader benchmark. Same shapes as readXlsxSheets.
 */
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { isPercentFormat, type FormulaWithoutResult } from '../../src/core/workbook/cell-values';
import type { MergedRange, SheetValues } from '../../src/core/workbook/workbook-reader';

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
export function readWithSheetJS(file: string): SheetValues[] {
  const bytes = readFileSync(file);
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
        if (cell.t === 'n' && typeof value === 'number' && isPercentFormat(cell.z)) (formatRow ??= [])[c] = cell.z;
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


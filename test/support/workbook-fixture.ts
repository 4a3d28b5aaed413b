/**
 * Builds fake workbooks laid out as shared/workbook.md describes, the way
 * staff fill them: header labels with units, dates as Date cells at midnight
 * in Asia/Makassar (UTC+8), yes/no as "Ya"/"Tidak", amounts as numbers.
 */
import { MEETING_COLUMNS, MENTOR_COLUMNS, REGISTER_COLUMNS, SHEETS, VISIT_COLUMNS, type ColumnSpec } from '../../src/core/workbook/columns';
import type { Visit } from '../../src/shared/mentoring';
import { tableRows as coreTableRows } from '../../src/core/workbook/table-rows';
import type { CheckInput } from '../../src/shared/types';
import { FakeSpreadsheet, FakeSpreadsheetApp, type CellValue } from './fakes/spreadsheet-app';

const MAKASSAR_OFFSET_MS = 8 * 3600_000;

/** The Date Sheets gives for a date cell in Asia/Makassar. */
export function sheetDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - MAKASSAR_OFFSET_MS);
}

/** The rows of a table as Sheets gives them: dates are Date cells at midnight in Asia/Makassar. */
export function tableRows<T>(columns: ReadonlyArray<ColumnSpec>, items: readonly T[]): CellValue[][] {
  return coreTableRows(columns, items, sheetDate) as CellValue[][];
}

/** A spreadsheet (attached to a fresh FakeSpreadsheetApp) holding the input's register, RAT log and mentors. */
export function workbookFrom(input: CheckInput, extra: { parameters?: Array<[string, CellValue]>; visits?: Visit[] } = {}): FakeSpreadsheet {
  const app = new FakeSpreadsheetApp();
  const spreadsheet = app.getActiveSpreadsheet();
  spreadsheet.insertSheet(SHEETS.register).seed(tableRows(REGISTER_COLUMNS, input.coops));
  spreadsheet.insertSheet(SHEETS.meetings).seed(tableRows(MEETING_COLUMNS, input.meetings));
  spreadsheet.insertSheet(SHEETS.mentors).seed(tableRows(MENTOR_COLUMNS, input.mentors));
  if (extra.visits) spreadsheet.insertSheet(SHEETS.visits).seed(tableRows(VISIT_COLUMNS, extra.visits));
  if (extra.parameters) spreadsheet.insertSheet(SHEETS.parameters).seed([['Kunci', 'Nilai', 'Keterangan'], ...extra.parameters.map(([k, v]) => [k, v, ''])]);
  return spreadsheet;
}

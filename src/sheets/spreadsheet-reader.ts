/**
 * Reads the workbook the way the readers need it: each sheet's values, number
 * formats and merged ranges in one batched Range read each (never per row or
 * per cell), Date cells turned into calendar dates in the spreadsheet's own
 * time zone, and the spreadsheet's locale. The core reader does the rest, the
 * same for the add-on, the formulas and the command line: a percent cell holds
 * 1 for 100 % (its number format says so); Sheets gives a merge's value only in
 * its top-left cell and "" in the rest (the core reads it for every row the
 * merge covers); a month-first locale (en_US) is warned about.
 */
import type { CellContext } from '../core/workbook/cell-values';
import { SHEETS } from '../core/workbook/columns';
import { readWorkbook, type SheetValues } from '../core/workbook/workbook-reader';
import type { WorkbookData } from '../shared/sidebar-api';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function cellContext(timeZone: string, extra: Pick<CellContext, 'asOf' | 'locale'> = {}): CellContext {
  // One Utilities call per distinct instant, not per cell: each is a slow service call,
  // and a register repeats the same dates (midnight of a day) many times.
  const seen = new Map<number, string>();
  return {
    ...extra,
    dateToIso: (date) => {
      const time = date.getTime();
      if (Number.isNaN(time)) return null;
      let iso = seen.get(time);
      if (iso === undefined) seen.set(time, (iso = Utilities.formatDate(date, timeZone, 'yyyy-MM-dd')));
      return iso;
    },
  };
}

/** The cell context of this spreadsheet on a check date: its time zone and its locale. */
export function spreadsheetContext(spreadsheet: Spreadsheet, asOf: string | null): CellContext {
  return cellContext(spreadsheet.getSpreadsheetTimeZone(), { asOf, locale: spreadsheet.getSpreadsheetLocale() });
}

/** Sheets the add-on writes itself: never read as input (Riwayat alone may hold 600,000 cells). */
const OWN_SHEETS: ReadonlySet<string> = new Set([SHEETS.results, SHEETS.staging, SHEETS.history, SHEETS.charts, SHEETS.report]);

/**
 * Every sheet but the ones the add-on writes (results, staging, Riwayat,
 * Grafik, Laporan): per sheet one getValues(), one getNumberFormats() and one
 * getMergedRanges() on its data range.
 */
export function readSheets(spreadsheet: Spreadsheet): SheetValues[] {
  return spreadsheet
    .getSheets()
    .filter((sheet) => !OWN_SHEETS.has(sheet.getName()))
    .map((sheet) => {
      const range = sheet.getDataRange();
      const merges = range.getMergedRanges().map((m) => ({ top: m.getRow() - 1, left: m.getColumn() - 1, bottom: m.getRow() + m.getNumRows() - 2, right: m.getColumn() + m.getNumColumns() - 2 }));
      return { name: sheet.getName(), values: range.getValues() as unknown[][], formats: range.getNumberFormats() as unknown[][], merges };
    });
}

/** The whole workbook as the readers see it (one read per sheet). */
export function readWorkbookData(spreadsheet: Spreadsheet): WorkbookData {
  const read = readWorkbook(readSheets(spreadsheet), spreadsheetContext(spreadsheet, clock(new Date(), spreadsheet.getSpreadsheetTimeZone()).asOf));
  return { coops: read.coops, meetings: read.meetings, mentors: read.mentors, problems: read.problems };
}

/** Today's date (YYYY-MM-DD) and a display time in the spreadsheet's time zone. */
export function clock(now: Date, timeZone: string): { asOf: string; checkedAt: string } {
  return { asOf: Utilities.formatDate(now, timeZone, 'yyyy-MM-dd'), checkedAt: Utilities.formatDate(now, timeZone, 'dd/MM/yyyy HH:mm') };
}

/**
 * Reads the workbook the way the readers need it: each sheet's values in one
 * batched Range read (never per row or per cell), and Date cells turned into
 * calendar dates in the spreadsheet's own time zone.
 */
import type { CellContext } from '../core/workbook/cell-values';
import { SHEETS } from '../core/workbook/columns';
import { readWorkbook, type SheetValues } from '../core/workbook/workbook-reader';
import type { WorkbookData } from '../shared/sidebar-api';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function cellContext(timeZone: string): CellContext {
  // One Utilities call per distinct instant, not per cell: each is a slow service call,
  // and a register repeats the same dates (midnight of a day) many times.
  const seen = new Map<number, string>();
  return {
    dateToIso: (date) => {
      const time = date.getTime();
      if (Number.isNaN(time)) return null;
      let iso = seen.get(time);
      if (iso === undefined) seen.set(time, (iso = Utilities.formatDate(date, timeZone, 'yyyy-MM-dd')));
      return iso;
    },
  };
}

/** Sheets the add-on writes itself: never read as input (Riwayat alone may hold 600,000 cells). */
const OWN_SHEETS: ReadonlySet<string> = new Set([SHEETS.results, SHEETS.staging, SHEETS.history, SHEETS.charts, SHEETS.report]);

/** Every sheet but the ones the add-on writes: one getValues() each. */
export function readSheets(spreadsheet: Spreadsheet): SheetValues[] {
  return spreadsheet
    .getSheets()
    .filter((sheet) => !OWN_SHEETS.has(sheet.getName()))
    .map((sheet) => ({ name: sheet.getName(), values: sheet.getDataRange().getValues() as unknown[][] }));
}

/** The whole workbook as the readers see it (one read per sheet). */
export function readWorkbookData(spreadsheet: Spreadsheet): WorkbookData {
  const read = readWorkbook(readSheets(spreadsheet), cellContext(spreadsheet.getSpreadsheetTimeZone()));
  return { coops: read.coops, meetings: read.meetings, mentors: read.mentors, problems: read.problems };
}

/** Today's date (YYYY-MM-DD) and a display time in the spreadsheet's time zone. */
export function clock(now: Date, timeZone: string): { asOf: string; checkedAt: string } {
  return { asOf: Utilities.formatDate(now, timeZone, 'yyyy-MM-dd'), checkedAt: Utilities.formatDate(now, timeZone, 'dd/MM/yyyy HH:mm') };
}

/**
 * Takes the user to a co-op: its co-op sheet if it has one, else its row in
 * the register (selected), so the dashboard's list leads to the data.
 */
import { idKey } from '../core/city-index';
import { fillBoth, message } from '../core/messages';
import { COOP_SHEET_MARKER, SHEETS } from '../core/workbook/columns';
import { readWorkbook } from '../core/workbook/workbook-reader';
import { readSheets, spreadsheetContext } from './spreadsheet-reader';

export function openCoop(coopId: string): { sheet: string; row: number } {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const read = readWorkbook(readSheets(spreadsheet), spreadsheetContext(spreadsheet, null));
  const id = Object.keys(read.origins).find((key) => idKey(key) === idKey(coopId));
  if (id === undefined) throw new Error(fillBoth(message('ui', 'coopSheetUnknown'), () => coopId).id);
  const ownSheet = spreadsheet.getSheetByName(id.trim());
  const origin = ownSheet && ownSheet.getRange(1, 1).getValue() === COOP_SHEET_MARKER ? { sheet: id.trim(), row: 1 } : (read.origins[id] as { sheet: string; row: number });
  const sheet = spreadsheet.getSheetByName(origin.sheet) ?? spreadsheet.getSheetByName(SHEETS.register);
  if (sheet) {
    spreadsheet.setActiveSheet(sheet);
    spreadsheet.setActiveRange(sheet.getRange(origin.row, 1, 1, Math.max(1, sheet.getLastColumn())));
  }
  return origin;
}

/**
 * Creates or refreshes the co-op sheet of one co-op. A new sheet gets the
 * co-op's register row as typed; an existing one keeps its profile rows
 * (people may have typed there) and only its results block is rewritten.
 * A sheet of that name that is not a co-op sheet is never written.
 */
import { idKey } from '../core/city-index';
import { fill, message } from '../core/messages';
import { COOP_SHEET_RESULTS_MARKER, SHEETS } from '../core/workbook/columns';
import { coopResultsGrid, profileRows } from '../core/workbook/coop-sheet-grid';
import { normaliseLabel } from '../core/workbook/header-matching';
import { isCoopSheet, registerCells } from '../core/workbook/workbook-reader';
import { checkWorkbook } from './check-all';
import { isReservedSheetName, nameKey } from './coop-sheet-names';
import { withDocumentLock } from './document-lock';
import { writeValues } from './cell-writer';
import { ensureSize, writeGrid } from './grid-writer';

export class CoopSheetError extends Error {}

export function refreshCoopSheet(coopId: string, now: Date): { sheet: string } {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const { run, read, sheets, checkedAt } = checkWorkbook(spreadsheet, now);
    const result = run.results.find((r) => idKey(r.coopId) === idKey(coopId));
    if (!result) throw new CoopSheetError(fill(message('ui', 'coopSheetUnknown').id, () => coopId));
    const origin = read.origins[result.coopId] as { sheet: string; row: number };
    const name = origin.sheet === SHEETS.register ? result.coopId.trim() : origin.sheet;
    if (origin.sheet === SHEETS.register && isReservedSheetName(name)) throw new CoopSheetError(fill(message('ui', 'coopSheetReserved').id, () => name));
    // Sheets matches sheet names without regard to case: so must the look-up of what is already there.
    const existing = sheets.find((s) => nameKey(s.name) === nameKey(name));
    if (existing && !isCoopSheet(existing.values)) throw new CoopSheetError(fill(message('ui', 'coopSheetTaken').id, () => name));

    let sheet = spreadsheet.getSheetByName(name);
    let markerRow: number;
    if (!sheet || !existing) {
      sheet = sheet ?? spreadsheet.insertSheet(name);
      const register = sheets.find((s) => s.name === SHEETS.register);
      const profile = profileRows(register ? registerCells(register, origin.row) : new Map());
      ensureSize(sheet, profile.length + 2, 3);
      writeValues(sheet.getRange(1, 1, profile.length, 2), profile);
      sheet.getRange(1, 1).setFontWeight('bold');
      sheet.setColumnWidth(1, 220);
      sheet.setColumnWidth(2, 300);
      sheet.setColumnWidth(3, 520);
      markerRow = profile.length + 2;
    } else {
      const found = existing.values.findIndex((row) => normaliseLabel(row[0]) === normaliseLabel(COOP_SHEET_RESULTS_MARKER));
      markerRow = found >= 0 ? found + 1 : existing.values.length + 2;
    }
    writeGrid(sheet, coopResultsGrid(result, checkedAt, run.rulesVersion), markerRow);
    return { sheet: sheet.getName() };
  });
}

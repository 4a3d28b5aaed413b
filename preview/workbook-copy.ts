/**
 * The preview's workbook: a copy of examples/balikpapan.xlsx loaded into the
 * SpreadsheetApp fake (dates become Sheets-style Date values at midnight in
 * Asia/Makassar) and saved back to an .xlsx after every change.
 */
import ExcelJS from 'exceljs';
import { readXlsxSheets } from '../src/cli/xlsx-workbook';
import { FakeSpreadsheet, FakeSpreadsheetApp, type CellValue } from '../test/support/fakes/spreadsheet-app';

const MAKASSAR_OFFSET_MS = 8 * 3600_000;

export async function loadCopy(file: string): Promise<FakeSpreadsheet> {
  const app = new FakeSpreadsheetApp();
  const spreadsheet = app.getActiveSpreadsheet();
  for (const sheet of await readXlsxSheets(file)) {
    // The reader keeps rows as long as their last cell; a sheet in Sheets is a rectangle.
    const width = Math.max(0, ...sheet.values.map((row) => row?.length ?? 0));
    const rows = Array.from(sheet.values, (row) =>
      Array.from({ length: width }, (_, c) => {
        const cell = row?.[c] ?? '';
        return cell instanceof Date ? new Date(cell.getTime() - MAKASSAR_OFFSET_MS) : (cell as CellValue);
      }),
    );
    spreadsheet.insertSheet(sheet.name).seed(rows);
  }
  return spreadsheet;
}

export async function saveCopy(spreadsheet: FakeSpreadsheet, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of spreadsheet.getSheets()) {
    const target = workbook.addWorksheet(sheet.getName());
    for (const row of sheet.dump()) {
      target.addRow(row.map((cell) => (Object.prototype.toString.call(cell) === '[object Date]' ? new Date((cell as Date).getTime() + MAKASSAR_OFFSET_MS) : cell)));
    }
  }
  await workbook.xlsx.writeFile(file);
}

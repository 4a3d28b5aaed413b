/**
 * Every normalisation case through the built bundle: cells as Sheets gives
 * them (Dates of the script's realm at midnight in Asia/Makassar, numbers,
 * booleans, typed text) are read by the add-on's own adapter, and what it
 * cannot read is reported with sheet, row and column.
 */
import { REGISTER_COLUMNS, headerText } from '../../src/core/workbook/columns';
import type { WorkbookData } from '../../src/shared/sidebar-api';
import type { CoopRecord } from '../../src/shared/types';
import { loadBundle } from '../support/apps-script-sandbox';
import { FakeSpreadsheetApp, type CellValue } from '../support/fakes/spreadsheet-app';
import { sheetDate } from '../support/workbook-fixture';

type Case = [keyof CoopRecord, CellValue, unknown];

const CASES: Case[] = [
  ['deedDate', sheetDate('2025-07-10'), '2025-07-10'],
  ['deedDate', sheetDate('2024-02-29'), '2024-02-29'],
  ['deedDate', '15/06/2025', '2025-06-15'],
  ['deedDate', '2025-06-15', '2025-06-15'],
  ['deedDate', '15 Juni 2025', '2025-06-15'],
  ['deedDate', '31/02/2025', 'unreadable'],
  ['deedDate', '#N/A', 'unreadable'],
  ['bankAccount', 'ya', true],
  ['bankAccount', '✓', true],
  ['bankAccount', true, true],
  ['bankAccount', 'TRUE', true],
  ['bankAccount', 'tidak', false],
  ['bankAccount', '-', false],
  ['bankAccount', 'mungkin', 'unreadable'],
  ['spCapital', 'Rp 15.000.000', 15_000_000],
  ['spCapital', '15.000.000,50', 15_000_000.5],
  ['spCapital', '1,5 juta', 1_500_000],
  ['spCapital', 250_000_000, 250_000_000],
  ['spCapital', '15,000', 'unreadable'],
  ['spCapital', '#REF!', 'unreadable'],
  ['members', 25, 25],
  ['members', 2.5, 'unreadable'],
  ['ratQuorumPercent', 0.2, 20],
  ['ratQuorumPercent', '50%', 50],
  ['nib', 9120001234567, '9120001234567'],
  ['mentorId', '', null],
];

describe('cell normalisation through the bundle', () => {
  const app = new FakeSpreadsheetApp();
  const register = app.getActiveSpreadsheet().insertSheet('Koperasi');
  const header = REGISTER_COLUMNS.map(headerText);
  register.seed([
    header,
    ...CASES.map(([field, raw], i) => REGISTER_COLUMNS.map((column) => (column.field === 'id' ? `C-${i + 1}` : column.field === field ? raw : ''))),
  ]);
  const data = loadBundle({ spreadsheet: app.getActiveSpreadsheet() }).run('getWorkbookData') as WorkbookData;

  test.each(CASES.map((c, i) => [i + 2, ...c] as const))('row %i: %s %p', (row, field, _raw, expected) => {
    const record = data.coops.find((c) => c.id === `C-${row - 1}`)!;
    const column = String.fromCharCode(65 + REGISTER_COLUMNS.findIndex((c) => c.field === field));
    const problem = data.problems.find((p) => p.location?.row === row);
    if (expected === 'unreadable') {
      expect(record[field]).toBeNull();
      expect(record.unreadable).toEqual([field]);
      expect(problem?.location?.column).toBe(`${REGISTER_COLUMNS.find((c) => c.field === field)!.label} (${column})`);
      expect(problem?.where).toBe(`sheet Koperasi, baris ${row}, kolom ${problem?.location?.column}`);
    } else {
      expect(record[field]).toEqual(expected);
      expect(problem).toBeUndefined();
    }
  });
});

/**
 * Spreadsheet cell kinds in the add-on path, against the command line on the
 * same layout (issue 14): merged cells (Sheets gives a merge's value only in
 * its top-left cell), percent-formatted cells (a cell showing 100 % holds 1)
 * and a spreadsheet whose locale reads dates month first (en_US). The add-on
 * runs the built bundle in the Apps Script sandbox; its SpreadsheetApp fake
 * keeps merges, number formats and the locale as Sheets does (see its
 * sources); the command line reads an .xlsx with the same cells.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { readXlsxSheets } from '../../src/cli/xlsx-workbook';
import type { WorkbookData } from '../../src/shared/sidebar-api';
import type { CheckRun } from '../../src/shared/types';
import { loadBundle } from '../support/apps-script-sandbox';
import { FakeSpreadsheetApp, type CellValue, type FakeSpreadsheet } from '../support/fakes/spreadsheet-app';

const BASELINE = path.resolve(__dirname, '..', 'fixtures', 'cases', '00-baseline.xlsx');
const PERCENT = path.resolve(__dirname, '..', 'fixtures', 'cases', '18-percent-cells.xlsx');
const NOW = new Date('2026-08-01T02:00:00Z');
const AS_OF = '2026-08-01';
const MAKASSAR_OFFSET_MS = 8 * 3600_000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-kinds-'));

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** The command line's statuses per co-op: [legal, rat, mentor, savingsLoans] labels. */
async function cliStatuses(file: string): Promise<{ statuses: Record<string, string[]>; problems: string[] }> {
  const out = new Capture();
  expect(await main(['check', file, '--as-of', AS_OF, '--json'], out, new Capture(), NOW)).toBe(0);
  const run = JSON.parse(out.text) as CheckRun;
  const statuses = Object.fromEntries(run.results.map((r) => [r.coopId, [r.checks.legal.label.id, r.checks.rat.label.id, r.checks.mentor.label.id, r.checks.savingsLoans.label.id]]));
  return { statuses, problems: run.problems.map((p) => p.text.en) };
}

/** A fake spreadsheet holding an .xlsx file's cells as Sheets would (dates at midnight in Asia/Makassar), with its number formats. */
async function spreadsheetFrom(file: string): Promise<FakeSpreadsheet> {
  const spreadsheet = new FakeSpreadsheetApp().getActiveSpreadsheet();
  for (const sheet of await readXlsxSheets(file)) {
    const width = Math.max(...sheet.values.map((row) => row?.length ?? 0));
    const rows = Array.from(sheet.values, (row) =>
      Array.from({ length: width }, (_, c) => {
        const cell = row?.[c] ?? '';
        return (cell instanceof Date ? new Date(cell.getTime() - MAKASSAR_OFFSET_MS) : cell) as CellValue;
      }),
    );
    const target = spreadsheet.insertSheet(sheet.name).seed(rows);
    sheet.formats?.forEach((row, r) => row?.forEach((format, c) => format && target.getRange(r + 1, c + 1).setNumberFormat(format as string)));
  }
  return spreadsheet;
}

/** The add-on's statuses per co-op after "Periksa semua", read from Hasil Pemeriksaan. */
function addOnStatuses(spreadsheet: FakeSpreadsheet): { statuses: Record<string, string[]>; data: WorkbookData } {
  const sandbox = loadBundle({ spreadsheet, now: NOW });
  sandbox.run('runCheckAll');
  const written = sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump();
  const statuses: Record<string, string[]> = {};
  for (const row of written.slice(1)) if (typeof row[0] === 'string' && row[0].startsWith('KKMP-')) statuses[row[0]] = row.slice(2, 6) as string[];
  return { statuses, data: sandbox.run('getWorkbookData') as WorkbookData };
}

describe('cell kinds: the add-on and the command line agree', () => {
  test('a mentor ID merged down three rows covers those three co-ops in both', async () => {
    // The command line's file: S2:S4 (Pendamping) merged, the value kept in S2 only, as Excel and Sheets save a merge.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(BASELINE);
    const register = workbook.getWorksheet('Koperasi')!;
    expect(register.getCell('S1').value).toBe('Pendamping');
    register.getCell('S3').value = null;
    register.getCell('S4').value = null;
    register.mergeCells('S2:S4');
    const file = path.join(dir, 'merged.xlsx');
    await workbook.xlsx.writeFile(file);
    expect((await readXlsxSheets(file))[0]!.merges).toEqual([{ top: 1, left: 18, bottom: 3, right: 18 }]);

    // The add-on's spreadsheet: the same cells, merged with Range.merge() (Sheets keeps only the top-left value).
    const spreadsheet = await spreadsheetFrom(BASELINE);
    spreadsheet.getSheetByName('Koperasi')!.getRange('S2:S4').merge();
    const sheetValues = spreadsheet.getSheetByName('Koperasi')!.getRange('S2:S4').getValues();
    expect(sheetValues).toEqual([['PD-01'], [''], ['']]);

    const cli = await cliStatuses(file);
    const addOn = addOnStatuses(spreadsheet);
    expect(Object.keys(cli.statuses)).toHaveLength(4);
    for (const id of ['KKMP-TST-01', 'KKMP-TST-02', 'KKMP-TST-03']) expect(cli.statuses[id]![2]).toBe('TERDAMPINGI');
    expect(addOn.statuses).toEqual(cli.statuses);
    expect(addOn.data.coops.map((c) => c.mentorId)).toEqual(['PD-01', 'PD-01', 'PD-01', 'PD-01']);
  });

  test('percent cells (1 shown as 100 %) give the same RAT status in both', async () => {
    const cli = await cliStatuses(PERCENT);
    expect(cli.statuses['KKMP-TST-01']![1]).toBe('TIDAK KUORUM');
    expect(cli.statuses['KKMP-TST-02']![1]).toBe('SELESAI');
    const spreadsheet = await spreadsheetFrom(PERCENT);
    expect(spreadsheet.getSheetByName('Koperasi')!.getRange('R2:R3').getNumberFormats()).toEqual([['0.00%'], ['0.00%']]);
    expect(addOnStatuses(spreadsheet).statuses).toEqual(cli.statuses);
  });

  test('an en_US spreadsheet: day-first typing is warned about, and statuses equal the command line on the same cells', async () => {
    // Staff type day-first into an en_US spreadsheet: Sheets reads typed dates by the locale (Sheets Help,
    // "Change a spreadsheet's locale"), so 05/02/2026 is stored as the date 2 May 2026 and 20/02/2026,
    // no date in month-first order, stays text. The spreadsheet holds what that typing leaves.
    const spreadsheet = await spreadsheetFrom(BASELINE);
    spreadsheet.setSpreadsheetLocale('en_US');
    const rat = spreadsheet.getSheetByName('RAT')!;
    expect(rat.getRange('C1').getValue()).toBe('Tanggal RAT');
    rat.setCell(2, 3, new Date(Date.UTC(2026, 4, 2) - MAKASSAR_OFFSET_MS));
    rat.setCell(3, 3, '20/02/2026');

    const { statuses, data } = addOnStatuses(spreadsheet);
    const warnings = data.problems.map((p) => p.text.en);
    expect(warnings).toEqual(expect.arrayContaining([
      expect.stringContaining("This spreadsheet's locale (en_US) reads dates month first"),
      expect.stringMatching(/sheet RAT, row 1, column Tanggal RAT \(C\): this column mixes date cells with dd\/mm\/yyyy text \(e\.g\. '20\/02\/2026'\)/),
    ]));

    // The command line on an .xlsx holding the same cells: a date cell (2 May 2026) and the text.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(BASELINE);
    const sheet = workbook.getWorksheet('RAT')!;
    sheet.getCell('C2').value = new Date(Date.UTC(2026, 4, 2));
    sheet.getCell('C3').value = '20/02/2026';
    const file = path.join(dir, 'en-us.xlsx');
    await workbook.xlsx.writeFile(file);
    const cli = await cliStatuses(file);
    expect(cli.problems).toEqual([expect.stringContaining('this column mixes date cells with dd/mm/yyyy text')]);
    expect(statuses).toEqual(cli.statuses);
  });
});

/**
 * Co-op sheets in the sandbox: created from the register row as typed,
 * refreshed without touching the profile a person may have edited, never
 * written over a sheet that is not a co-op sheet.
 */
import { balikpapanSample } from '../../examples/balikpapan-data';
import { runChecks } from '../../src/core/check-run';
import { loadBundle } from '../support/apps-script-sandbox';
import { workbookFrom, sheetDate } from '../support/workbook-fixture';

const NOW = new Date('2026-11-24T06:00:00Z');

describe('co-op sheets', () => {
  test('creates a co-op sheet with the register row and the current results', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample()), now: NOW });
    expect(sandbox.run('refreshCoopSheetFor', 'kkmp-bpp-02')).toEqual({ sheet: 'KKMP-BPP-02' });
    const rows = sandbox.spreadsheet.getSheetByName('KKMP-BPP-02')!.dump();
    expect(rows[0]![0]).toBe('PROFIL KOPERASI');
    expect(rows[1]!.slice(0, 2)).toEqual(['ID Koperasi', 'KKMP-BPP-02']);
    expect(rows.find((r) => r[0] === 'Tanggal Akta')![1]).toEqual(sheetDate(balikpapanSample().coops[1]!.deedDate!));
    const marker = rows.findIndex((r) => r[0] === 'HASIL PEMERIKSAAN');
    expect(rows[marker]![1]).toMatch(/^Diperiksa 24\/11\/2026 14:00 · versi aturan r-/);
    const expected = runChecks(balikpapanSample()).results[1]!;
    expect(rows[marker + 4]!.slice(0, 2)).toEqual(['Simpan pinjam', `${expected.checks.savingsLoans.label.id} (${expected.checks.savingsLoans.itemsMet}/14)`]);
  });

  test('refreshing keeps what a person typed in the profile and rewrites only the results', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample()), now: NOW });
    sandbox.run('refreshCoopSheetFor', 'KKMP-BPP-02');
    const sheet = sandbox.spreadsheet.getSheetByName('KKMP-BPP-02')!;
    sheet.setCell(3, 2, 'Nama diketik ulang');
    sandbox.run('refreshCoopSheetFor', 'KKMP-BPP-02');
    expect(sheet.cell(3, 2)).toBe('Nama diketik ulang');
    const outcome = sandbox.run('runCheckAll') as { problemCount: number };
    expect(outcome.problemCount).toBe(1);
  });

  test('a sheet of that name that is not a co-op sheet is not written', () => {
    const spreadsheet = workbookFrom(balikpapanSample());
    spreadsheet.insertSheet('KKMP-BPP-03').seed([['catatan pribadi']]);
    const sandbox = loadBundle({ spreadsheet, now: NOW });
    expect(() => sandbox.run('refreshCoopSheetFor', 'KKMP-BPP-03')).toThrow("Sudah ada sheet 'KKMP-BPP-03' yang bukan lembar koperasi; tidak ada yang ditulis.");
    expect(spreadsheet.getSheetByName('KKMP-BPP-03')!.dump()).toEqual([['catatan pribadi']]);
  });

  test('an unknown co-op is reported', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample()), now: NOW });
    expect(() => sandbox.run('refreshCoopSheetFor', 'KKMP-BPP-99')).toThrow("Koperasi 'KKMP-BPP-99' tidak ditemukan di sheet Koperasi.");
  });

  test('the menu action asks for the ID and reports the outcome', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample()), now: NOW });
    sandbox.spreadsheetApp.ui.promptAnswers.push({ button: 'OK', text: ' KKMP-BPP-05 ' });
    sandbox.call('coopSheetFromMenuAction');
    expect(sandbox.spreadsheetApp.ui.prompts).toEqual(['ID Koperasi untuk lembar koperasi (misalnya KKMP-BPP-01):']);
    expect(sandbox.spreadsheetApp.ui.alerts).toEqual(["Lembar koperasi 'KKMP-BPP-05' sudah diperbarui."]);
    sandbox.spreadsheetApp.ui.promptAnswers.push({ button: 'CANCEL', text: '' });
    sandbox.call('coopSheetFromMenuAction');
    expect(sandbox.spreadsheetApp.ui.alerts).toHaveLength(1);
  });
});

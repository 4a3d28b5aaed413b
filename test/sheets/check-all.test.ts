/**
 * "Periksa semua koperasi" through the built bundle in the Apps Script
 * sandbox, on fake workbooks filled as staff would: results equal the core's,
 * colours and legend, idempotence, nothing a person typed changed, the
 * document lock, and Range calls bounded independent of the number of co-ops.
 */
import { balikpapanSample } from '../../examples/balikpapan-data';
import { runChecks } from '../../src/core/check-run';
import { SEVERITY_COLOURS, resultsHeader } from '../../src/core/workbook/results-grid';
import { CHECK_IDS } from '../../src/core/rule-data';
import type { CheckAllOutcome } from '../../src/shared/sidebar-api';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST_DIR, loadBundle } from '../support/apps-script-sandbox';
import { coop } from '../support/records';
import { workbookFrom } from '../support/workbook-fixture';
import { generateInput } from '../support/corpus';

const NOW = new Date('2026-11-24T06:00:00Z'); // 14:00 in Balikpapan
const HEADER = resultsHeader();

function sandboxFor(spreadsheet = workbookFrom(balikpapanSample())) {
  return loadBundle({ spreadsheet, now: NOW });
}

describe('check all co-ops', () => {
  test('writes one row per co-op with the statuses and reasons the core gives', () => {
    const sandbox = sandboxFor();
    const outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
    const expected = runChecks(balikpapanSample());
    expect(outcome).toMatchObject({ asOf: '2026-11-24', checkedAt: '24/11/2026 14:00', coopCount: expected.results.length, problemCount: 0, rulesVersion: expected.rulesVersion });
    expect(outcome.summary).toEqual(JSON.parse(JSON.stringify(expected.summary)));
    const sheet = sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!;
    const rows = sheet.dump();
    expect(rows[0]!.slice(0, 9)).toEqual(['ID Koperasi', 'Nama Koperasi', 'Legalitas', 'RAT', 'Pendampingan', 'Simpan pinjam', 'Pembiayaan bank', 'Skor Simpan pinjam', 'Skor Pembiayaan bank']);
    expected.results.forEach((result, i) => {
      const row = rows[i + 1]!;
      expect(row.slice(0, 7)).toEqual([result.coopId, result.name, ...CHECK_IDS.map((c) => result.checks[c]!.label.id)]);
      expect(row.slice(7, 9)).toEqual([`${result.checks.savingsLoans.itemsMet}/${result.checks.savingsLoans.itemsTotal}`, `${result.checks.bankFinancing!.itemsMet}/${result.checks.bankFinancing!.itemsTotal}`]);
      expect(row[HEADER.indexOf('Alasan Simpan pinjam')]).toBe(result.checks.savingsLoans.reasons.map((r) => `• ${r.text.id}`).join('\n'));
      expect(row[HEADER.indexOf('Alasan Pembiayaan bank')]).toBe(result.checks.bankFinancing!.reasons.map((r) => `• ${r.text.id}`).join('\n'));
      expect(row[HEADER.length - 3]).toBe('24/11/2026 14:00');
      expect(row[HEADER.length - 2]).toBe(expected.rulesVersion);
    });
    expect(sheet.getFrozenRows()).toBe(1);
  });

  test('status cells are coloured by severity, and a legend explains the colours', () => {
    const sandbox = sandboxFor();
    sandbox.run('runCheckAll');
    const sheet = sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!;
    const expected = runChecks(balikpapanSample());
    const backgrounds = sheet.meta('background');
    expected.results.forEach((result, i) => {
      expect(backgrounds.get(`${i + 2},3`)).toBe(SEVERITY_COLOURS[result.checks.legal.severity]);
      expect(backgrounds.get(`${i + 2},6`)).toBe(SEVERITY_COLOURS[result.checks.savingsLoans.severity]);
    });
    const side = sheet.dump().map((row) => row[HEADER.length + 1]);
    for (const [label, colour] of [['Hijau: baik', SEVERITY_COLOURS.ok], ['Kuning: perlu perhatian', SEVERITY_COLOURS.warn], ['Merah: bermasalah', SEVERITY_COLOURS.bad]] as const) {
      const row = side.indexOf(label) + 1;
      expect(row).toBeGreaterThan(0);
      expect(backgrounds.get(`${row},${HEADER.length + 2}`)).toBe(colour);
    }
    expect(side).toContain('RINGKASAN');
    expect(side).toContain('MASALAH DATA');
  });

  test('re-running replaces the results in place; typed sheets are never changed', () => {
    const spreadsheet = workbookFrom(balikpapanSample());
    const typed = ['Koperasi', 'RAT', 'Pendamping'].map((name) => spreadsheet.getSheetByName(name)!.snapshot());
    const sandbox = sandboxFor(spreadsheet);
    sandbox.run('runCheckAll');
    const first = spreadsheet.getSheetByName('Hasil Pemeriksaan')!.snapshot();
    sandbox.run('runCheckAll');
    expect(spreadsheet.getSheetByName('Hasil Pemeriksaan')!.snapshot()).toBe(first);
    expect(['Koperasi', 'RAT', 'Pendamping'].map((name) => spreadsheet.getSheetByName(name)!.snapshot())).toEqual(typed);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Koperasi', 'RAT', 'Pendamping', 'Hasil Pemeriksaan', 'Riwayat', 'Grafik', 'Laporan']);
  });

  test('fewer co-ops than last time: the old rows are blanked, not left behind', () => {
    const spreadsheet = workbookFrom(balikpapanSample());
    const sandbox = sandboxFor(spreadsheet);
    sandbox.run('runCheckAll');
    const register = spreadsheet.getSheetByName('Koperasi')!;
    for (let row = 12; row <= register.getLastRow(); row += 1) for (let col = 1; col <= register.getLastColumn(); col += 1) register.setCell(row, col, '');
    sandbox.run('runCheckAll');
    const ids = spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump().map((row) => row[0]).filter((v) => v !== '');
    expect(ids).toHaveLength(11);
  });

  test('input problems are listed with their place, and unreadable facts are named on the co-op row', () => {
    const input = balikpapanSample();
    const spreadsheet = workbookFrom(input);
    const register = spreadsheet.getSheetByName('Koperasi')!;
    register.setCell(3, 17, 'banyak'); // Modal Simpan Pinjam of KKMP-BPP-02
    const sandbox = sandboxFor(spreadsheet);
    const outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
    expect(outcome.problemCount).toBe(1);
    const rows = spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump();
    expect(rows.map((r) => r[HEADER.length + 2])).toContain('sheet Koperasi, baris 3, kolom Modal Simpan Pinjam (Q)');
    expect(rows[2]![HEADER.length - 4]).toBe('Modal Simpan Pinjam');
  });

  test('a name that looks like a formula is written as text', () => {
    const spreadsheet = workbookFrom({ ...balikpapanSample(), coops: [coop({ name: '=HYPERLINK("http://x")' }), coop({ id: '+62-1', name: '@here' })] });
    const sandbox = sandboxFor(spreadsheet);
    sandbox.run('runCheckAll');
    const sheet = spreadsheet.getSheetByName('Hasil Pemeriksaan')!;
    expect(sheet.dump().slice(1, 3).map((r) => [r[0], r[1]])).toEqual([['KKMP-BPP-01', '=HYPERLINK("http://x")'], ['+62-1', '@here']]);
    expect(Array.from(sheet.meta('formula').values())).toEqual([]);
  });

  test('another run holding the document lock: a clear busy message, nothing written', () => {
    const sandbox = sandboxFor();
    sandbox.locks.documentLock.heldElsewhere = true;
    expect(() => sandbox.run('runCheckAll')).toThrow('Pantau KKMP sedang dipakai');
    expect(sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')).toBeNull();
    sandbox.locks.documentLock.heldElsewhere = false;
    sandbox.run('runCheckAll');
    expect(sandbox.locks.documentLock.hasLock()).toBe(false);
  });

  test('Range calls do not grow with the number of co-ops', () => {
    const calls = (coops: number): number => {
      const sandbox = sandboxFor(workbookFrom(generateInput(3, coops)));
      sandbox.run('runCheckAll');
      const first = sandbox.spreadsheetApp.counts.reads + sandbox.spreadsheetApp.counts.writes;
      return first;
    };
    const small = calls(20);
    expect(calls(400)).toBe(small);
    // Per sheet read: values, number formats and merged ranges (issue 14); the results grid (3);
    // then the history: change column 1, Riwayat 2, Grafik 3, Laporan 3 — plus one number-format
    // read before each of the history's five text writes (the cell writer of issue 12 protects strings).
    expect(small).toBeLessThanOrEqual(3 * 3 + 3 + 9 + 5);
  });

  test('the provenance block names rules that came from the workbook\'s Aturan sheet', () => {
    const rules = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'rules', 'savings-loans-readiness.json'), 'utf8'));
    const spreadsheet = workbookFrom(balikpapanSample());
    spreadsheet.insertSheet('Aturan').seed([['Pemeriksaan', 'Aturan JSON'], ['savingsLoans', JSON.stringify(rules)]]);
    sandboxFor(spreadsheet).run('runCheckAll');
    const side = spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump().map((row) => row.slice(HEADER.length + 1, HEADER.length + 3));
    expect(side.find((row) => row[0] === 'Sumber aturan')?.[1]).toBe('sheet Aturan untuk Simpan pinjam; lainnya bawaan');
  });

  test('the menu action opens the progress dialog, which runs the check; the action itself writes nothing', () => {
    const sandbox = sandboxFor();
    sandbox.call('checkAllFromMenuAction');
    expect(sandbox.spreadsheetApp.ui.modalDialogs.map((d) => d.title)).toEqual(['Periksa semua koperasi']);
    expect(sandbox.spreadsheetApp.ui.modalDialogs[0]!.content).toBe(readFileSync(path.join(DIST_DIR, 'CheckAllDialog.html'), 'utf8'));
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
    expect(sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')).toBeNull();
    const outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
    expect(outcome).toMatchObject({ complete: true, coopCount: balikpapanSample().coops.length, problemCount: 0, restarted: null });
  });
});

/**
 * Bad layout, faults, injection and storage, through the built bundle in the
 * sandbox: clear messages, the rest still checked or nothing written, nothing
 * a person typed changed, no cell run as a formula, nothing stored outside the
 * sheet but the user's language. Prints a summary line per category.
 */
import fc from 'fast-check';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { REGISTER_COLUMNS } from '../../src/core/workbook/columns';
import { resultsHeader } from '../../src/core/workbook/results-grid';
import type { CheckAllOutcome } from '../../src/shared/sidebar-api';
import type { SaveOutcome } from '../../src/shared/forms';
import { loadBundle } from '../support/apps-script-sandbox';
import type { FakeSpreadsheet } from '../support/fakes/spreadsheet-app';
import { coop } from '../support/records';
import { workbookFrom } from '../support/workbook-fixture';
import savingsLoans from '../../rules/savings-loans-readiness.json';

const NOW = new Date('2026-11-24T06:00:00Z');
const tally: Record<string, { inputs: number; failures: number; lost: number }> = {};
const count = (category: string, inputs = 1, lost = 0): void => {
  const t = (tally[category] ??= { inputs: 0, failures: 0, lost: 0 });
  t.inputs += inputs;
  t.lost += lost;
};
const typedSnapshots = (ss: FakeSpreadsheet): string[] => ['Koperasi', 'RAT', 'Pendamping'].map((n) => ss.getSheetByName(n)?.snapshot() ?? '');
const sandboxFor = (ss = workbookFrom(balikpapanSample())) => loadBundle({ spreadsheet: ss, now: NOW });
const results = (ss: FakeSpreadsheet): unknown[][] => ss.getSheetByName('Hasil Pemeriksaan')?.dump() ?? [];
/** The texts of the results sheet's problem list (the side block under MASALAH DATA, its third column). */
const SIDE = resultsHeader().length + 1;
const problems = (ss: FakeSpreadsheet): string[] => {
  const rows = results(ss);
  const start = rows.findIndex((row) => row[SIDE] === 'MASALAH DATA');
  return rows.slice(start + 2).map((row) => String(row[SIDE + 2] ?? '') || String(row[SIDE] ?? '')).filter((t) => t !== '');
};

describe('bad layout', () => {
  test('a renamed register: a clear message, the rest checked, nothing typed changed', () => {
    const ss = workbookFrom(balikpapanSample());
    ss.getSheetByName('Koperasi')!.setName('Koperasi 2026');
    const before = ss.getSheets().map((s) => s.snapshot());
    const outcome = sandboxFor(ss).run('runCheckAll') as CheckAllOutcome;
    expect(outcome.coopCount).toBe(0);
    expect(problems(ss)).toContain("sheet 'Koperasi' tidak ada; jalankan Siapkan buku kerja.");
    expect(ss.getSheets().slice(0, 3).map((s) => s.snapshot())).toEqual(before.slice(0, 3));
    count('bad layout');
  });

  test('merged header cells (Sheets gives "" beside the first) and duplicate headers: reported, the rest read', () => {
    const ss = workbookFrom(balikpapanSample());
    const register = ss.getSheetByName('Koperasi')!;
    register.setCell(1, 2, ''); // "Nama Koperasi" merged into the cell on its left
    register.setCell(1, REGISTER_COLUMNS.length + 1, 'NIB');
    const outcome = sandboxFor(ss).run('runCheckAll') as CheckAllOutcome;
    expect(outcome.coopCount).toBe(balikpapanSample().coops.length);
    expect(problems(ss)).toContain("sheet Koperasi, baris 1: kolom 'NIB' muncul dua kali; yang pertama dipakai.");
    count('bad layout');
  });

  test('a missing required column: reported once, nothing else read from that sheet', () => {
    const ss = workbookFrom(balikpapanSample());
    ss.getSheetByName('RAT')!.setCell(1, 2, 'Tahun');
    sandboxFor(ss).run('runCheckAll');
    expect(problems(ss).filter((p) => p.includes('kolom wajib'))).toEqual(['sheet RAT, baris 1: kolom wajib tidak ditemukan: Tahun Buku. Baris judul harus memuat label ini.']);
    count('bad layout');
  });
});

describe('faults', () => {
  test('a protected results sheet: a clear message, the previous results unchanged', () => {
    const ss = workbookFrom(balikpapanSample());
    const sandbox = sandboxFor(ss);
    sandbox.run('runCheckAll');
    const previous = ss.getSheetByName('Hasil Pemeriksaan')!.snapshot();
    ss.getSheetByName('Hasil Pemeriksaan')!.protected = true;
    expect(() => sandbox.run('runCheckAll')).toThrow('Hasil tidak dapat ditulis ke sheet Hasil Pemeriksaan (You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.). Hasil sebelumnya tidak berubah.');
    expect(ss.getSheetByName('Hasil Pemeriksaan')!.snapshot()).toBe(previous);
    // The dialog gets the same message through google.script.run's failure handler; nothing is staged.
    expect(() => sandbox.run('runCheckAll', 'restart')).toThrow(/^Hasil tidak dapat ditulis/);
    expect(ss.getSheetByName('Hasil Pemeriksaan')!.snapshot()).toBe(previous);
    expect(ss.getSheetByName('Hasil Pemeriksaan (sementara)')).toBeNull();
    count('faults', 2);
  });

  test('a failure halfway through a check-all (reading the second sheet): the previous results intact', () => {
    const ss = workbookFrom(balikpapanSample());
    const sandbox = sandboxFor(ss);
    sandbox.run('runCheckAll');
    const previous = ss.getSheetByName('Hasil Pemeriksaan')!.snapshot();
    let reads = 0;
    const original = sandbox.spreadsheetApp.count.bind(sandbox.spreadsheetApp);
    sandbox.spreadsheetApp.count = (method, kind) => {
      if (kind === 'read' && ++reads === 2) throw new Error('Service Spreadsheets timed out while accessing document');
      original(method, kind);
    };
    expect(() => sandbox.run('runCheckAll')).toThrow('Service Spreadsheets timed out');
    expect(ss.getSheetByName('Hasil Pemeriksaan')!.snapshot()).toBe(previous);
    expect(sandbox.locks.documentLock.hasLock()).toBe(false);
    count('faults');
  });

  test('a service failure while writing results: the previous results intact', () => {
    const ss = workbookFrom(balikpapanSample());
    const sandbox = sandboxFor(ss);
    sandbox.run('runCheckAll');
    const previous = ss.getSheetByName('Hasil Pemeriksaan')!.snapshot();
    sandbox.spreadsheetApp.failNext = { method: 'setValues', message: 'Service Spreadsheets failed while accessing document' };
    expect(() => sandbox.run('runCheckAll')).toThrow(/Hasil sebelumnya tidak berubah/);
    expect(ss.getSheetByName('Hasil Pemeriksaan')!.snapshot()).toBe(previous);
    count('faults');
  });

  test('a form save that fails leaves the sheet as it was (and the lock free)', () => {
    const ss = workbookFrom(balikpapanSample());
    const sandbox = sandboxFor(ss);
    const before = typedSnapshots(ss);
    sandbox.spreadsheetApp.failNext = { method: 'setValues', message: 'Service Spreadsheets failed while accessing document' };
    expect(() => sandbox.run('saveSidebarForm', { kind: 'coop', editing: 'KKMP-BPP-01', values: { id: 'KKMP-BPP-01', name: 'Baru' } })).toThrow('Service Spreadsheets failed');
    expect(typedSnapshots(ss)).toEqual(before);
    expect(sandbox.locks.documentLock.hasLock()).toBe(false);
    count('faults');
  });
});

describe('rules and parameters supplied by the workbook', () => {
  const withRules = (rows: string[][], parameters?: Array<[string, string | number]>) => {
    const ss = workbookFrom({ ...balikpapanSample(), coops: [coop({ spCapital: 1 })] }, parameters ? { parameters } : {});
    ss.insertSheet('Aturan').seed([['Pemeriksaan', 'Aturan JSON'], ...rows]);
    return ss;
  };
  const relaxed = JSON.parse(JSON.stringify(savingsLoans));
  relaxed.rules = relaxed.rules.filter((r: { name: string }) => r.name !== 'sp.capital');
  const broken = JSON.parse(JSON.stringify(savingsLoans));
  broken.rules[4].conditions.all[0].operator = 'paling sedikit';

  test.each([
    ['malformed JSON', [['savingsLoans', '{ "check": "savingsLoans", "rules": [ ']], /^sheet Aturan, baris 2: aturan '-', -: bukan JSON yang sah/, 'BELUM SIAP'],
    ['an unknown operator', [['savingsLoans', JSON.stringify(broken)]], /conditions\.all\[0\]\.operator: operator 'paling sedikit' tidak dikenal; aturan bawaan tetap dipakai\.$/, 'BELUM SIAP'],
    ['a valid rule set', [['savingsLoans', JSON.stringify(relaxed)]], null, 'SIAP'],
  ])('%s', (_name, rows, problem, status) => {
    const ss = withRules(rows as string[][]);
    expect(() => sandboxFor(ss).run('runCheckAll')).not.toThrow();
    const grid = results(ss);
    expect(grid[1]![5]).toBe(status);
    if (problem) expect(problems(ss).some((text) => (problem as RegExp).test(text))).toBe(true);
    else expect(problems(ss).filter((text) => text.includes('Aturan'))).toEqual([]);
    count('workbook rules');
  });

  test('a parameter out of range: reported, the default used', () => {
    const ss = withRules([], [['spMinCapital', -5]]);
    sandboxFor(ss).run('runCheckAll');
    expect(problems(ss)).toContain("sheet Parameter, baris 2: nilai '-5' untuk parameter 'spMinCapital' di bawah minimum 0; nilai bawaan 500000000 tetap dipakai.");
    count('workbook parameters');
  });
});

describe('formula injection', () => {
  // Readers trim what people type, and a lone "-" means "not recorded": neither is a value to keep as typed.
  const formulaLike = fc.tuple(fc.constantFrom('=', '+', '-', '@'), fc.string({ maxLength: 30 })).map(([a, b]) => `${a}${b}`.trim()).filter((v) => /^[=+\-@]/.test(v) && v !== '-');

  test('no value the add-on writes is ever a formula: results, co-op sheets, form saves', () => {
    fc.assert(
      fc.property(formulaLike, formulaLike, (name, partners) => {
        const ss = workbookFrom({ ...balikpapanSample(), coops: [coop({ name, partners })] });
        const sandbox = sandboxFor(ss);
        sandbox.run('runCheckAll');
        sandbox.run('refreshCoopSheetFor', 'KKMP-BPP-01');
        const saved = sandbox.run('saveSidebarForm', { kind: 'coop', editing: 'KKMP-BPP-01', values: { id: 'KKMP-BPP-01', name, partners } }) as SaveOutcome;
        const formulas = ss.getSheets().flatMap((s) => Array.from(s.meta('formula').values()));
        const lost = formulas.length + (saved.ok ? 0 : 1) + (ss.getSheetByName('Koperasi')!.cell(2, 2) === name ? 0 : 1);
        count('formula injection', 3, lost);
        return lost === 0 && results(ss)[1]![1] === name && ss.getSheetByName('KKMP-BPP-01')!.cell(3, 2) === name;
      }),
      { numRuns: 40 },
    );
  });
});

describe('storage', () => {
  test('nothing is stored outside the sheet but the user\'s language', () => {
    const sandbox = sandboxFor();
    sandbox.run('setLanguage', 'en');
    sandbox.run('runCheckAll');
    sandbox.run('saveSidebarForm', { kind: 'rat', editing: null, values: { coopId: 'KKMP-BPP-03', bookYear: '2025', heldOn: '2026-04-01' } });
    sandbox.run('refreshCoopSheetFor', 'KKMP-BPP-02');
    sandbox.call('setupWorkbookFromMenu');
    expect(sandbox.properties.document.getProperties()).toEqual({});
    expect(sandbox.properties.script.getProperties()).toEqual({});
    expect(sandbox.properties.user.getProperties()).toEqual({ 'pantauKkmp.lang': 'en' });
    count('least privilege');
  });
});

afterAll(() => {
  for (const [category, t] of Object.entries(tally)) console.log(`${category}: ${t.inputs} inputs tried, ${t.failures} failures, ${t.lost} data lost`);
  expect(Object.values(tally).every((t) => t.lost === 0)).toBe(true);
});

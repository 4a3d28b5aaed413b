/**
 * The custom functions as a user would type them, in the Apps Script
 * sandbox, with arguments shaped exactly as Sheets passes them (2-D arrays
 * read from ranges, a single cell as a plain value): single row and many
 * rows, header in the range or given separately, blank rows, bad cells, every
 * error message — and the same statuses as "Periksa semua koperasi".
 */
import { balikpapanSample } from '../../examples/balikpapan-data';
import { runChecks } from '../../src/core/check-run';
import { CHECK_IDS } from '../../src/core/rule-data';
import { resultsHeader } from '../../src/core/workbook/results-grid';
import { loadBundle, type Sandbox } from '../support/apps-script-sandbox';
import { isThenable } from '../support/surface-check';
import { coop, meeting } from '../support/records';
import { workbookFrom } from '../support/workbook-fixture';
import type { CheckInput } from '../../src/shared/types';
import savingsLoans from '../../rules/savings-loans-readiness.json';
import legalStatus from '../../rules/legal-status.json';

const NOW = new Date('2026-11-24T06:00:00Z');

/** A sandbox on a workbook, and the ranges of its three sheets as Sheets would pass them. */
function setUp(input: CheckInput = balikpapanSample()) {
  const sandbox = loadBundle({ spreadsheet: workbookFrom(input), now: NOW });
  const range = (name: string): unknown[][] => sandbox.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
  const ranges = { koperasi: range('Koperasi'), rat: range('RAT'), pendamping: range('Pendamping') };
  sandbox.spreadsheetApp.resetCounts();
  return { sandbox, ...ranges };
}

function call(sandbox: Sandbox, name: string, ...args: unknown[]): unknown {
  const value = sandbox.call(name, ...args);
  expect(isThenable(value)).toBe(false);
  return value;
}

describe('custom functions', () => {
  const { sandbox, koperasi, rat, pendamping } = setUp();
  const expected = runChecks(balikpapanSample());
  const column = (check: (typeof CHECK_IDS)[number]): string[][] => expected.results.map((r) => [r.checks[check]!.label.id]);

  test('each status function spills one status per data row, equal to the core', () => {
    expect(call(sandbox, 'KKMP_LEGALITAS', koperasi)).toEqual(column('legal'));
    expect(call(sandbox, 'KKMP_RAT', koperasi, rat)).toEqual(column('rat'));
    expect(call(sandbox, 'KKMP_PENDAMPINGAN', koperasi, pendamping)).toEqual(column('mentor'));
    expect(call(sandbox, 'KKMP_SIMPAN_PINJAM', koperasi, rat, pendamping)).toEqual(column('savingsLoans'));
    expect(call(sandbox, 'KKMP_STATUS', koperasi, rat, pendamping)).toEqual(expected.results.map((r) => CHECK_IDS.map((c) => r.checks[c]!.label.id)));
  });

  test('the statuses equal what "Periksa semua koperasi" writes for the same data', () => {
    sandbox.run('runCheckAll');
    const written = sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump().slice(1, expected.results.length + 1).map((row) => row.slice(2, 2 + CHECK_IDS.length));
    expect(call(sandbox, 'KKMP_STATUS', koperasi, rat, pendamping, '24/11/2026')).toEqual(written);
    const reasonsWritten = sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump().slice(1, expected.results.length + 1).map((row) => [row[resultsHeader().indexOf('Alasan Simpan pinjam')]]);
    expect(call(sandbox, 'KKMP_ALASAN', 'simpan pinjam', koperasi, rat, pendamping)).toEqual(reasonsWritten);
  });

  test('one data row with its header given separately gives one cell', () => {
    const header = [koperasi[0]!];
    const row = [koperasi[5]!];
    expect(call(sandbox, 'KKMP_LEGALITAS', row, '', header)).toBe(expected.results[4]!.checks.legal.label.id);
    expect(call(sandbox, 'KKMP_RAT', row, rat, '', header)).toBe(expected.results[4]!.checks.rat.label.id);
    expect(call(sandbox, 'KKMP_STATUS', row, rat, pendamping, '', header)).toEqual([CHECK_IDS.map((c) => expected.results[4]!.checks[c]!.label.id)]);
  });

  test('blank rows give blank results, in place', () => {
    const withBlanks = [koperasi[0]!, koperasi[1]!, koperasi[0]!.map(() => ''), koperasi[2]!];
    expect(call(sandbox, 'KKMP_LEGALITAS', withBlanks)).toEqual([[expected.results[0]!.checks.legal.label.id], [''], [expected.results[1]!.checks.legal.label.id]]);
    expect((call(sandbox, 'KKMP_STATUS', withBlanks, rat, pendamping) as string[][])[1]).toEqual(CHECK_IDS.map(() => ''));
  });

  test('a bad cell gives that row "data tidak valid", not an error for the column', () => {
    const capital = koperasi[0]!.indexOf('Modal Simpan Pinjam (Rp)');
    const broken = koperasi.map((row, i) => (i === 2 ? row.map((cell, c) => (c === capital ? '15,000' : cell)) : row));
    const out = call(sandbox, 'KKMP_SIMPAN_PINJAM', broken, rat, pendamping) as string[][];
    expect(out[1]).toEqual(['data tidak valid: Modal Simpan Pinjam']);
    expect(out[0]).toEqual([expected.results[0]!.checks.savingsLoans.label.id]);
    expect(call(sandbox, 'KKMP_LEGALITAS', broken)).toEqual(column('legal'));
  });

  test('a duplicate or blank ID gives that row a visible reason', () => {
    const idColumn = 0;
    const rows = [koperasi[0]!, koperasi[1]!, koperasi[1]!, koperasi[2]!.map((cell, c) => (c === idColumn ? '' : cell))];
    expect(call(sandbox, 'KKMP_LEGALITAS', rows)).toEqual([
      [expected.results[0]!.checks.legal.label.id],
      ["data tidak valid: ID Koperasi 'KKMP-BPP-01' sudah dipakai di sheet Koperasi, baris 2; baris ini dilewati, tidak digabung."],
      ['data tidak valid: ID Koperasi kosong; baris ini dilewati.'],
    ]);
  });

  test('the check date changes the outcome; a date cell works as well as text', () => {
    const single = setUp({ asOf: '2026-11-24', coops: [coop()], meetings: [], mentors: [] });
    expect(call(single.sandbox, 'KKMP_RAT', single.koperasi, single.rat)).toBe('TERLAMBAT');
    expect(call(single.sandbox, 'KKMP_RAT', single.koperasi, single.rat, '01/02/2026')).toBe('BELUM JATUH TEMPO');
    const dateCell = single.sandbox.spreadsheetApp.realmDate(Date.UTC(2026, 1, 1) - 8 * 3600_000);
    expect(call(single.sandbox, 'KKMP_RAT', single.koperasi, single.rat, dateCell)).toBe('BELUM JATUH TEMPO');
  });

  test('mentor loads and the RAT indicator', () => {
    const loads = call(sandbox, 'KKMP_BEBAN_PENDAMPING', koperasi, pendamping) as unknown[][];
    expect(loads[0]).toEqual(['ID Pendamping', 'Nama', 'Beban', 'Status Beban']);
    expect(loads.slice(1)).toEqual(expected.summary.mentorLoads.map((m) => [m.mentorId, m.name, m.load, m.band === 'over' ? (m.active ? 'BERLEBIH' : 'TIDAK AKTIF') : !m.active ? 'TIDAK AKTIF' : m.band === 'under' ? 'KURANG' : 'SESUAI']));
    expect(call(sandbox, 'KKMP_INDIKATOR_RAT', koperasi, rat)).toBe(expected.summary.ratIndicatorPercent);
  });

  test('custom functions only read: no Range write, no lock, no properties', () => {
    const fresh = setUp();
    call(fresh.sandbox, 'KKMP_STATUS', fresh.koperasi, fresh.rat, fresh.pendamping);
    expect(fresh.sandbox.spreadsheetApp.counts.writes).toBe(0);
    expect(fresh.sandbox.serviceLog.filter((s) => /LockService|PropertiesService|HtmlService/.test(s))).toEqual([]);
  });

  test.each([
    ['KKMP_LEGALITAS', ['KKMP-BPP-01'], 'Argumen koperasi harus rentang sel, misalnya Koperasi!A1:AA100.'],
    ['KKMP_LEGALITAS', [[['x', 'y'], ['1', '2']]], "Baris judul tidak ditemukan di rentang koperasi: baris pertamanya harus memuat 'ID Koperasi' (atau beri rentang judul sebagai argumen terakhir)."],
    ['KKMP_RAT', ['@koperasi', [['ID Koperasi', 'Tanggal RAT']]], 'Rentang rat tidak memuat kolom wajib: Tahun Buku.'],
    ['KKMP_RAT', ['@koperasi', ''], 'Argumen rat harus rentang sel, misalnya RAT!A1:F500.'],
    ['KKMP_PENDAMPINGAN', ['@koperasi', 5], 'Argumen pendamping harus rentang sel, misalnya Pendamping!A1:E20.'],
    ['KKMP_LEGALITAS', ['@koperasi', '31/02/2026'], "Tanggal '31/02/2026' tidak valid; tulis tanggal dd/mm/yyyy atau rujuk sel bertanggal."],
    ['KKMP_ALASAN', ['modal', '@koperasi', '', ''], "Pemeriksaan 'modal' tidak dikenal. Pilih salah satu: legalitas, rat, pendampingan, simpan pinjam."],
  ])('%s(%j) explains what to change', (name, args, text) => {
    const resolved = (args as unknown[]).map((a) => (a === '@koperasi' ? koperasi : a));
    expect(() => sandbox.call(name as string, ...resolved)).toThrow(text as string);
  });

  test('KKMP_ALASAN accepts the check name in any case, with the tables it needs', () => {
    const legal = call(sandbox, 'KKMP_ALASAN', ' Legalitas ', koperasi, '', '') as string[][];
    expect(legal).toEqual(expected.results.map((r) => [r.checks.legal.reasons.map((x) => `• ${x.text.id}`).join('\n')]));
  });
});

describe('custom functions and the Aturan and Uji Aturan sheets', () => {
  const relaxed = JSON.parse(JSON.stringify(savingsLoans));
  relaxed.rules = relaxed.rules.filter((r: { name: string }) => r.name !== 'sp.capital');
  const input: CheckInput = { asOf: '2026-11-24', coops: [coop({ spCapital: 1 })], meetings: [meeting()], mentors: balikpapanSample().mentors };
  const spColumn = resultsHeader().indexOf('Simpan pinjam');

  test('formulas use rule sets the workbook supplies once its Uji Aturan cases pass, as the check of the whole workbook does', () => {
    const spreadsheet = workbookFrom(input);
    spreadsheet.insertSheet('Aturan').seed([['Pemeriksaan', 'Aturan JSON'], ['savingsLoans', JSON.stringify(relaxed)]]);
    // The office restates the bundled case the relaxed rules change (same name): the workbook's expectation wins.
    spreadsheet.insertSheet('Uji Aturan').seed([['Nama Kasus', 'Modal Simpan Pinjam', 'Harapan Simpan Pinjam'], ['modal simpan pinjam kurang', 100_000_000, 'SIAP']]);
    const sandbox = loadBundle({ spreadsheet, now: NOW });
    const range = (name: string): unknown[][] => sandbox.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
    expect(sandbox.call('KKMP_SIMPAN_PINJAM', range('Koperasi'), range('RAT'), range('Pendamping'))).toBe('SIAP');
    sandbox.run('runCheckAll');
    const rows = sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump();
    expect(rows[1]![spColumn]).toBe('SIAP');
    const side = rows.flat().filter((cell): cell is string => typeof cell === 'string');
    expect(side).toContain('Aturan Simpan pinjam dari sheet Aturan, baris 2');
    expect(side).toContain('1 koperasi berubah status karena aturan/parameter buku kerja');
  });

  test('without that case the rule set is refused, with the bundled case named, by formulas and "Periksa semua" alike', () => {
    const spreadsheet = workbookFrom(input);
    spreadsheet.insertSheet('Aturan').seed([['Pemeriksaan', 'Aturan JSON'], ['savingsLoans', JSON.stringify(relaxed)]]);
    const sandbox = loadBundle({ spreadsheet, now: NOW });
    const range = (name: string): unknown[][] => sandbox.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
    expect(sandbox.call('KKMP_SIMPAN_PINJAM', range('Koperasi'), range('RAT'), range('Pendamping'))).toBe('BELUM SIAP');
    sandbox.run('runCheckAll');
    const rows = sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump();
    expect(rows[1]![spColumn]).toBe('BELUM SIAP');
    expect(rows.flat()).toContain("sheet Aturan, baris 2: aturan '-', -: kasus uji 'modal simpan pinjam kurang (sheet rules/cases.json, baris 11)' gagal: Simpan pinjam: ditemukan SIAP, diharapkan BELUM SIAP; aturan bawaan tetap dipakai.");
  });

  test('a case of Uji Aturan the rules in force fail is listed with found and expected', () => {
    const spreadsheet = workbookFrom(input);
    spreadsheet.insertSheet('Uji Aturan').seed([['Nama Kasus', 'Proposal Usaha', 'Harapan Pembiayaan Bank'], ['proposal tidak wajib', 'tidak', 'SIAP']]);
    const sandbox = loadBundle({ spreadsheet, now: NOW });
    sandbox.run('runCheckAll');
    expect(sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump().flat()).toContain(
      "sheet Uji Aturan, baris 2: kasus uji 'proposal tidak wajib' gagal dengan aturan yang berlaku — Pembiayaan bank: ditemukan BELUM SIAP, diharapkan SIAP.",
    );
  });

  test('a formula given one row tries a workbook rule set on the whole register, as "Periksa semua" does', () => {
    // Passes every bundled case, but gives co-ops of mentor PD-07 with an SK AHU no status, and makes PD-02's co-ops DALAM PROSES.
    const tricky = JSON.parse(JSON.stringify(legalStatus));
    for (const rule of tricky.rules) {
      if (rule.event.params.status === 'BERBADAN_HUKUM') rule.conditions = { all: [rule.conditions, { fact: 'mentorId', operator: 'notEqual', value: 'PD-07' }] };
    }
    tricky.rules.push({ name: 'legal.status.pd02', priority: 5, conditions: { all: [{ fact: 'mentorId', operator: 'equal', value: 'PD-02' }] }, event: { type: 'status', params: { status: 'DALAM_PROSES', severity: 'warn' } } });
    const spreadsheet = workbookFrom(balikpapanSample());
    spreadsheet.insertSheet('Aturan').seed([['Pemeriksaan', 'Aturan JSON'], ['legal', JSON.stringify(tricky)]]);
    const sandbox = loadBundle({ spreadsheet, now: NOW });
    const all = sandbox.spreadsheet.getSheetByName('Koperasi')!.getDataRange().getValues();
    const pd02 = all.findIndex((row) => row[0] === 'KKMP-BPP-07');
    expect(all[pd02]![all[0]!.indexOf('Pendamping')]).toBe('PD-02');
    expect(sandbox.call('KKMP_LEGALITAS', [all[pd02]!], '', [all[0]!])).toBe('BERBADAN HUKUM');
    sandbox.run('runCheckAll');
    const rows = sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump();
    expect(rows.find((row) => row[0] === 'KKMP-BPP-07')![2]).toBe('BERBADAN HUKUM');
    expect(rows.flat()).toContainEqual(expect.stringMatching(/^sheet Aturan, baris 2: .*tidak ada aturan status yang berlaku untuk KKMP-BPP-29/));
  });

  test('KKMP_PEMBIAYAAN gives bank-financing readiness per row, equal to the core', () => {
    const sample = balikpapanSample();
    const spreadsheet = workbookFrom(sample);
    const sandbox = loadBundle({ spreadsheet, now: NOW });
    const koperasi = sandbox.spreadsheet.getSheetByName('Koperasi')!.getDataRange().getValues();
    const want = runChecks(sample).results.map((r) => [r.checks.bankFinancing!.label.id]);
    expect(sandbox.call('KKMP_PEMBIAYAAN', koperasi)).toEqual(want);
    expect(new Set(want.flat())).toEqual(new Set(['SIAP', 'BELUM SIAP']));
    expect(sandbox.call('KKMP_ALASAN', 'pembiayaan', koperasi, '', '')).toEqual(runChecks(sample).results.map((r) => [r.checks.bankFinancing!.reasons.map((x) => `• ${x.text.id}`).join('\n')]));
  });
});

describe('custom functions and the Parameter sheet', () => {
  test('formulas use the thresholds of the Parameter sheet, as the check of the whole workbook does', () => {
    const input: CheckInput = { asOf: '2026-11-24', coops: [coop({ spCapital: 120_000_000 })], meetings: [meeting()], mentors: balikpapanSample().mentors };
    const sandbox = loadBundle({ spreadsheet: workbookFrom(input, { parameters: [['spMinCapital', 100_000_000]] }), now: NOW });
    const range = (name: string): unknown[][] => sandbox.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
    expect(sandbox.call('KKMP_SIMPAN_PINJAM', range('Koperasi'), range('RAT'), range('Pendamping'))).toBe('SIAP');
  });
});

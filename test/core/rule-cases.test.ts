/**
 * The bundled rule cases (rules/cases.json, in the form of the sheet Uji
 * Aturan) pass with the bundled rules, cover every status of every check, and
 * a sheet of cases is read with the workbook's cell readers: what cannot be
 * read is reported at its sheet, row and column.
 */
import { createCheckEngine } from '../../src/core/check-engine';
import { defaultParameters } from '../../src/core/parameters';
import { BUNDLED_CASES_FILE, bundledCases, readRuleCases, statusOfCase } from '../../src/core/rule-cases';
import { BUNDLED_RULE_SETS, CHECK_IDS, STATUSES_BY_CHECK } from '../../src/core/rule-data';

const CONTEXT = { dateToIso: (d: Date) => d.toISOString().slice(0, 10) };

describe('bundled rule cases', () => {
  const engines = BUNDLED_RULE_SETS.map((ruleSet) => createCheckEngine(ruleSet, defaultParameters()));
  const cases = bundledCases();

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, ruleCase) => {
    for (const engine of engines) {
      const want = ruleCase.expected[engine.check];
      if (want === undefined) continue;
      expect([engine.check, statusOfCase(ruleCase, engine)]).toEqual([engine.check, { status: want }]);
    }
  });

  test('every status of every check is expected by some case, and every case names a place in rules/cases.json', () => {
    const expected = new Set(cases.flatMap((c) => Object.entries(c.expected).map(([check, status]) => `${check}:${status}`)));
    for (const check of CHECK_IDS) for (const status of STATUSES_BY_CHECK[check] ?? []) expect(expected).toContain(`${check}:${status}`);
    for (const c of cases) expect(c.source).toMatch(/^sheet rules\/cases\.json, baris \d+$/);
    expect(BUNDLED_CASES_FILE).toBe('rules/cases.json');
  });
});

describe('the sheet Uji Aturan', () => {
  test('a blank cell keeps the reference value, "-" clears it, yes/no and dates read as in the register', () => {
    const { cases, problems } = readRuleCases('Uji Aturan', [
      ['Catatan staf'],
      ['Nama Kasus', 'Tanggal Pemeriksaan', 'NIB', 'Proposal Usaha', 'Tanggal RAT', 'Harapan Pembiayaan Bank', 'Harapan RAT'],
      ['tanpa NIB', '01/12/2026', '-', '', '', 'belum siap', ''],
      ['proposal ditolak', '', '', 'tidak', '-', 'BELUM SIAP', 'terlambat'],
    ], CONTEXT);
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.name, c.asOf, c.record.nib, c.record.businessProposal, c.meetings[0]?.heldOn ?? null, c.expected])).toEqual([
      ['tanpa NIB', '2026-12-01', null, true, '2026-04-15', { bankFinancing: 'BELUM_SIAP' }],
      ['proposal ditolak', '2026-11-24', '9120001234567', false, null, { bankFinancing: 'BELUM_SIAP', rat: 'TERLAMBAT' }],
    ]);
    expect(cases[0]!.source).toBe('sheet Uji Aturan, baris 3');
  });

  test('unknown columns, unknown statuses, unreadable cells and cases without a name are reported where they are', () => {
    const { cases, problems } = readRuleCases('Uji Aturan', [
      ['Nama Kasus', 'Warna', 'Jumlah Anggota', 'Harapan Legalitas'],
      ['a', '', 'dua puluh', 'LULUS'],
      ['', '', 25, 'BELUM'],
    ], CONTEXT);
    expect(problems.map((p) => p.text.id)).toEqual([
      "sheet Uji Aturan, baris 1, kolom B: kolom 'Warna' tidak dikenal di sheet Uji Aturan; diabaikan.",
      expect.stringMatching(/^sheet Uji Aturan, baris 2, kolom Jumlah Anggota \(C\): /),
      expect.stringMatching(/^sheet Uji Aturan, baris 2, kolom D: status 'LULUS' tidak dikenal untuk Legalitas; yang dikenal: BERBADAN HUKUM, DALAM PROSES, BELUM\.$/),
      'sheet Uji Aturan, baris 3: kasus tanpa nama; diabaikan.',
    ]);
    expect(cases.map((c) => c.name)).toEqual(['a']);
  });

  test('a sheet without the Nama Kasus header is reported, and nothing else breaks', () => {
    const { cases, problems } = readRuleCases('Uji Aturan', [['Uji'], ['x']], CONTEXT);
    expect(cases).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.where).toBe('sheet Uji Aturan');
  });
});

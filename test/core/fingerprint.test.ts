/**
 * The run fingerprint tells one reading of the workbook from another: equal
 * reads give equal fingerprints; any change a person could make between two
 * parts (a value, its type, a sort, a row added or removed, a sheet renamed)
 * and other rules or another day give a different one.
 */
import fc from 'fast-check';
import { rowsChecksum, runFingerprint, type SheetRead } from '../../src/core/fingerprint';

interface MutableSheet {
  name: string;
  values: unknown[][];
}

const BASE: MutableSheet[] = [
  { name: 'Koperasi', values: [['ID Koperasi', 'Nama Koperasi', 'Tanggal Akta', 'Jumlah Anggota', 'Rekening Bank'], ['KKMP-01', 'Manggar', new Date(Date.UTC(2025, 6, 9, 16)), 20, true], ['KKMP-02', 'Lamaru', '', 18, false]] },
  { name: 'RAT', values: [['ID Koperasi', 'Tahun Buku'], ['KKMP-01', 2025]] },
];

function changed(edit: (sheets: MutableSheet[]) => void): MutableSheet[] {
  const copy = BASE.map((sheet) => ({ name: sheet.name, values: sheet.values.map((row) => row.slice()) }));
  edit(copy);
  return copy;
}

const print = (sheets: readonly SheetRead[], version = 'r-1', asOf = '2026-11-24'): string => runFingerprint(sheets, version, asOf);

describe('runFingerprint', () => {
  test('is 16 hex digits, and equal for an equal reading (new arrays, new Date objects)', () => {
    expect(print(BASE)).toMatch(/^f-[0-9a-f]{16}$/);
    expect(print(changed(() => undefined))).toBe(print(BASE));
    expect(print(changed((s) => (s[0]!.values[1]![2] = new Date(Date.UTC(2025, 6, 9, 16)))))).toBe(print(BASE));
  });

  const CHANGES: Array<[string, (sheets: MutableSheet[]) => void]> = [
    ['a text edited', (s) => (s[0]!.values[1]![1] = 'Manggar Baru')],
    ['a number edited', (s) => (s[0]!.values[2]![3] = 19)],
    ['a date moved by one millisecond', (s) => (s[0]!.values[1]![2] = new Date(Date.UTC(2025, 6, 9, 16) + 1))],
    ['a boolean flipped', (s) => (s[0]!.values[1]![4] = false)],
    ['a number typed as text', (s) => (s[0]!.values[2]![3] = '18')],
    ['a boolean typed as text', (s) => (s[0]!.values[1]![4] = 'TRUE')],
    ['an empty cell filled with a space', (s) => (s[0]!.values[2]![2] = ' ')],
    ['rows sorted', (s) => s[0]!.values.splice(1, 2, s[0]!.values[2]!, s[0]!.values[1]!)],
    ['a row added', (s) => s[1]!.values.push(['KKMP-02', 2025])],
    ['a row removed', (s) => s[1]!.values.pop()],
    ['an empty row added at the end', (s) => s[1]!.values.push(['', ''])],
    ['a column added', (s) => s[1]!.values.forEach((row) => row.push(''))],
    ['text moved between two cells', (s) => ((s[0]!.values[1]![0] = 'KKMP-01M'), (s[0]!.values[1]![1] = 'anggar'))],
    ['a sheet renamed', (s) => (s[1]!.name = 'RAT 2025')],
    ['sheets in another order', (s) => s.reverse()],
    ['a sheet added', (s) => s.push({ name: 'Parameter', values: [['Kunci', 'Nilai']] })],
  ];

  test.each(CHANGES)('changes when %s', (_name, edit) => {
    expect(print(changed(edit))).not.toBe(print(BASE));
  });

  test('changes with the rules version and with the check date', () => {
    expect(print(BASE, 'r-2')).not.toBe(print(BASE));
    expect(print(BASE, 'r-1', '2026-11-25')).not.toBe(print(BASE));
  });

  test('property: any single-cell change gives another fingerprint; the same values give the same one', () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(''), fc.integer({ min: 0, max: 4e12 }).map((t) => new Date(t)));
    const grid = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(grid, fc.nat(), fc.nat(), cell, (values, r, c, replacement) => {
        const sheets = [{ name: 'Koperasi', values }];
        const row = r % values.length;
        const column = c % 3;
        const before = values[row]![column];
        const same = Object.is(before, replacement) || (before instanceof Date && replacement instanceof Date && before.getTime() === replacement.getTime()) || (typeof before === 'number' && typeof replacement === 'number' && String(before) === String(replacement) && !Object.is(before, -0) && !Object.is(replacement, -0));
        const copy = values.map((line) => line.slice());
        copy[row]![column] = replacement;
        const a = print(sheets);
        const b = print([{ name: 'Koperasi', values: copy }]);
        return same ? a === b : a !== b;
      }),
      { numRuns: 5000 },
    );
  });
});

describe('rowsChecksum', () => {
  test('equal only when every cell reads back equal, type included', () => {
    const rows = [['KKMP-01', '7/14', '=1+1'], ['KKMP-02', '', "'kutip"]];
    expect(rowsChecksum(rows)).toBe(rowsChecksum(rows.map((row) => row.slice())));
    expect(rowsChecksum(rows)).toMatch(/^c-[0-9a-f]{16}$/);
    for (const [row, column, value] of [[0, 1, new Date(2026, 6, 14)], [0, 2, '#ERROR!'], [1, 2, 'kutip'], [1, 1, 0]] as const) {
      const copy: unknown[][] = rows.map((line) => line.slice());
      copy[row]![column] = value;
      expect(rowsChecksum(copy)).not.toBe(rowsChecksum(rows));
    }
    expect(rowsChecksum(rows.slice(0, 1))).not.toBe(rowsChecksum(rows));
  });
});

/**
 * What staff may type, and what is reported instead of guessed.
 */
import { readCell, parseIndonesianNumber } from '../../../src/core/workbook/cell-values';
import type { CellKind } from '../../../src/core/workbook/columns';

const context = { dateToIso: (d: Date) => d.toISOString().slice(0, 10) };
const read = (kind: CellKind, raw: unknown): unknown => {
  const result = readCell(kind, raw, context);
  return 'value' in result ? result.value : result.problem;
};

describe('reading cells', () => {
  test.each<[CellKind, unknown, unknown]>([
    ['date', new Date(Date.UTC(2025, 6, 10)), '2025-07-10'],
    ['date', '15/06/2025', '2025-06-15'],
    ['date', '5-6-2025', '2025-06-05'],
    ['date', '2025-06-15', '2025-06-15'],
    ['date', '15 Juni 2025', '2025-06-15'],
    ['date', '1 Agt 2025', '2025-08-01'],
    ['date', '31/02/2025', 'unreadable'],
    ['date', '15/06/25', 'unreadable'],
    ['date', 45853, 'unreadable'],
    ['date', new Date(NaN), 'unreadable'],
    ['date', '', null],
    ['date', '#N/A', 'sheetsError'],
    ['yesno', 'ya', true],
    ['yesno', 'Ya ', true],
    ['yesno', '✓', true],
    ['yesno', true, true],
    ['yesno', 'TRUE', true],
    ['yesno', 1, true],
    ['yesno', 'tidak', false],
    ['yesno', '-', false],
    ['yesno', 'Belum', false],
    ['yesno', 0, false],
    ['yesno', 'mungkin', 'unreadable'],
    ['yesno', '   ', null],
    ['amount', 120000000, 120000000],
    ['amount', 'Rp 15.000.000', 15000000],
    ['amount', 'Rp15.000.000,-', 15000000],
    ['amount', '15.000.000,50', 15000000.5],
    ['amount', '1,5 juta', 1500000],
    ['amount', '2 M', 2000000000],
    ['amount', '500 rb', 500000],
    ['amount', '15,000,000', 15000000],
    ['amount', '15,000', 'unreadable'],
    ['amount', '15.5', 'unreadable'],
    ['amount', '-5000', 'unreadable'],
    ['amount', '-', null],
    ['amount', 'lima juta', 'unreadable'],
    ['amount', '#REF!', 'sheetsError'],
    ['integer', 25, 25],
    ['integer', '25', 25],
    ['integer', 2.5, 'unreadable'],
    ['integer', -1, 'unreadable'],
    ['percent', 50, 50],
    ['percent', '50%', 50],
    ['percent', 0.2, 20],
    ['percent', '0,5', 50],
    ['percent', 150, 'unreadable'],
    ['year', 2025, 2025],
    ['year', '2025', 2025],
    ['year', '2.025', 2025],
    ['year', 25, 'unreadable'],
    ['text', '  AHU-001  ', 'AHU-001'],
    ['text', 9120001234567, '9120001234567'],
    ['text', 1e20, 'unreadable'],
    ['text', '-', null],
  ])('%s %p → %p', (kind, raw, expected) => {
    expect(read(kind, raw)).toEqual(expected);
  });

  test('an unreadable amount says what was expected, in both languages', () => {
    const result = readCell('amount', '15,000', context);
    expect(result).toMatchObject({ problem: 'unreadable', expected: { id: expect.stringContaining('tulis 15.000 atau 15000'), en: expect.stringContaining('write 15.000 or 15000') } });
  });

  test.each([
    ['31/02/2026', 'bulan ke-2 tahun 2026 tidak punya tanggal 31', 'month 2 of 2026 has no day 31'],
    ['29/02/2025', 'bulan ke-2 tahun 2025 tidak punya tanggal 29', 'month 2 of 2025 has no day 29'],
    ['31-04-2026', 'bulan ke-4 tahun 2026 tidak punya tanggal 31', 'month 4 of 2026 has no day 31'],
    ['2026-06-31', 'bulan ke-6 tahun 2026 tidak punya tanggal 31', 'month 6 of 2026 has no day 31'],
  ])('a date written right that the calendar lacks (%s) says so, not "expected dd/mm/yyyy"', (raw, id, en) => {
    expect(readCell('date', raw, context)).toMatchObject({ problem: 'unreadable', expected: { id: expect.stringContaining(id), en: expect.stringContaining(en) } });
  });

  test.each([['29/02/2024', '2024-02-29'], ['13/13/2026', 'unreadable'], ['00/01/2026', 'unreadable']])('%s → %s', (raw, expected) => {
    expect(read('date', raw)).toBe(expected);
    if (expected === 'unreadable') expect(readCell('date', raw, context)).toMatchObject({ expected: { id: 'tanggal dd/mm/yyyy, misalnya 15/06/2025' } });
  });

  test.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', '10 constructor 2026', '10-valueOf-2026', '15 constructor', '1,5 toString'])(
    'typed text that names what every object inherits (%s) is unreadable in every number and date column, never a value',
    (raw) => {
      for (const kind of ['percent', 'amount', 'integer', 'number', 'year', 'date'] as const) {
        expect([kind, read(kind, raw)]).toEqual([kind, 'unreadable']);
      }
    },
  );

  test('parseIndonesianNumber reports ambiguity rather than guessing', () => {
    expect(parseIndonesianNumber('15,000')).toBe('ambiguous');
    expect(parseIndonesianNumber('1.234.567')).toBe(1234567);
  });
});

describe('issue 14: everyday spellings, implausible values and cell kinds', () => {
  const onCheckDate = { ...context, asOf: '2026-08-01' };
  const readOn = (kind: CellKind, raw: unknown, options: Parameters<typeof readCell>[3] = {}): unknown => {
    const result = readCell(kind, raw, onCheckDate, options);
    return 'value' in result ? result.value : result.problem;
  };

  test.each<[string, unknown]>([
    ['10 Mrt 2026', '2026-03-10'],
    ['10 Ags 2025', '2025-08-10'],
    ['10 Peb 2026', '2026-02-10'],
    ['10-Feb-2026', '2026-02-10'],
    ['10 Nopember 2025', '2025-11-10'],
    ['10 Agust 2025', '2025-08-10'],
    ['10 Maret 2026', '2026-03-10'],
    ['1 Agt 2025', '2025-08-01'],
    ['5 Sept 2025', '2025-09-05'],
    ['5 Nop 2025', '2025-11-05'],
    ['5 Okt. 2025', '2025-10-05'],
    ['5 Des 2025', '2025-12-05'],
    ['5  des   2025', '2025-12-05'],
    ['-', null],
    ['–', null],
    ['10 Xyz 2025', 'unreadable'],
  ])('date %p → %p', (raw, expected) => {
    expect(readOn('date', raw)).toEqual(expected);
  });

  test.each<[unknown, boolean, unknown]>([
    [new Date(Date.UTC(1899, 11, 30)), true, 'unreadable'], // 0 from a lookup that found nothing
    [new Date(Date.UTC(1899, 11, 31)), true, 'unreadable'], // 1
    ['15/06/0225', true, 'unreadable'], // a year typed 0225
    ['01/01/1945', true, '1945-01-01'],
    ['31/12/1944', true, 'unreadable'],
    ['02/08/2026', true, 'unreadable'], // a past event after the check date
    ['01/08/2026', true, '2026-08-01'],
    ['31/12/2026', false, '2026-12-31'], // a contract may end after the check date …
    ['01/08/2036', false, '2036-08-01'],
    ['02/08/2036', false, 'unreadable'], // … but not more than plausibleYearsAhead after it
  ])('plausible date window: %p (past event %p) → %p', (raw, pastEvent, expected) => {
    expect(readOn('date', raw, { pastEvent })).toEqual(expected);
  });

  test('an implausible date says which window it expected, not that it is blank', () => {
    const result = readCell('date', new Date(Date.UTC(1899, 11, 30)), onCheckDate, { pastEvent: true });
    expect(result).toEqual({ problem: 'unreadable', expected: { id: 'tanggal yang masuk akal, antara 01/01/1945 dan tanggal pemeriksaan 01/08/2026', en: 'a plausible date between 01/01/1945 and the check date 01/08/2026' } });
  });

  test.each<[unknown, unknown, unknown]>([
    ['1/5', undefined, 20],
    ['2/3', undefined, 66.67],
    ['½', undefined, 50],
    ['50 %', undefined, 50],
    ['66,67%', undefined, 66.67],
    [1, '0%', 100], // the cell shows 100 %
    [0.6667, '0.00%', 66.67],
    [0.5, '0.0" %"', 50],
    [1, 'General', 1],
    [1.5, '0%', 'unreadable'], // 150 %
    ['3/2', undefined, 'unreadable'],
  ])('percent %p (format %p) → %p', (raw, numberFormat, expected) => {
    expect(readOn('percent', raw, { numberFormat })).toEqual(expected);
  });

  test.each<[CellKind, unknown, unknown]>([
    ['integer', '20 orang', 20],
    ['integer', '20 anggota', 20],
    ['integer', '-', null],
    ['amount', '—', null],
    ['percent', '-', null],
    ['year', '-', null],
    ['yesno', '-', false],
    ['text', 'Koperasi\r\nKKMP-X BERBADAN HUKUM', 'Koperasi KKMP-X BERBADAN HUKUM'],
    ['text', 'KKMP\u200B-01\u001b[2J', 'KKMP-01 [2J'],
    ['text', { formulaWithoutResult: 'P2*60' }, 'noResult'],
    ['amount', { formulaWithoutResult: 'P2*60' }, 'noResult'],
  ])('%s %p → %p', (kind, raw, expected) => {
    expect(readOn(kind, raw)).toEqual(expected);
  });
});

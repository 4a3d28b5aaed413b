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

  test('parseIndonesianNumber reports ambiguity rather than guessing', () => {
    expect(parseIndonesianNumber('15,000')).toBe('ambiguous');
    expect(parseIndonesianNumber('1.234.567')).toBe(1234567);
  });
});

/**
 * How values are shown to staff, in both languages.
 */
import { formatValue } from '../../src/core/format';
import { dayFromIso } from '../../src/core/calendar';

describe('formatValue', () => {
  test.each([
    [120_000_000, 'rupiah', 'Rp 120.000.000', 'Rp 120,000,000'],
    [0, 'rupiah', 'Rp 0', 'Rp 0'],
    [33.333, 'percent', '33,3%', '33.3%'],
    [50, 'percent', '50%', '50%'],
    [147, 'days', '147 hari', '147 days'],
    [1, 'days', '1 hari', '1 day'],
    [1234.5, 'count', '1.234,5', '1,234.5'],
    [-3, 'count', '-3', '-3'],
    [2025, 'year', '2025', '2025'],
    [true, 'boolean', 'ya', 'yes'],
    [false, 'boolean', 'tidak', 'no'],
    [null, 'rupiah', '(kosong)', '(blank)'],
    ['PD-01', 'text', 'PD-01', 'PD-01'],
  ] as const)('%p as %s', (value, unit, id, en) => {
    expect(formatValue(value, unit, 'id')).toBe(id);
    expect(formatValue(value, unit, 'en')).toBe(en);
  });

  test('dates', () => {
    expect(formatValue(dayFromIso('2026-06-30'), 'date', 'id')).toBe('30/06/2026');
  });
});

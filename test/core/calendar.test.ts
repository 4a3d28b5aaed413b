/**
 * Calendar arithmetic: day numbers, month ends, leap years, clamping.
 */
import { addMonths, dayFromIso, dayFromParts, displayFromDay, endOfMonthAfter, isoFromDay } from '../../src/core/calendar';

const iso = (d: number): string => isoFromDay(d);

describe('calendar', () => {
  test.each([
    ['2026-11-24', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['24/11/2026', false],
  ])('%s is a date: %s', (text, valid) => {
    expect(dayFromIso(text) !== null).toBe(valid);
  });

  test('round-trips through day numbers, including years below 100', () => {
    for (const text of ['1970-01-01', '2000-02-29', '2026-11-24', '0099-12-31', '2100-03-01']) expect(iso(dayFromIso(text)!)).toBe(text);
    expect(dayFromParts(1970, 1, 2)).toBe(1);
  });

  test.each([
    [2025, 6, '2026-06-30'],
    [2025, 3, '2026-03-31'],
    [2027, 2, '2028-02-29'],
    [2026, 2, '2027-02-28'],
    [2025, 12, '2026-12-31'],
  ])('book year %i + %i months ends on %s', (year, months, expected) => {
    expect(iso(endOfMonthAfter(year, 12, months))).toBe(expected);
  });

  test.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-06-30', -3, '2026-03-30'],
    ['2026-12-15', 2, '2027-02-15'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(iso(addMonths(dayFromIso(from)!, months))).toBe(expected);
  });

  test('shows dates as dd/mm/yyyy', () => {
    expect(displayFromDay(dayFromIso('2026-06-05')!)).toBe('05/06/2026');
  });
});

/**
 * Utilities.formatDate follows Java's SimpleDateFormat (Apps Script's
 * documented behaviour): letters, padding, quoting, time zones.
 */
import { FakeUtilities } from './services';

describe('FakeUtilities.formatDate as SimpleDateFormat', () => {
  const u = new FakeUtilities();
  const instant = new Date(Date.UTC(2025, 5, 14, 16, 5, 9, 7)); // 15 June 2025 00:05:09.007 in Makassar

  test.each([
    ['yyyy-MM-dd HH:mm:ss', 'Asia/Makassar', '2025-06-15 00:05:09'],
    ['yyyy-MM-dd', 'UTC', '2025-06-14'],
    ['yy/M/d', 'Asia/Makassar', '25/6/15'],
    ['EEE, d MMM yyyy', 'Asia/Makassar', 'Sun, 15 Jun 2025'],
    ['EEEE MMMM', 'Asia/Makassar', 'Sunday June'],
    ["h:mm a 'o''clock'", 'UTC', "4:05 PM o'clock"],
    ['k K S D u', 'Asia/Makassar', '24 0 7 166 7'],
    ['Z XXX', 'Asia/Makassar', '+0800 +08:00'],
    ['X', 'UTC', 'Z'],
  ])('%s in %s', (pattern, zone, expected) => {
    expect(u.formatDate(instant, zone, pattern)).toBe(expected);
  });

  test('years are zero-padded to the number of letters (yyyy → 4 digits), yy is two digits', () => {
    const year = new Date(Date.UTC(2000, 0, 1));
    year.setUTCFullYear(1999);
    expect(u.formatDate(year, 'UTC', 'yyyyy')).toBe('01999');
    expect(u.formatDate(new Date(Date.UTC(2005, 0, 1)), 'UTC', 'y yy yyyy')).toBe('2005 05 2005');
  });

  test('unknown pattern letters are refused as in Java', () => {
    expect(() => u.formatDate(instant, 'UTC', 'yyyy-MM-ddTHH')).toThrow("Illegal pattern character 'T'");
  });
});

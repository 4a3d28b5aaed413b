/**
 * The SpreadsheetApp fake behaves as Apps Script documents: 1-based ranges and
 * A1 notation, value types, dimension errors, bounds, last row and column,
 * and counted Range calls.
 */
import { FakeSpreadsheetApp } from './spreadsheet-app';

function sheet() {
  const app = new FakeSpreadsheetApp();
  const s = app.getActiveSpreadsheet().insertSheet('Koperasi');
  return { app, s };
}

describe('FakeSpreadsheetApp', () => {
  test('ranges are 1-based and A1 notation addresses the same cells', () => {
    const { s } = sheet();
    s.getRange(2, 3, 1, 2).setValues([['a', 'b']]);
    expect(s.getRange('C2:D2').getValues()).toEqual([['a', 'b']]);
    expect(s.getRange('C2').getValue()).toBe('a');
    expect(s.getRange(2, 3, 1, 2).getA1Notation()).toBe('C2:D2');
    expect(s.cell(2, 3)).toBe('a');
  });

  test('empty cells read as "", and numbers, booleans and dates keep their types', () => {
    const { s } = sheet();
    s.getRange(1, 1, 1, 4).setValues([[15, true, new Date(Date.UTC(2025, 6, 10)), null]]);
    const [row] = s.getRange(1, 1, 1, 5).getValues();
    expect(row![0]).toBe(15);
    expect(row![1]).toBe(true);
    expect(Object.prototype.toString.call(row![2])).toBe('[object Date]');
    expect(row![3]).toBe('');
    expect(row![4]).toBe('');
    expect(s.getRange(1, 1, 1, 2).getDisplayValues()).toEqual([['15', 'TRUE']]);
  });

  test('setValues rejects a wrongly sized array with Apps Script\'s message', () => {
    const { s } = sheet();
    expect(() => s.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => s.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
  });

  test('ranges outside the sheet or of zero size are rejected', () => {
    const { s } = sheet();
    expect(() => s.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => s.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => s.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    s.insertRowsAfter(1000, 10);
    expect(() => s.getRange(1001, 1)).not.toThrow();
  });

  test('last row and column follow the content', () => {
    const { s } = sheet();
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([0, 0]);
    s.getRange(3, 2).setValue('x');
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([3, 2]);
  });

  test('inserting a sheet twice under one name fails', () => {
    const { app } = sheet();
    expect(() => app.getActiveSpreadsheet().insertSheet('Koperasi')).toThrow('A sheet with the name "Koperasi" already exists. Please enter another name.');
    expect(app.getActiveSpreadsheet().getSheetByName('RAT')).toBeNull();
  });

  test('reads and writes are counted', () => {
    const { app, s } = sheet();
    s.getRange(1, 1, 2, 2).getValues();
    s.getRange(1, 1).setValue(1);
    s.getRange(1, 1, 1, 1).setBackgrounds([['#ff0000']]);
    expect(app.counts).toEqual({ reads: 1, writes: 2, byMethod: { getValues: 1, setValue: 1, setBackgrounds: 1 } });
  });
});

/**
 * Sheets semantics the fake must not be kinder about (sources in
 * ./sheets-semantics.ts): typed-input parsing, number formats, merges,
 * display values, formatDate and sheet names.
 */
describe('FakeSpreadsheetApp behaves like Sheets where it matters', () => {
  const MAKASSAR = 8 * 3600_000;
  const makassarMidnight = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) - MAKASSAR;
  function write(text: unknown, options: { locale?: string; format?: string } = {}) {
    const { app, s } = sheet();
    app.now = () => Date.UTC(2026, 10, 30);
    if (options.locale) app.getActiveSpreadsheet().setSpreadsheetLocale(options.locale);
    if (options.format !== undefined) s.getRange(1, 1).setNumberFormat(options.format);
    s.getRange(1, 1).setValues([[text]]);
    const value = s.getRange(1, 1).getValue();
    return { value, time: value instanceof Object && 'getTime' in value ? (value as Date).getTime() : null, formula: s.getRange(1, 1).getFormulas()[0]![0], display: s.getRange(1, 1).getDisplayValues()[0]![0], format: s.getRange(1, 1).getNumberFormats()[0]![0], s };
  }

  test.each([
    // [typed, locale, what Sheets stores]
    ['01234', 'id_ID', 1234],
    ['01234', 'en_US', 1234],
    ['1.234,5', 'id_ID', 1234.5],
    ['1,234.5', 'en_US', 1234.5],
    ['1234,5', 'id_ID', 1234.5],
    ['1.500', 'id_ID', 1500],
    ['-7', 'id_ID', -7],
    ['50%', 'id_ID', 0.5],
    ['12,5%', 'id_ID', 0.125],
    ['TRUE', 'id_ID', true],
    ['false', 'en_US', false],
    ['1234567890123456789', 'id_ID', 1234567890123456800],
    ['9120001234567', 'id_ID', 9120001234567],
    ['Rp 50.000.000', 'id_ID', 'Rp 50.000.000'],
    ['KKMP-BPP-01', 'id_ID', 'KKMP-BPP-01'],
    ['  spaced  ', 'id_ID', '  spaced  '],
    ['1,5', 'en_US', '1,5'],
  ])('setValues parses %j as typed input in %s', (typed, locale, stored) => {
    expect(write(typed, { locale }).value).toEqual(stored);
  });

  test.each([
    ['15/06/2025', 'id_ID', [2025, 6, 15]],
    ['15/06/2025', 'en_GB', [2025, 6, 15]],
    ['6/15/2025', 'en_US', [2025, 6, 15]],
    ['7/14', 'en_US', [2026, 7, 14]],
    ['14/7', 'id_ID', [2026, 7, 14]],
    ['2025-06-15', 'en_US', [2025, 6, 15]],
    ['15-06-25', 'id_ID', [2025, 6, 15]],
  ] as Array<[string, string, [number, number, number]]>)('setValues reads %j as a date in %s (midnight in the sheet\'s time zone)', (typed, locale, [y, m, d]) => {
    const got = write(typed, { locale });
    expect(got.time).toBe(makassarMidnight(y, m, d));
    expect(got.format).not.toBe('');
  });

  test.each([['15/06/2025', 'en_US'], ['31/02/2025', 'id_ID'], ['7/14', 'id_ID']])('%j is not a date in %s: it stays text', (typed, locale) => {
    expect(write(typed, { locale }).value).toBe(typed);
  });

  test('a leading apostrophe keeps text and is not stored; =… is a formula', () => {
    expect(write("'01234").value).toBe('01234');
    expect(write("'=SUM(A1)").value).toBe('=SUM(A1)');
    expect(write("'=SUM(A1)").formula).toBe('');
    expect(write('=SUM(A1)').formula).toBe('=SUM(A1)');
    expect(write("''quoted").value).toBe("'quoted");
  });

  test('a plain-text cell (@) keeps every string exactly as given', () => {
    for (const text of ['01234', '15/06/2025', '50%', 'TRUE', '=A1', '7/14']) expect(write(text, { format: '@' }).value).toBe(text);
    expect(write('=A1', { format: '@' }).formula).toBe('');
    expect(write("'x", { format: '@' }).value).toBe("'x");
  });

  test('numbers, booleans and Dates written as such are stored as such', () => {
    expect(write(1234).value).toBe(1234);
    expect(write(true).value).toBe(true);
    expect(write(new Date(makassarMidnight(2025, 6, 15))).time).toBe(makassarMidnight(2025, 6, 15));
  });

  test('getSpreadsheetLocale gives the locale; a typed percent gets a percent format and holds the fraction', () => {
    const { app } = sheet();
    expect(app.getActiveSpreadsheet().getSpreadsheetLocale()).toBe('id_ID');
    const got = write('60%');
    expect([got.value, got.format, got.display]).toEqual([0.6, '0%', '60%']);
  });

  test('number formats change what getValues gives: 0 in a date cell is 30/12/1899; a date in a number cell is its serial', () => {
    const { s } = sheet();
    s.getRange(1, 1).setNumberFormat('dd/mm/yyyy');
    s.getRange(1, 1).setValues([[0]]);
    const zero = s.getRange(1, 1).getValue() as Date;
    // Midnight of 30/12/1899 in Makassar, whose offset then was local mean time +7:57:36 (IANA tz database, as Java's).
    expect(zero.getTime()).toBe(Date.UTC(1899, 11, 30) - (7 * 3600 + 57 * 60 + 36) * 1000);
    expect(s.getRange(1, 1).getDisplayValues()).toEqual([['30/12/1899']]);
    s.getRange(1, 2).setValues([[new Date(makassarMidnight(2025, 6, 15))]]);
    s.getRange(1, 2).setNumberFormat('0');
    expect(s.getRange(1, 2).getValue()).toBe(45823);
  });

  test('getDisplayValues follows the format, the locale and the time zone', () => {
    const { app, s } = sheet();
    s.getRange(1, 1, 1, 5).setValues([[1234567.5, 0.6, 50000000, new Date(Date.UTC(2025, 5, 14, 16, 0)), 2.5]]);
    s.getRange(1, 1).setNumberFormat('#,##0.00');
    s.getRange(1, 2).setNumberFormat('0%');
    s.getRange(1, 3).setNumberFormat('"Rp" #,##0');
    s.getRange(1, 4).setNumberFormat('dd/mm/yyyy');
    expect(s.getRange(1, 1, 1, 5).getDisplayValues()).toEqual([['1.234.567,50', '60%', 'Rp 50.000.000', '15/06/2025', '2,5']]);
    app.getActiveSpreadsheet().setSpreadsheetLocale('en_US');
    app.getActiveSpreadsheet().timeZone = 'UTC';
    expect(s.getRange(1, 1, 1, 5).getDisplayValues()).toEqual([['1,234,567.50', '60%', 'Rp 50,000,000', '14/06/2025', '2.5']]);
  });

  test('merge keeps the top-left value; covered cells read "" and ignore writes; getMergedRanges finds it', () => {
    const { s } = sheet();
    s.getRange(1, 1, 1, 3).setValues([['a', 'b', 'c']]);
    s.getRange('A1:B2').merge();
    expect(s.getRange(1, 1, 2, 3).getValues()).toEqual([['a', '', 'c'], ['', '', '']]);
    s.getRange(1, 2).setValues([['x']]);
    expect(s.getRange(1, 2).getValue()).toBe('');
    expect(s.getRange('B2:C3').getMergedRanges().map((r) => r.getA1Notation())).toEqual(['A1:B2']);
    expect(() => s.getRange('B1:C1').merge()).toThrow('You must select all cells in a merged range to merge or unmerge them.');
    s.getRange('A1:B2').breakApart();
    expect(s.getRange('A1:C1').getMergedRanges()).toEqual([]);
  });

  test('getSheetByName ignores case, and names differing only in case cannot coexist', () => {
    const { app, s } = sheet();
    const ss = app.getActiveSpreadsheet();
    expect(ss.getSheetByName('koperasi')).toBe(s);
    expect(ss.getSheetByName('KOPERASI')).toBe(s);
    expect(() => ss.insertSheet('KOPERASI')).toThrow('A sheet with the name "KOPERASI" already exists. Please enter another name.');
    const other = ss.insertSheet('RAT');
    expect(() => other.setName('Koperasi')).toThrow('already exists');
  });

  test('deleteRow removes one row; the rows below move up with their formulas and formats', () => {
    const { s } = sheet();
    s.getRange(1, 1, 3, 2).setValues([['a', 1], ['b', 2], ['c', '=A3']]);
    s.getRange(3, 2).setNumberFormat('0.00');
    s.deleteRow(2);
    expect(s.getRange(1, 1, 3, 2).getValues()).toEqual([['a', 1], ['c', '#ERROR!'], ['', '']]);
    expect(s.getRange(2, 2).getFormulas()).toEqual([['=A3']]);
    expect(s.getRange(2, 2).getNumberFormats()).toEqual([['0.00']]);
    expect(s.getMaxRows()).toBe(999);
  });
});

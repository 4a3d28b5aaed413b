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

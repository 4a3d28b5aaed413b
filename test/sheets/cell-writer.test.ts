/**
 * The one cell writer, property-based (fast-check) on the faithful fake:
 * whatever string is written — digits with leading zeros, dates in any
 * order, percents, booleans, formulas, a leading apostrophe, any unicode —
 * into cells of any number format (automatic, plain text, date, percent,
 * number) in any modelled locale, it reads back as exactly that string and
 * never as a formula; numbers, booleans and Dates come back as themselves; and
 * it costs one format read and one write per range.
 */
import fc from 'fast-check';
import { protectedValue, writeValues, type WriteValue } from '../../src/sheets/cell-writer';
import { FakeSpreadsheetApp, type FakeRange } from '../support/fakes/spreadsheet-app';

type Range = GoogleAppsScript.Spreadsheet.Range;
const LOOKALIKES = ['01234', '15/06/2025', '6/15/2025', '7/14', '2025-06-15', '50%', '1.234,5', '1,234.5', 'TRUE', 'false', '=SUM(A1)', '=', "'", "'quoted", '+62', '-5', '@here', '1234567890123456789', ' 42 '];
const text = fc.oneof(fc.constantFrom(...LOOKALIKES), fc.string({ minLength: 1 }), fc.string({ unit: 'grapheme', minLength: 1 }));
const format = fc.constantFrom('', '@', 'dd/mm/yyyy', '0%', '#,##0', '"Rp" #,##0');
const locale = fc.constantFrom('id_ID', 'en_US', 'en_GB');

function grid(width: number, loc: string, formats: string[]) {
  const app = new FakeSpreadsheetApp();
  app.getActiveSpreadsheet().setSpreadsheetLocale(loc);
  const sheet = app.getActiveSpreadsheet().insertSheet('S');
  const range = sheet.getRange(1, 1, 1, width);
  range.setNumberFormats([formats]);
  app.resetCounts();
  return { app, range };
}

describe('writeValues', () => {
  test('any non-empty string reads back as exactly itself, never a formula, whatever the format and locale', () => {
    let tried = 0;
    let changed = 0;
    fc.assert(
      fc.property(locale, fc.array(fc.tuple(text, format), { minLength: 1, maxLength: 6 }), (loc, cells) => {
        const { app, range } = grid(cells.length, loc, cells.map(([, f]) => f));
        writeValues(range as unknown as Range, [cells.map(([t]) => t)]);
        tried += cells.length;
        expect(app.counts.byMethod).toEqual({ getNumberFormats: 1, setValues: 1 });
        const back = range.getValues()[0] as unknown[];
        changed += back.filter((v, i) => v !== cells[i]![0]).length;
        expect(back).toEqual(cells.map(([t]) => t));
        expect(range.getFormulas()[0]).toEqual(cells.map(() => ''));
      }),
      { numRuns: 2000 },
    );
    console.log(`cell writer: ${tried} strings written, ${changed} changed`);
  });

  test('numbers, booleans, Dates and blanks are written as such (no format read when there is no text)', () => {
    const date = new Date(Date.UTC(2025, 5, 14, 16));
    const { app, range } = grid(4, 'id_ID', ['', '', '', '']);
    range.setValues([['x', 'x', 'x', 'x']]);
    app.resetCounts();
    writeValues(range as unknown as Range, [[1234, true, date, '']]);
    expect(app.counts.byMethod).toEqual({ setValues: 1 });
    const [n, b, d, blank] = range.getValues()[0] as unknown[];
    expect([n, b, (d as Date).getTime(), blank]).toEqual([1234, true, date.getTime(), '']);
  });

  test.each<[WriteValue, string, WriteValue]>([
    ['01234', '', "'01234"],
    ['01234', '@', '01234'],
    ["'x", '', "''x"],
    ['', '', ''],
    [7, '', 7],
  ])('protectedValue(%j) in a cell formatted %j is %j', (value, cellFormat, handed) => {
    expect(protectedValue(value, cellFormat)).toEqual(handed);
  });

  test('formats already read can be passed: then only the write', () => {
    const { app, range } = grid(2, 'en_US', ['@', '']);
    writeValues(range as unknown as Range, [['7/14', '7/14']], [['@', '']]);
    expect(app.counts.byMethod).toEqual({ setValues: 1 });
    expect((range as FakeRange).getValues()).toEqual([['7/14', '7/14']]);
  });
});

/**
 * Bad cell input, property-based (fast-check): the readers never throw on any
 * value a cell can hold — any string, 50,000-character strings, numbers, NaN,
 * negative and fractional counts, far past and future dates, invalid Dates,
 * Sheets error values, unicode and right-to-left text — and every value is
 * either read or reported, with its sheet, row and column. Nothing is lost: a
 * non-blank row is a co-op or a reported problem.
 */
import fc from 'fast-check';
import { readCell } from '../../src/core/workbook/cell-values';
import { REGISTER_COLUMNS, type CellKind } from '../../src/core/workbook/columns';
import { readWorkbook } from '../../src/core/workbook/workbook-reader';
import { runChecks } from '../../src/core/check-run';
import { tableRows } from '../support/workbook-fixture';
import { coop } from '../support/records';

const context = { dateToIso: (d: Date) => (Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10)) };
const KINDS: CellKind[] = ['text', 'date', 'yesno', 'integer', 'amount', 'percent', 'year', 'number'];
const LONG = 'x'.repeat(50_000);

/** Anything a Sheets cell (or a careless person) can put in a cell. */
export const cellValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(LONG, `Rp ${'9'.repeat(400)}`, '٣٤٥', 'مرحبا', 'שלום', '\u202Eabc', '\u0000', '  ', '-', '—', '✓', 'ya', 'TIDAK', '15,000', '1,5 juta', '31/02/2025', '29/02/2024', '9999-12-31', 'toString', 'constructor', '__proto__', '10 valueOf 2026', '15 constructor'),
  fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!'),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, -1, 0.5, 1e21, Number.MAX_SAFE_INTEGER + 2),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: false }),
  fc.constant(new Date(NaN)),
  fc.constantFrom('', null, undefined),
);

const summary = { inputs: 0, failures: 0, lost: 0 };

describe('bad cell input', () => {
  test('readCell never throws: a value of the right type, or a problem', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), cellValue, (kind, raw) => {
        summary.inputs += 1;
        let read: ReturnType<typeof readCell>;
        try {
          read = readCell(kind, raw, context);
        } catch (error) {
          summary.failures += 1;
          throw error;
        }
        if ('problem' in read) return true;
        const v = read.value;
        if (v === null) return true;
        switch (kind) {
          case 'text':
            return typeof v === 'string';
          case 'date':
            return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
          case 'yesno':
            return typeof v === 'boolean';
          case 'integer':
            return typeof v === 'number' && Number.isInteger(v) && v >= 0;
          case 'year':
            return typeof v === 'number' && Number.isInteger(v);
          case 'amount':
            return typeof v === 'number' && Number.isFinite(v) && v >= 0;
          case 'percent':
            return typeof v === 'number' && v >= 0 && v <= 100;
          default:
            return typeof v === 'number' && Number.isFinite(v);
        }
      }),
      { numRuns: 4000 },
    );
  });

  test('a register of random cells is read without throwing; every unreadable cell is reported at its place; no row is lost', () => {
    const header = tableRows(REGISTER_COLUMNS, [coop()])[0]!;
    fc.assert(
      fc.property(fc.array(fc.array(cellValue, { minLength: header.length, maxLength: header.length }), { minLength: 1, maxLength: 12 }), (rows) => {
        summary.inputs += rows.length * header.length;
        const withIds = rows.map((row, i) => (i % 3 === 0 ? row : [`ID-${i}`, ...row.slice(1)]));
        const read = readWorkbook([{ name: 'Koperasi', values: [header, ...withIds] }], context);
        for (const record of read.coops) {
          const row = read.origins[record.id]!.row;
          for (const field of record.unreadable) {
            const label = REGISTER_COLUMNS.find((c) => c.field === field)!.label;
            const reported = read.problems.some((p) => p.location?.row === row && p.location.column?.startsWith(label));
            if (!reported) summary.lost += 1;
            if (!reported) return false;
          }
        }
        // Every non-blank row is a co-op or a problem that names its row.
        withIds.forEach((row, i) => {
          const sheetRow = i + 2;
          const blank = row.every((c) => c === '' || c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
          const accounted = Object.values(read.origins).some((o) => o.row === sheetRow) || read.problems.some((p) => p.location?.row === sheetRow);
          if (!blank && !accounted) summary.lost += 1;
        });
        // And the checks run on whatever was read.
        runChecks({ asOf: '2026-11-24', coops: read.coops, meetings: [], mentors: [] });
        return summary.lost === 0;
      }),
      { numRuns: 150 },
    );
  });

  afterAll(() => {
    console.log(`bad cell input: ${summary.inputs} inputs tried, ${summary.failures} failures, ${summary.lost} data lost`);
    expect(summary).toMatchObject({ failures: 0, lost: 0 });
  });
});

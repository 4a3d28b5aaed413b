/**
 * The visit log reader: the short activity list matched loosely, and — as a
 * property over any cell values (fast-check) — it never throws, and nothing
 * is lost: every non-blank row of Kunjungan is a visit or a reported problem
 * naming that row; a visit's notes are what was typed (outer spaces trimmed,
 * as every text cell is read).
 */
import fc from 'fast-check';
import { VISIT_COLUMNS, headerText } from '../../../src/core/workbook/columns';
import { visitActivity } from '../../../src/core/workbook/visit-log';
import { problemsOnDate, readWorkbook } from '../../../src/core/workbook/workbook-reader';
import { tableRows } from '../../support/workbook-fixture';
import { coop, mentor } from '../../support/records';
import { MENTOR_COLUMNS, REGISTER_COLUMNS } from '../../../src/core/workbook/columns';

const context = { dateToIso: (d: Date) => (Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10)) };
/** Anything a cell can hold (a smaller cousin of test/reliability/hostile-cells.test.ts's). */
const cellValue = fc.oneof(
  fc.string(),
  fc.constantFrom('', '  ', '-', '#N/A', '#REF!', '31/02/2026', '29/02/2024', '03/11/2026', 'PD-01', 'KKMP-BPP-01', 'kkmp-bpp-01', 'Pembukuan', 'rapat', 'ya', '=SUM(A1)', '\u202Eabc', 'x'.repeat(5000)),
  fc.double(),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.boolean(),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: false }),
  fc.constantFrom(null, undefined),
);
const base = [
  { name: 'Koperasi', values: tableRows(REGISTER_COLUMNS, [coop()]) },
  { name: 'Pendamping', values: tableRows(MENTOR_COLUMNS, [mentor()]) },
];

describe('the visit log', () => {
  test.each([
    ['persiapan RAT', 'Persiapan RAT'],
    ['  TATA   KELOLA ', 'Tata kelola'],
    ['Rencana-usaha', 'Rencana usaha'],
    ['rapat', null],
    [null, null],
  ])('"%s" is the activity %s', (typed, expected) => {
    expect(visitActivity(typed)).toBe(expected);
  });

  test('no Kunjungan sheet: no visits and no problem (the sheet is optional)', () => {
    const read = readWorkbook(base, context);
    expect(read.visits).toEqual([]);
    expect(read.problems.filter((p) => p.location?.sheet === 'Kunjungan')).toEqual([]);
  });

  test('a header below a title, columns in another order, a visit read with its sheet row', () => {
    const values = [['Buku kunjungan'], ['Catatan', 'Tanggal', 'ID Koperasi', 'ID Pendamping', 'Selesai'], ['  ada =1+1 ', '03/11/2026', 'kkmp-bpp-01', 'pd-01', 'ya']];
    const read = readWorkbook([...base, { name: 'Kunjungan', values }], context);
    expect(read.visits).toEqual([{ mentorId: 'pd-01', coopId: 'kkmp-bpp-01', date: '2026-11-03', activity: null, notes: 'ada =1+1', followUp: null, followUpDue: null, followUpDone: true, row: 3 }]);
  });

  test('a visit dated after the check date (a mistyped year) is reported with its row and column, not silently left out of the counts', () => {
    const values = [VISIT_COLUMNS.map(headerText), ['PD-01', 'KKMP-BPP-01', '03/11/2062', 'Pembukuan'], ['PD-01', 'KKMP-BPP-01', '24/11/2026', 'Pembukuan'], ['PD-01', 'KKMP-BPP-01', '25/11/2026', 'Pembukuan']];
    const read = readWorkbook([...base, { name: 'Kunjungan', values }], context);
    expect(read.visits.map((v) => v.row)).toEqual([2, 3, 4]);
    const dated = problemsOnDate(read, '2026-11-24').filter((p) => p.location?.sheet === 'Kunjungan');
    expect(dated.map((p) => p.text.id)).toEqual([
      'sheet Kunjungan, baris 2, kolom Tanggal: tanggal kunjungan 03/11/2062 setelah tanggal pemeriksaan 24/11/2026; kunjungan ini belum dihitung (salah ketik tahun?).',
      'sheet Kunjungan, baris 4, kolom Tanggal: tanggal kunjungan 25/11/2026 setelah tanggal pemeriksaan 24/11/2026; kunjungan ini belum dihitung (salah ketik tahun?).',
    ]);
    expect(problemsOnDate(read, '2062-11-03').filter((p) => p.location?.sheet === 'Kunjungan')).toEqual([]);
  });

  test('a follow-up deadline before its visit is reported with dates as staff write them (dd/mm/yyyy)', () => {
    const values = [VISIT_COLUMNS.map(headerText), ['PD-01', 'KKMP-BPP-01', '19/10/2026', 'Pembukuan', '', 'Kirim neraca', '01/10/2026']];
    const read = readWorkbook([...base, { name: 'Kunjungan', values }], context);
    expect(read.problems.map((p) => p.text.id)).toContain('sheet Kunjungan, baris 2: Tenggat Tindak Lanjut 01/10/2026 sebelum tanggal kunjungan 19/10/2026.');
  });

  test('any cell values: never throws; every non-blank row is a visit or a problem naming its row; texts as typed', () => {
    let inputs = 0;
    fc.assert(
      fc.property(fc.array(fc.array(cellValue, { minLength: 8, maxLength: 8 }), { maxLength: 12 }), (rows) => {
        inputs += 1;
        const values = [VISIT_COLUMNS.map(headerText), ...rows];
        const read = readWorkbook([...base, { name: 'Kunjungan', values }], context);
        rows.forEach((cells, i) => {
          const blank = cells.every((c) => c === '' || c === null || c === undefined || (typeof c === 'string' && c.trim() === ''));
          if (blank) return;
          const row = i + 2;
          const visit = read.visits.find((v) => v.row === row);
          const reported = read.problems.some((p) => p.location?.sheet === 'Kunjungan' && p.location.row === row);
          expect(visit !== undefined || reported).toBe(true);
          if (visit && typeof cells[4] === 'string' && cells[4].trim() !== '' && cells[4].trim() !== '-') expect(visit.notes).toBe(cells[4].trim());
        });
      }),
      { numRuns: 300 },
    );
    expect(inputs).toBe(300);
  });
});

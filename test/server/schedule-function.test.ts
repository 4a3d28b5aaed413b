/**
 * =KKMP_JADWAL in the Apps Script sandbox, with ranges shaped as Sheets
 * passes them: the calendar equals the core's for the same data and dates,
 * the number of days is a parameter (default deadlineHorizonDays), visit
 * follow-ups come from the Kunjungan range, and a bad argument says what to change.
 */
import { balikpapanSample } from '../../examples/balikpapan-data';
import { sampleVisits } from '../../examples/visits-data';
import { deadlineTable, deadlines } from '../../src/core/deadlines';
import { VISIT_COLUMNS } from '../../src/core/workbook/columns';
import { checkInputFrom, readWorkbook } from '../../src/core/workbook/workbook-reader';
import { loadBundle } from '../support/apps-script-sandbox';
import { isThenable } from '../support/surface-check';
import { tableRows, workbookFrom } from '../support/workbook-fixture';

const NOW = new Date('2026-11-24T06:00:00Z');

describe('KKMP_JADWAL', () => {
  const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample()), now: NOW });
  const range = (name: string): unknown[][] => sandbox.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
  const [koperasi, rat, pendamping] = ['Koperasi', 'RAT', 'Pendamping'].map(range) as [unknown[][], unknown[][], unknown[][]];
  const core = (asOf: string, days?: number, withVisits = false): unknown[][] => {
    // The core on the input as the formula reads it on that date (issue 14: a date after the check date is not plausible input).
    const zone = sandbox.spreadsheet.getSpreadsheetTimeZone();
    const dateToIso = (d: Date): string | null => (Number.isNaN(d.getTime()) ? null : new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(d));
    const sheets = [{ name: 'Koperasi', values: koperasi }, { name: 'RAT', values: rat }, { name: 'Pendamping', values: pendamping }];
    const input = checkInputFrom(readWorkbook(sheets, { asOf, locale: sandbox.spreadsheet.getSpreadsheetLocale(), dateToIso }), asOf);
    const table = deadlineTable(deadlines(input, { days, visits: withVisits ? sampleVisits() : [] }).deadlines, 'id');
    return [table[0]!, ...table.slice(1).map((row) => row.map((cell, c) => (c === 1 ? Number(cell) : cell)))];
  };

  test('the next 90 days (parameter deadlineHorizonDays) from a date, equal to the core, synchronously', () => {
    const value = sandbox.call('KKMP_JADWAL', koperasi, rat, pendamping, '', '01/05/2026');
    expect(isThenable(value)).toBe(false);
    expect(value).toEqual(core('2026-05-01'));
    expect((value as unknown[][])[0]).toEqual(['Tanggal', 'Sisa hari', 'Jenis', 'ID Koperasi', 'Nama', 'Keterangan']);
    const rows = (value as unknown[][]).slice(1);
    expect(rows.filter((r) => r[0] === '30/06/2026' && String(r[2]).startsWith('RAT')).length).toBeGreaterThan(5);
    expect(rows.every((r) => (r[1] as number) >= 0 && (r[1] as number) <= 90)).toBe(true);
  });

  test('the number of days is an argument; follow-ups come from the visit log', () => {
    const shorter = sandbox.call('KKMP_JADWAL', koperasi, rat, pendamping, 45, '01/05/2026') as unknown[][];
    expect(shorter).toEqual(core('2026-05-01', 45));
    expect(shorter.length).toBeGreaterThan(1);
    expect(shorter.length).toBeLessThan(core('2026-05-01').length);
    const visits = tableRows(VISIT_COLUMNS, sampleVisits());
    const value = sandbox.call('KKMP_JADWAL', koperasi, rat, pendamping, 60, '24/11/2026', visits) as unknown[][];
    expect(value).toEqual(core('2026-11-24', 60, true));
    expect(value.filter((r) => r[2] === 'Tindak lanjut').length).toBeGreaterThan(0);
    expect(value.some((r) => r[2] === 'Pendamping' && r[0] === '31/12/2026')).toBe(true);
  });

  test('no deadline in the window says so; a bad number of days says what to change', () => {
    const none = sandbox.call('KKMP_JADWAL', koperasi, rat, pendamping, 7, '24/11/2026') as unknown[][];
    expect(none[1]![0]).toBe('Tidak ada tenggat dalam 7 hari ke depan.');
    expect(() => sandbox.call('KKMP_JADWAL', koperasi, rat, pendamping, 'sembilan puluh')).toThrow("hari harus bilangan bulat 1–366, bukan 'sembilan puluh'.");
    expect(() => sandbox.call('KKMP_JADWAL', 'Koperasi', rat, pendamping)).toThrow(/koperasi/);
  });
});

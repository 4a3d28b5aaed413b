/**
 * `=KKMP_JADWAL(…)`: the deadline calendar as a formula — RAT deadlines, RAT
 * reports due, mentor contracts ending and, given the visit log, follow-ups —
 * for the next N days (default: parameter deadlineHorizonDays, 90). Reads its
 * ranges like every other formula; read-only; one row per deadline, dates as
 * `dd/mm/yyyy` and days left as a number.
 */
import { deadlineTable, deadlines } from '../core/deadlines';
import { fill, message } from '../core/messages';
import { SHEETS } from '../core/workbook/columns';
import { fail, formulaInput, type Cell, type RangeArg } from './custom-functions';

export function schedule(koperasi: RangeArg, rat: RangeArg, pendamping: RangeArg, hari?: unknown, tanggal?: unknown, kunjungan?: RangeArg): Cell[][] {
  let days: number | undefined;
  if (hari !== undefined && hari !== null && hari !== '') {
    days = typeof hari === 'number' ? hari : Number(String(hari).trim());
    if (!Number.isInteger(days) || days < 1 || days > 366) fail('customBadDays', { value: String(hari) });
  }
  const visitValues = Array.isArray(kunjungan) ? [{ name: SHEETS.visits, values: kunjungan as unknown[][] }] : [];
  const { input, visits } = formulaInput(koperasi, rat, pendamping, tanggal, visitValues);
  const calendar = deadlines(input, { days, visits });
  const table = deadlineTable(calendar.deadlines, 'id');
  const header = table[0] as string[];
  if (calendar.deadlines.length === 0) return [header, [fill(message('history', 'deadlineNone').id, () => String(calendar.days)), ...header.slice(1).map(() => '')]];
  return [header, ...table.slice(1).map((row): Cell[] => row.map((cell, c) => (c === 1 ? Number(cell) : cell)))];
}

/**
 * `pantau-kkmp deadlines <workbook> [--days N]`: the deadline calendar of the
 * next N days (parameter `deadlineHorizonDays`, default 90) — RAT deadlines,
 * RAT reports due, mentor contracts ending, visit follow-ups — as a table.
 * The workbook is read as `check` reads it on the same date.
 */
import { deadlineTable, deadlines, overdueFollowUpsText } from '../core/deadlines';
import { fill, message } from '../core/messages';
import { checkInputFrom, readWorkbook } from '../core/workbook/workbook-reader';
import { parseCommandOptions, readSheetsOf, todayInBalikpapan, withUsage, type Out } from './command-input';
import { xlsxCellContext } from './xlsx-workbook';

export function deadlinesCommand(args: readonly string[], out: Out, err: Out, now: Date): Promise<number> {
  return withUsage(err, args, async () => {
    const options = parseCommandOptions(args);
    const sheets = await readSheetsOf(options.file, options.lang);
    const asOf = options.asOf ?? todayInBalikpapan(now);
    const read = readWorkbook(sheets, xlsxCellContext(asOf));
    const calendar = deadlines(checkInputFrom(read, asOf), { days: options.days ?? undefined, visits: read.visits });
    const overdue = overdueFollowUpsText(calendar.overdueFollowUps);
    if (calendar.deadlines.length === 0) {
      out.write(`${fill(message('history', 'deadlineNone')[options.lang], () => String(calendar.days))}\n`);
      if (overdue) out.write(`${overdue[options.lang]}\n`);
      return 0;
    }
    const table = deadlineTable(calendar.deadlines, options.lang);
    const widths = (table[0] as string[]).map((_, c) => Math.min(48, Math.max(...table.map((row) => (row[c] ?? '').length))));
    for (const row of table) out.write(`${row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] as number))).join('  ')}\n`);
    if (overdue) out.write(`${overdue[options.lang]}\n`);
    return 0;
  });
}

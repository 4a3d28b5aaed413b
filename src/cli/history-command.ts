/**
 * `pantau-kkmp history <workbook> --history riwayat.csv`: checks the workbook
 * and appends one block of rows (one per co-op) to a history file, the same
 * rows "Periksa semua" appends to the `Riwayat` sheet — never rewriting what
 * the file holds — then prints what changed since the previous check day.
 */
import { checkedFromResult } from '../core/history/checked-coop';
import { headerFor, historyBlocks, historyRows, readHistory, sameAsLast } from '../core/history/history-row';
import { changesSince } from '../core/history/status-change';
import { dayFromIso, displayFromDay } from '../core/calendar';
import { runChecks } from '../core/check-run';
import { fill, message } from '../core/messages';
import { checkInputFrom, readWorkbook } from '../core/workbook/workbook-reader';
import { CommandUsageError, parseCommandOptions, readSheetsOf, todayInBalikpapan, withUsage, type Out } from './command-input';
import { appendHistoryFile, readHistoryFile } from './history-file';
import { XLSX_CELL_CONTEXT } from './xlsx-workbook';

export function historyCommand(args: readonly string[], out: Out, err: Out, now: Date): Promise<number> {
  return withUsage(err, async () => {
    const options = parseCommandOptions(args);
    if (!options.history) throw new CommandUsageError(message('history', 'cliUsage').id);
    const file = options.history;
    const t = (key: string): string => message('history', key)[options.lang];
    const read = readWorkbook(await readSheetsOf(options.file), XLSX_CELL_CONTEXT);
    const asOf = options.asOf ?? todayInBalikpapan(now);
    const run = runChecks(checkInputFrom(read, asOf));
    const checkedAt = `${displayFromDay(dayFromIso(asOf) as number)} ${now.toISOString().slice(11, 16)} UTC`;
    const current = run.results.map((r) => checkedFromResult(r, asOf, checkedAt, run.rulesVersion));

    const existing = readHistoryFile(file);
    const layout = headerFor(existing?.[0] ?? null, file);
    if ('problem' in layout) {
      err.write(`${layout.problem.text[options.lang]}\n`);
      return 2;
    }
    const blocks = existing ? historyBlocks(readHistory(existing, XLSX_CELL_CONTEXT, file).entries) : [];
    const entries = current.map((c) => c.entry);
    let appended = 0;
    if (!sameAsLast(blocks[blocks.length - 1], entries)) {
      if (existing && layout.added.length > 0) err.write(`${fill(t('cliDroppedColumns'), (n) => ({ columns: layout.added.join(', '), file })[n])}\n`);
      const header = existing ? (existing[0] as string[]) : layout.header;
      appendHistoryFile(file, header, historyRows(entries, header), existing === null);
      appended = entries.length;
    }
    out.write(`${appended > 0 ? fill(t('cliAppended'), (n) => ({ rows: String(appended), file, date: displayFromDay(dayFromIso(asOf) as number) })[n]) : fill(t('cliNotAppended'), () => file)}\n`);

    const changes = changesSince(blocks.filter((b) => b.checkedOn < asOf).pop(), current);
    if (changes.since === null) return 0;
    out.write(`${fill(t('sinceLast'), () => displayFromDay(dayFromIso(changes.since as string) as number))}: ${fill(t('reportChangesCount'), (n) => ({ improved: String(changes.improved), worsened: String(changes.worsened), same: String(changes.unchanged) })[n])}\n`);
    for (const coop of changes.coops) if (coop.kind === 'worsened' || coop.kind === 'improved') out.write(`  ${coop.coopId}  ${coop.text[options.lang]}\n`);
    return 0;
  });
}

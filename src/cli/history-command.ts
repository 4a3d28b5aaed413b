/**
 * `pantau-kkmp history <workbook> --history riwayat.csv`: checks the workbook
 * (read as `check` reads it on the same date) and appends one block of rows
 * (one per co-op) to a history file, the same rows "Periksa semua" appends to
 * the `Riwayat` sheet — never rewriting what the file holds, and in the
 * file's own form when Excel has saved it again — then prints what changed
 * since the previous check day. Lines of the file that cannot be read are
 * named on the error stream.
 */
import { checkedFromResult } from '../core/history/checked-coop';
import { headerFor, historyBlocks, historyRows, readHistory, sameAsLast } from '../core/history/history-row';
import { changesSince } from '../core/history/status-change';
import { registerChanges } from '../core/report/one-page-report';
import { dayFromIso, displayFromDay } from '../core/calendar';
import { runChecks } from '../core/check-run';
import { fill, message } from '../core/messages';
import { checkInputFrom, readWorkbook } from '../core/workbook/workbook-reader';
import type { Problem } from '../shared/types';
import { CommandUsageError, checkTimeText, parseCommandOptions, readSheetsOf, todayInBalikpapan, withUsage, type Out } from './command-input';
import { fileProblem } from './file-problem';
import { appendHistoryFile, readHistoryFile } from './history-file';
import { XLSX_CELL_CONTEXT, xlsxCellContext } from './xlsx-workbook';

/** Problems of reading the history file shown (the rest are counted). */
const PROBLEMS_SHOWN = 10;

export function historyCommand(args: readonly string[], out: Out, err: Out, now: Date): Promise<number> {
  return withUsage(err, args, async () => {
    const options = parseCommandOptions(args);
    if (!options.history) throw new CommandUsageError(message('history', 'cliUsage')[options.lang]);
    const file = options.history;
    const lang = options.lang;
    const t = (key: string): string => message('history', key)[lang];
    const asOf = options.asOf ?? todayInBalikpapan(now);
    const read = readWorkbook(await readSheetsOf(options.file, lang), xlsxCellContext(asOf));
    const run = runChecks(checkInputFrom(read, asOf));
    const checkedAt = checkTimeText(asOf, now);
    const current = run.results.map((r) => checkedFromResult(r, asOf, checkedAt, run.rulesVersion));

    const unreadable = (error: unknown): never => {
      throw new CommandUsageError(fill(t('cliHistoryUnreadable'), (name) => ({ file, detail: fileProblem(error)(lang) })[name]));
    };
    let existing: ReturnType<typeof readHistoryFile> = null;
    try {
      existing = readHistoryFile(file);
    } catch (error) {
      unreadable(error);
    }
    const layout = headerFor(existing?.rows[0] ?? null, file);
    if ('problem' in layout) {
      err.write(`${layout.problem.text[lang]}\n`);
      return 2;
    }
    const history = existing ? readHistory(existing.rows, XLSX_CELL_CONTEXT, file) : { entries: [], problems: [] };
    writeProblems(err, [...(existing?.problems ?? []), ...history.problems], lang);
    const blocks = historyBlocks(history.entries);
    const entries = current.map((c) => c.entry);
    let appended = 0;
    if (!sameAsLast(blocks[blocks.length - 1], entries)) {
      if (existing && layout.added.length > 0) err.write(`${fill(t('cliDroppedColumns'), (n) => ({ columns: layout.added.join(', '), file })[n])}\n`);
      const header = existing ? (existing.rows[0] as string[]) : layout.header;
      try {
        appendHistoryFile(file, header, historyRows(entries, header), existing?.format ?? null);
      } catch (error) {
        unreadable(error);
      }
      appended = entries.length;
    }
    out.write(`${appended > 0 ? fill(t('cliAppended'), (n) => ({ rows: String(appended), file, date: displayFromDay(dayFromIso(asOf) as number) })[n]) : fill(t('cliNotAppended'), () => file)}\n`);

    const changes = changesSince(blocks.filter((b) => b.checkedOn < asOf).pop(), current);
    if (changes.since === null) return 0;
    out.write(`${fill(t('sinceLast'), () => displayFromDay(dayFromIso(changes.since as string) as number))}: ${fill(t('reportChangesCount'), (n) => ({ improved: String(changes.improved), worsened: String(changes.worsened), same: String(changes.unchanged) })[n])}\n`);
    for (const coop of changes.coops) if (coop.kind === 'worsened' || coop.kind === 'improved') out.write(`  ${coop.coopId}  ${coop.text[lang]}\n`);
    for (const line of registerChanges(changes)) out.write(`  ${line[lang]}\n`);
    return 0;
  });
}

function writeProblems(err: Out, problems: readonly Problem[], lang: 'id' | 'en'): void {
  for (const problem of problems.slice(0, PROBLEMS_SHOWN)) err.write(`${problem.text[lang]}\n`);
  if (problems.length > PROBLEMS_SHOWN) err.write(`${fill(message('history', 'cliMoreProblems')[lang], () => String(problems.length - PROBLEMS_SHOWN))}\n`);
}

/**
 * `pantau-kkmp report <workbook> --out laporan.html`: the one-page report for
 * the head of office as a printable A4 HTML page (Bahasa Indonesia by
 * default), from a check of the workbook, its history (the workbook's
 * `Riwayat` sheet, or a history file with --history) and its deadlines.
 * Print it to PDF from any browser.
 */
import { existsSync } from 'node:fs';
import { runChecks } from '../core/check-run';
import { deadlines } from '../core/deadlines';
import { checkedFromResult } from '../core/history/checked-coop';
import { fill, message } from '../core/messages';
import { onePageReport } from '../core/report/one-page-report';
import { reportHtml } from '../core/report/report-html';
import { checkInputFrom, readWorkbook } from '../core/workbook/workbook-reader';
import { CommandUsageError, checkReportTarget, checkTimeText, parseCommandOptions, readSheetsOf, todayInBalikpapan, withUsage, type Out } from './command-input';
import { fileProblem } from './file-problem';
import { historyFrom } from './history-file';
import { writeFileAtomically } from './safe-write';
import { xlsxCellContext } from './xlsx-workbook';
import type { Problem } from '../shared/types';

/** Problems of reading the history shown (the rest are counted). */
const PROBLEMS_SHOWN = 10;

/**
 * The report's HTML for a workbook's sheets on a date (also used to render docs/laporan.png).
 * @param onProblem told each line of the history (file or Riwayat sheet) that could not be read
 */
export function reportFor(sheets: Parameters<typeof readWorkbook>[0], asOf: string, checkedAt: string, historyFile: string | null, lang: 'id' | 'en' = 'id', onProblem: (problem: Problem) => void = () => undefined): string {
  // Read as `check` reads it on the same date: an event dated after the check date is not counted.
  const read = readWorkbook(sheets, xlsxCellContext(asOf));
  const input = checkInputFrom(read, asOf);
  const run = runChecks(input);
  const current = run.results.map((r) => checkedFromResult(r, asOf, checkedAt, run.rulesVersion));
  const { blocks, problems } = historyFrom(historyFile, sheets);
  problems.forEach(onProblem);
  const calendar = deadlines(input, { visits: read.visits });
  const report = onePageReport({ current, summary: run.summary, checkedAt, rulesVersion: run.rulesVersion, parameters: run.parameters, history: blocks, deadlines: calendar.deadlines, overdueFollowUps: calendar.overdueFollowUps });
  return reportHtml(report, lang);
}

export function reportCommand(args: readonly string[], out: Out, err: Out, now: Date): Promise<number> {
  return withUsage(err, args, async () => {
    // --out is checked before any work: never the input, a folder, a missing folder or another kind of file.
    const options = parseCommandOptions(args, { reportOut: true });
    if (!options.out) throw new CommandUsageError(message('history', 'cliUsage')[options.lang]);
    const target = options.out;
    const lang = options.lang;
    // A history file named but absent would give a report that says "no earlier check": say so instead.
    if (options.history !== null && !existsSync(options.history)) {
      throw new CommandUsageError(fill(message('history', 'cliHistoryUnreadable')[lang], (name) => ({ file: options.history as string, detail: message('ui', 'cliFileMissing')[lang] })[name]));
    }
    const asOf = options.asOf ?? todayInBalikpapan(now);
    const shown: Problem[] = [];
    const html = reportFor(await readSheetsOf(options.file, lang), asOf, checkTimeText(asOf, now), options.history, lang, (problem) => shown.push(problem));
    for (const problem of shown.slice(0, PROBLEMS_SHOWN)) err.write(`${problem.text[lang]}\n`);
    if (shown.length > PROBLEMS_SHOWN) err.write(`${fill(message('history', 'cliMoreProblems')[lang], () => String(shown.length - PROBLEMS_SHOWN))}\n`);
    try {
      checkReportTarget(target, options.file, options.lang); // again: the input cannot have become the target meanwhile
      writeFileAtomically(target, new TextEncoder().encode(html));
    } catch (error) {
      if (error instanceof CommandUsageError) throw error;
      throw new CommandUsageError(fill(message('ui', 'cliOutFailed')[options.lang], (name) => ({ file: target, detail: fileProblem(error)(options.lang) })[name]));
    }
    out.write(`${fill(message('history', 'cliWroteReport')[options.lang], () => target)}\n`);
    return 0;
  });
}

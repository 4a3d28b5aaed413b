/**
 * `pantau-kkmp report <workbook> --out laporan.html`: the one-page report for
 * the head of office as a printable A4 HTML page (Bahasa Indonesia by
 * default), from a check of the workbook, its history (the workbook's
 * `Riwayat` sheet, or a history file with --history) and its deadlines.
 * Print it to PDF from any browser.
 */
import { writeFileSync } from 'node:fs';
import { dayFromIso, displayFromDay } from '../core/calendar';
import { runChecks } from '../core/check-run';
import { deadlines } from '../core/deadlines';
import { checkedFromResult } from '../core/history/checked-coop';
import { fill, message } from '../core/messages';
import { onePageReport } from '../core/report/one-page-report';
import { reportHtml } from '../core/report/report-html';
import { checkInputFrom, readWorkbook } from '../core/workbook/workbook-reader';
import { CommandUsageError, parseCommandOptions, readSheetsOf, todayInBalikpapan, withUsage, type Out } from './command-input';
import { historyFrom } from './history-file';
import { XLSX_CELL_CONTEXT } from './xlsx-workbook';

/** The report's HTML for a workbook's sheets on a date (also used to render docs/laporan.png). */
export function reportFor(sheets: Parameters<typeof readWorkbook>[0], asOf: string, checkedAt: string, historyFile: string | null, lang: 'id' | 'en' = 'id'): string {
  const read = readWorkbook(sheets, XLSX_CELL_CONTEXT);
  const input = checkInputFrom(read, asOf);
  const run = runChecks(input);
  const current = run.results.map((r) => checkedFromResult(r, asOf, checkedAt, run.rulesVersion));
  const { blocks } = historyFrom(historyFile, sheets);
  const calendar = deadlines(input, { visits: read.visits });
  const report = onePageReport({ current, summary: run.summary, checkedAt, rulesVersion: run.rulesVersion, parameters: run.parameters, history: blocks, deadlines: calendar.deadlines });
  return reportHtml(report, lang);
}

export function reportCommand(args: readonly string[], out: Out, err: Out, now: Date): Promise<number> {
  return withUsage(err, async () => {
    const options = parseCommandOptions(args);
    if (!options.out) throw new CommandUsageError(message('history', 'cliUsage').id);
    const asOf = options.asOf ?? todayInBalikpapan(now);
    const checkedAt = `${displayFromDay(dayFromIso(asOf) as number)} ${now.toISOString().slice(11, 16)} UTC`;
    const html = reportFor(await readSheetsOf(options.file), asOf, checkedAt, options.history, options.lang);
    writeFileSync(options.out, html, 'utf8');
    out.write(`${fill(message('history', 'cliWroteReport')[options.lang], () => options.out as string)}\n`);
    return 0;
  });
}

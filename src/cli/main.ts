/**
 * `pantau-kkmp check <file.xlsx|file.csv>`: the four checks on this machine,
 * without Google, through the very same readers, core and rules as the
 * add-on. Prints a per-co-op table and the city summary (colour on a
 * terminal, plain when piped), or JSON with --json; --out writes a copy of the
 * workbook with the `Hasil Pemeriksaan` sheet added. Exit status 0 when the
 * check ran (whatever the statuses), 2 for a usage error or an unreadable file.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { dayFromIso } from '../core/calendar';
import { runChecks } from '../core/check-run';
import { fill, message } from '../core/messages';
import { SHEETS } from '../core/workbook/columns';
import { buildResultsGrid } from '../core/workbook/results-grid';
import { checkInputFrom, problemsOnDate, readWorkbook, type SheetValues } from '../core/workbook/workbook-reader';
import type { CheckRun, Lang } from '../shared/types';
import { parseCsv } from './csv';
import { progressBar } from './progress';
import { SUBCOMMANDS } from './subcommands';
import { textReport } from './text-report';
import { XLSX_CELL_CONTEXT, loadWorkbook, putSheet, sheetValues } from './xlsx-workbook';

type Out = NodeJS.WritableStream & { isTTY?: boolean };

interface Options {
  file: string;
  asOf: string | null;
  lang: Lang;
  json: boolean;
  out: string | null;
}

class UsageError extends Error {}

const PROGRESS_FROM = 2000;
const RESULT_WIDTHS = [16, 40, 16, 18, 20, 14, 10, 50, 50, 40, 60, 20, 18, 20, 2, 36, 28, 60];

function ui(key: string, lang: Lang = 'id'): string {
  return message('ui', key)[lang];
}

function parse(args: string[]): Options {
  const options: Partial<Options> & { lang: Lang; json: boolean } = { asOf: null, lang: 'id', json: false, out: null };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(fill(ui('cliBadOption'), () => arg));
      i += 1;
      return next;
    };
    if (arg === '--as-of') options.asOf = value();
    else if (arg === '--lang') {
      const lang = value();
      if (lang !== 'id' && lang !== 'en') throw new UsageError(fill(ui('cliBadOption'), () => `--lang ${lang}`));
      options.lang = lang;
    } else if (arg === '--json') options.json = true;
    else if (arg === '--out') options.out = value();
    else if (arg.startsWith('-')) throw new UsageError(fill(ui('cliBadOption'), () => arg));
    else positional.push(arg);
  }
  if (positional[0] !== 'check' || positional.length !== 2) throw new UsageError(ui('cliUsage'));
  if (options.asOf && dayFromIso(options.asOf) === null) throw new UsageError(fill(ui('cliBadDate'), () => options.asOf as string));
  return { ...options, file: positional[1] as string } as Options;
}

/** Today in Balikpapan (Asia/Makassar), the default check date. */
function today(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

async function readInput(file: string): Promise<{ sheets: SheetValues[]; workbook: ExcelJS.Workbook | null }> {
  const fail = (detail: string): never => {
    throw new UsageError(fill(ui('cliUnreadableFile'), (name) => ({ file, detail })[name]));
  };
  let size = 0;
  try {
    size = statSync(file).size;
  } catch (error) {
    fail((error as Error).message);
  }
  if (size === 0) fail('0 byte');
  if (path.extname(file).toLowerCase() === '.csv') {
    return { sheets: [{ name: SHEETS.register, values: parseCsv(readFileSync(file, 'utf8')) }], workbook: null };
  }
  try {
    const workbook = await loadWorkbook(file);
    return { sheets: sheetValues(workbook), workbook };
  } catch (error) {
    return fail((error as Error).message);
  }
}

/**
 * The JSON document, written piece by piece: a national run's results as one
 * string would pass V8's maximum string length.
 */
function writeJson(out: Out, document: CheckRun & { file: string }): void {
  const { results, ...rest } = document;
  const indent = (text: string, by: string): string => text.replace(/\n/g, `\n${by}`);
  const head = JSON.stringify(rest, null, 2);
  out.write(`${head.slice(0, -2)},\n  "results": [`);
  results.forEach((result, i) => out.write(`${i === 0 ? '' : ','}\n    ${indent(JSON.stringify(result, null, 2), '    ')}`));
  out.write(`${results.length > 0 ? '\n  ' : ''}]\n}\n`);
}

export async function main(args: string[], out: Out, err: Out, now: Date = new Date()): Promise<number> {
  const subcommand = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, args[0] ?? '') ? SUBCOMMANDS[args[0] as string] : undefined;
  if (subcommand) return subcommand(args.slice(1), out, err, now);
  let options: Options;
  let input: Awaited<ReturnType<typeof readInput>>;
  try {
    options = parse(args);
    input = await readInput(options.file);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const usage = ui('cliUsage');
    err.write(error.message === usage ? `${usage}\n` : `${error.message}\n${usage}\n`);
    return 2;
  }
  const read = readWorkbook(input.sheets, XLSX_CELL_CONTEXT);
  const asOf = options.asOf ?? today(now);
  const checked = runChecks(
    checkInputFrom(read, asOf),
    { onProgress: read.coops.length >= PROGRESS_FROM ? progressBar(err, ui('cliProgress', options.lang), options.lang) : undefined },
  );
  const run: CheckRun = { ...checked, problems: [...problemsOnDate(read, checked.asOf), ...checked.problems] };

  if (options.json) writeJson(out, { file: options.file, ...run });
  else out.write(textReport(run, options.lang, Boolean(out.isTTY) && !process.env.NO_COLOR));

  if (options.out) {
    const workbook = input.workbook ?? new ExcelJS.Workbook();
    if (!input.workbook) putSheet(workbook, SHEETS.register, { values: input.sheets[0]!.values as Array<Array<string | number>>, backgrounds: [], fontWeights: [] });
    const checkedAt = `${asOf} ${now.toISOString().slice(11, 16)} UTC`;
    const grid = buildResultsGrid(run, checkedAt, (text) => text);
    putSheet(workbook, SHEETS.results, grid, RESULT_WIDTHS);
    await workbook.xlsx.writeFile(options.out);
    err.write(`${fill(ui('cliWrote', options.lang), () => options.out as string)}\n`);
  }
  return 0;
}

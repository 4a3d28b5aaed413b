/**
 * `pantau-kkmp check <file.xlsx|file.csv>`: the four checks on this machine,
 * without Google, through the very same readers, core and rules as the
 * add-on. Prints a per-co-op table and the city summary (colour on a
 * terminal, plain when piped), or JSON with --json; --out writes a copy of the
 * workbook with the `Hasil Pemeriksaan` sheet added (./xlsx-package.ts: every
 * other part kept byte for byte), through a temporary file and a rename
 * (./safe-write.ts), never over the input.
 *
 * Exit status 0 when the check ran (whatever the statuses); 2 for a usage
 * error, an unreadable input or an --out that cannot be written — then
 * nothing is written. Every message is in the language of --lang, which is
 * read before anything else is reported.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { runChecks } from '../core/check-run';
import { fill, message, type MessageSection } from '../core/messages';
import { SHEETS } from '../core/workbook/columns';
import { buildResultsGrid } from '../core/workbook/results-grid';
import { checkInputFrom, problemsOnDate, readWorkbook, type SheetValues } from '../core/workbook/workbook-reader';
import type { CheckRun, Lang } from '../shared/types';
import { checkDate, languageOf } from './arguments';
import { readCsv } from './csv';
import { fileProblem, targetProblem } from './file-problem';
import { progressBar } from './progress';
import { TargetError, checkTarget, writeFileAtomically, type FileOps } from './safe-write';
import { SUBCOMMANDS } from './subcommands';
import { textReport } from './text-report';
import { readXlsxSheets, xlsxCellContext } from './xlsx-workbook';
import { PackageError, addSheetToPackage, newPackage } from './xlsx-package';

type Out = NodeJS.WritableStream & { isTTY?: boolean };

interface Options {
  file: string;
  asOf: string | null;
  lang: Lang;
  json: boolean;
  out: string | null;
  /** Print each co-op's reasons and next steps under its line (--no-reasons hides them). */
  reasons: boolean;
}

type Value = string | ((lang: Lang) => string);

/**
 * A message for the user — a key of `ui` in rules/messages.json and its
 * values (plain, or themselves in the user's language) — and exit 2.
 */
class UsageError extends Error {
  constructor(readonly key: string | ((lang: Lang) => string), readonly values: Record<string, Value> = {}, readonly withUsage = true) {
    super(typeof key === 'string' ? key : 'message');
  }

  text(lang: Lang): string {
    if (typeof this.key !== 'string') return this.key(lang);
    return ui(this.key, lang, Object.fromEntries(Object.entries(this.values).map(([k, v]) => [k, typeof v === 'string' ? v : v(lang)])));
  }
}

const PROGRESS_FROM = 2000;
const RESULT_WIDTHS = [16, 40, 16, 18, 20, 14, 10, 50, 50, 40, 60, 20, 18, 20, 2, 36, 28, 60];
const OPTIONS_WITH_VALUE = new Set(['--as-of', '--lang', '--out']);

function ui(key: string, lang: Lang, values: Record<string, string> = {}): string {
  return fill(message('ui', key)[lang], (name) => values[name]);
}

export { checkDate } from './arguments';

type Parsed = { help: true } | { help: false; options: Options };

function parse(args: string[]): Parsed {
  const options: Omit<Options, 'file'> = { asOf: null, lang: 'id', json: false, out: null, reasons: true };
  const positional: string[] = [];
  let help = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | null = null;
    if (OPTIONS_WITH_VALUE.has(name)) {
      if (eq > 0) value = arg.slice(eq + 1);
      else {
        const next = args[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError('cliBadOption', { detail: arg });
        value = next;
        i += 1;
      }
      if (value === '') throw new UsageError('cliBadOption', { detail: arg });
    }
    if (name === '--help' || name === '-h') help = true;
    else if (name === '--as-of') options.asOf = value;
    else if (name === '--lang') {
      if (value !== 'id' && value !== 'en') throw new UsageError('cliBadOption', { detail: `--lang ${value}` });
      options.lang = value;
    } else if (name === '--json' && eq < 0) options.json = true;
    else if (name === '--no-reasons' && eq < 0) options.reasons = false;
    else if (name === '--out') options.out = value;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError('cliBadOption', { detail: arg });
    else positional.push(arg);
  }
  if (help || positional[0] === 'help') return { help: true };
  if (positional.length === 0) throw new UsageError('cliUsage');
  if (positional[0] !== 'check') throw new UsageError('cliUnknownCommand', { detail: positional[0] as string });
  if (positional.length !== 2) throw new UsageError('cliUsage');
  if (options.asOf !== null) {
    const iso = checkDate(options.asOf);
    if (iso === null) throw new UsageError('cliBadDate', { detail: options.asOf });
    options.asOf = iso;
  }
  return { help: false, options: { ...options, file: positional[1] as string } };
}

/** Today in Balikpapan (Asia/Makassar), the default check date. */
function today(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const reason = (key: string) => (lang: Lang): string => ui(key, lang);

function unreadable(file: string, detail: (lang: Lang) => string): UsageError {
  return new UsageError('cliUnreadableFile', { file, detail }, false);
}

interface Input {
  sheets: SheetValues[];
  /** The .xlsx file's bytes as read (null for CSV): what --out copies. */
  bytes: Uint8Array | null;
}

async function readInput(file: string): Promise<Input> {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw unreadable(file, reason('cliFileFolder'));
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw unreadable(file, fileProblem(error));
  }
  if (size === 0) throw unreadable(file, reason('cliFileEmpty'));
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw unreadable(file, fileProblem(error));
  }
  if (path.extname(file).toLowerCase() === '.csv') {
    return { sheets: [{ name: SHEETS.register, ...readCsv(bytes, SHEETS.register) }], bytes: null };
  }
  try {
    return { sheets: await readXlsxSheets(file), bytes };
  } catch {
    throw unreadable(file, reason('cliFileNotXlsx'));
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

/** The results workbook's bytes: the input package with the results sheet added, or for CSV a new workbook of the register and the results. */
function resultsPackage(input: Input, run: CheckRun, checkedAt: string): Uint8Array {
  const grid = buildResultsGrid(run, checkedAt);
  const base = input.bytes ?? newPackage(SHEETS.register, { values: (input.sheets[0]?.values ?? []) as string[][] });
  return addSheetToPackage(base, SHEETS.results, grid, RESULT_WIDTHS);
}

/** Test seam: the file operations --out uses (a full disk is simulated through it). */
export interface MainDeps {
  fileOps?: FileOps;
}

/** Each subcommand's usage line (section `mentoring` of rules/messages.json), for its --help. */
const SUBCOMMAND_USAGE: Readonly<Record<string, readonly [MessageSection, string]>> = {
  tugas: ['mentoring', 'cliTugasUsage'],
  laporan: ['mentoring', 'cliLaporanUsage'],
  evaluasi: ['mentoring', 'cliEvaluasiUsage'],
  history: ['history', 'cliUsage'],
  deadlines: ['history', 'cliUsage'],
  report: ['history', 'cliUsage'],
};

export async function main(args: string[], out: Out, err: Out, now: Date = new Date(), deps: MainDeps = {}): Promise<number> {
  const lang = languageOf(args);
  const name = args[0] ?? '';
  const subcommand = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (subcommand) {
    if (args.includes('--help') || args.includes('-h')) {
      const usage = SUBCOMMAND_USAGE[name];
      out.write(`${usage ? message(usage[0], usage[1])[lang] : ui('cliHelp', lang)}\n`);
      return 0;
    }
    return subcommand(args.slice(1), out, err, now);
  }
  const say = (error: UsageError): number => {
    const text = error.text(lang);
    const usage = ui('cliUsage', lang);
    err.write(error.key === 'cliUsage' || !error.withUsage ? `${text}\n` : `${text}\n${usage}\n`);
    return 2;
  };
  let options: Options;
  let input: Input;
  try {
    const parsed = parse(args);
    if (parsed.help) {
      out.write(`${ui('cliHelp', lang)}\n`);
      return 0;
    }
    options = parsed.options;
    if (options.out !== null) {
      try {
        checkTarget(options.out, options.file);
      } catch (error) {
        if (error instanceof TargetError) throw new UsageError((l) => targetProblem(error, l), {}, false);
        throw error;
      }
    }
    input = await readInput(options.file);
  } catch (error) {
    if (error instanceof UsageError) return say(error);
    throw error;
  }
  const asOf = options.asOf ?? today(now);
  const read = readWorkbook(input.sheets, xlsxCellContext(asOf));
  // The cells are not needed once read (a national register holds millions): only a CSV's --out copy writes them back.
  input = { ...input, sheets: input.bytes === null && options.out !== null ? input.sheets : [] };
  const checked = runChecks(
    checkInputFrom(read, asOf),
    { onProgress: read.coops.length >= PROGRESS_FROM ? progressBar(err, ui('cliProgress', options.lang), options.lang) : undefined },
  );
  const run: CheckRun = { ...checked, problems: [...problemsOnDate(read, checked.asOf), ...checked.problems] };

  if (options.out !== null) {
    // Written before the report, so a failure is the last thing said and the exit status tells it.
    const target = options.out;
    try {
      const bytes = resultsPackage(input, run, `${asOf} ${now.toISOString().slice(11, 16)} UTC`);
      checkTarget(target, options.file); // again: the input cannot have become the target meanwhile
      writeFileAtomically(target, bytes, deps.fileOps);
    } catch (error) {
      if (error instanceof TargetError) return say(new UsageError((l) => targetProblem(error, l), {}, false));
      if (error instanceof PackageError) return say(new UsageError('cliOutFailed', { file: target, detail: (l) => ui('cliOutPackage', l, { detail: error.message }) }, false));
      return say(new UsageError('cliOutFailed', { file: target, detail: fileProblem(error) }, false));
    }
  }

  if (options.json) writeJson(out, { file: options.file, ...run });
  else out.write(textReport(run, options.lang, Boolean(out.isTTY) && !process.env.NO_COLOR, { reasons: options.reasons }));
  if (options.out !== null) err.write(`${ui('cliWrote', options.lang, { file: options.out })}\n`);
  return 0;
}

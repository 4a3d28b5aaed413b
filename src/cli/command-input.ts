/**
 * What the history, deadlines and report commands share: their options
 * (`--as-of`, `--lang`, `--history`, `--days`, `--out`), reading the workbook
 * (.xlsx, or a register as CSV) through the same readers as `check`, and the
 * check date defaulting to today in Balikpapan.
 *
 * The same conventions as `check` and the mentors' commands (issue 19): the
 * check date is read as the sheets write it (15/06/2026, 15 Juni 2026), every
 * usage and file error is in the `--lang` language with a plain reason (never
 * Node's text) and exits 2, and the files named by `--out` and `--history`
 * are checked before any work — never the input workbook under any name, a
 * folder or a missing folder — so nothing is written when one is wrong.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fill, message } from '../core/messages';
import { SHEETS } from '../core/workbook/columns';
import type { SheetValues } from '../core/workbook/workbook-reader';
import type { Lang } from '../shared/types';
import { checkDate, languageOf } from './arguments';
import { readCsv } from './csv';
import { fileProblem, targetProblem } from './file-problem';
import { TargetError, checkTarget, sameFile } from './safe-write';
import { readXlsxSheets } from './xlsx-workbook';

export type Out = NodeJS.WritableStream & { isTTY?: boolean };

/** A usage or file error: its message already in the user's language. */
export class CommandUsageError extends Error {}

export interface CommandOptions {
  file: string;
  asOf: string | null;
  lang: Lang;
  history: string | null;
  days: number | null;
  out: string | null;
}

/** What a command writes, so its targets are checked before any work. */
export interface CommandTargets {
  /** `--out` is the one-page report: an .html file, never the input. */
  reportOut?: boolean;
}

/**
 * Options of the history, deadlines and report commands (after the command name).
 * @throws CommandUsageError (message in the `--lang` language) for an unknown or incomplete option, an unreadable
 *   date or day count, or an --out / --history that cannot be used
 */
export function parseCommandOptions(args: readonly string[], targets: CommandTargets = {}): CommandOptions {
  const lang = languageOf(args);
  const ui = (key: string): string => message('ui', key)[lang];
  const options: CommandOptions = { file: '', asOf: null, lang, history: null, days: null, out: null };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new CommandUsageError(fill(ui('cliBadOption'), () => arg));
      i += 1;
      return next;
    };
    if (arg === '--as-of') {
      const text = value();
      const iso = checkDate(text);
      if (iso === null) throw new CommandUsageError(fill(ui('cliBadDate'), () => text));
      options.asOf = iso;
    } else if (arg === '--lang') {
      const text = value();
      if (text !== 'id' && text !== 'en') throw new CommandUsageError(fill(ui('cliBadOption'), () => `--lang ${text}`));
      options.lang = text;
    } else if (arg === '--history') options.history = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--days') {
      const text = value();
      const days = Number(text);
      if (!/^\d+$/.test(text) || days < 1 || days > 366) throw new CommandUsageError(fill(message('history', 'cliBadDays')[lang], () => text));
      options.days = days;
    } else if (arg.startsWith('-')) throw new CommandUsageError(fill(ui('cliBadOption'), () => arg));
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new CommandUsageError(usageText(lang));
  options.file = positional[0] as string;
  if (targets.reportOut && options.out !== null) checkReportTarget(options.out, options.file, lang);
  if (options.history !== null) checkHistoryFile(options.history, options.file, lang);
  return options;
}

/** The report goes to an .html file that is not the input, in an existing folder, writable. The gravest mistake is named first. */
export function checkReportTarget(target: string, input: string, lang: Lang): void {
  try {
    if (sameFile(target, input)) throw new TargetError('sameAsInput', target);
    if (isFolder(target)) throw new TargetError('isFolder', target);
    if (!['.html', '.htm'].includes(path.extname(target).toLowerCase())) throw new CommandUsageError(fill(message('history', 'cliOutNotHtml')[lang], () => target));
    checkTarget(target, input, 'report');
  } catch (error) {
    if (error instanceof TargetError) throw new CommandUsageError(targetProblem(error, lang));
    throw error;
  }
}

/** The history file may be new; when it exists it is a file, and never the input workbook. */
function checkHistoryFile(file: string, input: string, lang: Lang): void {
  if (sameFile(file, input)) throw new CommandUsageError(fill(message('history', 'cliHistorySameAsInput')[lang], () => file));
  if (isFolder(file)) throw new CommandUsageError(fill(message('history', 'cliHistoryUnreadable')[lang], (name) => ({ file, detail: message('ui', 'cliFileFolder')[lang] })[name]));
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The usage of the three commands in a language. */
export function usageText(lang: Lang): string {
  return message('history', 'cliUsage')[lang];
}

/** Today in Balikpapan (Asia/Makassar), the default check date. */
export function todayInBalikpapan(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The check time as the add-on writes it (`dd/MM/yyyy HH:mm`, Balikpapan time), with the check date's day
 * and the clock time of `now` in Balikpapan: a command run at 23:00 UTC is at 07:00 WITA the next day.
 */
export function checkTimeText(asOf: string, now: Date): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Makassar', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  return `${asOf.slice(8, 10)}/${asOf.slice(5, 7)}/${asOf.slice(0, 4)} ${time} WITA`;
}

/** Every sheet of the workbook (a CSV file is the register); a file that cannot be read is a usage error in `lang`. */
export async function readSheetsOf(file: string, lang: Lang = 'id'): Promise<SheetValues[]> {
  const fail = (detail: string): never => {
    throw new CommandUsageError(fill(message('ui', 'cliUnreadableFile')[lang], (name) => ({ file, detail })[name]));
  };
  let bytes: Buffer | null = null;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) fail(message('ui', 'cliFileFolder')[lang]);
    if (stat.size === 0) fail(message('ui', 'cliFileEmpty')[lang]);
    if (path.extname(file).toLowerCase() === '.csv') bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof CommandUsageError) throw error;
    fail(fileProblem(error)(lang));
  }
  if (bytes) return [{ name: SHEETS.register, ...readCsv(bytes, SHEETS.register) }];
  try {
    return await readXlsxSheets(file);
  } catch {
    return fail(message('ui', 'cliFileNotXlsx')[lang]);
  }
}

/** Runs a command; a usage error prints its message and the usage in the `--lang` language, exit status 2. */
export async function withUsage(err: Out, args: readonly string[], run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CommandUsageError)) throw error;
    const usage = usageText(languageOf(args));
    err.write(error.message === usage ? `${usage}\n` : `${error.message}\n${usage}\n`);
    return 2;
  }
}

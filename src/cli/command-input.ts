/**
 * What the history, deadlines and report commands share: their options
 * (`--as-of`, `--lang`, `--history`, `--days`, `--out`), reading the workbook
 * (.xlsx, or a register as CSV) through the same readers as `check`, and the
 * check date defaulting to today in Balikpapan.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { dayFromIso } from '../core/calendar';
import { fill, message } from '../core/messages';
import { SHEETS } from '../core/workbook/columns';
import type { SheetValues } from '../core/workbook/workbook-reader';
import type { Lang } from '../shared/types';
import { readCsv } from './csv';
import { readXlsxSheets } from './xlsx-workbook';
import { readFileSync } from 'node:fs';

export type Out = NodeJS.WritableStream & { isTTY?: boolean };

export class CommandUsageError extends Error {}

export interface CommandOptions {
  file: string;
  asOf: string | null;
  lang: Lang;
  history: string | null;
  days: number | null;
  out: string | null;
}

function ui(key: string): string {
  return message('ui', key).id;
}

/** Options of the history, deadlines and report commands (after the command name). */
export function parseCommandOptions(args: readonly string[]): CommandOptions {
  const options: CommandOptions = { file: '', asOf: null, lang: 'id', history: null, days: null, out: null };
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
      options.asOf = value();
      if (dayFromIso(options.asOf) === null) throw new CommandUsageError(fill(ui('cliBadDate'), () => options.asOf as string));
    } else if (arg === '--lang') {
      const lang = value();
      if (lang !== 'id' && lang !== 'en') throw new CommandUsageError(fill(ui('cliBadOption'), () => `--lang ${lang}`));
      options.lang = lang;
    } else if (arg === '--history') options.history = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--days') {
      const text = value();
      const days = Number(text);
      if (!/^\d+$/.test(text) || days < 1 || days > 366) throw new CommandUsageError(fill(message('history', 'cliBadDays').id, () => text));
      options.days = days;
    } else if (arg.startsWith('-')) throw new CommandUsageError(fill(ui('cliBadOption'), () => arg));
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new CommandUsageError(message('history', 'cliUsage').id);
  options.file = positional[0] as string;
  return options;
}

/** Today in Balikpapan (Asia/Makassar), the default check date. */
export function todayInBalikpapan(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Every sheet of the workbook (a CSV file is the register). */
export async function readSheetsOf(file: string): Promise<SheetValues[]> {
  const fail = (detail: string): never => {
    throw new CommandUsageError(fill(ui('cliUnreadableFile'), (name) => ({ file, detail })[name]));
  };
  let size = 0;
  try {
    size = statSync(file).size;
  } catch (error) {
    fail((error as Error).message);
  }
  if (size === 0) fail('0 byte');
  if (path.extname(file).toLowerCase() === '.csv') return [{ name: SHEETS.register, ...readCsv(readFileSync(file), SHEETS.register) }];
  try {
    return await readXlsxSheets(file);
  } catch (error) {
    return fail((error as Error).message);
  }
}

/** Runs a command; a usage error prints the message and the usage and gives exit status 2. */
export async function withUsage(err: Out, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CommandUsageError)) throw error;
    const usage = message('history', 'cliUsage').id;
    err.write(error.message === usage ? `${usage}\n` : `${error.message}\n${usage}\n`);
    return 2;
  }
}

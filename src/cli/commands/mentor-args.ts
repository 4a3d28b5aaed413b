/**
 * What the mentors' subcommands (`tugas`, `laporan`) share: their option
 * parsing, reading the workbook through the same reader as the add-on, and
 * the check run they all start from.
 */
import { statSync } from 'node:fs';
import { dayFromIso } from '../../core/calendar';
import { runChecks } from '../../core/check-run';
import { isKnownMentor } from '../../core/mentoring/work-list';
import { fill, message } from '../../core/messages';
import { checkInputFrom, problemsOnDate, readWorkbook, type WorkbookRead } from '../../core/workbook/workbook-reader';
import type { CheckInput, CheckRun, Lang } from '../../shared/types';
import { XLSX_CELL_CONTEXT, loadWorkbook, sheetValues } from '../xlsx-workbook';

export type Out = NodeJS.WritableStream & { isTTY?: boolean };

export class MentorUsageError extends Error {}

export interface MentorOptions {
  file: string;
  mentorId: string | null;
  month: string | null;
  out: string | null;
  asOf: string | null;
  lang: Lang;
  json: boolean;
}

const ui = (key: string): string => message('ui', key).id;

/** Parses `<file> [--pendamping ID] [--bulan|--month YYYY-MM] [--out FILE] [--as-of DATE] [--lang id|en] [--json]`. */
export function parseMentorArgs(args: readonly string[], usage: string): MentorOptions {
  const options: MentorOptions = { file: '', mentorId: null, month: null, out: null, asOf: null, lang: 'id', json: false };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new MentorUsageError(fill(ui('cliBadOption'), () => arg));
      i += 1;
      return next;
    };
    if (arg === '--pendamping' || arg === '--mentor') options.mentorId = value();
    else if (arg === '--bulan' || arg === '--month') options.month = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--as-of') options.asOf = value();
    else if (arg === '--json') options.json = true;
    else if (arg === '--lang') {
      const lang = value();
      if (lang !== 'id' && lang !== 'en') throw new MentorUsageError(fill(ui('cliBadOption'), () => `--lang ${lang}`));
      options.lang = lang;
    } else if (arg.startsWith('-')) throw new MentorUsageError(fill(ui('cliBadOption'), () => arg));
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new MentorUsageError(usage);
  if (options.asOf !== null && dayFromIso(options.asOf) === null) throw new MentorUsageError(fill(ui('cliBadDate'), () => options.asOf as string));
  return { ...options, file: positional[0] as string };
}

export interface MentorWorkbook {
  read: WorkbookRead;
  input: CheckInput;
  run: CheckRun;
}

/** Today in Balikpapan (Asia/Makassar), the default check date. */
export function todayInBalikpapan(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function readMentorWorkbook(options: MentorOptions, now: Date): Promise<MentorWorkbook> {
  const fail = (detail: string): never => {
    throw new MentorUsageError(fill(ui('cliUnreadableFile'), (name) => ({ file: options.file, detail })[name]));
  };
  try {
    if (statSync(options.file).size === 0) fail('0 byte');
  } catch (error) {
    if (error instanceof MentorUsageError) throw error;
    fail((error as Error).message);
  }
  let read: WorkbookRead;
  try {
    read = readWorkbook(sheetValues(await loadWorkbook(options.file)), XLSX_CELL_CONTEXT);
  } catch (error) {
    return fail((error as Error).message);
  }
  const input = checkInputFrom(read, options.asOf ?? todayInBalikpapan(now));
  const checked = runChecks(input);
  return { read, input, run: { ...checked, problems: [...problemsOnDate(read, checked.asOf), ...checked.problems] } };
}

/** A mentor is known when listed in `Pendamping` or named by a co-op. */
export function knownMentor(read: WorkbookRead, mentorId: string): boolean {
  return isKnownMentor(read.mentors, read.coops, mentorId);
}

export function unknownMentor(mentorId: string, lang: Lang): MentorUsageError {
  return new MentorUsageError(fill(message('mentoring', 'cliUnknownMentor')[lang], () => mentorId));
}

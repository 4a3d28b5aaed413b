/**
 * What the mentors' subcommands (`tugas`, `laporan`) share: their option
 * parsing, reading the workbook through the same reader as the add-on, and
 * the check run they all start from.
 */
import type { HistoryEntry } from '../../core/history/history-row';
import { historyFrom } from '../history-file';
import { statSync } from 'node:fs';
import { runChecks } from '../../core/check-run';
import { isKnownMentor } from '../../core/mentoring/work-list';
import { fill, message } from '../../core/messages';
import { checkInputFrom, problemsOnDate, readWorkbook, type WorkbookRead } from '../../core/workbook/workbook-reader';
import type { CheckInput, CheckRun, Lang } from '../../shared/types';
import { checkDate, languageOf } from '../arguments';
import { fileProblem, targetProblem } from '../file-problem';
import { TargetError, checkTarget, writeFileAtomically } from '../safe-write';
import { readXlsxSheets, xlsxCellContext } from '../xlsx-workbook';

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

/** The subcommand's usage line in the language asked for anywhere in `args`. */
export function usageIn(key: string, args: readonly string[]): string {
  return message('mentoring', key)[languageOf(args)];
}

/** Parses `<file> [--pendamping ID] [--bulan|--month YYYY-MM] [--out FILE] [--as-of DATE] [--lang id|en] [--json]`. */
export function parseMentorArgs(args: readonly string[], usage: string): MentorOptions {
  const lang = languageOf(args);
  const ui = (key: string): string => message('ui', key)[lang];
  const options: MentorOptions = { file: '', mentorId: null, month: null, out: null, asOf: null, lang, json: false };
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
  if (options.asOf !== null) {
    const iso = checkDate(options.asOf);
    if (iso === null) throw new MentorUsageError(fill(ui('cliBadDate'), () => options.asOf as string));
    options.asOf = iso;
  }
  const file = positional[0] as string;
  if (options.out !== null) {
    try {
      checkTarget(options.out, file, 'report');
    } catch (error) {
      if (error instanceof TargetError) throw new MentorUsageError(targetProblem(error, lang));
      throw error;
    }
  }
  return { ...options, file };
}

export interface MentorWorkbook {
  read: WorkbookRead;
  input: CheckInput;
  run: CheckRun;
  /** The rows of the workbook's `Riwayat` (past statuses for the reports), empty without one. */
  history: HistoryEntry[];
}

/** Today in Balikpapan (Asia/Makassar), the default check date. */
export function todayInBalikpapan(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function readMentorWorkbook(options: MentorOptions, now: Date): Promise<MentorWorkbook> {
  const fail = (reason: string): never => {
    throw new MentorUsageError(fill(message('ui', 'cliUnreadableFile')[options.lang], (name) => ({ file: options.file, detail: reason })[name]));
  };
  try {
    const stat = statSync(options.file);
    if (stat.isDirectory()) fail(message('ui', 'cliFileFolder')[options.lang]);
    if (stat.size === 0) fail(message('ui', 'cliFileEmpty')[options.lang]);
  } catch (error) {
    if (error instanceof MentorUsageError) throw error;
    fail(fileProblem(error)(options.lang));
  }
  const asOf = options.asOf ?? todayInBalikpapan(now);
  let read: WorkbookRead;
  let history: HistoryEntry[];
  try {
    const sheets = await readXlsxSheets(options.file);
    read = readWorkbook(sheets, xlsxCellContext(asOf));
    history = historyFrom(null, sheets).blocks.flatMap((b) => b.entries);
  } catch {
    return fail(message('ui', 'cliFileNotXlsx')[options.lang]);
  }
  const input = checkInputFrom(read, asOf);
  const checked = runChecks(input);
  return { read, input, run: { ...checked, problems: [...problemsOnDate(read, checked.asOf), ...checked.problems] }, history };
}

/** A mentor is known when listed in `Pendamping` or named by a co-op. */
export function knownMentor(read: WorkbookRead, mentorId: string): boolean {
  return isKnownMentor(read.mentors, read.coops, mentorId);
}

export function unknownMentor(mentorId: string, lang: Lang): MentorUsageError {
  return new MentorUsageError(fill(message('mentoring', 'cliUnknownMentor')[lang], () => mentorId));
}

/**
 * Writes a report file through a temporary file and a rename, checking the
 * target again (never the input). A failure becomes a MentorUsageError with
 * the reason in the user's language; nothing is then written.
 */
export function writeReport(options: MentorOptions, bytes: Uint8Array): void {
  const target = options.out as string;
  try {
    checkTarget(target, options.file, 'report');
    writeFileAtomically(target, bytes);
  } catch (error) {
    if (error instanceof TargetError) throw new MentorUsageError(targetProblem(error, options.lang));
    throw new MentorUsageError(fill(message('ui', 'cliOutFailed')[options.lang], (name) => ({ file: target, detail: fileProblem(error)(options.lang) })[name]));
  }
}

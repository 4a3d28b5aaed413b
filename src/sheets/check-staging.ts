/**
 * The staging sheet of a "Periksa semua" that needs more than one execution:
 * the rows checked so far, and above them one row saying which run they
 * belong to (fingerprint, check date, start time, rules version, how far).
 * Nothing else is kept between parts, so closing the dialog or the browser
 * loses nothing, and a run can be continued from any computer.
 *
 * Every cell is text written through the same cell writer as the results, so
 * Sheets stores it as text (it would otherwise re-parse a date string, a score
 * like "7/14" or a name beginning with "="). What is written is read back at
 * once and must equal it, or the part stops with a clear message (a staging
 * sheet that cannot hold text exactly would otherwise make every part start
 * again); a checksum of the rows is kept with them, and a staging sheet that
 * later does not read back to it (edited by hand) is never used.
 */
import { rowsChecksum } from '../core/fingerprint';
import { fill, message } from '../core/messages';
import { SHEETS } from '../core/workbook/columns';
import { writeValues } from './cell-writer';
import { ensureSize } from './grid-writer';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Cell A1 of a staging sheet, so a person who opens it knows what it is. */
export const STAGING_MARKER = 'PANTAU KKMP — pemeriksaan sedang diproses; jangan diubah';
const FORMAT = 'v2';

/** Which run the staged rows belong to. */
export interface StagedRunInfo {
  /** The run's fingerprint (see core/fingerprint): data, rules version and check date. */
  fingerprint: string;
  /** Check date, YYYY-MM-DD (spreadsheet's time zone). */
  asOf: string;
  /** When the run started, as Hasil Pemeriksaan shows it (dd/MM/yyyy HH:mm). */
  checkedAt: string;
  /** When the last part ended, ms since 1970 (to tell a check in progress from one left behind). */
  lastPartAt: number;
  /** True when the user cancelled it (nobody drives it until the dialog is opened again). */
  stopped: boolean;
  rulesVersion: string;
  /** Co-ops in the run. */
  total: number;
  /** Co-ops checked so far (the cursor): the first `done` co-ops of the register, in read order. */
  done: number;
}

export interface StagedRun extends StagedRunInfo {
  /** The first `done` result rows, exactly as `ResultsGridBuilder.stagedRows` gave them. */
  rows: string[][];
}

/** What is found in the staging sheet: nothing, a run, or a sheet that cannot be trusted. */
export type StagingFound = { kind: 'none' } | { kind: 'run'; run: StagedRun } | { kind: 'unreadable' };

/** Only the run's description (one row read): for the dialog and the sidebar. */
export function stagedRunInfo(spreadsheet: Spreadsheet): StagedRunInfo | null {
  const sheet = spreadsheet.getSheetByName(SHEETS.staging);
  if (!sheet || sheet.getLastRow() === 0 || sheet.getMaxColumns() < META_WIDTH) return null;
  return parseMeta(sheet.getRange(1, 1, 1, META_WIDTH).getValues()[0] ?? []);
}

/** The staged run with its rows (`width` cells each), checked against the checksum stored with them. */
export function readStaging(spreadsheet: Spreadsheet, width: number): StagingFound {
  const sheet = spreadsheet.getSheetByName(SHEETS.staging);
  if (!sheet) return { kind: 'none' };
  if (sheet.getLastRow() === 0 || sheet.getMaxColumns() < Math.max(width, META_WIDTH)) return { kind: 'unreadable' };
  const meta = sheet.getRange(1, 1, 1, META_WIDTH).getValues()[0] ?? [];
  const info = parseMeta(meta);
  if (!info || sheet.getLastRow() < info.done + 1) return { kind: 'unreadable' };
  const rows = info.done === 0 ? [] : (sheet.getRange(2, 1, info.done, width).getValues() as unknown[][]);
  if (rowsChecksum(rows) !== String(meta[META.checksum]) || rows.some((row) => row.some((cell) => typeof cell !== 'string'))) return { kind: 'unreadable' };
  return { kind: 'run', run: { ...info, rows: rows as string[][] } };
}

/**
 * Saves the run's rows so far: writes rows `from`… (those not staged yet) and
 * then the description row, whose `done` is the cursor. A failure between the
 * two leaves the old cursor, so extra rows below it are never read.
 */
export function writeStaging(spreadsheet: Spreadsheet, info: StagedRunInfo, rows: ReadonlyArray<ReadonlyArray<string>>, from: number, width: number): void {
  const sheet = spreadsheet.getSheetByName(SHEETS.staging) ?? spreadsheet.insertSheet(SHEETS.staging);
  ensureSize(sheet, rows.length + 1, Math.max(width, META_WIDTH));
  const fresh = rows.slice(from).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  if (fresh.length > 0) writeText(sheet.getRange(from + 2, 1, fresh.length, width), fresh);
  const meta: string[] = [];
  meta[META.marker] = STAGING_MARKER;
  meta[META.format] = FORMAT;
  meta[META.fingerprint] = info.fingerprint;
  meta[META.asOf] = info.asOf;
  meta[META.checkedAt] = info.checkedAt;
  meta[META.lastPartAt] = String(info.lastPartAt);
  meta[META.rulesVersion] = info.rulesVersion;
  meta[META.total] = String(info.total);
  meta[META.done] = String(info.done);
  meta[META.checksum] = rowsChecksum(rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? '')));
  meta[META.state] = info.stopped ? STOPPED : RUNNING;
  writeText(sheet.getRange(1, 1, 1, META_WIDTH), [meta]);
}

/** Marks the staged run as cancelled by the user (one cell); nothing else changes. False when there is none. */
export function markStagingStopped(spreadsheet: Spreadsheet): boolean {
  const sheet = spreadsheet.getSheetByName(SHEETS.staging);
  if (!sheet || !stagedRunInfo(spreadsheet)) return false;
  writeText(sheet.getRange(1, META.state + 1), [[STOPPED]]);
  return true;
}

/** Removes the staging sheet (a finished run, or a run that is not continued). */
export function discardStaging(spreadsheet: Spreadsheet): void {
  const sheet = spreadsheet.getSheetByName(SHEETS.staging);
  if (sheet) spreadsheet.deleteSheet(sheet);
}

/**
 * Text cells through the one cell writer, then read back: they must equal what
 * was written, cell for cell and type for type (two Range calls).
 * @throws Error naming the staging sheet and the first row that differs
 */
function writeText(range: Range, rows: string[][]): void {
  writeValues(range, rows);
  const back = range.getValues();
  if (rowsChecksum(back) === rowsChecksum(rows)) return;
  const row = range.getRow() + back.findIndex((cells, r) => rowsChecksum([cells]) !== rowsChecksum([rows[r] ?? []]));
  throw new Error(fill(message('ui', 'stagingNotExact').id, (name) => ({ sheet: SHEETS.staging, row: String(row) })[name]));
}

const META = { marker: 0, format: 1, fingerprint: 2, asOf: 3, checkedAt: 4, lastPartAt: 5, rulesVersion: 6, total: 7, done: 8, checksum: 9, state: 10 } as const;
const META_WIDTH = 11;
const RUNNING = 'berjalan';
const STOPPED = 'dibatalkan';

function parseMeta(cells: readonly unknown[]): StagedRunInfo | null {
  const text = (i: number): string | null => (typeof cells[i] === 'string' ? (cells[i] as string) : null);
  const whole = (i: number): number | null => {
    const value = text(i);
    return value !== null && /^\d{1,15}$/.test(value) ? Number(value) : null;
  };
  const [fingerprint, asOf, checkedAt, rulesVersion] = [text(META.fingerprint), text(META.asOf), text(META.checkedAt), text(META.rulesVersion)];
  const [lastPartAt, total, done] = [whole(META.lastPartAt), whole(META.total), whole(META.done)];
  if (text(META.marker) !== STAGING_MARKER || text(META.format) !== FORMAT) return null;
  if (fingerprint === null || asOf === null || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || checkedAt === null || rulesVersion === null) return null;
  if (lastPartAt === null || total === null || done === null || done > total) return null;
  const state = text(META.state);
  if (state !== RUNNING && state !== STOPPED) return null;
  return { fingerprint, asOf, checkedAt, lastPartAt, rulesVersion, total, done, stopped: state === STOPPED };
}

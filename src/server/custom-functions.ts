/**
 * The checks as formulas (`=KKMP_LEGALITAS(...)` and friends). Sheets passes
 * ranges as 2-D arrays (a single cell as a plain value), so each function
 * reads its ranges through the same workbook reader as the check of the whole
 * workbook, runs the same core, and returns one value per data row — blank for
 * a blank row, "data tidak valid: …" for a row whose cells this check needs
 * could not be read. A wrong call throws a message in Bahasa Indonesia saying
 * what to change. Nothing here writes or asks for authorisation; the
 * `Parameter` and `Aturan` sheets are read (read-only) so formulas and
 * "Periksa semua" agree.
 */
import { runChecks } from '../core/check-run';
import { fill, message } from '../core/messages';
import { CHECK_IDS, checkNamed } from '../core/rule-data';
import { CASES_SHEET } from '../core/rule-cases';
import { readCell } from '../core/workbook/cell-values';
import { MEETING_COLUMNS, MENTOR_COLUMNS, REGISTER_COLUMNS, SHEETS, headerText, type ColumnSpec } from '../core/workbook/columns';
import { matchHeader } from '../core/workbook/header-matching';
import { checkInputFrom, readWorkbook, type SheetValues } from '../core/workbook/workbook-reader';
import type { Visit } from '../shared/mentoring';
import type { CheckId, CheckInput, CheckRun, CoopRecord, CoopResult } from '../shared/types';
import { cellContext } from '../sheets/spreadsheet-reader';

export type Cell = string | number | boolean | Date;
export type RangeArg = Cell[][] | Cell | undefined | null;
type Output = Cell | Cell[][];

export const ARG = { koperasi: 'koperasi', rat: 'rat', pendamping: 'pendamping', judul: 'judul' } as const;
const EXAMPLES: Record<string, string> = { koperasi: 'Koperasi!A1:AA100', rat: 'RAT!A1:F500', pendamping: 'Pendamping!A1:E20', judul: 'Koperasi!A1:AA1' };


class CustomFunctionError extends Error {}

export function fail(key: string, values: Record<string, string>): never {
  throw new CustomFunctionError(fill(message('problem', key).id, (name) => values[name]));
}

export function isMissing(arg: unknown): boolean {
  return arg === undefined || arg === null || arg === '';
}

export function table(arg: RangeArg, name: string): Cell[][] {
  if (!Array.isArray(arg) || !arg.every(Array.isArray)) fail('customNeedsRange', { arg: name, example: EXAMPLES[name] as string });
  return arg as Cell[][];
}

export function timeZone(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return (spreadsheet && spreadsheet.getSpreadsheetTimeZone()) || Session.getScriptTimeZone();
}

/** The spreadsheet's locale, for the month-first warning (null outside a spreadsheet). */
function locale(): string | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return spreadsheet ? spreadsheet.getSpreadsheetLocale() : null;
}

export function checkDate(arg: unknown, zone: string): string {
  if (isMissing(arg)) return Utilities.formatDate(new Date(), zone, 'yyyy-MM-dd');
  const read = readCell('date', arg, cellContext(zone));
  if ('value' in read && read.value !== null) return read.value as string;
  return fail('customBadDate', { value: String(arg) });
}

/** The data range with its header row first: header given separately, or found in its first rows. */
export function withHeader(data: Cell[][], header: RangeArg, columns: ReadonlyArray<ColumnSpec>, name: string): { values: Cell[][]; firstDataIndex: number } {
  if (!isMissing(header)) {
    const headerRows = table(header, ARG.judul);
    return { values: [headerRows[0] ?? [], ...data], firstDataIndex: 1 };
  }
  const match = matchHeader(data, columns);
  const required = columns.filter((c) => c.required);
  if (!match) return fail('customNoHeader', { arg: name, label: (required[0] as ColumnSpec).label });
  if (match.missing.length > 0) fail('customMissingColumns', { arg: name, columns: match.missing.map((c) => c.label).join(', ') });
  return { values: data, firstDataIndex: match.headerIndex + 1 };
}

/** A table that must carry its own header (RAT, Pendamping), or an empty one when not given. */
export function ownTable(arg: RangeArg, columns: ReadonlyArray<ColumnSpec>, name: string, needed: boolean): Cell[][] {
  if (isMissing(arg) && !needed) return [columns.map(headerText)];
  const values = table(arg, name);
  const match = matchHeader(values, columns);
  if (!match) fail('customNoHeader', { arg: name, label: (columns[0] as ColumnSpec).label });
  if (match.missing.length > 0) fail('customMissingColumns', { arg: name, columns: match.missing.map((c) => c.label).join(', ') });
  return values;
}

/** A sheet of the workbook, read-only (one read), or null. */
function sheetValues(name: string): unknown[][] | null {
  const sheet = SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName(name);
  return sheet ? (sheet.getDataRange().getValues() as unknown[][]) : null;
}

/** The `Parameter`, `Aturan` and `Uji Aturan` sheets, so formulas use the thresholds and rules "Periksa semua" uses. */
export function settingSheets(): SheetValues[] {
  return [SHEETS.parameters, SHEETS.rules, CASES_SHEET].flatMap((name) => {
    const values = sheetValues(name);
    return values ? [{ name, values }] : [];
  });
}

/**
 * The whole `Koperasi` sheet: a mentor's load is a fact of the whole city, and
 * a workbook rule set's trial run covers every co-op, so a formula given one
 * row sees the same load and the same rules as "Periksa semua".
 */
function registerCoops(zone: string): CoopRecord[] | undefined {
  const values = sheetValues(SHEETS.register);
  if (!values) return undefined;
  return readWorkbook([{ name: SHEETS.register, values }], cellContext(zone, { locale: locale() })).coops;
}

/** The mentor named by every co-op of the `Koperasi` sheet (a mentor's load is a fact of the whole city). */
export function cityMentorIds(zone: string): Array<string | null> | undefined {
  return registerCoops(zone)?.map((c) => c.mentorId);
}

/**
 * The check input a formula's ranges give — each range with its header, the
 * `Parameter` and `Aturan` sheets read as for every formula — and the check
 * date (`tanggal`, default today in the spreadsheet's time zone). For formulas
 * in their own files (KKMP_JADWAL, KKMP_TUGAS).
 */
export function formulaInput(koperasi: RangeArg, rat: RangeArg, pendamping: RangeArg, tanggal: unknown, extra: SheetValues[] = [], options: { mentorsNeeded?: boolean } = {}): { input: CheckInput; visits: Visit[]; zone: string } {
  const zone = timeZone();
  const asOf = checkDate(tanggal, zone);
  const register = withHeader(table(koperasi, ARG.koperasi), null, REGISTER_COLUMNS, ARG.koperasi);
  const read = readWorkbook(
    [
      { name: SHEETS.register, values: register.values },
      { name: SHEETS.meetings, values: ownTable(rat, MEETING_COLUMNS, ARG.rat, false) },
      { name: SHEETS.mentors, values: ownTable(pendamping, MENTOR_COLUMNS, ARG.pendamping, options.mentorsNeeded ?? false) },
      ...settingSheets(),
      ...extra,
    ],
    cellContext(zone, { asOf, locale: locale() }),
  );
  return { input: checkInputFrom(read, asOf), visits: read.visits, zone };
}

interface Evaluated {
  run: CheckRun;
  /** One entry per data row: its result, 'blank', or why it was skipped. */
  rows: Array<{ result: CoopResult } | { blank: true } | { skipped: string }>;
}

function evaluate(koperasi: RangeArg, rat: RangeArg, pendamping: RangeArg, tanggal: unknown, judul: RangeArg, needs: { rat: boolean; mentors: boolean }): Evaluated {
  const zone = timeZone();
  const asOf = checkDate(tanggal, zone);
  const register = withHeader(table(koperasi, ARG.koperasi), judul, REGISTER_COLUMNS, ARG.koperasi);
  const read = readWorkbook(
    [
      { name: SHEETS.register, values: register.values },
      { name: SHEETS.meetings, values: ownTable(rat, MEETING_COLUMNS, ARG.rat, needs.rat) },
      { name: SHEETS.mentors, values: ownTable(pendamping, MENTOR_COLUMNS, ARG.pendamping, needs.mentors) },
      ...settingSheets(),
    ],
    cellContext(zone, { asOf, locale: locale() }),
  );
  // The whole register, read once, when a mentor's load or a workbook rule set's trial run needs it.
  const wholeRegister = needs.mentors || read.ruleSetOverrides.length > 0 ? registerCoops(zone) : undefined;
  const run = runChecks({
    ...checkInputFrom(read, asOf),
    cityMentorIds: needs.mentors ? wholeRegister?.map((c) => c.mentorId) : undefined,
    trialCoops: read.ruleSetOverrides.length > 0 ? wholeRegister : undefined,
  });
  const byRow = new Map<number, CoopResult>();
  run.results.forEach((result) => {
    const origin = read.origins[result.coopId];
    if (origin) byRow.set(origin.row, result);
  });
  const skippedByRow = new Map<number, string>();
  for (const problem of read.problems) {
    if (problem.location?.sheet === SHEETS.register && problem.location.row !== null && problem.location.column === null) {
      skippedByRow.set(problem.location.row, problem.text.id.replace(/^[^:]*: /, ''));
    }
  }
  const rows: Evaluated['rows'] = [];
  for (let i = register.firstDataIndex; i < register.values.length; i += 1) {
    const sheetRow = i + 1;
    const result = byRow.get(sheetRow);
    const cells = register.values[i] ?? [];
    if (result) rows.push({ result });
    else if (cells.every((c) => c === '' || c === null || c === undefined)) rows.push({ blank: true });
    else rows.push({ skipped: skippedByRow.get(sheetRow) ?? '' });
  }
  return { run, rows };
}

function invalidText(result: CoopResult, check: CheckId): string | null {
  const fields = result.checks[check]!.unreadable;
  if (fields.length === 0) return null;
  const labels = fields.map((field) => {
    const index = REGISTER_COLUMNS.findIndex((c) => c.field === field);
    return index >= 0 ? (REGISTER_COLUMNS[index] as ColumnSpec).label : field;
  });
  return fill(message('problem', 'customInvalidRow').id, () => labels.join(', '));
}

function perRow(evaluated: Evaluated, cell: (result: CoopResult) => Cell[]): Output {
  const width = evaluated.rows.reduce((w, row) => ('result' in row ? Math.max(w, cell(row.result).length) : w), 1);
  const out = evaluated.rows.map((row): Cell[] => {
    if ('blank' in row) return Array<Cell>(width).fill('');
    if ('skipped' in row) return [fill(message('problem', 'customSkippedRow').id, () => row.skipped), ...Array<Cell>(width - 1).fill('')];
    return cell(row.result);
  });
  if (out.length === 1 && width === 1) return (out[0] as Cell[])[0] as Cell;
  return out;
}

function statusOf(check: CheckId) {
  return (result: CoopResult): Cell[] => [invalidText(result, check) ?? result.checks[check]!.label.id];
}

export function legalStatus(koperasi: RangeArg, tanggal?: unknown, judul?: RangeArg): Output {
  return perRow(evaluate(koperasi, null, null, tanggal, judul, { rat: false, mentors: false }), statusOf('legal'));
}

export function ratStatus(koperasi: RangeArg, rat: RangeArg, tanggal?: unknown, judul?: RangeArg): Output {
  return perRow(evaluate(koperasi, rat, null, tanggal, judul, { rat: true, mentors: false }), statusOf('rat'));
}

export function mentorStatus(koperasi: RangeArg, pendamping: RangeArg, tanggal?: unknown, judul?: RangeArg): Output {
  return perRow(evaluate(koperasi, null, pendamping, tanggal, judul, { rat: false, mentors: true }), statusOf('mentor'));
}

export function savingsLoansStatus(koperasi: RangeArg, rat: RangeArg, pendamping: RangeArg, tanggal?: unknown, judul?: RangeArg): Output {
  return perRow(evaluate(koperasi, rat, pendamping, tanggal, judul, { rat: true, mentors: true }), statusOf('savingsLoans'));
}

export function allStatuses(koperasi: RangeArg, rat: RangeArg, pendamping: RangeArg, tanggal?: unknown, judul?: RangeArg): Output {
  const evaluated = evaluate(koperasi, rat, pendamping, tanggal, judul, { rat: true, mentors: true });
  return perRow(evaluated, (result) => CHECK_IDS.map((check) => statusOf(check)(result)[0] as Cell));
}

/**
 * The status of any check of rules/checks.json per row, asking only for the
 * tables that check needs (`needs`): a new check's formula is one line in
 * surface.ts.
 */
export function checkStatus(check: CheckId, koperasi: RangeArg, rat: RangeArg, pendamping: RangeArg, tanggal?: unknown, judul?: RangeArg): Output {
  const spec = checkNamed(check);
  if (!spec) return fail('customUnknownCheck', { value: check });
  const needs = { rat: spec.needs.includes('rat'), mentors: spec.needs.includes('mentors') };
  return perRow(evaluate(koperasi, needs.rat ? rat : null, needs.mentors ? pendamping : null, tanggal, judul, needs), statusOf(spec.id));
}

export function reasons(pemeriksaan: unknown, koperasi: RangeArg, rat: RangeArg, pendamping: RangeArg, tanggal?: unknown, judul?: RangeArg): Output {
  const spec = checkNamed(pemeriksaan);
  if (!spec) return fail('customUnknownCheck', { value: String(pemeriksaan ?? '') });
  const check = spec.id;
  const evaluated = evaluate(koperasi, rat, pendamping, tanggal, judul, { rat: spec.needs.includes('rat'), mentors: spec.needs.includes('mentors') });
  return perRow(evaluated, (result) => [invalidText(result, check) ?? result.checks[check]!.reasons.map((r) => `• ${r.text.id}`).join('\n')]);
}

export function mentorLoads(koperasi: RangeArg, pendamping: RangeArg, tanggal?: unknown, judul?: RangeArg): Cell[][] {
  const { run } = evaluate(koperasi, null, pendamping, tanggal, judul, { rat: false, mentors: true });
  const ui = (key: string): string => message('ui', key).id;
  const band = { under: ui('loadUnder'), within: ui('loadWithin'), over: ui('loadOver') } as const;
  return [
    [ui('loadHeaderId'), ui('loadHeaderName'), ui('loadHeaderLoad'), ui('loadHeaderStatus')],
    ...run.summary.mentorLoads.map((m): Cell[] => [m.mentorId, m.name ?? '', m.load, !m.listed ? ui('loadUnlisted') : !m.active ? ui('loadInactive') : band[m.band]]),
  ];
}

export function ratIndicator(koperasi: RangeArg, rat: RangeArg, tanggal?: unknown, judul?: RangeArg): number {
  return evaluate(koperasi, rat, null, tanggal, judul, { rat: true, mentors: false }).run.summary.ratIndicatorPercent;
}


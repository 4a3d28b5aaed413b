/**
 * Reads a whole workbook — each sheet's values fetched in one batch by the
 * caller — into a check input: the register `Koperasi`, co-op sheets (tab with
 * `PROFIL KOPERASI` in A1), the meeting log `RAT`, the mentors `Pendamping` and
 * the thresholds `Parameter`. Nothing is merged or guessed silently: duplicate
 * IDs, RAT rows for unknown co-ops, mentors referenced but not listed, missing
 * sheets and columns are all reported.
 *
 * Pure: the add-on passes SpreadsheetApp values, the command line passes
 * values read from an .xlsx file — with the same extras from both: number
 * formats (a percent cell holds 1 for 100 %), merged ranges (Sheets gives a
 * merge's value only in its top-left cell: it is read for every row the merge
 * covers, so the add-on and the command line agree) and the locale.
 */
import type { CheckInput, CoopRecord, IsoDate, Mentor, ParameterOverride, Problem, RatMeeting, RuleCase, RuleSetOverride } from '../../shared/types';
import { CASES_SHEET, readRuleCases } from '../rule-cases';
import { idKey } from '../city-index';
import { idSkeleton } from '../id-key';
import { resolveParameters } from '../parameters';
import { printable, type CellContext, type CellValue } from './cell-values';
import {
  COOP_SHEET_MARKER,
  COOP_SHEET_RESULTS_MARKER,
  MEETING_COLUMNS,
  MENTOR_COLUMNS,
  PARAMETER_COLUMNS,
  REGISTER_COLUMNS,
  RULE_COLUMNS,
  SHEETS,
  type ColumnSpec,
} from './columns';
import { columnLetter, matchHeader, normaliseLabel } from './header-matching';
import { locatedProblem, readRows, where, type TableRow, type TableSource } from './table-reader';
import { futureVisitProblems, readVisitLog } from './visit-log';
import type { Visit } from '../../shared/mentoring';

export interface SheetValues {
  name: string;
  /** Cell values by row and column (0-based). Rows may be holes (no cells), and rows may differ in length. */
  values: unknown[][];
  /** Number formats of the same cells where known (Sheets `getNumberFormats()`, .xlsx styles); may be sparse. */
  formats?: Array<unknown[] | undefined>;
  /** Merged ranges, 0-based and inclusive. */
  merges?: ReadonlyArray<MergedRange>;
  /** What the file reader itself found (a CSV's encoding, an unclosed quote), reported with the rest. */
  problems?: readonly Problem[];
}

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Locales whose date order is month first: a typed 05/06/2025 becomes 6 May (Sheets' locale setting). */
const MONTH_FIRST_LOCALES = /^(en_US|en_PH|en_CA_x|es_US|fil|fil_PH|en_AS|en_GU|en_MP|en_PR|en_UM|en_VI|en_FM|en_MH|en_PW|en_BZ|en_KE|en_ZW)$/i;

export function isMonthFirstLocale(locale: string | null | undefined): boolean {
  return typeof locale === 'string' && MONTH_FIRST_LOCALES.test(locale.replace('-', '_'));
}

/**
 * The sheet with each merge's top-left value copied into every cell the merge
 * covers (only where that cell is blank): Sheets returns "" there, an .xlsx
 * file holds nothing there. Rows are copied only where a merge touches them.
 */
export function withMerges(sheet: SheetValues): SheetValues {
  if (!sheet.merges || sheet.merges.length === 0) return sheet;
  const values = sheet.values.slice();
  const formats = sheet.formats?.slice();
  const copied = new Set<number>();
  const blank = (v: unknown): boolean => v === undefined || v === null || v === '';
  for (const merge of sheet.merges) {
    const value = values[merge.top]?.[merge.left];
    if (blank(value)) continue;
    const format = formats?.[merge.top]?.[merge.left];
    for (let r = merge.top; r <= merge.bottom; r += 1) {
      for (let c = merge.left; c <= merge.right; c += 1) {
        if (r === merge.top && c === merge.left) continue;
        if (!copied.has(r)) {
          copied.add(r);
          values[r] = (values[r] ?? []).slice();
          if (formats) formats[r] = (formats[r] ?? []).slice();
        }
        const row = values[r] as unknown[];
        if (!blank(row[c])) continue;
        row[c] = value;
        if (formats && format !== undefined) (formats[r] as unknown[])[c] = format;
      }
    }
  }
  return { ...sheet, values, formats };
}

/** Where a co-op's data lives, so the add-on can open it. */
export interface CoopOrigin {
  sheet: string;
  row: number;
}

export interface WorkbookRead {
  coops: CoopRecord[];
  meetings: RatMeeting[];
  mentors: Mentor[];
  parameterOverrides: ParameterOverride[];
  /** Rule sets from the optional `Aturan` sheet, as typed (validated when the run starts). */
  ruleSetOverrides: RuleSetOverride[];
  /** Rule cases from the optional `Uji Aturan` sheet. */
  ruleCases?: RuleCase[];
  /** The mentors' visit log `Kunjungan` (optional sheet; see ./visit-log.ts). */
  visits: Visit[];
  problems: Problem[];
  origins: Record<string, CoopOrigin>;
}

export function isCoopSheet(values: readonly unknown[][]): boolean {
  return normaliseLabel(values[0]?.[0]) === normaliseLabel(COOP_SHEET_MARKER);
}

/** A table laid out with a header row: rows below it are data. */
export function headerTable<F extends string>(sheet: SheetValues, columns: ReadonlyArray<ColumnSpec<F>>, problems: Problem[]): TableSource<F> | null {
  const match = matchHeader(sheet.values, columns);
  const first = columns.find((c) => c.required) as ColumnSpec<F>;
  if (!match) {
    problems.push(locatedProblem('error', { sheet: sheet.name }, 'noHeader', { label: first.label }));
    return null;
  }
  for (const label of match.duplicates) problems.push(locatedProblem('warning', { sheet: sheet.name, row: match.headerIndex + 1 }, 'duplicateHeader', { label }));
  if (match.missing.length > 0) {
    problems.push(locatedProblem('error', { sheet: sheet.name, row: match.headerIndex + 1 }, 'missingColumns', { columns: match.missing.map((c) => c.label).join(', ') }));
    return null;
  }
  const start = match.headerIndex + 1;
  return {
    sheet: sheet.name,
    rows: sheet.values.slice(start),
    formats: sheet.formats?.slice(start),
    columnIndex: match.columns,
    rowNumber: (i) => start + i + 1,
    locate: (i, field, label) => ({ sheet: sheet.name, row: start + i + 1, column: `${label} (${columnLetter(match.columns.get(field) as number)})` }),
  };
}

/** A co-op sheet: label/value rows, read as a one-row table with the register's columns. */
function coopSheetTable(sheet: SheetValues): TableSource<(typeof REGISTER_COLUMNS)[number]['field']> {
  const labels: unknown[] = [];
  const values: unknown[] = [];
  const formats: unknown[] = [];
  const sheetRows: number[] = [];
  for (let r = 1; r < sheet.values.length; r += 1) {
    const label = sheet.values[r]?.[0];
    if (normaliseLabel(label) === normaliseLabel(COOP_SHEET_RESULTS_MARKER)) break;
    labels.push(label);
    values.push(sheet.values[r]?.[1] ?? '');
    formats.push(sheet.formats?.[r]?.[1]);
    sheetRows.push(r + 1);
  }
  const match = matchHeader([labels], REGISTER_COLUMNS);
  const columnIndex = match?.columns ?? new Map();
  return {
    sheet: sheet.name,
    rows: [values],
    formats: [formats],
    columnIndex,
    rowNumber: () => sheetRows[0] ?? 2,
    locate: (_i, field, label) => ({ sheet: sheet.name, row: sheetRows[columnIndex.get(field) as number] ?? 0, column: `${label} (B)` }),
  };
}

/** A register record with every field, in one fixed shape (see readRows: a national register holds 82,780). */
const RECORD_TEMPLATE: Readonly<Record<string, CellValue | string[]>> = Object.fromEntries([['unreadable', []], ...REGISTER_COLUMNS.map((c) => [c.field, null])]);

function toRecord(row: TableRow<(typeof REGISTER_COLUMNS)[number]['field']>): CoopRecord {
  const record: Record<string, CellValue | string[]> = { ...RECORD_TEMPLATE, unreadable: row.unreadable.slice() };
  for (const column of REGISTER_COLUMNS) record[column.field] = row.values[column.field] ?? null;
  return record as unknown as CoopRecord;
}

export function readWorkbook(given: readonly SheetValues[], givenContext: CellContext): WorkbookRead {
  const problems: Problem[] = [];
  for (const sheet of given) if (sheet.problems) problems.push(...sheet.problems);
  const sheets = given.map(withMerges);
  const byName = new Map(sheets.map((s) => [s.name, s]));
  if (isMonthFirstLocale(givenContext.locale)) problems.push(locatedProblem('warning', { sheet: sheets[0]?.name ?? SHEETS.register }, 'localeMonthFirst', { locale: givenContext.locale as string }));
  const parameterProblems: Problem[] = [];
  const parameterOverrides = readParameterSheet(byName.get(SHEETS.parameters), givenContext, parameterProblems);
  const context = withDateWindow(givenContext, parameterOverrides);
  const coops: CoopRecord[] = [];
  const origins: Record<string, CoopOrigin> = {};
  const byKey = new Map<string, { record: CoopRecord; origin: CoopOrigin }>();
  const bySkeleton = new Map<string, { record: CoopRecord; origin: CoopOrigin }>();
  const idLabel = REGISTER_COLUMNS[0]!.label;

  const addCoop = (record: CoopRecord, origin: CoopOrigin): void => {
    const key = idKey(record.id);
    const location = { sheet: origin.sheet, row: origin.row };
    if (key === null) {
      problems.push(locatedProblem('warning', location, 'blankId', { label: idLabel }));
      return;
    }
    const first = byKey.get(key);
    if (first) {
      problems.push(locatedProblem('warning', location, 'duplicateId', { label: idLabel, id: record.id, first: where(first.origin) }));
      return;
    }
    const skeleton = idSkeleton(key);
    const lookAlike = bySkeleton.get(skeleton);
    if (lookAlike) {
      problems.push(locatedProblem('warning', location, 'possibleDuplicateId', { label: idLabel, id: printable(record.id as string), other: lookAlike.record.id as string, first: where(lookAlike.origin) }));
    } else bySkeleton.set(skeleton, { record, origin });
    byKey.set(key, { record, origin });
    origins[record.id] = origin;
    coops.push(record);
  };

  const register = byName.get(SHEETS.register);
  if (!register) problems.push(locatedProblem('error', { sheet: SHEETS.register }, 'missingSheet', { sheet: SHEETS.register }));
  else {
    const table = headerTable(register, REGISTER_COLUMNS, problems);
    if (table) for (const row of readRows(table, REGISTER_COLUMNS, context, problems)) addCoop(toRecord(row), { sheet: register.name, row: row.row });
  }

  for (const sheet of sheets) {
    if (!isCoopSheet(sheet.values)) continue;
    const table = coopSheetTable(sheet);
    const [row] = readRows(table, REGISTER_COLUMNS, context, problems);
    if (!row || idKey((row.values.id as string | null) ?? null) === null) {
      problems.push(locatedProblem('warning', { sheet: sheet.name }, 'coopSheetNoId', {}));
      continue;
    }
    const record = toRecord(row);
    const inRegister = byKey.get(idKey(record.id) as string)?.record;
    if (inRegister) reportDifferences(table, record, inRegister, problems);
    else addCoop(record, { sheet: sheet.name, row: row.row });
  }

  const known = new Set(coops.map((c) => idKey(c.id)));
  const meetings: RatMeeting[] = [];
  const meetingSheet = byName.get(SHEETS.meetings);
  if (!meetingSheet) problems.push(locatedProblem('warning', { sheet: SHEETS.meetings }, 'missingSheet', { sheet: SHEETS.meetings }));
  else {
    const table = headerTable(meetingSheet, MEETING_COLUMNS, problems);
    for (const row of table ? readRows(table, MEETING_COLUMNS, context, problems) : []) {
      const meeting = fromRow(row, MEETING_COLUMNS) as unknown as RatMeeting;
      const location = { sheet: meetingSheet.name, row: row.row };
      if (idKey(meeting.coopId) === null) problems.push(locatedProblem('warning', location, 'blankId', { label: MEETING_COLUMNS[0]!.label }));
      else if (!known.has(idKey(meeting.coopId))) problems.push(locatedProblem('warning', location, 'unknownCoop', { id: meeting.coopId }));
      else meetings.push(meeting);
    }
  }

  const mentors: Mentor[] = [];
  const mentorSheet = byName.get(SHEETS.mentors);
  if (!mentorSheet) problems.push(locatedProblem('warning', { sheet: SHEETS.mentors }, 'missingSheet', { sheet: SHEETS.mentors }));
  else {
    const table = headerTable(mentorSheet, MENTOR_COLUMNS, problems);
    const seen = new Map<string, number>();
    for (const row of table ? readRows(table, MENTOR_COLUMNS, context, problems) : []) {
      const mentor = fromRow(row, MENTOR_COLUMNS) as unknown as Mentor;
      const key = idKey(mentor.id);
      const location = { sheet: mentorSheet.name, row: row.row };
      if (key === null) problems.push(locatedProblem('warning', location, 'blankId', { label: MENTOR_COLUMNS[0]!.label }));
      else if (seen.has(key)) problems.push(locatedProblem('warning', location, 'duplicateId', { label: MENTOR_COLUMNS[0]!.label, id: mentor.id, first: where({ sheet: mentorSheet.name, row: seen.get(key) as number }) }));
      else if (mentor.startsOn !== null && mentor.endsOn !== null && mentor.startsOn > mentor.endsOn) {
        // A contract that starts after it ends covers no day: reported, and the mentor is listed without it.
        // A contract that starts after it ends covers no day (so the mentor is active on none): reported, kept as typed.
        const show = (iso: string): string => iso.split('-').reverse().join('/');
        problems.push(locatedProblem('warning', location, 'contractOrder', { start: show(mentor.startsOn), end: show(mentor.endsOn) }));
        seen.set(key, row.row);
        mentors.push(mentor);
      } else {
        seen.set(key, row.row);
        mentors.push(mentor);
      }
    }
    const listed = new Set(mentors.map((m) => idKey(m.id)));
    for (const coop of coops) {
      const key = idKey(coop.mentorId);
      if (key !== null && !listed.has(key)) problems.push(locatedProblem('warning', origins[coop.id] as CoopOrigin, 'unlistedMentor', { id: coop.mentorId as string }));
    }
  }

  problems.push(...parameterProblems);
  const ruleSetOverrides: RuleSetOverride[] = [];
  const ruleSheet = byName.get(SHEETS.rules);
  if (ruleSheet) {
    const table = headerTable(ruleSheet, RULE_COLUMNS, problems);
    for (const row of table ? readRows(table, RULE_COLUMNS, context, problems) : []) {
      const text = row.values.json;
      if (typeof text === 'string' && text !== '') ruleSetOverrides.push({ text, source: where({ sheet: ruleSheet.name, row: row.row }).id });
    }
  }

  const ruleCases: RuleCase[] = [];
  const caseSheet = byName.get(CASES_SHEET);
  if (caseSheet) {
    const read = readRuleCases(caseSheet.name, caseSheet.values, context);
    ruleCases.push(...read.cases);
    problems.push(...read.problems);
  }

  const visits = readVisitLog(byName.get(SHEETS.visits), context, { coops: known, mentors: new Set(mentors.map((m) => idKey(m.id))), mentorsRead: mentorSheet !== undefined }, problems);

  return { coops, meetings, mentors, parameterOverrides, ruleSetOverrides, ruleCases, visits, problems, origins };
}

/**
 * The cell context the tables are read with: the plausible-date window may be
 * set in the workbook's Parameter sheet (a bad value keeps the default;
 * reported by the run).
 */
export function withDateWindow(givenContext: CellContext, parameterOverrides: readonly ParameterOverride[]): CellContext {
  const windowParams = resolveParameters(parameterOverrides.filter((o) => o.key === 'plausibleFromYear' || o.key === 'plausibleYearsAhead')).values;
  return { ...givenContext, plausibleFromYear: windowParams.plausibleFromYear, plausibleYearsAhead: windowParams.plausibleYearsAhead };
}

/** The `Parameter` sheet's rows as overrides (validated when the run starts). */
function readParameterSheet(parameterSheet: SheetValues | undefined, context: CellContext, problems: Problem[]): ParameterOverride[] {
  const parameterOverrides: ParameterOverride[] = [];
  if (parameterSheet) {
    const table = headerTable(parameterSheet, PARAMETER_COLUMNS, problems);
    if (table) {
      const valueColumn = table.columnIndex.get('value') as number;
      const keyColumn = table.columnIndex.get('key') as number;
      const silent: Problem[] = []; // a value that is not a number is reported by resolveParameters, with the default it keeps
      table.rows.forEach((cells, i) => {
        const key = cells[keyColumn];
        if (typeof key !== 'string' || key.trim() === '') return;
        const rowTable = { ...table, rows: [cells], rowNumber: () => table.rowNumber(i), locate: (_r: number, field: (typeof PARAMETER_COLUMNS)[number]['field'], label: string) => table.locate(i, field, label) };
        const [row] = readRows(rowTable, PARAMETER_COLUMNS.filter((c) => c.field === 'key' || c.field === 'value'), context, silent);
        // A date or source that cannot be read is reported where it is (the value's problems come from resolveParameters).
        const [dated] = readRows(rowTable, PARAMETER_COLUMNS.filter((c) => c.field === 'from' || c.field === 'legalSource'), context, problems);
        const read = row?.values.value;
        const raw = cells[valueColumn];
        const from = dated?.values.from;
        const legalSource = dated?.values.legalSource;
        parameterOverrides.push({
          key: key.trim(),
          value: typeof read === 'number' ? read : raw === undefined || raw === '' ? null : typeof raw === 'object' ? String(raw) : (raw as string | number | boolean),
          source: where({ sheet: parameterSheet.name, row: table.rowNumber(i) }).id,
          ...(typeof from === 'string' ? { from } : {}),
          ...(typeof legalSource === 'string' && legalSource.trim() !== '' ? { legalSource: legalSource.trim() } : {}),
        });
      });
    }
  }

  return parameterOverrides;
}

/** The cells of a register row as typed (Date, number, text), by field, for copying into a co-op sheet. */
export function registerCells(sheet: SheetValues, row: number): Map<string, unknown> {
  const match = matchHeader(sheet.values, REGISTER_COLUMNS);
  const cells = new Map<string, unknown>();
  if (!match) return cells;
  for (const [field, column] of match.columns) cells.set(field, sheet.values[row - 1]?.[column] ?? '');
  return cells;
}

/**
 * Every problem of a read on the check date `asOf`: the reader's own, then
 * those that need the date (visits dated after it). Check-all, the mentors'
 * views and the command line all report this list.
 */
export function problemsOnDate(read: WorkbookRead, asOf: IsoDate): Problem[] {
  return [...read.problems, ...futureVisitProblems(read.visits, asOf)];
}

/** What a check run needs from a workbook read, on a check date. */
export function checkInputFrom(read: WorkbookRead, asOf: string): CheckInput {
  return { asOf, coops: read.coops, meetings: read.meetings, mentors: read.mentors, parameterOverrides: read.parameterOverrides, ruleSetOverrides: read.ruleSetOverrides, ruleCases: read.ruleCases ?? [] };
}

function fromRow<F extends string>(row: TableRow<F>, columns: ReadonlyArray<ColumnSpec<F>>): Record<F, CellValue> {
  const out = {} as Record<F, CellValue>;
  for (const column of columns) out[column.field] = row.values[column.field] ?? null;
  return out;
}

/** A co-op sheet for a co-op also in the register is a view: differences are reported, the register wins. */
function reportDifferences(table: TableSource<string>, record: CoopRecord, register: CoopRecord, problems: Problem[]): void {
  for (const column of REGISTER_COLUMNS) {
    if (!table.columnIndex.has(column.field)) continue;
    const mine = record[column.field];
    const theirs = register[column.field];
    if (mine === theirs || (column.field === 'id' && idKey(mine as string) === idKey(theirs as string))) continue;
    problems.push(
      locatedProblem('warning', table.locate(0, column.field, column.label), 'coopSheetDiffers', {
        column: column.label,
        value: mine === null ? '' : String(mine),
        register: theirs === null ? '' : String(theirs),
      }),
    );
  }
}

/**
 * The sidebar's picture of the workbook, kept between calls so it opens fast
 * at any scale: one small digest per co-op (statuses, due date, where it
 * lives), the mentors, the parameters and the input problems, stored in the
 * document cache (CacheService) under a fingerprint of every input sheet
 * (values, number formats, merges) and the check date.
 *
 * - Opening: read every sheet once (one getValues each), fingerprint them; if
 *   the cache holds a model for that fingerprint, nothing is checked.
 * - Changed by hand since (or by a form save): the last model stored is
 *   brought up to date in proportion to what changed. It keeps one print per
 *   row of the register, the RAT log and the mentors (./sidebar-rows.ts);
 *   only the co-ops whose rows changed — and those their change reaches: the
 *   mentor's other co-ops (loads), look-alike IDs, moved rows with a problem —
 *   are read and checked again, on the same sheets with every other register
 *   and RAT row blanked, so row numbers and the readers stay the same. Mentor
 *   loads come from every co-op's mentor; the first book year of the RAT log
 *   from every co-op's first year. The result equals a full check
 *   (test/sheets/sidebar-hand-edit.test.ts, property-based).
 *   The visit log decides no status: when it changed, or the co-ops or
 *   mentors it is checked against did, its warnings are read again whole.
 * - A full check instead when that cannot be followed row by row: another
 *   day, any other sheet changed (Parameter, Aturan, co-op sheets, …), a
 *   table's header or merges changed, the RAT log's first year moved, the
 *   workbook's own rules or parameters in force (their count of changed
 *   statuses is city-wide), or co-op sheets present.
 * - Reasons are never stored: a view re-checks the few co-ops it shows.
 *
 * The cache is best effort: a missing or evicted entry only means one full
 * check. Values stay within CacheService's documented limits (100 KB per key,
 * 1,000 entries, 6 hours); a model replaced by a newer one is removed.
 */
import { digestOf, sortByUrgency, type CoopDigest } from '../core/attention';
import { buildCityIndex, idKey } from '../core/city-index';
import { prepareRun, runChecks, type PreparedRun } from '../core/check-run';
import { SummaryAccumulator } from '../core/city-summary';
import { resolveParameters } from '../core/parameters';
import { BUNDLED_RULE_SETS, MESSAGES } from '../core/rule-data';
import { MEETING_COLUMNS, REGISTER_COLUMNS, SHEETS } from '../core/workbook/columns';
import { matchHeader } from '../core/workbook/header-matching';
import { mixedDateProblems } from '../core/workbook/table-reader';
import { futureVisitProblems, readVisitLog } from '../core/workbook/visit-log';
import { checkInputFrom, headerTable, isCoopSheet, problemsOnDate, readWorkbook, withDateWindow, withMerges, type SheetValues, type WorkbookRead } from '../core/workbook/workbook-reader';
import type { CheckId, CheckInput, CheckRun, CitySummary, CoopResult, IsoDate, Mentor, Problem, RulesChange, StatusCode } from '../shared/types';
import { lineParts, planRecheck, tablePrint, TABLES, type TablePrint } from './sidebar-rows';
import { clock, readSheets, spreadsheetContext } from './spreadsheet-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Bump when the model's shape or the way it is computed changes: old cache entries are then ignored. */
const MODEL_VERSION = 'm3';
const CACHE_PREFIX = 'pantau-sidebar:';
const CHUNK_CHARS = 33_000; // UTF-8 takes at most 3 bytes per UTF-16 unit: 99,000 bytes < CacheService's 100 KB per value
const CACHE_SECONDS = 21_600; // the longest CacheService keeps an entry

export interface SidebarModel {
  version: string;
  fingerprint: string;
  /** Fingerprint per input sheet, so a save re-fingerprints only the sheets it wrote. */
  sheetPrints: Record<string, string>;
  /** Row prints of the register, RAT log and mentors (null: the sheet is missing or has no header). */
  tables: Record<string, TablePrint | null>;
  /** Per co-op key, the first book year of its RAT rows (the log's first year is the least). */
  ratYears: Record<string, number>;
  /** False when the workbook's own rules or parameters are in force: every change is then checked in full. */
  incremental: boolean;
  /** How many co-ops were checked to make this model (all of them for a full check). */
  checked: number;
  asOf: IsoDate;
  checkedAt: string;
  rulesVersion: string;
  parameters: Record<string, number>;
  /** First book year of the whole RAT log (years before it are unknown, not missed). */
  ratLogStartYear: number | null;
  coops: CoopDigest[];
  mentors: Mentor[];
  problems: Problem[];
  /** What the workbook changes in the rules and parameters (issue 15), as "Periksa semua" reports it. */
  rulesChange: RulesChange;
}

/**
 * SHA-256 of a text, in hex, by Apps Script's own Utilities.computeDigest (one
 * native call: hashing in script would cost seconds on a large register).
 */
function digest(text: string): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8);
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

/** A sheet as its readers see it (values — JSON keeps each cell's kind, a Date is its instant —, number formats, merges). */
function sheetFingerprint(sheet: SheetValues): string {
  return digest(JSON.stringify([sheet.merges ?? [], sheet.values, sheet.formats ?? null]));
}

let codePrint: string | null = null;
/** What else decides the results: the bundled rules and texts, and this code's model version. */
function codeFingerprint(): string {
  if (codePrint === null) codePrint = digest(`${MODEL_VERSION}${JSON.stringify(BUNDLED_RULE_SETS)}${JSON.stringify(MESSAGES)}`);
  return codePrint;
}

function combine(sheetPrints: Record<string, string>, asOf: IsoDate): string {
  const parts = Object.keys(sheetPrints).sort().map((name) => `${name}=${sheetPrints[name] as string}`);
  return digest(`${codeFingerprint()}|${asOf}|${parts.join('|')}`);
}

/** Not a sheet name (sheet names cannot be empty): the settings the readers use, kept with the sheets' prints. */
const SETTINGS = '';

/** Every sheet's print, and the spreadsheet's time zone and locale (dates and month-first warnings depend on them). */
function printsOf(sheets: readonly SheetValues[], spreadsheet: Spreadsheet): Record<string, string> {
  const prints: Record<string, string> = { [SETTINGS]: `${spreadsheet.getSpreadsheetTimeZone()}|${spreadsheet.getSpreadsheetLocale()}` };
  for (const sheet of sheets) prints[sheet.name] = sheetFingerprint(sheet);
  return prints;
}

// ---- the cache ---------------------------------------------------------------------------------

function cache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return typeof CacheService === 'undefined' ? null : CacheService.getDocumentCache();
  } catch {
    return null;
  }
}

function loadCached(fingerprint: string): SidebarModel | null {
  const store = cache();
  if (!store) return null;
  try {
    const head = store.get(`${CACHE_PREFIX}${fingerprint}`);
    if (head === null) return null;
    const count = Number(head);
    const keys = Array.from({ length: count }, (_, i) => `${CACHE_PREFIX}${fingerprint}:${i}`);
    const found = store.getAll(keys);
    if (keys.some((k) => typeof found[k] !== 'string')) return null;
    const model = JSON.parse(keys.map((k) => found[k]).join('')) as SidebarModel;
    return model.version === MODEL_VERSION && model.fingerprint === fingerprint ? model : null;
  } catch {
    return null;
  }
}

/** The fingerprint of the model stored last (whatever the workbook holds now). */
const LAST_KEY = `${CACHE_PREFIX}last`;

/** The model stored last, to bring up to date after a change by hand; null when none is left. */
function loadLast(): SidebarModel | null {
  const store = cache();
  if (!store) return null;
  try {
    const fingerprint = store.get(LAST_KEY);
    return fingerprint === null ? null : loadCached(fingerprint);
  } catch {
    return null;
  }
}

function storeCached(model: SidebarModel): void {
  const store = cache();
  if (!store) return;
  try {
    const text = JSON.stringify(model);
    const values: Record<string, string> = {};
    let count = 0;
    for (let i = 0; i < text.length; ) {
      // Never between the two halves of a character outside the BMP (each chunk is stored as UTF-8 on its own).
      let end = Math.min(text.length, i + CHUNK_CHARS);
      if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
      values[`${CACHE_PREFIX}${model.fingerprint}:${count++}`] = text.slice(i, end);
      i = end;
    }
    const previous = store.get(LAST_KEY);
    store.putAll(values, CACHE_SECONDS);
    // The head last: a reader finds the head only when every chunk is there.
    store.put(`${CACHE_PREFIX}${model.fingerprint}`, String(count), CACHE_SECONDS);
    store.put(LAST_KEY, model.fingerprint, CACHE_SECONDS);
    // The model this one replaces is of no more use (the cache holds at most 1,000 entries): its head first.
    if (previous !== null && previous !== model.fingerprint) {
      const head = store.get(`${CACHE_PREFIX}${previous}`);
      store.remove(`${CACHE_PREFIX}${previous}`);
      if (head !== null) store.removeAll(Array.from({ length: Number(head) || 0 }, (_, i) => `${CACHE_PREFIX}${previous}:${i}`));
    }
  } catch {
    // Too big or the service refused: the next call checks again, nothing is lost.
  }
}

// ---- building --------------------------------------------------------------------------------

/** Problems in one order whatever found them (a full check or a partial one): by sheet, row, place and text. */
function inOrder(problems: Problem[]): Problem[] {
  const key = (p: Problem): string => `${p.location?.sheet ?? ''}\u0000${String((p.location?.row ?? -1) + 1).padStart(9, '0')}\u0000${p.where}\u0000${p.text.id}`;
  return problems
    .map((p) => ({ p, k: key(p) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((e) => e.p);
}

/** The row prints of the register, RAT log and mentors. */
function tablesOf(sheets: readonly SheetValues[], spreadsheet: Spreadsheet, asOf: IsoDate, reuse?: { model: SidebarModel; prints: Record<string, string>; written?: ReadonlyMap<string, ReadonlySet<number>> }): Record<string, TablePrint | null> {
  const context = spreadsheetContext(spreadsheet, asOf);
  const tables: Record<string, TablePrint | null> = {};
  for (const name of Object.keys(TABLES)) {
    const sheet = sheets.find((s) => s.name === name);
    const same = reuse && sheet && reuse.prints[name] === reuse.model.sheetPrints[name] && name in reuse.model.tables;
    const rows = reuse?.written?.get(name);
    const before = rows && reuse && name in reuse.model.tables ? { print: reuse.model.tables[name] ?? null, rows } : undefined;
    tables[name] = same ? (reuse.model.tables[name] ?? null) : sheet ? tablePrint(sheet, context, before) : null;
  }
  return tables;
}

function ratYearsOf(meetings: WorkbookRead['meetings'], into: Record<string, number> = {}): Record<string, number> {
  for (const m of meetings) {
    const key = idKey(m.coopId);
    if (key === null || m.bookYear === null) continue;
    const year = into[key];
    if (year === undefined || m.bookYear < year) into[key] = m.bookYear;
  }
  return into;
}

function firstYear(ratYears: Record<string, number>): number | null {
  let first: number | null = null;
  for (const year of Object.values(ratYears)) if (first === null || year < first) first = year;
  return first;
}

function modelFromRun(run: CheckRun, read: WorkbookRead, sheetPrints: Record<string, string>, tables: Record<string, TablePrint | null>, asOf: IsoDate, checkedAt: string): SidebarModel {
  const coops = run.results.map((result, i) => {
    const record = read.coops[i] as WorkbookRead['coops'][number];
    return digestOf(result, record, read.origins[record.id] ?? null);
  });
  const ratYears = ratYearsOf(read.meetings);
  const rulesChange = run.rulesChange ?? { notices: [], changedCount: 0, changes: [] };
  return {
    version: MODEL_VERSION,
    fingerprint: combine(sheetPrints, asOf),
    sheetPrints,
    tables,
    ratYears,
    checked: coops.length,
    incremental: rulesChange.notices.length === 0 && read.ruleSetOverrides.length === 0 && (read.ruleCases ?? []).length === 0,
    asOf,
    checkedAt,
    rulesVersion: run.rulesVersion,
    parameters: run.parameters,
    ratLogStartYear: firstYear(ratYears),
    coops,
    mentors: read.mentors,
    problems: inOrder(run.problems),
    rulesChange,
  };
}

export interface LoadedModel {
  model: SidebarModel;
  sheets: SheetValues[];
  /** True when the model came from the cache (nothing was checked). */
  cached: boolean;
}

/**
 * The model for the workbook as it is now: from the cache when nothing
 * changed, brought up to date from the last model when rows changed by hand,
 * else checked in full; stored.
 */
export function loadModel(spreadsheet: Spreadsheet, now: Date): LoadedModel {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const { asOf, checkedAt } = clock(now, timeZone);
  const sheets = readSheets(spreadsheet);
  const sheetPrints = printsOf(sheets, spreadsheet);
  const cachedModel = loadCached(combine(sheetPrints, asOf));
  if (cachedModel) return { model: cachedModel, sheets, cached: true };
  const last = loadLast();
  const model = (last && handEdited(spreadsheet, sheets, sheetPrints, last, asOf, checkedAt)) ?? fullModel(spreadsheet, sheets, sheetPrints, asOf, checkedAt);
  storeCached(model);
  return { model, sheets, cached: false };
}

/** Every co-op checked, as "Periksa semua" would. */
function fullModel(spreadsheet: Spreadsheet, sheets: readonly SheetValues[], sheetPrints: Record<string, string>, asOf: IsoDate, checkedAt: string): SidebarModel {
  const read = readWorkbook(sheets, spreadsheetContext(spreadsheet, asOf));
  const checked = runChecks(checkInputFrom(read, asOf));
  // As "Periksa semua" (checkWorkbook): the problems that depend on the check date, then the run's.
  const run = { ...checked, problems: [...problemsOnDate(read, asOf), ...checked.problems] };
  return modelFromRun(run, read, sheetPrints, tablesOf(sheets, spreadsheet, asOf), asOf, checkedAt);
}

/**
 * The last model brought up to date with `sheets`, checking only the co-ops
 * the change reaches (see the file's header); null when the change cannot
 * be followed row by row (then a full check).
 */
function handEdited(spreadsheet: Spreadsheet, sheets: readonly SheetValues[], sheetPrints: Record<string, string>, last: SidebarModel, asOf: IsoDate, checkedAt: string, written?: ReadonlyMap<string, ReadonlySet<number>>): SidebarModel | null {
  if (!last.incremental || last.asOf !== asOf || !last.tables) return null;
  const names = Object.keys(sheetPrints);
  if (names.length !== Object.keys(last.sheetPrints).length) return null;
  for (const name of names) {
    if (!(name in last.sheetPrints)) return null;
    if (!(name in TABLES) && name !== SHEETS.visits && sheetPrints[name] !== last.sheetPrints[name]) return null;
  }
  if (sheets.some((s) => isCoopSheet(s.values))) return null;
  const tables = tablesOf(sheets, spreadsheet, asOf, { model: last, prints: sheetPrints, written });
  for (const name of Object.keys(TABLES)) if (tables[name] === null && name in sheetPrints && sheetPrints[name] !== last.sheetPrints[name]) return null;
  const problemRows = new Map<string, Set<number>>();
  for (const p of last.problems) {
    if (!p.location || p.location.row === null) continue;
    const rows = problemRows.get(p.location.sheet) ?? new Set<number>();
    rows.add(p.location.row - 1);
    problemRows.set(p.location.sheet, rows);
  }
  const plan = planRecheck(last.tables, tables, problemRows);
  if (!plan) return null;

  // Read again: the rows planned in the register and RAT log, every other sheet whole.
  const base = (name: string): number => (tables[name]?.headerIndex ?? 0) + 1;
  // The mentors sheet unchanged: only the rows of the mentors of the co-ops read again (the rest is as it was).
  const mentorsSame = sheetPrints[SHEETS.mentors] === last.sheetPrints[SHEETS.mentors] && tables[SHEETS.mentors] !== null;
  const mentorRows = new Set<number>();
  if (mentorsSame) {
    const byMentor = rowsByKey(tables, SHEETS.mentors) ?? new Map<string, number[]>();
    const registerRows = tables[SHEETS.register]?.rows ?? [];
    for (const i of plan.rows.get(SHEETS.register) ?? []) {
      const mentor = lineParts(registerRows[i] as string).refers[1];
      for (const r of (mentor && byMentor.get(mentor)) || []) mentorRows.add(r);
    }
  }
  const subset = sheets.map((sheet) => {
    const keep = sheet.name === SHEETS.mentors && mentorsSame ? mentorRows : plan.rows.get(sheet.name);
    return keep ? keepRows(sheet, base(sheet.name), (i) => keep.has(i)) : sheet;
  });
  const context = spreadsheetContext(spreadsheet, asOf);
  const read = readWorkbook(subset, context);
  const ratYears: Record<string, number> = {};
  for (const [key, year] of Object.entries(last.ratYears)) if (!plan.coops.has(key)) ratYears[key] = year;
  ratYearsOf(read.meetings, ratYears);
  const ratLogStartYear = firstYear(ratYears);
  if (ratLogStartYear !== last.ratLogStartYear) return null;

  // The co-ops in the register's order: read again, or as they were (at their new row).
  const register = SHEETS.register;
  const registerBase = base(register);
  const fresh = new Map<number, WorkbookRead['coops'][number]>();
  for (const record of read.coops) {
    const origin = read.origins[record.id];
    if (origin && origin.sheet === register) fresh.set(origin.row, record);
  }
  const before = new Map<number, CoopDigest>();
  for (const d of last.coops) if (d.origin && d.origin.sheet === register) before.set(d.origin.row, d);
  const entries: Array<{ record: WorkbookRead['coops'][number] } | { digest: CoopDigest }> = [];
  const readAgain = plan.rows.get(register) ?? new Set<number>();
  (tables[register]?.rows ?? []).forEach((_line, i) => {
    const row = registerBase + i + 1;
    if (readAgain.has(i)) {
      const record = fresh.get(row);
      if (record) entries.push({ record });
      return;
    }
    const o = plan.registerMatched.get(i);
    const digest = o === undefined ? undefined : before.get(registerBase + o + 1);
    if (digest) entries.push({ digest: { ...digest, origin: { sheet: register, row } } });
  });
  const mentorIds = entries.map((e) => ('record' in e ? e.record.mentorId : e.digest.mentorId));
  const input: CheckInput = { ...checkInputFrom(read, asOf), cityMentorIds: mentorIds, ratLogStartYear };
  const ready = prepared(input);
  const run = runChecks(input, { prepared: ready });
  const digests = new Map(run.results.map((result, i) => [result, digestOf(result, read.coops[i] as WorkbookRead['coops'][number], read.origins[result.coopId] ?? null)] as const));
  const byRecord = new Map(read.coops.map((record, i) => [record, digests.get(run.results[i] as CoopResult) as CoopDigest]));
  const coops = entries.map((e) => ('record' in e ? (byRecord.get(e.record) as CoopDigest) : e.digest));

  // Problems: those of the rows read again (and of the whole mentors sheet) replace the old ones there;
  // a date column's mixed-dates warning depends on every row, so it is found again over the whole table.
  const header = (name: string): number => tables[name]?.headerIndex ?? -1;
  const readAgainAt = (name: string, row: number | null): boolean => row !== null && (plan.rows.get(name)?.has(row - 1 - base(name)) ?? false);
  const replacedRow = (name: string, row: number | null): boolean => row !== null && (plan.replaced.get(name)?.has(row - 1 - base(name)) ?? false);
  const coopKeys = plan.coops;
  const mentorsNow = mentorsSame ? last.mentors : read.mentors;
  const visitSheet = sheets.find((s) => s.name === SHEETS.visits);
  const visitsAgain = plan.keysChanged || sheetPrints[SHEETS.visits] !== last.sheetPrints[SHEETS.visits];
  const kept = last.problems.filter((p) => {
    const at = p.location;
    if (!at) return !(coopKeys.has(idKey(p.where) ?? '') && last.coops.some((d) => d.id === p.where));
    if (at.sheet === SHEETS.mentors) return mentorsSame;
    if (at.sheet === SHEETS.visits) return !(visitSheet && visitsAgain);
    if (at.sheet !== register && at.sheet !== SHEETS.meetings) return true;
    if (at.row !== null && at.row - 1 === header(at.sheet) && at.column !== null) return false;
    return !replacedRow(at.sheet, at.row);
  });
  const found = read.problems.filter((p) => {
    const at = p.location;
    if (!at) return false;
    if (at.sheet === SHEETS.mentors) return !mentorsSame;
    return (at.sheet === register || at.sheet === SHEETS.meetings) && readAgainAt(at.sheet, at.row) && !(at.row !== null && at.row - 1 === header(at.sheet));
  });
  for (const name of [register, SHEETS.meetings]) {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet || !tables[name]) continue;
    const table = headerTable(withMerges(sheet), TABLES[name]!.columns, []);
    if (table) found.push(...mixedDateProblems(table, TABLES[name]!.columns));
  }
  const runProblems = run.problems.slice(ready.problems.length);
  // The visit log's warnings name co-ops and mentors not listed, and visits after the check date:
  // read again whole when it changed or the IDs it is checked against did (it decides no status).
  if (visitSheet && visitsAgain) {
    const known = { coops: new Set(coops.map((d) => idKey(d.id))), mentors: new Set(mentorsNow.map((m) => idKey(m.id))), mentorsRead: sheets.some((s) => s.name === SHEETS.mentors) };
    const visits = readVisitLog(withMerges(visitSheet), withDateWindow(context, read.parameterOverrides), known, found);
    found.push(...futureVisitProblems(visits, asOf));
  }
  return {
    ...last,
    fingerprint: combine(sheetPrints, asOf),
    sheetPrints,
    tables,
    ratYears,
    checkedAt,
    coops,
    mentors: mentorsNow,
    problems: inOrder([...kept, ...found, ...runProblems]),
    checked: run.results.length,
  };
}

// ---- checking a few co-ops again -------------------------------------------------------------

const NO_CELLS: unknown[] = [];

/**
 * A table with only some of its data rows (the others blank), merges applied
 * first (a merge's value reaches the rows it covers even when its first row
 * is blanked), number formats kept: the readers see the rows kept exactly as
 * in the whole sheet, at the same row numbers.
 */
function keepRows(sheet: SheetValues, base: number, keep: (dataRow: number) => boolean): SheetValues {
  const merged = withMerges(sheet);
  const values = merged.values.map((row, r) => (r < base || keep(r - base) ? row : NO_CELLS));
  return { name: sheet.name, values, formats: merged.formats };
}

/** Per table (register, RAT log, mentors), the data rows of each ID key, from the model's row prints (made once per model). */
const rowsOfKeys = new WeakMap<TablePrint, Map<string, number[]>>();
function rowsByKey(tables: Record<string, TablePrint | null>, name: string): Map<string, number[]> | null {
  const table = tables[name];
  if (!table) return null;
  let byKey = rowsOfKeys.get(table);
  if (byKey) return byKey;
  byKey = new Map<string, number[]>();
  table.rows.forEach((line, i) => {
    const start = line.indexOf('\t') + 1;
    const end = line.indexOf('\t', start);
    const key = line.slice(start, end < 0 ? line.length : end);
    if (key === '') return;
    const list = (byKey as Map<string, number[]>).get(key);
    if (list) list.push(i);
    else (byKey as Map<string, number[]>).set(key, [i]);
  });
  rowsOfKeys.set(table, byKey);
  return byKey;
}

/**
 * The sheets with every register and RAT row blanked except those of `ids`,
 * and every mentor row except those of `mentors` (all when null); headers and
 * other sheets kept.
 */
function onlyCoops(sheets: readonly SheetValues[], ids: ReadonlySet<string>, model: SidebarModel, mentors: ReadonlySet<string> | null = null): SheetValues[] {
  const tables = model.tables ?? {};
  const only = (sheet: SheetValues, wanted: ReadonlySet<string>): SheetValues | null => {
    const table = tables[sheet.name];
    const keys = rowsByKey(tables, sheet.name);
    if (!table || !keys) return null;
    const keep = new Set<number>();
    for (const id of wanted) for (const i of keys.get(id) ?? []) keep.add(i);
    return keepRows(sheet, table.headerIndex + 1, (i) => keep.has(i));
  };
  return sheets.map((sheet) => {
    if (sheet.name === SHEETS.mentors) return (mentors && only(sheet, mentors)) ?? sheet;
    const columns = sheet.name === SHEETS.register ? REGISTER_COLUMNS : sheet.name === SHEETS.meetings ? MEETING_COLUMNS : null;
    if (!columns) return sheet;
    const fast = only(sheet, ids);
    if (fast) return fast;
    const match = matchHeader(sheet.values, columns);
    if (!match) return sheet;
    const idColumn = match.columns.get(sheet.name === SHEETS.register ? 'id' : 'coopId') as number;
    return keepRows(sheet, match.headerIndex + 1, (i) => ids.has(idKey(String(sheet.values[match.headerIndex + 1 + i]?.[idColumn] ?? '')) ?? ''));
  });
}

export interface Rechecked {
  results: CoopResult[];
  read: WorkbookRead;
}

/**
 * The workbook read with only the co-ops `ids` left in the register and RAT
 * sheets, and in the mentors sheet only their mentors and `mentors`.
 */
function readOnly(spreadsheet: Spreadsheet, sheets: readonly SheetValues[], ids: ReadonlySet<string>, model: SidebarModel, mentors: readonly string[] = []): WorkbookRead {
  const wanted = new Set(mentors.map((m) => idKey(m)).filter((k): k is string => k !== null));
  for (const d of model.coops) {
    const mentor = idKey(d.mentorId);
    if (mentor !== null && ids.has(idKey(d.id) as string)) wanted.add(mentor);
  }
  const read = readWorkbook(onlyCoops(sheets, ids, model, wanted), spreadsheetContext(spreadsheet, model.asOf));
  return { ...read, coops: read.coops.filter((c) => ids.has(idKey(c.id) ?? '')) };
}

/**
 * Checks the co-ops `ids` again on `sheets`, with the city's mentor loads from
 * the model's co-ops and the model's first RAT book year. Only their own
 * rows are read (and their mentors', and those of `mentors`): the read's
 * mentors are those, not every mentor.
 */
export function recheck(spreadsheet: Spreadsheet, sheets: readonly SheetValues[], model: SidebarModel, ids: readonly string[], mentors: readonly string[] = []): Rechecked {
  const keys = new Set(ids.map((id) => idKey(id)).filter((k): k is string => k !== null));
  return recheckRead(readOnly(spreadsheet, sheets, keys, model, mentors), model);
}

/** Rules prepared once per execution for the same parameters and rule sets (compiling them costs more than checking a few co-ops). */
let preparedFor: { key: string; prepared: PreparedRun } | null = null;
function prepared(input: CheckInput): PreparedRun {
  const key = JSON.stringify([input.asOf, input.parameterOverrides ?? [], input.ruleSetOverrides ?? []]);
  if (preparedFor?.key !== key) preparedFor = { key, prepared: prepareRun(input) };
  return preparedFor.prepared;
}

function recheckRead(read: WorkbookRead, model: SidebarModel): Rechecked {
  const city = model.coops.map((d) => d.mentorId);
  const input: CheckInput = { ...checkInputFrom(read, model.asOf), cityMentorIds: city, ratLogStartYear: model.ratLogStartYear };
  const run = runChecks(input, { prepared: prepared(input) });
  return { results: run.results, read };
}

/** A range a save wrote, 1-based. */
export interface WrittenRange {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** What a save wrote, for the model (./form-saves.ts). */
export interface SaveEffect {
  /** The sheets the save wrote. */
  sheets: string[];
  /** The ranges it wrote: read back from the sheet (one small getValues and getNumberFormats each) instead of the whole sheet. */
  written?: WrittenRange[];
  /** Rows moved or sheets renamed: read and check everything again. */
  rebuild?: boolean;
}

/**
 * The model after a save: the rows written read back (whole rows, values and
 * number formats) into the values read before, then brought up to date as
 * after a change by hand (only the co-ops the written rows reach are checked
 * again). Stored in the cache under the new fingerprint.
 */
export function modelAfterSave(spreadsheet: Spreadsheet, now: Date, before: LoadedModel, effect: SaveEffect): LoadedModel {
  const { model } = before;
  if (effect.rebuild) return loadModel(spreadsheet, now);
  const written = new Set(effect.sheets);
  const sheets = before.sheets.map((sheet) => {
    if (!written.has(sheet.name)) return sheet;
    const live = spreadsheet.getSheetByName(sheet.name);
    if (!live) return sheet;
    const ranges = (effect.written ?? []).filter((r) => r.sheet === sheet.name);
    // Without the ranges written, the whole sheet is read again.
    if (effect.written === undefined) {
      const range = live.getDataRange();
      return { ...sheet, values: range.getValues() as unknown[][], formats: range.getNumberFormats() as unknown[][] };
    }
    // The rows written, whole, as Sheets now gives them back, put in place in a copy of what was read before.
    const values = sheet.values.slice();
    const formats = (sheet.formats ?? []).map((row) => row ?? []);
    const width = Math.max(values[0]?.length ?? 0, ...ranges.map((r) => r.column + r.columns - 1));
    for (const range of ranges) {
      const rows = live.getRange(range.row, 1, range.rows, width);
      const backValues = rows.getValues() as unknown[][];
      const backFormats = rows.getNumberFormats() as unknown[][];
      backValues.forEach((cells, i) => {
        const r = range.row - 1 + i;
        while (values.length < r) values.push([]);
        while (formats.length < r) formats.push([]);
        values[r] = cells;
        formats[r] = backFormats[i] ?? [];
      });
    }
    return { ...sheet, values: padded(values, ''), formats: padded(formats, '') };
  });
  const sheetPrints = { ...model.sheetPrints };
  for (const sheet of sheets) if (written.has(sheet.name)) sheetPrints[sheet.name] = sheetFingerprint(sheet);
  const { asOf, checkedAt } = clock(now, spreadsheet.getSpreadsheetTimeZone());
  // The rows written, 0-based per sheet: only their row prints are made again (all when the whole sheet was read).
  const rows = new Map<string, Set<number>>();
  for (const range of effect.written ?? []) {
    const set = rows.get(range.sheet) ?? new Set<number>();
    for (let r = range.row - 1; r < range.row - 1 + range.rows; r += 1) set.add(r);
    rows.set(range.sheet, set);
  }
  const next = handEdited(spreadsheet, sheets, sheetPrints, model, asOf, checkedAt, effect.written ? rows : undefined) ?? fullModel(spreadsheet, sheets, sheetPrints, asOf, checkedAt);
  storeCached(next);
  return { model: next, sheets, cached: false };
}

/** Rows of one width, as getValues gives them (a row appended may be wider or a gap left by blank rows). */
function padded(values: unknown[][], blank: unknown): unknown[][] {
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  return values.map((row) => (row.length === width ? row : [...row, ...Array<unknown>(width - row.length).fill(blank)]));
}

// ---- what the dashboard counts ---------------------------------------------------------------

/** The city summary from the digests: counts per status, RAT indicator, coverage, mentor loads. */
export function summaryOf(model: SidebarModel): CitySummary {
  const accumulator = new SummaryAccumulator();
  for (const digest of model.coops) {
    const statuses = {} as Record<CheckId, StatusCode>;
    for (const [check, [status]] of Object.entries(digest.checks)) statuses[check as CheckId] = status as StatusCode;
    accumulator.addStatuses(statuses);
  }
  const index = buildCityIndex({ asOf: model.asOf, coops: [], meetings: [], mentors: model.mentors, cityMentorIds: model.coops.map((d) => d.mentorId) });
  const { values } = resolveParameters([]);
  return accumulator.finish(model.asOf, index, { ...values, ...model.parameters });
}

/** Digests most urgent first. */
export function byUrgency(model: SidebarModel): CoopDigest[] {
  return sortByUrgency(model.coops, model.asOf);
}

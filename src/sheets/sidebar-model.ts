/**
 * The sidebar's picture of the workbook, kept between calls so it opens fast
 * at any scale: one small digest per co-op (statuses, due date, where it
 * lives), the mentors, the parameters and the input problems, stored in the
 * document cache (CacheService) under a fingerprint of every input sheet's
 * values and the check date.
 *
 * - Opening: read every sheet once (one getValues each), fingerprint them; if
 *   the cache holds a model for that fingerprint, nothing is checked. Else the
 *   whole workbook is checked once and the model stored.
 * - After a form save: only the co-ops the save can change are checked again
 *   (the saved co-op; for a mentor, the co-ops of that mentor before and
 *   after), on the same sheets with every other register and RAT row blanked,
 *   so row numbers and the readers stay the same. Mentor loads come from every
 *   co-op's mentor; the first book year of the RAT log is kept from the full
 *   read (a RAT row before it makes the next open check everything again).
 * - Reasons are never stored: a view re-checks the few co-ops it shows.
 *
 * The cache is best effort: a missing or evicted entry only means one full
 * check. Values stay within CacheService's documented limits (100 KB per key,
 * 6 hours).
 */
import { digestOf, sortByUrgency, type CoopDigest } from '../core/attention';
import { buildCityIndex, idKey } from '../core/city-index';
import { prepareRun, runChecks, type PreparedRun } from '../core/check-run';
import { SummaryAccumulator } from '../core/city-summary';
import { resolveParameters } from '../core/parameters';
import { BUNDLED_RULE_SETS, MESSAGES } from '../core/rule-data';
import { MEETING_COLUMNS, REGISTER_COLUMNS, SHEETS } from '../core/workbook/columns';
import { matchHeader } from '../core/workbook/header-matching';
import { checkInputFrom, problemsOnDate, readWorkbook, type SheetValues, type WorkbookRead } from '../core/workbook/workbook-reader';
import type { CheckId, CheckInput, CheckRun, CitySummary, CoopResult, IsoDate, Mentor, Problem, RulesChange, StatusCode } from '../shared/types';
import { clock, readSheets, spreadsheetContext } from './spreadsheet-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Bump when the model's shape or the way it is computed changes: old cache entries are then ignored. */
const MODEL_VERSION = 'm2';
const CACHE_PREFIX = 'pantau-sidebar:';
const CHUNK_CHARS = 45_000; // UTF-8 may take 2 bytes a character: 90 KB < CacheService's 100 KB per value
const CACHE_SECONDS = 21_600; // the longest CacheService keeps an entry

export interface SidebarModel {
  version: string;
  fingerprint: string;
  /** Fingerprint per input sheet, so a save re-fingerprints only the sheets it wrote. */
  sheetPrints: Record<string, string>;
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

/** A sheet's values as text: JSON keeps each cell's kind (1, "1" and true differ; a Date is its instant). */
function valuesFingerprint(values: readonly unknown[][]): string {
  return digest(JSON.stringify(values));
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

function printsOf(sheets: readonly SheetValues[]): Record<string, string> {
  const prints: Record<string, string> = {};
  for (const sheet of sheets) prints[sheet.name] = valuesFingerprint(sheet.values);
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

function storeCached(model: SidebarModel): void {
  const store = cache();
  if (!store) return;
  try {
    const text = JSON.stringify(model);
    const values: Record<string, string> = {};
    let count = 0;
    for (let i = 0; i < text.length; i += CHUNK_CHARS) values[`${CACHE_PREFIX}${model.fingerprint}:${count++}`] = text.slice(i, i + CHUNK_CHARS);
    store.putAll(values, CACHE_SECONDS);
    // The head last: a reader finds the head only when every chunk is there.
    store.put(`${CACHE_PREFIX}${model.fingerprint}`, String(count), CACHE_SECONDS);
  } catch {
    // Too big or the service refused: the next call checks again, nothing is lost.
  }
}

// ---- building --------------------------------------------------------------------------------

function modelFromRun(run: CheckRun, read: WorkbookRead, sheetPrints: Record<string, string>, asOf: IsoDate, checkedAt: string): SidebarModel {
  const coops = run.results.map((result, i) => {
    const record = read.coops[i] as WorkbookRead['coops'][number];
    return digestOf(result, record, read.origins[record.id] ?? null);
  });
  let ratLogStartYear: number | null = null;
  for (const m of read.meetings) if (m.bookYear !== null && (ratLogStartYear === null || m.bookYear < ratLogStartYear)) ratLogStartYear = m.bookYear;
  return {
    version: MODEL_VERSION,
    fingerprint: combine(sheetPrints, asOf),
    sheetPrints,
    asOf,
    checkedAt,
    rulesVersion: run.rulesVersion,
    parameters: run.parameters,
    ratLogStartYear,
    coops,
    mentors: read.mentors,
    problems: run.problems,
    rulesChange: run.rulesChange ?? { notices: [], changedCount: 0, changes: [] },
  };
}

export interface LoadedModel {
  model: SidebarModel;
  sheets: SheetValues[];
  /** True when the model came from the cache (nothing was checked). */
  cached: boolean;
}

/** The model for the workbook as it is now: from the cache when nothing changed, else checked in full and stored. */
export function loadModel(spreadsheet: Spreadsheet, now: Date): LoadedModel {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const { asOf, checkedAt } = clock(now, timeZone);
  const sheets = readSheets(spreadsheet);
  const sheetPrints = printsOf(sheets);
  const cachedModel = loadCached(combine(sheetPrints, asOf));
  if (cachedModel) return { model: cachedModel, sheets, cached: true };
  const read = readWorkbook(sheets, spreadsheetContext(spreadsheet, asOf));
  const checked = runChecks(checkInputFrom(read, asOf));
  // As "Periksa semua" (checkWorkbook): the problems that depend on the check date, then the run's.
  const run = { ...checked, problems: [...problemsOnDate(read, asOf), ...checked.problems] };
  const model = modelFromRun(run, read, sheetPrints, asOf, checkedAt);
  storeCached(model);
  return { model, sheets, cached: false };
}

// ---- checking a few co-ops again -------------------------------------------------------------

/** The sheets with every register and RAT row blanked except those of `ids` (headers, other sheets kept). */
function onlyCoops(sheets: readonly SheetValues[], ids: ReadonlySet<string>): SheetValues[] {
  return sheets.map((sheet) => {
    const columns = sheet.name === SHEETS.register ? REGISTER_COLUMNS : sheet.name === SHEETS.meetings ? MEETING_COLUMNS : null;
    if (!columns) return sheet;
    const match = matchHeader(sheet.values, columns);
    if (!match) return sheet;
    const idColumn = match.columns.get(sheet.name === SHEETS.register ? 'id' : 'coopId') as number;
    const values = sheet.values.map((row, r) => (r <= match.headerIndex || ids.has(idKey(String(row[idColumn] ?? '')) ?? '') ? row : []));
    return { name: sheet.name, values };
  });
}

export interface Rechecked {
  results: CoopResult[];
  read: WorkbookRead;
}

/** The workbook read with only the co-ops `ids` left in the register and RAT sheets. */
function readOnly(spreadsheet: Spreadsheet, sheets: readonly SheetValues[], ids: ReadonlySet<string>, asOf: string): WorkbookRead {
  const read = readWorkbook(onlyCoops(sheets, ids), spreadsheetContext(spreadsheet, asOf));
  return { ...read, coops: read.coops.filter((c) => ids.has(idKey(c.id) ?? '')) };
}

/**
 * Checks the co-ops `ids` again on `sheets`, with the city's mentor loads from
 * `mentorIds` (every co-op's mentor; default the model's) and the model's
 * first RAT book year.
 */
export function recheck(spreadsheet: Spreadsheet, sheets: readonly SheetValues[], model: SidebarModel, ids: readonly string[], mentorIds?: Array<string | null>): Rechecked {
  const keys = new Set(ids.map((id) => idKey(id)).filter((k): k is string => k !== null));
  return recheckRead(readOnly(spreadsheet, sheets, keys, model.asOf), model, mentorIds);
}

/** Rules prepared once per execution for the same parameters and rule sets (compiling them costs more than checking a few co-ops). */
let preparedFor: { key: string; prepared: PreparedRun } | null = null;
function prepared(input: CheckInput): PreparedRun {
  const key = JSON.stringify([input.asOf, input.parameterOverrides ?? [], input.ruleSetOverrides ?? []]);
  if (preparedFor?.key !== key) preparedFor = { key, prepared: prepareRun(input) };
  return preparedFor.prepared;
}

function recheckRead(read: WorkbookRead, model: SidebarModel, mentorIds?: Array<string | null>): Rechecked {
  const city = mentorIds ?? model.coops.map((d) => d.mentorId);
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

/** Where a save may change statuses: the co-ops to check again. */
export interface SaveEffect {
  /** Co-op IDs whose own data changed (a new ID is added to the model). */
  coops: string[];
  /** A co-op renamed: its old ID leaves the model. */
  renamed?: { from: string; to: string };
  /** Mentor IDs whose load or record changed: all their co-ops are checked again. */
  mentors: string[];
  /** The sheets the save wrote. */
  sheets: string[];
  /** The ranges it wrote: read back from the sheet (one small getValues each) instead of the whole sheet. */
  written?: WrittenRange[];
  /** A RAT book year: earlier than the log's first year, everything is checked again. */
  bookYear?: number | null;
  /** Rows moved or sheets renamed: check everything again. */
  rebuild?: boolean;
}

/**
 * The model after a save: the written sheets read again (one getValues
 * each), the affected co-ops checked again, the rest kept. Stored in the
 * cache under the new fingerprint.
 */
export function modelAfterSave(spreadsheet: Spreadsheet, now: Date, before: LoadedModel, effect: SaveEffect): LoadedModel {
  const { model } = before;
  if (effect.rebuild || (typeof effect.bookYear === 'number' && (model.ratLogStartYear === null || effect.bookYear < model.ratLogStartYear))) return loadModel(spreadsheet, now);
  const written = new Set(effect.sheets);
  const sheets = before.sheets.map((sheet) => {
    if (!written.has(sheet.name)) return sheet;
    const live = spreadsheet.getSheetByName(sheet.name);
    if (!live) return sheet;
    const ranges = (effect.written ?? []).filter((r) => r.sheet === sheet.name);
    // Without the ranges written, the whole sheet is read again.
    if (effect.written === undefined) return { name: sheet.name, values: live.getDataRange().getValues() as unknown[][] };
    // The cells written, as Sheets now gives them back, put in place in a copy of the values read before.
    const values = sheet.values.slice();
    for (const range of ranges) {
      const back = live.getRange(range.row, range.column, range.rows, range.columns).getValues() as unknown[][];
      back.forEach((cells, i) => {
        const r = range.row - 1 + i;
        const row = (values[r] ?? []).slice();
        while (row.length < range.column - 1) row.push('');
        cells.forEach((cell, c) => {
          row[range.column - 1 + c] = cell;
        });
        while (values.length < r) values.push([]);
        values[r] = row;
      });
    }
    return { name: sheet.name, values: padded(values) };
  });
  const sheetPrints = { ...model.sheetPrints };
  for (const sheet of sheets) if (written.has(sheet.name)) sheetPrints[sheet.name] = valuesFingerprint(sheet.values);

  const mentorKeys = new Set(effect.mentors.map((m) => idKey(m)).filter((k): k is string => k !== null));
  const ids = new Set(effect.coops.map((c) => idKey(c)).filter((k): k is string => k !== null));
  for (const digest of model.coops) if (mentorKeys.has(idKey(digest.mentorId) ?? '')) ids.add(idKey(digest.id) as string);
  // First the records (their mentors may have changed), then the check with the city's loads as they are now.
  const read = readOnly(spreadsheet, sheets, ids, model.asOf);
  const byKey = new Map(read.coops.map((c) => [idKey(c.id) as string, c]));
  const renamedFrom = effect.renamed ? idKey(effect.renamed.from) : null;
  const digests = model.coops.filter((d) => idKey(d.id) !== renamedFrom);
  const mentorIds = digests.map((d) => (byKey.has(idKey(d.id) as string) ? (byKey.get(idKey(d.id) as string)?.mentorId ?? null) : d.mentorId));
  for (const [key, record] of byKey) if (!digests.some((d) => idKey(d.id) === key)) mentorIds.push(record.mentorId);
  const again = recheckRead(read, model, mentorIds);

  const fresh = new Map(again.results.map((result, i) => [idKey(result.coopId) as string, digestOf(result, again.read.coops[i] as WorkbookRead['coops'][number], again.read.origins[result.coopId] ?? null)]));
  // A renamed co-op keeps its place in the register's order.
  const renamedTo = effect.renamed ? idKey(effect.renamed.to) : null;
  const coops = model.coops.map((d) => (renamedFrom !== null && idKey(d.id) === renamedFrom && renamedTo !== null && fresh.has(renamedTo) ? (fresh.get(renamedTo) as CoopDigest) : fresh.get(idKey(d.id) as string) ?? d)).filter((d) => idKey(d.id) !== renamedFrom);
  for (const [key, digest] of fresh) if (!coops.some((d) => idKey(d.id) === key)) coops.push(digest);

  // Input problems: those of the rows checked again are replaced by what the new read found there.
  const rowKey = (p: Problem): string => `${p.location?.sheet ?? ''}#${p.location?.row ?? ''}`;
  const touched = new Set<string>();
  for (const sheet of onlyCoops(sheets, ids)) {
    if (sheet.name !== SHEETS.register && sheet.name !== SHEETS.meetings) continue;
    sheet.values.forEach((row, r) => {
      if (row.length > 0) touched.add(`${sheet.name}#${r + 1}`);
    });
  }
  const kept = model.problems.filter((p) => !(p.location && touched.has(rowKey(p))) && !(p.location?.sheet === SHEETS.mentors && written.has(SHEETS.mentors)));
  const found = again.read.problems.filter((p) => p.location && (touched.has(rowKey(p)) || (p.location.sheet === SHEETS.mentors && written.has(SHEETS.mentors))));
  const { asOf, checkedAt } = clock(now, spreadsheet.getSpreadsheetTimeZone());
  const next: SidebarModel = {
    ...model,
    fingerprint: combine(sheetPrints, asOf),
    sheetPrints,
    checkedAt,
    coops,
    mentors: again.read.mentors,
    problems: [...kept, ...found],
  };
  storeCached(next);
  return { model: next, sheets, cached: false };
}

/** Rows of one width, as getValues gives them (a row appended may be wider or a gap left by blank rows). */
function padded(values: unknown[][]): unknown[][] {
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  return values.map((row) => (row.length === width ? row : [...row, ...Array<unknown>(width - row.length).fill('')]));
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

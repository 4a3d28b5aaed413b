/**
 * Row prints of the tables the sidebar's model is built from — the register
 * `Koperasi`, the RAT log and the mentors `Pendamping` — so that a workbook
 * edited by hand is checked again in proportion to what changed
 * (./sidebar-model.ts), not as a whole.
 *
 * Each data row is kept as one short line: a 53-bit hash of the row as the
 * readers see it (values and number formats, merges applied) and the IDs the
 * row refers to (co-op, mentor), read as the core reader reads them. Two
 * versions of a table are compared by hash, as multisets: a row found in both
 * (even at another place) is unchanged; the rest were changed, added or
 * removed. The hash only tells rows apart for this comparison (a miss would
 * need two different rows of one table with the same 53-bit hash); the cache
 * key itself stays the SHA-256 of every sheet (./sidebar-model.ts).
 */
import { idKey } from '../core/city-index';
import { idSkeleton } from '../core/id-key';
import { readCell, type CellContext } from '../core/workbook/cell-values';
import { MEETING_COLUMNS, MENTOR_COLUMNS, REGISTER_COLUMNS, SHEETS, type ColumnSpec } from '../core/workbook/columns';
import { matchHeader } from '../core/workbook/header-matching';
import { withMerges, type SheetValues } from '../core/workbook/workbook-reader';

/** One table's rows as the model keeps them. */
export interface TablePrint {
  /** 0-based index of the header row. */
  headerIndex: number;
  /** Hash of everything above the data rows (rows up to the header, merges): a change there means a full check. */
  head: string;
  /** Per data row (row headerIndex + 1 + i): `hash`, then tab-separated the ID keys it refers to (see REFERS). */
  rows: string[];
}

/** The tables whose rows are compared, and the fields (ID-like, text) each row refers to. */
export const TABLES: Readonly<Record<string, { columns: ReadonlyArray<ColumnSpec>; refers: readonly string[] }>> = {
  [SHEETS.register]: { columns: REGISTER_COLUMNS, refers: ['id', 'mentorId'] },
  [SHEETS.meetings]: { columns: MEETING_COLUMNS, refers: ['coopId'] },
  [SHEETS.mentors]: { columns: MENTOR_COLUMNS, refers: ['id'] },
};

/** A row's text as the readers see it: JSON keeps each cell's kind (1, "1" and true differ; a Date is its instant), with its number formats. */
function rowText(row: readonly unknown[] | undefined, formats: readonly unknown[] | undefined): string {
  return JSON.stringify([row ?? [], formats ?? null]);
}

// Bound once: a global looked up in the loop would cost a lookup per character (slow in Apps Script's sandbox, as in node:vm).
const imul = Math.imul;

/** cyrb53 (a public-domain 53-bit string hash by bryc): fast in script, and well spread. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = imul(h1 ^ ch, 2654435761);
    h2 = imul(h2 ^ ch, 1597334677);
  }
  h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Lines already made, per row array (a save copies the rows it did not write, so
 * only the rows written are hashed again); checked against the formats row and
 * the columns they were made with.
 */
const lines = new WeakMap<readonly unknown[], { formats: readonly unknown[] | undefined; columns: string; line: string }>();

/** One data row's line: its hash, then the ID keys of the `refers` columns. */
function lineOf(cells: readonly unknown[] | undefined, formats: readonly unknown[] | undefined, hasFormats: boolean, refers: ReadonlyArray<number | undefined>, columns: string, context: CellContext): string {
  const known = cells ? lines.get(cells) : undefined;
  if (known && known.formats === formats && known.columns === columns) return known.line;
  let line = hash53(rowText(cells, formats));
  for (const column of refers) {
    if (column === undefined) {
      line += '\t';
      continue;
    }
    // As the reader reads the cell (a text column), then matched as IDs are.
    const read = readCell('text', cells?.[column], context, { numberFormat: hasFormats ? (formats?.[column] ?? '') : undefined });
    line += `\t${('value' in read && typeof read.value === 'string' ? idKey(read.value) : null) ?? ''}`;
  }
  if (cells) lines.set(cells, { formats, columns, line });
  return line;
}

/**
 * The table's row prints, or null when the sheet has no header the reader
 * would accept. With `before` (the prints of the same sheet before a save)
 * and the 0-based rows the save wrote, only those rows are made again.
 */
export function tablePrint(sheet: SheetValues, context: CellContext, before?: { print: TablePrint | null; rows: ReadonlySet<number> }): TablePrint | null {
  const spec = TABLES[sheet.name];
  if (!spec) return null;
  const match = matchHeader(sheet.values, spec.columns);
  if (!match || match.missing.length > 0) return null;
  const merged = withMerges(sheet);
  const refers = spec.refers.map((field) => match.columns.get(field as never) as number | undefined);
  const columns = `${sheet.name}|${refers.join(',')}`;
  const hasFormats = merged.formats !== undefined;
  const base = match.headerIndex + 1;
  const old = before?.print;
  const written = before?.rows;
  if (old && written && old.headerIndex === match.headerIndex && (sheet.merges ?? []).length === 0 && Array.from(written).every((r) => r >= base)) {
    const rows = old.rows.slice(0, Math.max(0, merged.values.length - base));
    for (let r = base + rows.length; r < merged.values.length; r += 1) rows.push(lineOf(merged.values[r], merged.formats?.[r], hasFormats, refers, columns, context));
    for (const r of written) if (r < merged.values.length) rows[r - base] = lineOf(merged.values[r], merged.formats?.[r], hasFormats, refers, columns, context);
    return { headerIndex: old.headerIndex, head: old.head, rows };
  }
  const rows: string[] = [];
  for (let r = base; r < merged.values.length; r += 1) rows.push(lineOf(merged.values[r], merged.formats?.[r], hasFormats, refers, columns, context));
  const head = merged.values.slice(0, base).map((row, r) => rowText(row, merged.formats?.[r]));
  return { headerIndex: match.headerIndex, head: hash53(`${JSON.stringify(sheet.merges ?? [])}\n${head.join('\n')}`), rows };
}

/** A row line's parts: its hash and the ID keys it refers to (null for blank). */
export function lineParts(line: string): { hash: string; refers: Array<string | null> } {
  const [hash, ...refers] = line.split('\t');
  return { hash: hash as string, refers: refers.map((k) => (k === '' ? null : k)) };
}

/** How the rows of a table changed between two versions with the same header. */
export interface TableDiff {
  /** New row index (in `rows`) → old row index, for rows found unchanged (possibly moved). */
  matched: Map<number, number>;
  /** New row indexes whose content is new (changed or added). */
  changed: number[];
  /** Old row indexes not found any more (changed or removed). */
  removed: number[];
}

/** Rows matched by hash as multisets, the same place first. */
export function diffRows(before: readonly string[], after: readonly string[]): TableDiff {
  const matched = new Map<number, number>();
  const used = new Set<number>();
  const changed: number[] = [];
  const byHash = new Map<string, number[]>();
  const hashOf = (line: string): string => line.slice(0, line.indexOf('\t') < 0 ? line.length : line.indexOf('\t'));
  after.forEach((line, i) => {
    if (before[i] === line) {
      matched.set(i, i);
      used.add(i);
    }
  });
  before.forEach((line, i) => {
    if (used.has(i)) return;
    const hash = hashOf(line);
    const list = byHash.get(hash);
    if (list) list.push(i);
    else byHash.set(hash, [i]);
  });
  after.forEach((line, i) => {
    if (matched.has(i)) return;
    const list = byHash.get(hashOf(line));
    const old = list?.shift();
    if (old === undefined) changed.push(i);
    else {
      matched.set(i, old);
      used.add(old);
    }
  });
  const removed: number[] = [];
  for (let i = 0; i < before.length; i += 1) if (!used.has(i)) removed.push(i);
  return { matched, changed, removed };
}

/** Which rows to read and check again after a change by hand, and whose problems that replaces. */
export interface RecheckPlan {
  /** Per table (register, RAT log): data row indexes of the new version to read again. */
  rows: Map<string, Set<number>>;
  /** Per table (register, RAT log): data row indexes of the old version whose problems are replaced. */
  replaced: Map<string, Set<number>>;
  /** Register: new data row index → old data row index, for rows not read again. */
  registerMatched: Map<number, number>;
  /** The co-op keys checked again. */
  coops: Set<string>;
  /** The set of co-op or mentor IDs changed (the visit log's warnings depend on it). */
  keysChanged: boolean;
}

/**
 * The rows a change by hand makes to read again, from the row prints before
 * and after; null when the change is not one rows can follow (a table
 * appeared or went, its header or merges changed). What makes a co-op's
 * statuses or problems change, and so puts it on the list:
 * - its register row or one of its RAT rows changed, came or went;
 * - its mentor's row changed, or its mentor's load did (a co-op moved to or
 *   from the mentor, came or went);
 * - its ID looks like one that did (duplicate and look-alike warnings name
 *   each other);
 * - its row moved and had a problem (problems name their row).
 * Rows with a blank ID that changed are read again too (their warning).
 */
export function planRecheck(before: Readonly<Record<string, TablePrint | null>>, after: Readonly<Record<string, TablePrint | null>>, problemRows: ReadonlyMap<string, ReadonlySet<number>>): RecheckPlan | null {
  for (const name of Object.keys(TABLES)) {
    const b = before[name] ?? null;
    const a = after[name] ?? null;
    if ((b === null) !== (a === null)) return null;
    if (b && a && (b.headerIndex !== a.headerIndex || b.head !== a.head)) return null;
  }
  const register = SHEETS.register;
  const meetings = SHEETS.meetings;
  const coops = new Set<string>();
  const mentors = new Set<string>();
  const extra = new Map<string, Set<number>>([
    [register, new Set()],
    [meetings, new Set()],
  ]);
  const diffs = new Map<string, TableDiff>();
  for (const name of Object.keys(TABLES)) {
    const b = before[name];
    const a = after[name];
    if (b && a) diffs.set(name, diffRows(b.rows, a.rows));
  }
  const parsed = new Map<string, Array<Array<string | null>>>();
  const refersOf = (name: string, which: 'b' | 'a'): Array<Array<string | null>> => {
    const id = `${which}${name}`;
    let list = parsed.get(id);
    if (!list) parsed.set(id, (list = (which === 'b' ? before[name] : after[name])?.rows.map((line) => lineParts(line).refers) ?? []));
    return list;
  };
  const parts = (name: string, which: 'b' | 'a', i: number): Array<string | null> => refersOf(name, which)[i] ?? [];
  const regDiff = diffs.get(register);
  if (regDiff) {
    for (const i of regDiff.changed) {
      const [key] = parts(register, 'a', i);
      if (key) coops.add(key);
      else (extra.get(register) as Set<number>).add(i);
    }
    for (const i of regDiff.removed) {
      const [key] = parts(register, 'b', i);
      if (key) coops.add(key);
    }
  }
  const mentorDiff = diffs.get(SHEETS.mentors);
  if (mentorDiff) {
    for (const i of mentorDiff.changed) parts(SHEETS.mentors, 'a', i).forEach((k) => k && mentors.add(k));
    for (const i of mentorDiff.removed) parts(SHEETS.mentors, 'b', i).forEach((k) => k && mentors.add(k));
  }
  const newRegister = refersOf(register, 'a');
  const oldRegister = refersOf(register, 'b');
  // A mentor's load (the co-ops the register gives it: the first row of each ID) reaches all its co-ops.
  const loadsBefore = mentorLoads(oldRegister);
  const loadsAfter = mentorLoads(newRegister);
  for (const [mentor, load] of loadsAfter) if (loadsBefore.get(mentor) !== load) mentors.add(mentor);
  for (const [mentor, load] of loadsBefore) if (loadsAfter.get(mentor) !== load) mentors.add(mentor);
  for (const [key, mentor] of newRegister) if (key && mentor && mentors.has(mentor)) coops.add(key);
  const ratDiff = diffs.get(meetings);
  if (ratDiff) {
    for (const i of ratDiff.changed) {
      const [key] = parts(meetings, 'a', i);
      if (key) coops.add(key);
      else (extra.get(meetings) as Set<number>).add(i);
    }
    for (const i of ratDiff.removed) {
      const [key] = parts(meetings, 'b', i);
      if (key) coops.add(key);
    }
  }
  // Rows that moved and had a problem: the problem's text names the row.
  for (const name of [register, meetings]) {
    const diff = diffs.get(name);
    const base = (before[name]?.headerIndex ?? 0) + 1;
    const withProblems = problemRows.get(name);
    if (!diff || !withProblems) continue;
    for (const [i, o] of diff.matched) {
      if (i === o || !withProblems.has(base + o)) continue;
      const [key] = parts(name, 'a', i);
      if (key) coops.add(key);
      else (extra.get(name) as Set<number>).add(i);
    }
  }
  // Look-alike IDs warn about each other: all of a skeleton's IDs go together. An ID of ASCII letters is its
  // own skeleton (look-alikes are Cyrillic or Greek), so only the others need their skeleton made.
  const present = new Set<string>();
  const bySkeleton = new Map<string, Set<string>>();
  for (const [key] of [...newRegister, ...oldRegister]) {
    if (!key || present.has(key)) continue;
    present.add(key);
    if (ASCII.test(key)) continue;
    const skeleton = idSkeleton(key);
    const keys = bySkeleton.get(skeleton);
    if (keys) keys.add(key);
    else bySkeleton.set(skeleton, new Set([key]));
  }
  for (const key of Array.from(coops)) {
    const skeleton = ASCII.test(key) ? key : idSkeleton(key);
    for (const mate of bySkeleton.get(skeleton) ?? []) coops.add(mate);
    if (present.has(skeleton)) coops.add(skeleton);
  }

  const rows = new Map<string, Set<number>>();
  const replaced = new Map<string, Set<number>>();
  for (const name of [register, meetings]) {
    const a = after[name];
    const diff = diffs.get(name);
    const read = new Set<number>(extra.get(name));
    const gone = new Set<number>(diff?.removed ?? []);
    refersOf(name, 'a').forEach(([key], i) => {
      if (key && coops.has(key)) read.add(i);
    });
    for (const i of read) {
      const o = diff?.matched.get(i);
      if (o !== undefined) gone.add(o);
    }
    rows.set(name, read);
    replaced.set(name, gone);
  }
  const registerMatched = new Map<number, number>();
  for (const [i, o] of regDiff?.matched ?? []) if (!(rows.get(register) as Set<number>).has(i)) registerMatched.set(i, o);
  const keysChanged = !sameKeys(newRegister, oldRegister) || !sameKeys(refersOf(SHEETS.mentors, 'a'), refersOf(SHEETS.mentors, 'b'));
  return { rows, replaced, registerMatched, coops, keysChanged };
}

const ASCII = /^[\x00-\x7f]*$/;

/** Whether two tables name the same set of IDs (first column referred to). */
function sameKeys(a: ReadonlyArray<ReadonlyArray<string | null>>, b: ReadonlyArray<ReadonlyArray<string | null>>): boolean {
  const keys = (rows: ReadonlyArray<ReadonlyArray<string | null>>): Set<string> => new Set(rows.map(([k]) => k).filter((k): k is string => !!k));
  const x = keys(a);
  const y = keys(b);
  if (x.size !== y.size) return false;
  for (const k of x) if (!y.has(k)) return false;
  return true;
}

/** Co-ops per mentor key, counting the first row of each co-op ID as the reader keeps it. */
function mentorLoads(rows: ReadonlyArray<ReadonlyArray<string | null>>): Map<string, number> {
  const seen = new Set<string>();
  const loads = new Map<string, number>();
  for (const [key, mentor] of rows) {
    if (!key || seen.has(key)) continue;
    seen.add(key);
    if (mentor) loads.set(mentor, (loads.get(mentor) ?? 0) + 1);
  }
  return loads;
}

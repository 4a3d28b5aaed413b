/**
 * The history sheet `Riwayat`: one compact row per co-op per completed
 * "Periksa semua" — check date, check time, co-op ID, one status per check,
 * the savings-and-loans score, the colour level of each status and the rules
 * version. Rows are only ever appended; a block is the rows of one check-all
 * (same date and time).
 *
 * Why this shape: a row holds what trends, "what changed" and "statuses on a
 * past date" need, and nothing else (reasons stay in `Hasil Pemeriksaan`), so
 * 109 co-ops checked weekly for ten years fill 56,680 rows × 10 columns =
 * 566,800 cells — under 6 % of Sheets' 10 million cells (see `historyCellBudget`).
 *
 * Generic over CHECK_IDS: one status column per check, labelled with the
 * check's name. A check added later gets its column appended at the right
 * (`headerFor` keeps the existing order); older rows are blank there and read
 * as "not recorded". Pure: the add-on passes sheet values, the command line a
 * CSV file's.
 *
 * People edit the sheet by hand, and none of it may change what the history
 * says: columns are found by their labels wherever they are moved (the colour
 * letters follow the order of CHECK_IDS, not of the columns, so a new check
 * goes last in rules/checks.json), rows may be sorted or shuffled (a block is
 * every row of one check date and time, wherever it stands), statuses and
 * letters may be typed in any case, and a check date typed by hand is read
 * as the sheets read dates (05/07/2026, 5 Juli 2026, a date cell; a column
 * written month-first, as Excel saves a CSV in a US locale, is read so).
 */
import type { CheckId, CoopResult, IsoDate, Problem, Severity, StatusCode } from '../../shared/types';
import { fillBoth, message } from '../messages';
import { CHECK_IDS, STATUSES_BY_CHECK } from '../rule-data';
import { readCell, type CellContext } from '../workbook/cell-values';
import { normaliseLabel } from '../workbook/header-matching';
import { where } from '../workbook/table-reader';

/** One co-op at one check-all, as a row of `Riwayat` holds it. */
export interface HistoryEntry {
  /** The check date (YYYY-MM-DD). */
  checkedOn: IsoDate;
  /** The check time as shown in Hasil Pemeriksaan (`dd/MM/yyyy HH:mm`), which tells two checks of one day apart. */
  checkedAt: string;
  coopId: string;
  /** Status per check; a check not recorded in that row (added later, or unreadable) is absent. */
  statuses: Partial<Record<CheckId, StatusCode>>;
  /** Colour level per check (green/amber/red), same keys as `statuses`; written as one letter per check in the order of CHECK_IDS. */
  levels: Partial<Record<CheckId, Severity>>;
  /** Savings-and-loans items met / total, e.g. `9/14`. */
  score: string;
  rulesVersion: string;
}

/** The rows of one check-all. */
export interface HistoryBlock {
  checkedOn: IsoDate;
  checkedAt: string;
  rulesVersion: string;
  entries: HistoryEntry[];
}

type Column = { kind: 'date' | 'time' | 'id' | 'score' | 'levels' | 'version' } | { kind: 'check'; check: CheckId };

const LEVELS: readonly Severity[] = ['ok', 'warn', 'bad'];

function h(key: string): string {
  return message('history', key).id;
}
function ui(key: string): string {
  return message('ui', key).id;
}

/** The label of each fixed column, and of each check's column. */
function fixedColumns(): Array<[string, Column]> {
  return [
    [h('columnDate'), { kind: 'date' }],
    [h('columnTime'), { kind: 'time' }],
    [ui('resultsColumnId'), { kind: 'id' }],
  ];
}
function tailColumns(): Array<[string, Column]> {
  return [
    [ui('resultsColumnScore'), { kind: 'score' }],
    [h('columnLevels'), { kind: 'levels' }],
    [ui('resultsColumnVersion'), { kind: 'version' }],
  ];
}
function checkLabel(check: CheckId): string {
  return message('check', check).id;
}

/** The header of a new `Riwayat` sheet: date, time, ID, one column per check, score, levels, version. */
export function historyHeader(): string[] {
  return [...fixedColumns().map(([label]) => label), ...CHECK_IDS.map(checkLabel), ...tailColumns().map(([label]) => label)];
}

/**
 * The header to write with: the existing one when it is recognised, with a
 * column appended for each check it lacks; `null` (and a problem) when a fixed
 * column is missing, so nothing is written under headers we do not understand.
 * `added` are the labels to write after the existing header.
 */
export function headerFor(existing: readonly unknown[] | null, sheetName: string): { header: string[]; added: string[] } | { problem: Problem } {
  if (existing === null || existing.every((cell) => cell === '' || cell === null)) return { header: historyHeader(), added: [] };
  const labels = trimmed(existing).map((cell) => String(cell ?? ''));
  const normalised = labels.map(normaliseLabel);
  for (const [label] of [...fixedColumns(), ...tailColumns()]) {
    if (!normalised.includes(normaliseLabel(label))) {
      const text = fillBoth(message('history', 'historyBadHeader'), (name) => ({ sheet: sheetName, label })[name]);
      return { problem: { severity: 'warning', where: sheetName, text, location: { sheet: sheetName, row: 1, column: null } } };
    }
  }
  const added = CHECK_IDS.map(checkLabel).filter((label) => !normalised.includes(normaliseLabel(label)));
  return { header: [...labels, ...added], added };
}

function trimmed(row: readonly unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === '' || row[end - 1] === null || row[end - 1] === undefined)) end -= 1;
  return row.slice(0, end);
}

function columnsOf(header: readonly string[]): Array<Column | null> {
  const byLabel = new Map<string, Column>([...fixedColumns(), ...tailColumns(), ...CHECK_IDS.map((check): [string, Column] => [checkLabel(check), { kind: 'check', check }])].map(([label, column]) => [normaliseLabel(label), column]));
  return header.map((label) => byLabel.get(normaliseLabel(label)) ?? null);
}

/**
 * Level letters, one per check in the order of CHECK_IDS: H(ijau) K(uning) M(erah), '-' where not recorded.
 * Not the order of the columns: a person may move a column, and the letters of every earlier row must still
 * belong to their checks. (Rows written before this rule followed the header the add-on wrote, which is this order.)
 */
function levelText(levels: HistoryEntry['levels'], letters: string = h('levelLetters')): string {
  return CHECK_IDS.map((check) => {
    const level = levels[check];
    return level === undefined ? '-' : letters[LEVELS.indexOf(level)];
  }).join('');
}

/** One co-op's entry from its check result. */
export function entryFromResult(result: CoopResult, checkedOn: IsoDate, checkedAt: string, rulesVersion: string): HistoryEntry {
  const statuses: HistoryEntry['statuses'] = {};
  const levels: HistoryEntry['levels'] = {};
  for (const check of CHECK_IDS) {
    const checked = result.checks[check];
    if (!checked) continue;
    statuses[check] = checked.status;
    levels[check] = checked.severity;
  }
  const sp = result.checks.savingsLoans;
  return { checkedOn, checkedAt, coopId: result.coopId, statuses, levels, score: sp ? `${sp.itemsMet}/${sp.itemsTotal}` : '', rulesVersion };
}

/** Cells of one entry under `header`: statuses as staff read them (e.g. `BERBADAN HUKUM`). */
export function historyRow(entry: HistoryEntry, header: readonly string[]): string[] {
  return historyRows([entry], header)[0] as string[];
}

/** Cells of many entries under one header (the header is matched once, not per row). */
export function historyRows(entries: readonly HistoryEntry[], header: readonly string[]): string[][] {
  const columns = columnsOf(header);
  const labels = new Map<string, string>();
  const label = (status: StatusCode): string => {
    let text = labels.get(status);
    if (text === undefined) labels.set(status, (text = message('status', status).id));
    return text;
  };
  return entries.map((entry) => columns.map((column) => {
    switch (column?.kind) {
      case 'date': return entry.checkedOn;
      case 'time': return entry.checkedAt;
      case 'id': return entry.coopId;
      case 'score': return entry.score;
      case 'levels': return levelText(entry.levels);
      case 'version': return entry.rulesVersion;
      case 'check': {
        const status = entry.statuses[column.check];
        return status === undefined ? '' : label(status);
      }
      default: return '';
    }
  }));
}

/**
 * Reads `Riwayat` values (header in row 1) into entries, in sheet order.
 * A row whose date or ID cannot be read is skipped and reported with its row;
 * an unknown status label leaves that check unrecorded for the row.
 */
export function readHistory(values: readonly unknown[][], context: CellContext, sheetName: string): { entries: HistoryEntry[]; problems: Problem[] } {
  const entries: HistoryEntry[] = [];
  const problems: Problem[] = [];
  if (values.length === 0) return { entries, problems };
  const header = (values[0] ?? []).map((cell) => String(cell ?? ''));
  const columns = columnsOf(header);
  // A sheet named Riwayat with other headers is not ours to read (headerFor says so when writing).
  if (!columns.some((c) => c?.kind === 'date') || !columns.some((c) => c?.kind === 'id')) return { entries, problems };
  const letters = h('levelLetters').toUpperCase();
  const dateColumn = columns.findIndex((c) => c?.kind === 'date');
  const order = dateOrder(values, dateColumn);
  if (order.monthFirst) {
    const text = fillBoth(message('history', 'historyMonthFirst'), (name) => ({ sheet: sheetName, example: order.example })[name]);
    problems.push({ severity: 'warning', where: sheetName, text, location: { sheet: sheetName, row: null, column: h('columnDate') } });
  }
  const statusByLabel = new Map<CheckId, Map<string, StatusCode>>(CHECK_IDS.map((check) => [check, new Map((STATUSES_BY_CHECK[check] ?? []).map((code) => [normaliseLabel(message('status', code).id), code as StatusCode]))]));
  for (let r = 1; r < values.length; r += 1) {
    const row = values[r] ?? [];
    if (row.every((cell) => cell === '' || cell === null || cell === undefined)) continue;
    const entry: HistoryEntry = { checkedOn: '', checkedAt: '', coopId: '', statuses: {}, levels: {}, score: '', rulesVersion: '' };
    let levelCell = '';
    columns.forEach((column, c) => {
      const cell = row[c];
      if (!column) return;
      switch (column.kind) {
        case 'date': entry.checkedOn = dateText(order.monthFirst ? swapDayMonth(cell) : cell, context); break;
        case 'time': entry.checkedAt = String(cell ?? ''); break;
        case 'id': entry.coopId = String(cell ?? '').trim(); break;
        case 'score': entry.score = String(cell ?? ''); break;
        case 'levels': levelCell = String(cell ?? ''); break;
        case 'version': entry.rulesVersion = String(cell ?? ''); break;
        case 'check': {
          const code = statusByLabel.get(column.check)?.get(normaliseLabel(cell));
          if (code) entry.statuses[column.check] = code;
        }
      }
    });
    const levelLetters = levelCell.trim().toUpperCase();
    CHECK_IDS.forEach((check, i) => {
      const letter = levelLetters[i];
      const level = letter === undefined ? undefined : LEVELS[letters.indexOf(letter)];
      if (level && entry.statuses[check]) entry.levels[check] = level;
    });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry.checkedOn) || entry.coopId === '') {
      const detail = entry.coopId === '' ? ui('resultsColumnId') : h('columnDate');
      const place = where({ sheet: sheetName, row: r + 1 });
      problems.push({ severity: 'warning', where: place.id, text: fillBoth(message('history', 'historyBadRow'), (name, lang) => ({ where: place[lang], detail })[name]), location: { sheet: sheetName, row: r + 1, column: null } });
      continue;
    }
    entries.push(entry);
  }
  return { entries, problems };
}

/** The check date as YYYY-MM-DD, read as every date cell of the workbook is (cell-values.ts); '' when it is not a date. */
function dateText(cell: unknown, context: CellContext): string {
  const read = readCell('date', cell, context);
  return 'value' in read && typeof read.value === 'string' ? read.value : '';
}

const SLASHED = /^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})\s*$/;

/**
 * Which way the date column's d/d/yyyy texts run. Dates are day-first (as staff write them) unless some
 * text can only be month-first (7/19/2026) and none only day-first (19/07/2026): Excel writes a CSV's dates
 * in its own locale's order when it saves one.
 */
function dateOrder(values: readonly unknown[][], column: number): { monthFirst: boolean; example: string } {
  let dayFirst = false;
  let monthFirst = '';
  for (let r = 1; r < values.length && !dayFirst; r += 1) {
    const cell = values[r]?.[column];
    const m = typeof cell === 'string' ? SLASHED.exec(cell) : null;
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    else if (Number(m[3]) > 12 && monthFirst === '') monthFirst = cell as string;
  }
  return { monthFirst: !dayFirst && monthFirst !== '', example: monthFirst.trim() };
}

function swapDayMonth(cell: unknown): unknown {
  const m = typeof cell === 'string' ? SLASHED.exec(cell) : null;
  return m ? `${m[3]}/${m[1]}/${m[4]}` : cell;
}

/** The minutes of the day in a check time (`dd/MM/yyyy HH:mm`), or null. */
function minutesOf(checkedAt: string): number | null {
  const m = /(\d{1,2}):(\d{2})/.exec(checkedAt);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * The check-alls of the history: every entry of one check date and time makes one block, wherever its rows
 * stand (a person may have sorted the sheet), entries in sheet order. Blocks in time order: by date, then by
 * the time of day, then in the order they were first met.
 */
export function historyBlocks(entries: readonly HistoryEntry[]): HistoryBlock[] {
  const byKey = new Map<string, HistoryBlock>();
  for (const entry of entries) {
    const key = `${entry.checkedOn}\u0000${entry.checkedAt}`;
    const block = byKey.get(key);
    if (block) block.entries.push(entry);
    else byKey.set(key, { checkedOn: entry.checkedOn, checkedAt: entry.checkedAt, rulesVersion: entry.rulesVersion, entries: [entry] });
  }
  const blocks = [...byKey.values()];
  const minutes = blocks.map((b) => minutesOf(b.checkedAt) ?? -1);
  return blocks.map((block, i) => ({ block, i })).sort((a, b) => (a.block.checkedOn < b.block.checkedOn ? -1 : a.block.checkedOn > b.block.checkedOn ? 1 : 0) || (minutes[a.i] as number) - (minutes[b.i] as number) || a.i - b.i).map(({ block }) => block);
}

/** True when a new block would record nothing new: same date, same rules and the very same rows as the last block. */
export function sameAsLast(last: HistoryBlock | undefined, next: readonly HistoryEntry[]): boolean {
  if (!last || next.length === 0 || last.entries.length !== next.length) return false;
  const first = next[0] as HistoryEntry;
  if (last.checkedOn !== first.checkedOn || last.rulesVersion !== first.rulesVersion) return false;
  const key = (e: HistoryEntry): string => JSON.stringify([e.coopId, CHECK_IDS.map((c) => [e.statuses[c] ?? null, e.levels[c] ?? null]), e.score]);
  return last.entries.every((entry, i) => key(entry) === key(next[i] as HistoryEntry));
}

/**
 * How many cells `Riwayat` takes: rows × columns (header included). Sheets
 * counts every cell of a sheet's grid against its limit of 10,000,000 cells
 * per spreadsheet, so the add-on keeps `Riwayat` exactly as wide as its header.
 *
 * @param coops co-ops per check-all
 * @param checksPerYear check-alls recorded per year (52 weekly, 26 fortnightly)
 * @param years how many years
 * @param columns columns per row (default: this version's header)
 * @returns rows, cells, and cells as a percentage of Sheets' 10 million
 */
export function historyCellBudget(coops: number, checksPerYear: number, years: number, columns: number = historyHeader().length): { rows: number; cells: number; percentOfSheetsLimit: number } {
  const rows = coops * checksPerYear * years + 1;
  const cells = rows * columns;
  return { rows, cells, percentOfSheetsLimit: Math.round((cells / SHEETS_CELL_LIMIT) * 1000) / 10 };
}

/** Google Sheets: at most 10 million cells per spreadsheet (Google Drive Help, "Files you can store in Google Drive"). */
export const SHEETS_CELL_LIMIT = 10_000_000;

/** Whether appending `newRows` keeps the sheet within `maxCells`; the message if not. */
export function capProblem(existingRows: number, newRows: number, columns: number, maxCells: number, sheetName: string): Problem | null {
  const rows = existingRows + newRows;
  if (rows * columns <= maxCells) return null;
  const values = (name: string): string | undefined => ({ rows: String(rows), columns: String(columns), cells: String(maxCells) })[name];
  return { severity: 'warning', where: sheetName, text: fillBoth(message('history', 'historyFull'), values), location: { sheet: sheetName, row: null, column: null } };
}

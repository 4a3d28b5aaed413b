/**
 * Reads one cell as Sheets (or an .xlsx reader) gives it — a number, a
 * boolean, a Date, "" for empty, or whatever text a person typed — into the
 * value the core needs, or says what was expected.
 *
 * What is accepted (documented in the README):
 * - blank: "", spaces, null; for every kind but yes/no also "-" or a dash
 *   (nothing recorded);
 * - dates: Date values; text dd/mm/yyyy (also with - or .), yyyy-mm-dd, and
 *   "15 Juni 2025", "10-Feb-2026", "10 Mrt 2026" (Indonesian or English month
 *   names and the abbreviations staff use: Peb, Mrt, Ags, Agt, Agust, Sept,
 *   Nop, Nopember, Okt, Des …). A date outside the plausible window
 *   (parameters `plausibleFromYear` and `plausibleYearsAhead`; for a past
 *   event, not after the check date) is reported, never used: a lookup that
 *   found nothing gives 0 = 30/12/1899, a typo gives the year 0225;
 * - yes/no: ya, y, yes, ada, sudah, true, ✓, ✔, 1 / tidak, tdk, t, no, n,
 *   belum, tidak ada, false, -, ✗, ✘, x, 0, and booleans;
 * - amounts: numbers; text with Indonesian separators ("Rp 15.000.000",
 *   "15.000.000,50", "Rp 15.000.000,-") and the words ribu/rb, juta/jt,
 *   miliar/milyar/M ("1,5 juta"); a lone comma before three digits
 *   ("15,000") is ambiguous and reported, never guessed;
 * - whole numbers: also with a unit word ("20 orang", "20 anggota");
 * - percents: 0–100, "50%", "50 %", a fraction ("1/5", "2/3", "½"), a number
 *   in a cell whose number format shows % (the cell holds 1 for 100 %), or a
 *   fraction below 1 when the format is not known;
 * - text: control characters (line breaks, ESC, bidi overrides) become a space
 *   and zero-width characters are dropped, so no value can forge a line of a
 *   report;
 * - Sheets error values (#N/A, #REF!, …) are reported as such, and so is a
 *   formula a file holds without its result (written by a program that does
 *   not calculate).
 */
import type { Bilingual, IsoDate } from '../../shared/types';
import { addMonths, dayFromIso, dayFromParts, displayFromDay, isoFromDay } from '../calendar';
import { defaultParameters } from '../parameters';
import { fill, message } from '../messages';
import type { CellKind } from './columns';

export type CellRead<T> = { value: T } | { problem: 'unreadable'; expected: Bilingual } | { problem: 'sheetsError' } | { problem: 'noResult' };

export interface CellContext {
  /** The calendar date of a Date value in the workbook's time zone, or null if it is not a valid date. */
  dateToIso(date: Date): IsoDate | null;
  /** The check date: past events (a deed, a meeting) may not be after it. Absent: no upper bound for them. */
  asOf?: IsoDate | null;
  /** Overrides of the date-window parameters (else the bundled defaults of rules/parameters.json). */
  plausibleFromYear?: number;
  plausibleYearsAhead?: number;
  /** The spreadsheet's locale (e.g. `in_ID`, `en_US`), where known: a month-first locale is warned about. */
  locale?: string | null;
}

/** How one cell is to be read beyond its kind. */
export interface CellOptions {
  /** The cell's number format, where known (Sheets `getNumberFormats()`, the .xlsx style): `0.00%` makes 1 mean 100 %. */
  numberFormat?: unknown;
  /** The column records a past event (deed, SK, meeting, report): a date after the check date is not plausible. */
  pastEvent?: boolean;
}

/**
 * A formula cell that a file holds without its result (written by a program
 * that does not calculate). Sheets always gives results; .xlsx readers pass
 * this so it is reported, never read as blank.
 */
export interface FormulaWithoutResult {
  readonly formulaWithoutResult: string;
}

export function isFormulaWithoutResult(raw: unknown): raw is FormulaWithoutResult {
  return typeof raw === 'object' && raw !== null && typeof (raw as FormulaWithoutResult).formulaWithoutResult === 'string';
}

export type CellValue = string | number | boolean | null;

const SHEETS_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|LOADING\.\.\.)$/i;
const YES = new Set(['ya', 'y', 'yes', 'ada', 'sudah', 'true', '✓', '✔', '☑', '1', 'benar']);
const NO = new Set(['tidak', 'tdk', 't', 'no', 'n', 'belum', 'tidak ada', 'false', '-', '✗', '✘', 'x', '☐', '0', 'salah', 'blm']);
/**
 * A word table's entry for what a person typed, by own keys only: typed text
 * such as `toString` or `constructor` must not find what every object inherits
 * (it read as a percent of NaN).
 */
function own(table: Readonly<Record<string, number>>, key: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, pebruari: 2, february: 2, maret: 3, mar: 3, march: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, agustus: 8, agu: 8, agt: 8,
  aug: 8, august: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, oct: 10, october: 10, november: 11,
  nov: 11, nop: 11, desember: 12, des: 12, dec: 12, december: 12,
  // Spellings and abbreviations staff use (older spelling with p for f, Dutch-era Mrt, Ags for Agustus).
  peb: 2, pebr: 2, febr: 2, mrt: 3, mart: 3, ags: 8, agst: 8, agust: 8, agus: 8, augustus: 8, nopember: 11, nopem: 11, novem: 11,
};
const MULTIPLIERS: Readonly<Record<string, number>> = {
  rb: 1e3, ribu: 1e3, k: 1e3, jt: 1e6, juta: 1e6, m: 1e9, miliar: 1e9, milyar: 1e9, t: 1e12, triliun: 1e12,
};

const expect = (key: string, values?: Record<string, string>): { problem: 'unreadable'; expected: Bilingual } => {
  const text = message('problem', key);
  return {
    problem: 'unreadable',
    expected: values ? { id: fill(text.id, (n) => values[n]), en: fill(text.en, (n) => values[n]) } : text,
  };
};

const DASHES = /^[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]$/;
/** Zero-width and other invisible format characters (dropped) and control characters (become a space). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]+/g;

/** Text as it may be shown on one line of a report: no control, bidi or zero-width characters. */
export function printable(text: string): string {
  // Most text is clean: test first, so a national register's strings are not copied.
  return NEEDS_CLEANING.test(text) ? text.replace(INVISIBLE, '').replace(CONTROL, ' ') : text;
}
const NEEDS_CLEANING = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060\u2066-\u2069\u061C\uFEFF]/;

function isDate(raw: unknown): raw is Date {
  return Object.prototype.toString.call(raw) === '[object Date]';
}

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

export function readCell(kind: CellKind, raw: unknown, context: CellContext, options: CellOptions = {}): CellRead<CellValue> {
  if (isFormulaWithoutResult(raw)) return { problem: 'noResult' };
  if (typeof raw === 'string' && SHEETS_ERROR.test(raw.trim())) return { problem: 'sheetsError' };
  if (isBlank(raw)) return { value: null };
  // A dash means "not recorded" in every kind of column; in a yes/no column it means no.
  if (typeof raw === 'string' && kind !== 'yesno' && DASHES.test(printable(raw).trim())) return { value: null };
  switch (kind) {
    case 'text':
      return readText(raw);
    case 'date':
      return plausibleDate(readDate(raw, context), context, options.pastEvent === true);
    case 'yesno':
      return readYesNo(raw);
    case 'integer':
      return readInteger(raw);
    case 'amount':
      return readAmount(raw);
    case 'percent':
      return readPercent(raw, options.numberFormat);
    case 'year':
      return readYear(raw);
    case 'number':
      return readNumber(raw);
  }
}

function readText(raw: unknown): CellRead<string | null> {
  if (typeof raw === 'string') {
    const text = printable(raw).trim();
    return { value: text === '' ? null : text };
  }
  if (typeof raw === 'number' && Number.isFinite(raw)) return Number.isSafeInteger(raw) || !Number.isInteger(raw) ? { value: String(raw) } : expect('expectText');
  if (typeof raw === 'boolean') return { value: raw ? 'TRUE' : 'FALSE' };
  return expect('expectText');
}

function readDate(raw: unknown, context: CellContext): CellRead<IsoDate> {
  if (isDate(raw)) {
    const iso = Number.isNaN(raw.getTime()) ? null : context.dateToIso(raw);
    // Dates far outside the calendar (year −1, +275760) do not come back as YYYY-MM-DD: reported, not passed on.
    return iso === null || dayFromIso(iso) === null ? expect('expectDate') : { value: iso };
  }
  if (typeof raw !== 'string') return expect('expectDate');
  const text = raw.trim().toLowerCase();
  let parts: [number, number, number] | null = null;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) parts = [Number(m[3]), Number(m[2]), Number(m[1])];
  m = m ? m : /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m && !parts) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  const named = parts ? null : /^(\d{1,2})(?:\s*[-/.]\s*|\s+)([a-z]+)\.?(?:\s*[-/.]\s*|\s+)(\d{4})$/.exec(text.replace(/\s+/g, ' '));
  const monthNumber = named ? own(MONTHS, named[2] as string) : undefined;
  if (named && monthNumber !== undefined) parts = [Number(named[3]), monthNumber, Number(named[1])];
  if (!parts) return expect('expectDate');
  const day = dayFromParts(...parts);
  if (day !== null) return { value: isoFromDay(day) };
  // Written as a date, but not one the calendar has (31/02, 29/02 of a common year, month 13): say so, not "expected dd/mm/yyyy".
  const [year, month, dayOfMonth] = parts;
  if (month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= 31) return expect('expectDateInCalendar', { day: String(dayOfMonth), month: String(month), year: String(year) });
  return expect('expectDate');
}

let defaults: { fromYear: number; yearsAhead: number } | null = null;

/** The window of plausible dates: from 1 January of `plausibleFromYear`; until the check date for past events, else `plausibleYearsAhead` years after it. */
export function dateWindow(context: CellContext, pastEvent: boolean): { from: number; until: number | null } {
  if (!defaults) {
    const params = defaultParameters();
    defaults = { fromYear: params.plausibleFromYear ?? 1945, yearsAhead: params.plausibleYearsAhead ?? 10 };
  }
  const from = dayFromParts(context.plausibleFromYear ?? defaults.fromYear, 1, 1) as number;
  const asOf = dayFromIso(context.asOf ?? null);
  if (asOf === null) return { from, until: null };
  return { from, until: pastEvent ? asOf : addMonths(asOf, 12 * (context.plausibleYearsAhead ?? defaults.yearsAhead)) };
}

function plausibleDate(read: CellRead<IsoDate>, context: CellContext, pastEvent: boolean): CellRead<IsoDate> {
  if (!('value' in read)) return read;
  const day = dayFromIso(read.value) as number;
  const { from, until } = dateWindow(context, pastEvent);
  if (day >= from && (until === null || day <= until)) return read;
  if (until === null) return expect('expectDateFrom', { from: displayFromDay(from) });
  return expect(pastEvent ? 'expectDatePast' : 'expectDateWindow', { from: displayFromDay(from), until: displayFromDay(until) });
}

function readYesNo(raw: unknown): CellRead<boolean> {
  if (typeof raw === 'boolean') return { value: raw };
  if (typeof raw === 'number') return raw === 1 ? { value: true } : raw === 0 ? { value: false } : expect('expectYesNo');
  if (typeof raw !== 'string') return expect('expectYesNo');
  const text = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (YES.has(text)) return { value: true };
  if (NO.has(text)) return { value: false };
  return expect('expectYesNo');
}

/** An Indonesian-written number: "15.000.000,50", "Rp 15.000.000,-", "1,5 juta". */
export function parseIndonesianNumber(raw: string): number | 'ambiguous' | null {
  let text = raw.trim().toLowerCase().replace(/\u00a0/g, ' ');
  text = text.replace(/^rp\.?\s*/, '').replace(/,-$/, '').replace(/\s+/g, ' ').trim();
  let multiplier = 1;
  const word = /^(-?[\d.,]+)\s*([a-z]+)$/.exec(text);
  if (word) {
    const factor = own(MULTIPLIERS, word[2] as string);
    if (factor === undefined) return null;
    multiplier = factor;
    text = word[1] as string;
  }
  if (!/^-?[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  let normalised: string;
  if (commas === 0 && dots === 0) normalised = text;
  else if (commas === 0) {
    // Dots are thousands separators (groups of three), or one decimal point with a multiplier word ("1.5 juta").
    if (/^-?\d{1,3}(\.\d{3})+$/.test(text)) normalised = text.replace(/\./g, '');
    else if (multiplier !== 1 && dots === 1) normalised = text;
    else return null;
  } else if (commas === 1) {
    const [whole, fraction] = text.split(',') as [string, string];
    if (dots === 0 && fraction.length === 3 && multiplier === 1) return 'ambiguous';
    if (!/^-?\d{1,3}(\.\d{3})*$/.test(whole) && !/^-?\d+$/.test(whole)) return null;
    if (!/^\d+$/.test(fraction)) return null;
    normalised = `${whole.replace(/\./g, '')}.${fraction}`;
  } else if (dots === 0 && /^-?\d{1,3}(,\d{3})+$/.test(text)) {
    normalised = text.replace(/,/g, ''); // 15,000,000: several commas can only be thousands
  } else return null;
  const value = Number(normalised) * multiplier;
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

function readNumberLike(raw: unknown): number | 'ambiguous' | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  if (raw.trim() === '-') return null;
  return parseIndonesianNumber(raw);
}

function readAmount(raw: unknown): CellRead<number | null> {
  if (typeof raw === 'string' && raw.trim() === '-') return { value: null };
  const value = readNumberLike(raw);
  if (value === 'ambiguous') return expect('expectAmountAmbiguous');
  return value === null || value < 0 ? expect('expectAmount') : { value };
}

function readNumber(raw: unknown): CellRead<number | null> {
  if (typeof raw === 'string' && raw.trim() === '-') return { value: null };
  const value = readNumberLike(raw);
  return value === null || value === 'ambiguous' ? expect('expectNumber') : { value };
}

/** Words that may follow a count of people: "20 orang". */
const COUNT_UNITS = /\s*(orang|org|anggota|jiwa|peserta|pers|member|members|people)\.?$/i;

function readInteger(raw: unknown): CellRead<number | null> {
  if (typeof raw === 'string' && raw.trim() === '-') return { value: null };
  const value = readNumberLike(typeof raw === 'string' ? raw.trim().replace(COUNT_UNITS, '') : raw);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? { value } : expect('expectInteger');
}

const VULGAR_FRACTIONS: Readonly<Record<string, number>> = {
  '½': 1 / 2, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 1 / 4, '¾': 3 / 4, '⅕': 1 / 5, '⅖': 2 / 5, '⅗': 3 / 5, '⅘': 4 / 5, '⅙': 1 / 6, '⅚': 5 / 6, '⅛': 1 / 8,
};

/** True when a number format shows the value as a percent (`0%`, `0.00%`, `0.0 %`), ignoring quoted text. */
export function isPercentFormat(format: unknown): boolean {
  return typeof format === 'string' && format.replace(/"[^"]*"|\\./g, '').includes('%');
}

function readPercent(raw: unknown, numberFormat: unknown): CellRead<number | null> {
  if (typeof raw === 'number' && isPercentFormat(numberFormat)) {
    // The cell shows 100 % and holds 1: the number format says it is a fraction.
    return Number.isFinite(raw) && raw >= 0 && raw <= 1 ? { value: Math.round(raw * 1e4) / 100 } : expect('expectPercent');
  }
  // Custom functions get values without formats: 1 may be a cell showing 100 % or a typed 1 %.
  if (raw === 1 && numberFormat === undefined) return expect('expectPercentAmbiguous');
  const trimmed = typeof raw === 'string' ? printable(raw).trim().replace(/\s+/g, ' ') : raw;
  if (typeof trimmed === 'string') {
    const vulgar = own(VULGAR_FRACTIONS, trimmed);
    const fraction = /^(\d+)\s*\/\s*(\d+)$/.exec(trimmed);
    if (vulgar !== undefined) return { value: Math.round(vulgar * 1e4) / 100 };
    if (fraction) {
      const [num, den] = [Number(fraction[1]), Number(fraction[2])];
      return den > 0 && num <= den ? { value: Math.round((num / den) * 1e4) / 100 } : expect('expectPercent');
    }
  }
  const text = typeof trimmed === 'string' ? trimmed.replace(/\s*%$/, '') : trimmed;
  const explicit = typeof trimmed === 'string' && trimmed.endsWith('%');
  const value = readNumberLike(text);
  if (typeof value !== 'number' || value < 0) return expect('expectPercent');
  const percent = !explicit && value > 0 && value < 1 ? Math.round(value * 10000) / 100 : value;
  return percent > 100 ? expect('expectPercent') : { value: percent };
}

function readYear(raw: unknown): CellRead<number | null> {
  const value = readNumberLike(typeof raw === 'string' ? raw.replace(/\./g, '') : raw);
  return typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2200 ? { value } : expect('expectYear');
}

/**
 * Reads one cell as Sheets (or an .xlsx reader) gives it — a number, a
 * boolean, a Date, "" for empty, or whatever text a person typed — into the
 * value the core needs, or says what was expected.
 *
 * What is accepted (documented in the README):
 * - blank: "", spaces, null; for numbers and text also "-" (nothing recorded);
 * - dates: Date values; text dd/mm/yyyy (also with - or .), yyyy-mm-dd, and
 *   "15 Juni 2025" (Indonesian or English month names, full or short);
 * - yes/no: ya, y, yes, ada, sudah, true, ✓, ✔, 1 / tidak, tdk, t, no, n,
 *   belum, tidak ada, false, -, ✗, ✘, x, 0, and booleans;
 * - amounts: numbers; text with Indonesian separators ("Rp 15.000.000",
 *   "15.000.000,50", "Rp 15.000.000,-") and the words ribu/rb, juta/jt,
 *   miliar/milyar/M ("1,5 juta"); a lone comma before three digits
 *   ("15,000") is ambiguous and reported, never guessed;
 * - percents: 0–100, "50%", or a fraction below 1 (a cell formatted as %);
 * - Sheets error values (#N/A, #REF!, …) are reported as such.
 */
import type { Bilingual, IsoDate } from '../../shared/types';
import { dayFromIso, dayFromParts, isoFromDay } from '../calendar';
import { fill, message } from '../messages';
import type { CellKind } from './columns';

export type CellRead<T> = { value: T } | { problem: 'unreadable'; expected: Bilingual } | { problem: 'sheetsError' };

export interface CellContext {
  /** The calendar date of a Date value in the workbook's time zone, or null if it is not a valid date. */
  dateToIso(date: Date): IsoDate | null;
}

export type CellValue = string | number | boolean | null;

const SHEETS_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|LOADING\.\.\.)$/i;
const YES = new Set(['ya', 'y', 'yes', 'ada', 'sudah', 'true', '✓', '✔', '☑', '1', 'benar']);
const NO = new Set(['tidak', 'tdk', 't', 'no', 'n', 'belum', 'tidak ada', 'false', '-', '✗', '✘', 'x', '☐', '0', 'salah', 'blm']);
const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, pebruari: 2, february: 2, maret: 3, mar: 3, march: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, agustus: 8, agu: 8, agt: 8,
  aug: 8, august: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, oct: 10, october: 10, november: 11,
  nov: 11, nop: 11, desember: 12, des: 12, dec: 12, december: 12,
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

function isDate(raw: unknown): raw is Date {
  return Object.prototype.toString.call(raw) === '[object Date]';
}

function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

export function readCell(kind: CellKind, raw: unknown, context: CellContext): CellRead<CellValue> {
  if (typeof raw === 'string' && SHEETS_ERROR.test(raw.trim())) return { problem: 'sheetsError' };
  if (isBlank(raw)) return { value: null };
  switch (kind) {
    case 'text':
      return readText(raw);
    case 'date':
      return readDate(raw, context);
    case 'yesno':
      return readYesNo(raw);
    case 'integer':
      return readInteger(raw);
    case 'amount':
      return readAmount(raw);
    case 'percent':
      return readPercent(raw);
    case 'year':
      return readYear(raw);
    case 'number':
      return readNumber(raw);
  }
}

function readText(raw: unknown): CellRead<string | null> {
  if (typeof raw === 'string') return { value: raw.trim() === '-' ? null : raw.trim() };
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
  const named = parts ? null : /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(text);
  if (named && MONTHS[named[2] as string]) parts = [Number(named[3]), MONTHS[named[2] as string] as number, Number(named[1])];
  if (!parts) return expect('expectDate');
  const day = dayFromParts(...parts);
  return day === null ? expect('expectDate') : { value: isoFromDay(day) };
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
    const factor = MULTIPLIERS[word[2] as string];
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

function readInteger(raw: unknown): CellRead<number | null> {
  if (typeof raw === 'string' && raw.trim() === '-') return { value: null };
  const value = readNumberLike(raw);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? { value } : expect('expectInteger');
}

function readPercent(raw: unknown): CellRead<number | null> {
  if (typeof raw === 'string' && raw.trim() === '-') return { value: null };
  const text = typeof raw === 'string' ? raw.trim().replace(/\s*%$/, '') : raw;
  const explicit = typeof raw === 'string' && raw.trim().endsWith('%');
  const value = readNumberLike(text);
  if (typeof value !== 'number' || value < 0) return expect('expectPercent');
  const percent = !explicit && value > 0 && value < 1 ? Math.round(value * 10000) / 100 : value;
  return percent > 100 ? expect('expectPercent') : { value: percent };
}

function readYear(raw: unknown): CellRead<number | null> {
  const value = readNumberLike(typeof raw === 'string' ? raw.replace(/\./g, '') : raw);
  return typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2200 ? { value } : expect('expectYear');
}

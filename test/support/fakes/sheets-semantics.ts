/**
 * What Google Sheets does with values, kept apart from the object fakes so each
 * rule can carry its source: how a string handed to `Range.setValue(s)` is
 * parsed as if a person typed it (by the spreadsheet's locale), how number
 * formats change what `getValues()` / `getDisplayValues()` give, the serial
 * day numbers behind dates, and `Utilities.formatDate` as Java's
 * SimpleDateFormat. Anything a rule here does not model throws or is left as
 * text — never guessed kindly.
 *
 * Sources (cited again at each rule):
 * - [setValue] https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue
 *   and the Sheets API's USER_ENTERED ("The values will be parsed as if the user
 *   typed them into the UI. Numbers will stay as numbers, but strings may be
 *   converted to numbers, dates, etc.") https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption
 * - public reports of the same parsing through Apps Script and the API:
 *   google/hyou#4 ("0050" entered as the number 50), theoephraim/node-google-spreadsheet#696
 *   (typing 0001 gives 1, '0001 keeps the text), vlucas/sheetquery#20,
 *   jpillora/node-edit-google-spreadsheet#66 (a leading ' keeps the text).
 * - [serial] https://developers.google.com/sheets/api/reference/rest/v4/DateTimeRenderOption
 *   (SERIAL_NUMBER: days since December 30th 1899; the fraction is the time of day).
 * - [formats] https://developers.google.com/sheets/api/guides/formats (date/time and
 *   number format tokens; formatted values depend on the spreadsheet locale).
 * - [formatDate] https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 *   ("Formats date according to specification described in Java standard
 *   SimpleDateFormat class") and https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html
 */

export interface LocaleRules {
  /** Decimal separator and digit-group separator when a person types a number. */
  decimal: string;
  group: string;
  /** Order of day, month and year in a typed date such as 15/06/2025. */
  order: 'DMY' | 'MDY';
  /** The number format Sheets gives a cell when a date is typed into an automatic cell. */
  dateFormat: string;
  dateTimeFormat: string;
}

/**
 * The locales the tests use (Sheets: File > Settings > Locale). Separators and
 * date order as Sheets shows them for these locales (Indonesia: 1.234,5 and
 * 15/06/2025; United States: 1,234.5 and 6/15/2025; United Kingdom: 1,234.5 and
 * 15/06/2025) — [formats]: "formatted values depend on the spreadsheet locale".
 */
export const LOCALES: Readonly<Record<string, LocaleRules>> = {
  id_ID: { decimal: ',', group: '.', order: 'DMY', dateFormat: 'dd/MM/yyyy', dateTimeFormat: 'dd/MM/yyyy HH:mm:ss' },
  en_US: { decimal: '.', group: ',', order: 'MDY', dateFormat: 'M/d/yyyy', dateTimeFormat: 'M/d/yyyy H:mm:ss' },
  en_GB: { decimal: '.', group: ',', order: 'DMY', dateFormat: 'dd/MM/yyyy', dateTimeFormat: 'dd/MM/yyyy HH:mm:ss' },
};

export function localeRules(locale: string): LocaleRules {
  const rules = LOCALES[locale];
  if (!rules) throw new Error(`fake: locale ${locale} is not modelled (add it to LOCALES with its source)`);
  return rules;
}

/** The plain-text number format (Format > Number > Plain text). */
export const PLAIN_TEXT = '@';

const DAY_MS = 86_400_000;
/** [serial]: day 0 is 30 December 1899. */
const EPOCH_WALL = Date.UTC(1899, 11, 30);

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** Milliseconds to add to an instant to get the wall clock of `timeZone` (as if it were UTC). */
export function zoneOffset(instant: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' });
    offsetFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(instant))) parts[p.type] = p.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), new Date(instant).getUTCMilliseconds());
  return wall.getTime() - instant;
}

/** The instant at which the wall clock of `timeZone` shows `wall` (a UTC-encoded wall time). */
export function wallToInstant(wall: number, timeZone: string): number {
  let instant = wall - zoneOffset(wall, timeZone);
  instant = wall - zoneOffset(instant, timeZone);
  return instant;
}

/** [serial] A serial day number as the instant it names in the spreadsheet's time zone. */
export function serialToInstant(serial: number, timeZone: string): number {
  return wallToInstant(EPOCH_WALL + Math.round(serial * DAY_MS), timeZone);
}

/** [serial] An instant as the serial day number of the spreadsheet's time zone. */
export function instantToSerial(instant: number, timeZone: string): number {
  return (instant + zoneOffset(instant, timeZone) - EPOCH_WALL) / DAY_MS;
}

/** What Sheets stores for one value written through setValue(s). */
export interface Parsed {
  value: string | number | boolean | Date | null;
  /** The formula, when the value was one. */
  formula?: string;
  /** The number format Sheets gives an automatic cell for what was typed (a date, a percent). */
  autoFormat?: string;
}

/**
 * A string written with setValue(s), parsed as Sheets parses what a person
 * types ([setValue], USER_ENTERED), given the target cell's number format:
 * - a plain-text cell (`@`) keeps the string exactly as given, apostrophe and
 *   all (Format > Number > Plain text: "treat content as text"; the add-on's
 *   writer never relies on the apostrophe being stripped there);
 * - a leading `'` makes the rest text and is not stored (node-google-spreadsheet#696,
 *   node-edit-google-spreadsheet#66);
 * - `=…` is a formula;
 * - TRUE / FALSE in any case are booleans;
 * - numbers with the locale's separators, leading zeros dropped and long digit
 *   strings kept only to a double's precision (hyou#4: "0050" → 50); a trailing %
 *   gives the fraction with a percent format (50% → 0.5);
 * - dates in the locale's order (15/06/2025 in id_ID, 6/15/2025 in en_US), ISO
 *   yyyy-mm-dd in every locale, and day/month without a year in the current year,
 *   stored as the date at midnight in the spreadsheet's time zone with a date format.
 * Everything else is text.
 */
export function parseTyped(text: string, cellFormat: string, locale: string, timeZone: string, nowMs: number): Parsed {
  if (cellFormat === PLAIN_TEXT) return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text === '') return { value: null };
  if (text.startsWith('=') && text.length > 1) return { value: null, formula: text };
  const trimmed = text.trim();
  if (/^true$/i.test(trimmed)) return { value: true };
  if (/^false$/i.test(trimmed)) return { value: false };
  const rules = localeRules(locale);
  const number = parseLocaleNumber(trimmed, rules);
  if (number !== null) return number;
  const date = parseLocaleDate(trimmed, rules, timeZone, nowMs);
  if (date !== null) return { value: date, autoFormat: rules.dateFormat };
  return { value: text };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function parseLocaleNumber(text: string, rules: LocaleRules): Parsed | null {
  const g = escapeRe(rules.group);
  const d = escapeRe(rules.decimal);
  const re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?(%?)$`);
  const m = re.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const digits = (m[2] ?? '0').split(rules.group).join('');
  const value = Number(`${m[1]}${digits}.${m[3] ?? '0'}e${m[4] ?? '0'}`);
  if (!Number.isFinite(value)) return null;
  if (m[5] === '%') return { value: value / 100, autoFormat: m[3] ? '0.00%' : '0%' };
  return { value };
}

function parseLocaleDate(text: string, rules: LocaleRules, timeZone: string, nowMs: number): Date | null {
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/.exec(text);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else if (local) {
    // In a locale whose decimal separator is ".", "1.5" is a number (handled above); "1.5.2025" may still be a date.
    const [a, b] = [Number(local[1]), Number(local[3])];
    [day, month] = rules.order === 'DMY' ? [a, b] : [b, a];
    if (local[4] === undefined) year = new Date(nowMs + zoneOffset(nowMs, timeZone)).getUTCFullYear();
    else if (local[4].length === 2) {
      // Two-digit years: 00–29 → 20xx, 30–99 → 19xx ([formats]: Sheets' two-digit year window).
      const yy = Number(local[4]);
      year = yy < 30 ? 2000 + yy : 1900 + yy;
    } else year = Number(local[4]);
  } else return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  if (wall.getUTCDate() !== day) return null;
  return new Date(wallToInstant(wall.getTime(), timeZone));
}

/** Strips quoted literals and escaped characters from a number format, leaving its tokens. */
function formatTokens(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

/** A date or time number format ([formats]: d, m, y, h, s, am/pm tokens). */
export function isDateFormat(format: string): boolean {
  if (format === '' || format === PLAIN_TEXT) return false;
  const tokens = formatTokens(format);
  return /[dyhs]/i.test(tokens) || (/m/i.test(tokens) && !/[0#]/.test(tokens));
}

/** A number format that shows a number (not automatic, not plain text, not a date). */
export function isNumberFormat(format: string): boolean {
  return format !== '' && format !== PLAIN_TEXT && !isDateFormat(format);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Wall-clock fields of an instant in a time zone. */
function wallFields(instant: number, timeZone: string) {
  const w = new Date(instant + zoneOffset(instant, timeZone));
  return { y: w.getUTCFullYear(), M: w.getUTCMonth() + 1, d: w.getUTCDate(), H: w.getUTCHours(), m: w.getUTCMinutes(), s: w.getUTCSeconds(), S: w.getUTCMilliseconds(), E: w.getUTCDay(), w };
}

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

/**
 * What a cell shows (getDisplayValues) for a value under a number format, in the
 * spreadsheet's locale and time zone ([formats]). Automatic cells show numbers
 * with the locale's decimal separator, booleans as TRUE/FALSE and dates in the
 * locale's date-time format.
 */
export function displayValue(value: string | number | boolean | Date, format: string, locale: string, timeZone: string): string {
  const rules = localeRules(locale);
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (format === PLAIN_TEXT) return value instanceof Date || Object.prototype.toString.call(value) === '[object Date]' ? formatSheetsDate(instantToSerial((value as Date).getTime(), timeZone), rules.dateTimeFormat, timeZone) : autoNumber(value as number, rules);
  const isDate = value instanceof Date || Object.prototype.toString.call(value) === '[object Date]';
  const serial = isDate ? instantToSerial((value as Date).getTime(), timeZone) : (value as number);
  if (isDateFormat(format)) return formatSheetsDate(serial, format, timeZone);
  if (format === '') return isDate ? formatSheetsDate(serial, Number.isInteger(serial) ? rules.dateFormat : rules.dateTimeFormat, timeZone) : autoNumber(serial, rules);
  return formatSheetsNumber(serial, format, rules);
}

function autoNumber(n: number, rules: LocaleRules): string {
  let text: string;
  if (Math.abs(n) >= 1e15) {
    const [mantissa, exp] = n.toExponential(5).split('e') as [string, string];
    text = `${mantissa.replace(/\.?0+$/, '')}E+${exp.replace('+', '').padStart(2, '0')}`;
  } else if (Number.isInteger(n)) text = String(n);
  else text = String(Number(n.toPrecision(10)));
  return text.replace('.', rules.decimal);
}

/** A number under a format such as 0, 0.00, #,##0, 0%, "Rp" #,##0 ([formats]). */
function formatSheetsNumber(n: number, format: string, rules: LocaleRules): string {
  const section = format.split(';')[0] as string;
  const tokens = formatTokens(section);
  const percent = tokens.includes('%');
  const value = percent ? n * 100 : n;
  const decimals = /\.([0#]+)/.exec(tokens)?.[1]?.length ?? 0;
  const grouped = /[0#],[0#]/.test(tokens);
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, frac] = fixed.split('.') as [string, string | undefined];
  const wholeText = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, rules.group) : whole;
  const body = `${value < 0 && Number(fixed) !== 0 ? '-' : ''}${wholeText}${frac ? rules.decimal + frac : ''}`;
  // Literals before and after the digits stay where they were.
  const first = section.search(/[0#]/);
  const last = Math.max(section.lastIndexOf('0'), section.lastIndexOf('#'));
  const literal = (s: string): string => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  return `${literal(section.slice(0, first))}${body}${literal(section.slice(last + 1))}`;
}

/** A serial under a Sheets date/time format (d, dd, ddd, dddd, m/M…, yy, yyyy, h, hh, H, HH, s, ss, am/pm). */
function formatSheetsDate(serial: number, format: string, timeZone: string): string {
  const f = wallFields(serialToInstant(serial, timeZone), timeZone);
  const twelve = /am\/pm|a\/p/i.test(format);
  let out = '';
  let i = 0;
  let lastToken = '';
  while (i < format.length) {
    const rest = format.slice(i);
    const quoted = /^"([^"]*)"/.exec(rest);
    if (quoted) {
      out += quoted[1];
      i += quoted[0].length;
      continue;
    }
    if (rest[0] === '\\') {
      out += rest[1] ?? '';
      i += 2;
      continue;
    }
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      out += f.H < 12 ? (ampm[0].length > 3 ? 'AM' : 'A') : ampm[0].length > 3 ? 'PM' : 'P';
      i += ampm[0].length;
      continue;
    }
    const run = /^([dDmMyYhHsS])\1*/.exec(rest);
    if (!run) {
      out += rest[0];
      i += 1;
      continue;
    }
    const token = run[0];
    const letter = (token[0] as string).toLowerCase();
    const n = token.length;
    i += n;
    if (letter === 'd') out += n === 1 ? String(f.d) : n === 2 ? pad(f.d, 2) : n === 3 ? (DAYS[f.E] as string).slice(0, 3) : (DAYS[f.E] as string);
    else if (letter === 'y') out += n <= 2 ? pad(f.y % 100, 2) : pad(f.y, 4);
    else if (letter === 'h') {
      const h = twelve ? ((f.H + 11) % 12) + 1 : f.H;
      out += n === 1 ? String(h) : pad(h, 2);
    } else if (letter === 's') out += n === 1 ? String(f.s) : pad(f.s, 2);
    else {
      // m: minutes right after an hour or before a second token, else month ([formats]).
      const minute = /h/i.test(lastToken) || /^[^dDyYhHmM]*[sS]/.test(format.slice(i));
      if (minute) out += n === 1 ? String(f.m) : pad(f.m, 2);
      else out += n === 1 ? String(f.M) : n === 2 ? pad(f.M, 2) : n === 3 ? (MONTHS[f.M - 1] as string).slice(0, 3) : (MONTHS[f.M - 1] as string);
    }
    lastToken = token;
  }
  return out;
}

/**
 * Utilities.formatDate: Java's SimpleDateFormat in the given time zone
 * ([formatDate]). Letters: y (2 letters = two-digit year; otherwise the year
 * zero-padded to the count, so yyyy gives 0005), M (1–2 digits, MMM short name,
 * MMMM full), d, D (day of year), E (EEE short, EEEE full), u (1 = Monday),
 * a (AM/PM), H, k (1–24), K (0–11), h (1–12), m, s, S (milliseconds), Z (+0800),
 * X/XX/XXX (ISO offsets); text in '…' is literal and '' is one apostrophe.
 * Other letters (G, Y, w, W, F, L, z) are not modelled and throw; letters
 * SimpleDateFormat does not know throw as in Java ("Illegal pattern character").
 * Dates before the Gregorian cutover of 1582 are not modelled (Java switches to
 * the Julian calendar there).
 */
export function simpleDateFormat(date: Date, timeZone: string, pattern: string): string {
  const instant = date.getTime();
  if (Number.isNaN(instant)) throw new Error('Invalid argument: date');
  if (instant < Date.UTC(1582, 9, 15)) throw new Error('fake: dates before the Gregorian cutover (1582-10-15) are not modelled');
  const f = wallFields(instant, timeZone);
  const offsetMin = Math.round(zoneOffset(instant, timeZone) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const oh = pad(Math.floor(Math.abs(offsetMin) / 60), 2);
  const om = pad(Math.abs(offsetMin) % 60, 2);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Inside quotes, '' is one apostrophe: 'o''clock' gives o'clock.
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new Error(`Unterminated quote in pattern: ${pattern}`);
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          out += "'";
          j += 2;
        } else if (pattern[j] === "'") break;
        else {
          out += pattern[j];
          j += 1;
        }
      }
      i = j + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n += 1;
    i += n;
    const num = (v: number): string => pad(v, n);
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(f.y % 100, 2) : num(f.y);
        break;
      case 'M':
        out += n >= 4 ? (MONTHS[f.M - 1] as string) : n === 3 ? (MONTHS[f.M - 1] as string).slice(0, 3) : num(f.M);
        break;
      case 'd':
        out += num(f.d);
        break;
      case 'D': {
        const startOfYear = Date.UTC(f.y, 0, 1);
        out += num(Math.floor((Date.UTC(f.y, f.M - 1, f.d) - startOfYear) / DAY_MS) + 1);
        break;
      }
      case 'E':
        out += n >= 4 ? (DAYS[f.E] as string) : (DAYS[f.E] as string).slice(0, 3);
        break;
      case 'u':
        out += num(f.E === 0 ? 7 : f.E);
        break;
      case 'a':
        out += f.H < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += num(f.H);
        break;
      case 'k':
        out += num(f.H === 0 ? 24 : f.H);
        break;
      case 'K':
        out += num(f.H % 12);
        break;
      case 'h':
        out += num(f.H % 12 === 0 ? 12 : f.H % 12);
        break;
      case 'm':
        out += num(f.m);
        break;
      case 's':
        out += num(f.s);
        break;
      case 'S':
        out += num(f.S);
        break;
      case 'Z':
        out += `${sign}${oh}${om}`;
        break;
      case 'X':
        out += offsetMin === 0 ? 'Z' : n === 1 ? `${sign}${oh}` : n === 2 ? `${sign}${oh}${om}` : `${sign}${oh}:${om}`;
        break;
      case 'G':
      case 'Y':
      case 'w':
      case 'W':
      case 'F':
      case 'L':
      case 'z':
        throw new Error(`fake: SimpleDateFormat letter ${ch} is not modelled`);
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

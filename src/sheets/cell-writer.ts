/**
 * The one way the add-on writes cell values. `Range.setValues` stores a string
 * the way Sheets parses typed input ("01234" → 1234, "7/14" → a date, "50%" →
 * 0.5, "TRUE" → true, "=A1" → a formula); only a leading apostrophe or a
 * plain-text number format keeps it as text. Every writer in src/sheets goes
 * through `writeValues` so that a string is stored exactly as given, and
 * numbers, booleans and Dates are stored as such.
 *
 * (Contract for issue 12/13: callers pass plain strings; this module decides how
 * they are protected. Refined by issue 12.)
 */
type Range = GoogleAppsScript.Spreadsheet.Range;

export type WriteValue = string | number | boolean | Date;

/** How a value is handed to `setValues` so Sheets stores exactly it: strings get a leading apostrophe (not shown, not stored). */
export function protectedValue(value: WriteValue): WriteValue {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}

/** Writes `values` (exactly the range's size) so every string is stored as text. One Range call. */
export function writeValues(range: Range, values: ReadonlyArray<ReadonlyArray<WriteValue>>): void {
  range.setValues(values.map((row) => row.map(protectedValue)));
}

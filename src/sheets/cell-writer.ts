/**
 * The one way the add-on writes cell values. `Range.setValues` stores a string
 * the way Sheets parses typed input ("01234" → 1234, "7/14" → a date, "50%" →
 * 0.5, "TRUE" → true, "=A1" → a formula, by the spreadsheet's locale); only a
 * leading apostrophe or a plain-text (`@`) number format keeps it as text.
 * Every writer in src/sheets goes through `writeValues` so that a string is
 * stored exactly as given, and numbers, booleans and Dates are stored as such.
 *
 * How a string is protected is decided per cell from the cell's own number
 * format, read in the same batch: in a plain-text cell the string is written
 * as it is (Sheets keeps text there, and an apostrophe could be kept as part of
 * it); in any other cell it gets a leading apostrophe, which Sheets does not
 * store. The add-on never sets a plain-text format to protect a write: that
 * would change the format of a cell a person owns (and of the cells they type
 * into next). Set-up gives new text columns the plain-text format once, so what
 * people type there later stays text too. See README, "Design".
 */
type Range = GoogleAppsScript.Spreadsheet.Range;

export type WriteValue = string | number | boolean | Date;

/** The plain-text number format (Format > Number > Plain text). */
export const PLAIN_TEXT_FORMAT = '@';

/**
 * How a value is handed to `setValues` so Sheets stores exactly it, given the
 * target cell's number format ('' = automatic): a non-empty string gets a
 * leading apostrophe unless the cell is plain text; '' clears the cell; other
 * values are passed as they are.
 */
export function protectedValue(value: WriteValue, format = ''): WriteValue {
  if (typeof value !== 'string' || value === '') return value;
  return format === PLAIN_TEXT_FORMAT ? value : `'${value}`;
}

/**
 * Writes `values` (exactly the range's size) so every string is stored as
 * text. Two Range calls: the range's number formats are read (unless the caller
 * passes them, read in an earlier batch) and the values written in one
 * `setValues`.
 *
 * @param formats the range's number formats, same shape as `values`, if already read
 */
export function writeValues(range: Range, values: ReadonlyArray<ReadonlyArray<WriteValue>>, formats?: ReadonlyArray<ReadonlyArray<string>>): void {
  const needsFormats = values.some((row) => row.some((v) => typeof v === 'string' && v !== ''));
  const cellFormats = formats ?? (needsFormats ? range.getNumberFormats() : null);
  range.setValues(values.map((row, r) => row.map((value, c) => protectedValue(value, cellFormats?.[r]?.[c] ?? ''))));
}

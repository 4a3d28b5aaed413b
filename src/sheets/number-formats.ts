/**
 * What kind of value a cell's number format makes of a number. In Sheets a
 * date is a number shown with a date format (days since 30 December 1899), so
 * the format decides what `getValues()` gives back: a number written into a
 * date-formatted cell reads back as a Date, a Date written into a
 * number-formatted cell reads back as a number, and a percent format shows the
 * fraction as a percent. Writers use this to write a value that reads back as
 * what the person typed without touching the format they chose.
 * (Sheets API, "Date & number formats": https://developers.google.com/sheets/api/guides/formats)
 */

export type FormatKind = 'automatic' | 'text' | 'date' | 'percent' | 'number';

/** The kind of a Sheets number format ('' = automatic, '@' = plain text). */
export function formatKind(format: string): FormatKind {
  if (format === '' || /^general$/i.test(format)) return 'automatic';
  if (format === '@') return 'text';
  const tokens = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  if (/[dyhs]/i.test(tokens) || (/m/i.test(tokens) && !/[0#]/.test(tokens))) return 'date';
  return tokens.includes('%') ? 'percent' : 'number';
}

/**
 * A register exported as CSV (one co-op per row, header first). Excel in an
 * Indonesian locale writes `;` between fields, elsewhere `,`: the header line
 * decides. Quoted fields may hold separators, quotes ("") and line breaks.
 *
 * Real exports are not always clean, and nothing may be lost silently:
 * - bytes that are not UTF-8 (Excel's "CSV" on Windows writes Windows-1252)
 *   are decoded as Windows-1252 and reported, never turned into `�`;
 * - a quote that is never closed would swallow every row after it: the quote
 *   is reported with its line and read as an ordinary character instead;
 * - control characters stay in the values; the core reader makes every text
 *   printable before it reaches a report (cell-values.ts `printable`).
 */
import type { Problem } from '../shared/types';
import { locatedProblem } from '../core/workbook/table-reader';

export interface CsvRead {
  values: string[][];
  problems: Problem[];
}

/** Reads the bytes of a CSV file as the sheet `sheet`; problems name that sheet and the line. */
export function readCsv(bytes: Uint8Array, sheet: string): CsvRead {
  const problems: Problem[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
    const lines = text.split(/\r?\n/);
    const line = lines.findIndex((l) => /[^\x00-\x7f]/.test(l));
    const word = /\S*[^\x00-\x7f]\S*/.exec(lines[line] ?? '')?.[0] ?? '';
    problems.push(locatedProblem('warning', { sheet, row: line + 1 }, 'csvEncoding', { value: word.slice(0, 40) }));
  }
  const literal = new Set<number>();
  for (;;) {
    const parsed = parseCsvText(text, literal);
    if (parsed.unclosedAt === null) return { values: parsed.rows, problems };
    literal.add(parsed.unclosedAt);
    const line = text.slice(0, parsed.unclosedAt).split('\n').length;
    problems.push(locatedProblem('warning', { sheet, row: line }, 'csvUnterminatedQuote', {}));
  }
}

/** The rows of CSV text (kept for callers that already hold a string); an unclosed quote is read as a character. */
export function parseCsv(text: string): string[][] {
  const literal = new Set<number>();
  for (;;) {
    const parsed = parseCsvText(text, literal);
    if (parsed.unclosedAt === null) return parsed.rows;
    literal.add(parsed.unclosedAt);
  }
}

/**
 * One pass over the text. `literal` holds offsets of quotes to read as
 * ordinary characters. Returns the offset of a quote still open at the end.
 */
function parseCsvText(text: string, literal: ReadonlySet<number>): { rows: string[][]; unclosedAt: number | null } {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const firstLine = text.slice(bom).split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quotedFrom: number | null = null;
  for (let i = bom; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quotedFrom !== null) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quotedFrom = null;
      else field += ch;
    } else if (ch === '"' && field === '' && !literal.has(i)) quotedFrom = i;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quotedFrom !== null) return { rows, unclosedAt: quotedFrom };
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows, unclosedAt: null };
}

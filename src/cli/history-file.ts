/**
 * The history outside Sheets: a CSV file with the very rows and header of the
 * `Riwayat` sheet, appended to by `pantau-kkmp history` and never rewritten —
 * and the `Riwayat` sheet of an .xlsx workbook (the sample carries a year of it).
 *
 * People open such a file in Excel and save it again: Excel then writes its
 * own separator (`;` in an Indonesian locale, `,` elsewhere), CRLF line ends,
 * a byte-order mark or Windows-1252, and the check dates in its locale. The
 * file is read through the register's CSV reader (./csv.ts: separator from
 * the header line, encodings reported), and new rows are appended in the
 * file's own separator, line end and encoding, so they read back as the
 * earlier ones do.
 */
import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { historyBlocks, readHistory, type HistoryBlock } from '../core/history/history-row';
import { SHEETS } from '../core/workbook/columns';
import type { SheetValues } from '../core/workbook/workbook-reader';
import type { Problem } from '../shared/types';
import { readCsv } from './csv';
import { XLSX_CELL_CONTEXT } from './xlsx-workbook';

/** How a history file is written: what new rows must follow. */
export interface HistoryFileFormat {
  separator: ';' | ',';
  lineEnd: '\n' | '\r\n';
  encoding: 'utf-8' | 'windows-1252';
  /** The file does not end with a line end (a last line must be closed first). */
  openLastLine: boolean;
}

/** A new file: `;`-separated (as Excel writes it in an Indonesian locale), UTF-8, LF. */
export const NEW_FILE_FORMAT: HistoryFileFormat = { separator: ';', lineEnd: '\n', encoding: 'utf-8', openLastLine: false };

/** One CSV field: quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string, separator: string = NEW_FILE_FORMAT.separator): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly string[], format: Pick<HistoryFileFormat, 'separator' | 'lineEnd'> = NEW_FILE_FORMAT): string {
  return `${cells.map((cell) => csvField(cell, format.separator)).join(format.separator)}${format.lineEnd}`;
}

/**
 * The rows of a history file (header first), its problems (an encoding that is not UTF-8, an unclosed
 * quote; each names the file and line) and its format; null when the file does not exist or holds nothing.
 */
export function readHistoryFile(file: string): { rows: string[][]; problems: Problem[]; format: HistoryFileFormat } | null {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) return null;
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const read = readCsv(bytes, file);
  const rows = read.values.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) return null;
  const encoding = isUtf8(bytes) ? 'utf-8' : 'windows-1252';
  const text = encoding === 'utf-8' ? bytes.toString('utf8') : new TextDecoder('windows-1252').decode(bytes);
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string): number => firstLine.split(ch).length - 1;
  return {
    rows,
    problems: read.problems,
    format: {
      separator: count(';') >= count(',') ? ';' : ',',
      lineEnd: /\r\n/.test(text) ? '\r\n' : '\n',
      encoding,
      openLastLine: !(text.endsWith('\n') || text.endsWith('\r')),
    },
  };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Text as Windows-1252 bytes, or null when a character has no such byte. */
function windows1252(text: string): Uint8Array | null {
  const decoder = new TextDecoder('windows-1252');
  const table = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b += 1) table.set(decoder.decode(Uint8Array.of(b)), b);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    const byte = code < 0x80 ? code : table.get(ch);
    if (byte === undefined) return null;
    out[i] = byte;
  }
  return out;
}

/**
 * Appends rows to a history file in its own format; a new file (format null) gets the header first. Only
 * ever appends: what the file holds is not written again.
 * @throws an Error naming the character when the rows cannot be written in the file's Windows-1252
 */
export function appendHistoryFile(file: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>, format: HistoryFileFormat | null): void {
  if (format === null) {
    writeFileSync(file, [header, ...rows].map((row) => csvLine(row)).join(''), 'utf8');
    return;
  }
  const text = (format.openLastLine ? format.lineEnd : '') + rows.map((row) => csvLine(row, format)).join('');
  if (format.encoding === 'utf-8') {
    appendFileSync(file, text, 'utf8');
    return;
  }
  const bytes = windows1252(text);
  if (!bytes) throw new Error(`${file}: ${[...text].find((ch) => windows1252(ch) === null)} cannot be written in Windows-1252`);
  appendFileSync(file, bytes);
}

/** History blocks from a CSV file, or else from the workbook's `Riwayat` sheet, with the problems of reading them. */
export function historyFrom(file: string | null, sheets: readonly SheetValues[]): { blocks: HistoryBlock[]; problems: Problem[] } {
  const fromFile = file ? readHistoryFile(file) : null;
  const values = file ? (fromFile?.rows ?? null) : (sheets.find((s) => s.name === SHEETS.history)?.values ?? null);
  if (!values) return { blocks: [], problems: [] };
  const read = readHistory(values, XLSX_CELL_CONTEXT, file ?? SHEETS.history);
  return { blocks: historyBlocks(read.entries), problems: [...(fromFile?.problems ?? []), ...read.problems] };
}

/** Adds (or replaces) the `Riwayat` sheet of an .xlsx workbook: every cell text, header bold and frozen. */
export function putHistorySheet(workbook: ExcelJS.Workbook, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const existing = workbook.getWorksheet(SHEETS.history);
  if (existing) workbook.removeWorksheet(existing.id);
  const sheet = workbook.addWorksheet(SHEETS.history, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRows([header.slice(), ...rows.map((row) => row.slice())]);
  sheet.getRow(1).font = { bold: true };
  header.forEach((label, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, Math.min(24, label.length + 4));
  });
}

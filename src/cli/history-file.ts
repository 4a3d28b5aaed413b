/**
 * The history outside Sheets: a CSV file (`;`-separated, as Excel writes it
 * in an Indonesian locale) with the very rows and header of the `Riwayat`
 * sheet, appended to by `pantau-kkmp history` and never rewritten — and the
 * `Riwayat` sheet of an .xlsx workbook (the sample carries a year of it).
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { historyBlocks, readHistory, type HistoryBlock } from '../core/history/history-row';
import { SHEETS } from '../core/workbook/columns';
import type { SheetValues } from '../core/workbook/workbook-reader';
import type { Problem } from '../shared/types';
import { parseCsv } from './csv';
import { XLSX_CELL_CONTEXT } from './xlsx-workbook';

const SEPARATOR = ';';

/** One CSV field: quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(SEPARATOR)}\n`;
}

/** The rows of a history file (header first), or null when there is none yet. */
export function readHistoryFile(file: string): string[][] | null {
  if (!existsSync(file)) return null;
  const rows = parseCsv(readFileSync(file, 'utf8'));
  return rows.length === 0 ? null : rows;
}

/**
 * Appends rows to a history file; a new file gets the header first. Only ever
 * appends: what the file holds is not written again.
 */
export function appendHistoryFile(file: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>, isNew: boolean): void {
  const text = rows.map(csvLine).join('');
  if (isNew) writeFileSync(file, csvLine(header) + text, 'utf8');
  else {
    const existing = readFileSync(file, 'utf8');
    appendFileSync(file, (existing === '' || existing.endsWith('\n') ? '' : '\n') + text, 'utf8');
  }
}

/** History blocks from a CSV file, or else from the workbook's `Riwayat` sheet. */
export function historyFrom(file: string | null, sheets: readonly SheetValues[]): { blocks: HistoryBlock[]; problems: Problem[] } {
  const values = file ? readHistoryFile(file) : (sheets.find((s) => s.name === SHEETS.history)?.values ?? null);
  if (!values) return { blocks: [], problems: [] };
  const read = readHistory(values, XLSX_CELL_CONTEXT, file ?? SHEETS.history);
  return { blocks: historyBlocks(read.entries), problems: read.problems };
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

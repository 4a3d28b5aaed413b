/**
 * Reads the rows of one table (already fetched in one batch) into typed
 * values, and reports every cell it cannot read with its sheet, row and column,
 * the value and what was expected. Blank rows are skipped. The register and
 * co-op sheets share this code: a co-op sheet is read as a one-row table.
 */
import type { Bilingual, Problem } from '../../shared/types';
import { fillBoth, message } from '../messages';
import { readCell, type CellContext, type CellValue } from './cell-values';
import type { ColumnSpec } from './columns';

export interface CellLocation {
  sheet: string;
  row: number;
  column: string;
}

export interface TableRow<F extends string> {
  /** The sheet row the data is on (for a co-op sheet, its first data row). */
  row: number;
  values: Partial<Record<F, CellValue>>;
  unreadable: F[];
}

export interface TableSource<F extends string> {
  sheet: string;
  /** Data rows: cells in the order of `columnIndex`. */
  rows: ReadonlyArray<readonly unknown[]>;
  columnIndex: ReadonlyMap<F, number>;
  /** The sheet row of a data row. */
  rowNumber(rowIndex: number): number;
  /** Where a cell is: (data row index, field) → sheet row and column label. */
  locate(rowIndex: number, field: F, columnLabel: string): CellLocation;
}

export function where(location: { sheet: string; row?: number | null; column?: string | null }): Bilingual {
  if (location.row != null && location.column != null) return fillBoth(message('problem', 'whereCell'), (n) => ({ sheet: location.sheet, row: String(location.row), column: location.column as string })[n]);
  if (location.row != null) return fillBoth(message('problem', 'whereRow'), (n) => ({ sheet: location.sheet, row: String(location.row) })[n]);
  return fillBoth(message('problem', 'whereSheet'), () => location.sheet);
}

/** A problem whose message starts with where it is. */
export function locatedProblem(
  severity: Problem['severity'],
  location: { sheet: string; row?: number | null; column?: string | null },
  key: string,
  values: Record<string, string | Bilingual>,
): Problem {
  const place = where(location);
  const text = fillBoth(message('problem', key), (name, lang) => {
    if (name === 'where') return place[lang];
    const value = values[name];
    return typeof value === 'string' ? value : value?.[lang];
  });
  return { severity, where: place.id, text, location: { sheet: location.sheet, row: location.row ?? null, column: location.column ?? null } };
}

export function readRows<F extends string>(source: TableSource<F>, columns: ReadonlyArray<ColumnSpec<F>>, context: CellContext, problems: Problem[]): Array<TableRow<F>> {
  const out: Array<TableRow<F>> = [];
  source.rows.forEach((cells, rowIndex) => {
    if (cells.every((cell) => cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''))) return;
    const row: TableRow<F> = { row: source.rowNumber(rowIndex), values: {}, unreadable: [] };
    for (const column of columns) {
      const index = source.columnIndex.get(column.field);
      if (index === undefined) continue;
      const raw = cells[index];
      const read = readCell(column.kind, raw, context);
      if ('value' in read) {
        row.values[column.field] = read.value;
        continue;
      }
      row.values[column.field] = null;
      row.unreadable.push(column.field);
      const location = source.locate(rowIndex, column.field, column.label);
      const shown = Object.prototype.toString.call(raw) === '[object Date]' ? String(raw) : truncate(String(raw));
      problems.push(
        read.problem === 'sheetsError'
          ? locatedProblem('warning', location, 'cellSheetsError', { value: shown })
          : locatedProblem('warning', location, 'cellUnreadable', { value: shown, expected: read.expected }),
      );
    }
    out.push(row);
  });
  return out;
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}


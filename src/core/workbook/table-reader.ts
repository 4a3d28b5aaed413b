/**
 * Reads the rows of one table (already fetched in one batch) into typed
 * values, and reports every cell it cannot read with its sheet, row and column,
 * the value and what was expected. Blank rows are skipped. The register and
 * co-op sheets share this code: a co-op sheet is read as a one-row table.
 */
import type { Bilingual, Problem } from '../../shared/types';
import { fillBoth, message } from '../messages';
import { isFormulaWithoutResult, printable, readCell, type CellContext, type CellValue } from './cell-values';
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
  /** Data rows: cells in the order of `columnIndex`. May be sparse: a hole is a row with no cells. */
  rows: ReadonlyArray<readonly unknown[]>;
  /** Number formats of the same cells (sparse: a missing entry is the default format); absent when not known (custom functions). */
  formats?: ReadonlyArray<readonly unknown[] | undefined>;
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

const DMY_TEXT = /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*$/;

export function readRows<F extends string>(source: TableSource<F>, columns: ReadonlyArray<ColumnSpec<F>>, context: CellContext, problems: Problem[]): Array<TableRow<F>> {
  const out: Array<TableRow<F>> = [];
  // Every row's values start from one template with every field in column order: V8 then keeps them as
  // small fixed-shape objects (adding 27 keys one by one turns an object into a hash table of ~1.6 KB).
  const template = {} as Partial<Record<F, CellValue>>;
  for (const column of columns) if (source.columnIndex.has(column.field)) template[column.field] = null;
  source.rows.forEach((cells, rowIndex) => {
    if (cells.every((cell) => cell === '' || cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''))) return;
    const row: TableRow<F> = { row: source.rowNumber(rowIndex), values: { ...template }, unreadable: [] };
    const formats = source.formats?.[rowIndex];
    for (const column of columns) {
      const index = source.columnIndex.get(column.field);
      if (index === undefined) continue;
      const raw = cells[index];
      // Where the sheet gives formats at all, a cell without one has the default format (not unknown).
      const numberFormat = source.formats ? (formats?.[index] ?? '') : undefined;
      const read = readCell(column.kind, raw, context, { numberFormat, pastEvent: column.pastEvent });
      if ('value' in read) {
        row.values[column.field] = read.value;
        continue;
      }
      row.values[column.field] = null;
      row.unreadable.push(column.field);
      const location = source.locate(rowIndex, column.field, column.label);
      problems.push(
        read.problem === 'sheetsError'
          ? locatedProblem('warning', location, 'cellSheetsError', { value: shown(raw, context) })
          : read.problem === 'noResult'
            ? locatedProblem('warning', location, 'cellNoResult', { value: shown(raw, context) })
            : locatedProblem('warning', location, 'cellUnreadable', { value: shown(raw, context), expected: read.expected }),
      );
    }
    out.push(row);
  });
  problems.push(...mixedDateProblems(source, columns));
  return out;
}

/**
 * Date columns holding both date cells and dd/mm/yyyy text (a sign of a
 * month-first locale, or of dates typed as text): one warning per column, at
 * its header, quoting the first such text. Depends on every row of the table,
 * so the sidebar's model computes it again whenever rows change.
 */
export function mixedDateProblems<F extends string>(source: TableSource<F>, columns: ReadonlyArray<ColumnSpec<F>>): Problem[] {
  const found: Array<{ row: number; problem: Problem }> = [];
  for (const column of columns) {
    const index = source.columnIndex.get(column.field);
    if (column.kind !== 'date' || index === undefined) continue;
    let dateCell = false;
    let first: { row: number; text: string } | null = null;
    for (let r = 0; r < source.rows.length; r += 1) {
      const raw = source.rows[r]?.[index];
      if (Object.prototype.toString.call(raw) === '[object Date]') dateCell = true;
      else if (first === null && typeof raw === 'string' && DMY_TEXT.test(raw)) first = { row: r, text: raw.trim() };
      if (dateCell && first !== null) break;
    }
    // About the column, so placed at its header (row index −1 is the row above the first data row).
    if (dateCell && first !== null) found.push({ row: first.row, problem: locatedProblem('warning', source.locate(-1, column.field, column.label), 'mixedDates', { value: truncate(printable(first.text)) }) });
  }
  // In the order the texts come in the sheet (row, then column), as they are met reading it.
  return found.sort((a, b) => a.row - b.row).map((f) => f.problem);
}

/** A cell's value as a problem quotes it: a date as dd/mm/yyyy, a formula with its =, text on one line. */
function shown(raw: unknown, context: CellContext): string {
  if (isFormulaWithoutResult(raw)) return truncate(`=${printable(raw.formulaWithoutResult)}`);
  if (Object.prototype.toString.call(raw) === '[object Date]') {
    const iso = Number.isNaN((raw as Date).getTime()) ? null : context.dateToIso(raw as Date);
    const m = iso ? /^(-?\d+)-(\d\d)-(\d\d)$/.exec(iso) : null;
    return m ? `${m[3]}/${m[2]}/${m[1]}` : String(raw);
  }
  return truncate(printable(String(raw)));
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}


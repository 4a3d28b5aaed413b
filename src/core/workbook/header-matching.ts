/**
 * Finds a table's header row and its columns by label: case, extra spaces,
 * punctuation and a trailing unit such as "(Rp)" are ignored, and synonyms are
 * accepted. The header may sit below a title (any of the first 10 rows).
 */
import type { ColumnSpec } from './columns';

export interface HeaderMatch<F extends string> {
  /** 0-based index of the header row in the values. */
  headerIndex: number;
  /** Field → 0-based column index. */
  columns: Map<F, number>;
  missing: Array<ColumnSpec<F>>;
  /** Labels found more than once (the first is used). */
  duplicates: string[];
}

const SCAN_ROWS = 10;

export function normaliseLabel(text: unknown): string {
  return String(text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)\s*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function columnLetter(index0: number): string {
  let s = '';
  for (let n = index0 + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function matchHeader<F extends string>(values: readonly unknown[][], columns: ReadonlyArray<ColumnSpec<F>>): HeaderMatch<F> | null {
  const byLabel = new Map<string, ColumnSpec<F>>();
  for (const column of columns) for (const label of [column.label, ...(column.synonyms ?? [])]) byLabel.set(normaliseLabel(label), column);
  let best: HeaderMatch<F> | null = null;
  let bestCount = 0;
  for (let r = 0; r < Math.min(SCAN_ROWS, values.length); r += 1) {
    const found = new Map<F, number>();
    const duplicates: string[] = [];
    (values[r] ?? []).forEach((cell, c) => {
      const column = byLabel.get(normaliseLabel(cell));
      if (!column) return;
      if (found.has(column.field)) duplicates.push(column.label);
      else found.set(column.field, c);
    });
    const hasRequired = columns.some((column) => column.required && found.has(column.field));
    if (hasRequired && found.size > bestCount) {
      bestCount = found.size;
      best = { headerIndex: r, columns: found, missing: columns.filter((c) => c.required && !found.has(c.field)), duplicates };
    }
  }
  return best;
}

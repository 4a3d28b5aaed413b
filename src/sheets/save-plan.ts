/**
 * The parts every form save is made of: the cells it will write (planned in
 * full before anything is written), the check that each changed cell still
 * holds what the form showed, the value a cell gets for a form value (keeping
 * the cell's tick box or format), a new record's row, and the writing itself —
 * cells of one row in contiguous columns, or of one column in contiguous rows,
 * share one write through the one cell writer. A save that must stop (a
 * question, a conflict, a field error) throws `Stop` before any write.
 */
import { idKey } from '../core/city-index';
import { fillBoth, message } from '../core/messages';
import { sameShown, shownValue } from '../core/forms/form-shown';
import { readCell, type CellContext, type CellValue } from '../core/workbook/cell-values';
import type { ColumnSpec } from '../core/workbook/columns';
import { matchHeader } from '../core/workbook/header-matching';
import type { SheetValues } from '../core/workbook/workbook-reader';
import type { FieldError, FormSubmission, SaveOutcome } from '../shared/forms';
import type { Bilingual } from '../shared/types';
import { writeValues, type WriteValue } from './cell-writer';
import { ensureSize } from './grid-writer';
import { formatKind } from './number-formats';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One cell to write (1-based row and column). */
export interface CellEdit {
  sheet: Sheet;
  row: number;
  column: number;
  value: WriteValue;
}

/** What a save will do once every check has passed (nothing is written before). */
export interface Plan {
  edits: CellEdit[];
  /** Done after the cell writes: renaming a co-op sheet, removing a RAT row. */
  then: Array<() => void>;
  saved: Bilingual;
}

/** A save that stops before writing: a question, a conflict or a field error. */
export class Stop extends Error {
  constructor(readonly outcome: Partial<SaveOutcome> & { errors: FieldError[] }) {
    super('stop');
  }
}

export interface Table {
  sheet: Sheet;
  values: unknown[][];
  columns: Map<string, number>;
  headerIndex: number;
}

export interface SaveContext {
  spreadsheet: Spreadsheet;
  sheets: readonly SheetValues[];
  cells: CellContext;
  zone: string;
  /** Number formats read so far, by sheet and row. */
  formats: Map<string, string[]>;
}

export function missing(value: string): Stop {
  return new Stop({ errors: [{ field: '-', text: fillBoth(message('form', 'notFound'), () => value) }] });
}

export function table(context: SaveContext, name: string, columns: ReadonlyArray<ColumnSpec>): Table {
  const sheet = context.spreadsheet.getSheetByName(name);
  const values = context.sheets.find((s) => s.name === sheet?.getName())?.values ?? [];
  const match = sheet ? matchHeader(values, columns) : null;
  if (!sheet || !match) throw missing(name);
  return { sheet, values, columns: match.columns, headerIndex: match.headerIndex };
}

export function column(table: Table, spec: ColumnSpec, sheetName: string): number {
  const index = table.columns.get(spec.field);
  if (index === undefined) throw missing(`${sheetName}: ${spec.label}`);
  return index;
}

/** A cell as the form shows it (unreadable cells show nothing, as in the form). */
export function shownOf(context: SaveContext, spec: ColumnSpec, raw: unknown): string | boolean {
  const read = readCell(spec.kind, raw === undefined ? '' : raw, context.cells);
  return shownValue(spec.kind, 'value' in read ? read.value : null);
}

/** Text for a shown value in a message. */
export function showText(value: string | boolean | undefined, lang: 'id' | 'en'): string {
  if (typeof value === 'boolean') return message('ui', value ? 'yes' : 'no')[lang];
  return value ?? '';
}

/** The rows of `table` whose ID column holds `id`, as 0-based indexes into its values. */
export function rowsWithId(table: Table, idColumn: number, id: string): number[] {
  const rows: number[] = [];
  table.values.forEach((row, r) => {
    if (r > table.headerIndex && idKey(row[idColumn] as string) === idKey(id)) rows.push(r);
  });
  return rows;
}

/**
 * Checks that each changed field's cell still holds what the form showed.
 * @throws Stop naming every field that changed in the sheet, with both values and what was typed
 */
export function checkUnchanged(context: SaveContext, submission: FormSubmission, tableOf: Table, rowIndex: number, specs: readonly ColumnSpec[]): void {
  const errors: FieldError[] = [];
  const labels: Bilingual[] = [];
  for (const spec of specs) {
    if (!(spec.field in submission.values)) continue;
    const now = shownOf(context, spec, tableOf.values[rowIndex]?.[tableOf.columns.get(spec.field) as number]);
    const shown = submission.shown?.[spec.field];
    if (sameShown(now, shown)) continue;
    const typed = submission.values[spec.field];
    errors.push({ field: spec.field, text: fillBoth(message('form', 'changedInSheet'), (name, lang) => ({ now: showText(now, lang), shown: showText(shown, lang), typed: showText(typed, lang) })[name]) });
    labels.push(message('label', `${submission.kind}.${spec.field}`));
  }
  if (errors.length > 0) throw conflict(errors, labels, errors.map((e) => e.field));
}

/** A save stopped because cells changed in the sheet since the form was opened: the fields, and a message naming them. */
export function conflict(errors: FieldError[], labels: Bilingual[], fields: string[]): Stop {
  const text = fillBoth(message('form', 'conflict'), (name, lang) => (name === 'fields' ? labels.map((l) => l[lang]).join(', ') : undefined));
  return new Stop({ errors, message: text, conflicts: fields });
}

/**
 * The value a cell gets for a form value, so that it reads back as what was
 * typed while the cell keeps its own way of holding it: a tick box stays a
 * tick box, a percent-formatted cell gets the fraction, and a cell whose
 * format would turn the value into something else (a date into a number, a
 * number into a date) gets the value as text instead of a new format.
 */
export function toCell(context: SaveContext, spec: ColumnSpec, value: CellValue, currentRaw: unknown, sheet: Sheet, row: number, col: number): WriteValue {
  if (value === null) return '';
  if (spec.kind === 'yesno') return typeof currentRaw === 'boolean' ? value === true : message('ui', value ? 'yes' : 'no').id;
  const format = formatKind(formatOf(context, sheet, row, col));
  if (spec.kind === 'date') {
    const date = Utilities.parseDate(value as string, context.zone, 'yyyy-MM-dd');
    return format === 'number' || format === 'percent' ? Utilities.formatDate(date, context.zone, 'dd/MM/yyyy') : date;
  }
  if (typeof value === 'number') {
    if (format === 'date') return String(value);
    if (spec.kind === 'percent') return percentCell(value, format === 'percent', context.cells);
  }
  return value as WriteValue;
}

/**
 * A percent as the cell should hold it so that it reads back as the same
 * percent: the fraction in a percent-formatted cell (60 % is 0.6), the number
 * elsewhere — unless the reader would take that number for something else
 * (1 is read as 1 %, not 100 %; 0.5 as 50 %, not 0.5 %): then the text "100%".
 */
export function percentCell(percent: number, formatted: boolean, cells: CellContext): WriteValue {
  const candidate = formatted ? percent / 100 : percent;
  const back = readCell('percent', candidate, cells);
  if ('value' in back && back.value === percent) return candidate;
  return `${String(percent).replace('.', ',')}%`;
}

/** A cell's number format; each row's formats are read once per save. */
export function formatOf(context: SaveContext, sheet: Sheet, row: number, col: number): string {
  const key = `${sheet.getSheetId()}:${row}`;
  let formats = context.formats.get(key);
  if (!formats) {
    const width = Math.max(sheet.getLastColumn(), col);
    formats = sheet.getRange(row, 1, 1, width).getNumberFormats()[0] ?? [];
    context.formats.set(key, formats);
  }
  return formats[col - 1] ?? '';
}

/**
 * A new record: the row after the last row holding anything, in one write
 * from its first to its last form column (the cells between are blank in a
 * row that holds nothing yet).
 */
export function newRow(context: SaveContext, target: Table, specs: readonly ColumnSpec[], values: Record<string, CellValue>): CellEdit[] {
  const row = Math.max(target.values.length, target.headerIndex + 1) + 1;
  const columns = specs.map((spec) => (target.columns.get(spec.field) as number) + 1);
  const first = Math.min(...columns);
  const last = Math.max(...columns);
  ensureSize(target.sheet, row, last);
  const edits: CellEdit[] = [];
  for (let col = first; col <= last; col += 1) {
    const spec = specs[columns.indexOf(col)];
    const value = spec ? values[spec.field] ?? null : null;
    edits.push({ sheet: target.sheet, row, column: col, value: spec && value !== null ? toCell(context, spec, value, '', target.sheet, row, col) : '' });
  }
  return edits;
}

/**
 * Writes the plan: cells of one row in contiguous columns share one write, and
 * so do single cells of one column in contiguous rows (a mentor's co-ops);
 * then renames and removals.
 */
export function apply(plan: Plan): void {
  const sameSheet = (a: CellEdit, b: CellEdit): boolean => a.sheet.getSheetId() === b.sheet.getSheetId();
  const byRow = plan.edits.slice().sort((a, b) => a.sheet.getSheetId() - b.sheet.getSheetId() || a.row - b.row || a.column - b.column);
  const rowRuns: CellEdit[][] = [];
  for (const edit of byRow) {
    const run = rowRuns[rowRuns.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && sameSheet(prev, edit) && prev.row === edit.row && edit.column === prev.column + 1) run.push(edit);
    else rowRuns.push([edit]);
  }
  const singles = rowRuns.filter((run) => run.length === 1).map((run) => run[0] as CellEdit);
  singles.sort((a, b) => a.sheet.getSheetId() - b.sheet.getSheetId() || a.column - b.column || a.row - b.row);
  const columnRuns: CellEdit[][] = [];
  for (const edit of singles) {
    const run = columnRuns[columnRuns.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && sameSheet(prev, edit) && prev.column === edit.column && edit.row === prev.row + 1) run.push(edit);
    else columnRuns.push([edit]);
  }
  for (const run of rowRuns) {
    if (run.length === 1) continue;
    const first = run[0] as CellEdit;
    writeValues(first.sheet.getRange(first.row, first.column, 1, run.length), [run.map((edit) => edit.value)]);
  }
  for (const run of columnRuns) {
    const first = run[0] as CellEdit;
    writeValues(first.sheet.getRange(first.row, first.column, run.length, 1), run.map((edit) => [edit.value]));
  }
  for (const step of plan.then) step();
}

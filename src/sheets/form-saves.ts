/**
 * Saves a sidebar form: checks it again on the server (the authority), then
 * writes one row in one batched write under the document lock — a new row at
 * the end, or the edited row in place, writing only the fields the form sent
 * and keeping that row's other cells and any formulas in it. A mentor's assignments are one more write of the register's
 * Pendamping column. Answers with the sidebar's data checked again, so the
 * statuses and the dashboard refresh at once. Nothing is written on an error.
 */
import { idKey } from '../core/city-index';
import { fillBoth, message } from '../core/messages';
import { FORM_FIELDS } from '../core/forms/form-fields';
import { validateForm } from '../core/forms/form-validation';
import type { CellValue } from '../core/workbook/cell-values';
import { MENTOR_COLUMNS, MEETING_COLUMNS, REGISTER_COLUMNS, SHEETS, type ColumnSpec } from '../core/workbook/columns';
import { matchHeader } from '../core/workbook/header-matching';
import { asText } from '../core/workbook/results-grid';
import type { SheetValues } from '../core/workbook/workbook-reader';
import type { FieldError, FormSubmission, SaveOutcome } from '../shared/forms';
import type { Lang } from '../shared/types';
import { withDocumentLock } from './document-lock';
import { ensureSize } from './grid-writer';
import { formContext, sidebarDataFrom } from './sidebar-data';
import { loadModel, modelAfterSave, summaryOf, type SaveEffect, type WrittenRange } from './sidebar-model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const TABLE_OF: Record<FormSubmission['kind'], { sheet: string; columns: ReadonlyArray<ColumnSpec>; key: string | null }> = {
  coop: { sheet: SHEETS.register, columns: REGISTER_COLUMNS, key: 'id' },
  checklist: { sheet: SHEETS.register, columns: REGISTER_COLUMNS, key: 'id' },
  rat: { sheet: SHEETS.meetings, columns: MEETING_COLUMNS, key: null },
  mentor: { sheet: SHEETS.mentors, columns: MENTOR_COLUMNS, key: 'id' },
};

class SaveError extends Error {
  constructor(readonly fieldError: FieldError) {
    super(fieldError.text.id);
  }
}

export function saveForm(submission: FormSubmission, lang: Lang, now: Date): SaveOutcome {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const loaded = loadModel(spreadsheet, now);
    const { sheets } = loaded;
    const check = validateForm(submission, formContext(loaded.model, summaryOf(loaded.model).mentorLoads));
    const notSaved = (errors: FieldError[]): SaveOutcome => ({ ok: false, errors, warnings: check.warnings, message: message('form', 'notSaved'), refreshed: null });
    if (check.errors.length > 0) return notSaved(check.errors);
    const written: WrittenRange[] = [];
    try {
      const table = TABLE_OF[submission.kind];
      if (submission.kind === 'checklist' && submission.editing === null) throw missing('-');
      written.push(writeRow(spreadsheet, sheets, table.sheet, table.columns, table.key, table.key === null ? null : submission.editing, FORM_FIELDS[submission.kind], check.values));
      if (submission.kind === 'mentor') {
        const column = writeAssignments(spreadsheet, sheets, submission.editing, check.values.id as string, submission.assigned ?? []);
        if (column) written.push(column);
      }
    } catch (error) {
      if (error instanceof SaveError) return notSaved([error.fieldError]);
      throw error;
    }
    const after = modelAfterSave(spreadsheet, now, loaded, { ...saveEffect(submission, check.values, loaded.model.coops), written });
    return { ok: true, errors: [], warnings: check.warnings, message: message('form', 'saved'), refreshed: sidebarDataFrom(spreadsheet, after, lang) };
  });
}

/** What a save can change: the co-ops and mentors to check again, the sheets written (see sidebar-model.ts). */
function saveEffect(submission: FormSubmission, values: Record<string, CellValue>, digests: ReadonlyArray<{ id: string; mentorId: string | null }>): Omit<SaveEffect, 'written'> {
  const text = (v: CellValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
  const before = (id: string | null): string | null => digests.find((d) => idKey(d.id) === idKey(id))?.mentorId ?? null;
  switch (submission.kind) {
    case 'coop': {
      const id = text(values.id) ?? submission.editing ?? '';
      const renamed = submission.editing !== null && idKey(submission.editing) !== idKey(id) ? { from: submission.editing, to: id } : undefined;
      const mentors = [before(submission.editing), 'mentorId' in values ? text(values.mentorId) : null].filter((m): m is string => m !== null);
      return { coops: [id], mentors, sheets: [SHEETS.register], ...(renamed ? { renamed } : {}) };
    }
    case 'checklist':
      return { coops: [submission.editing ?? ''], mentors: [], sheets: [SHEETS.register] };
    case 'rat':
      return { coops: [text(values.coopId) ?? ''], mentors: [], sheets: [SHEETS.meetings], bookYear: typeof values.bookYear === 'number' ? values.bookYear : null };
    case 'mentor': {
      const id = text(values.id) ?? submission.editing ?? '';
      return { coops: submission.assigned ?? [], mentors: [id, ...(submission.editing ? [submission.editing] : [])], sheets: [SHEETS.mentors, SHEETS.register] };
    }
  }
}

function missing(value: string): SaveError {
  return new SaveError({ field: '-', text: fillBoth(message('form', 'notFound'), () => value) });
}

/** The cell a sheet should hold for a value read from a form. */
function toCell(value: CellValue, column: ColumnSpec, timeZone: string): unknown {
  if (value === null) return '';
  if (column.kind === 'date') return Utilities.parseDate(value as string, timeZone, 'yyyy-MM-dd');
  if (column.kind === 'yesno') return message('ui', value ? 'yes' : 'no').id;
  if (typeof value === 'string') return asText(value);
  return value;
}

function writeRow(
  spreadsheet: Spreadsheet,
  sheets: readonly SheetValues[],
  sheetName: string,
  columns: ReadonlyArray<ColumnSpec>,
  keyField: string | null,
  editing: string | null,
  fields: readonly ColumnSpec[],
  values: Record<string, CellValue>,
): WrittenRange {
  const sheet = spreadsheet.getSheetByName(sheetName);
  const current = sheets.find((s) => s.name === sheetName)?.values ?? [];
  const match = sheet ? matchHeader(current, columns) : null;
  if (!sheet || !match) throw missing(sheetName);
  const absent = fields.filter((f) => !match.columns.has(f.field));
  if (absent.length > 0) throw missing(`${sheetName}: ${absent.map((f) => f.label).join(', ')}`);
  let index = current.length; // a new row goes after the last row with content
  if (editing !== null && keyField !== null) {
    const keyColumn = match.columns.get(keyField) as number;
    index = current.findIndex((row, r) => r > match.headerIndex && idKey(row[keyColumn] as string) === idKey(editing));
    if (index < 0) throw missing(editing);
  }
  const width = Math.max(current[match.headerIndex]?.length ?? 0, ...Array.from(match.columns.values(), (c) => c + 1));
  const row: unknown[] = Array.from({ length: width }, (_, c) => current[index]?.[c] ?? '');
  const zone = spreadsheet.getSpreadsheetTimeZone();
  ensureSize(sheet, index + 1, width);
  const range = sheet.getRange(index + 1, 1, 1, width);
  if (index < current.length) {
    // Keep formulas in the row's other cells: write them back as formulas, not as their values.
    range.getFormulas()[0]?.forEach((formula, c) => {
      if (formula) row[c] = formula;
    });
  }
  for (const field of fields) {
    if (field.field in values) row[match.columns.get(field.field) as number] = toCell(values[field.field] ?? null, field, zone);
  }
  range.setValues([row as Array<string | number | boolean | Date>]);
  return { sheet: sheetName, row: index + 1, column: 1, rows: 1, columns: width };
}

/** The register's Pendamping column after assigning `assigned` to the mentor, in one write. */
function writeAssignments(spreadsheet: Spreadsheet, sheets: readonly SheetValues[], oldId: string | null, newId: string, assigned: readonly string[]): WrittenRange | null {
  const register = sheets.find((s) => s.name === SHEETS.register);
  const sheet = spreadsheet.getSheetByName(SHEETS.register);
  const match = register ? matchHeader(register.values, REGISTER_COLUMNS) : null;
  if (!register || !sheet || !match || !match.columns.has('mentorId')) throw missing(SHEETS.register);
  const idColumn = match.columns.get('id') as number;
  const mentorColumn = match.columns.get('mentorId') as number;
  const first = match.headerIndex + 1;
  if (register.values.length <= first) return null;
  const chosen = new Set(assigned.map((id) => idKey(id)));
  const previous = new Set<string | null>([idKey(oldId), idKey(newId)].filter((k) => k !== null));
  const column = register.values.slice(first).map((row) => {
    const current = row[mentorColumn];
    if (chosen.has(idKey(row[idColumn] as string))) return [newId];
    return [previous.has(idKey(current as string)) ? '' : current];
  });
  sheet.getRange(first + 1, mentorColumn + 1, column.length, 1).setValues(column as unknown[][] as string[][]);
  return { sheet: SHEETS.register, row: first + 1, column: mentorColumn + 1, rows: column.length, columns: 1 };
}

/**
 * Saves a sidebar form, under the document lock: checks it again on the
 * server (the authority), then writes only the cells the person changed — a
 * new record's cells at the end of its table, an edit's changed fields in
 * place (contiguous fields share one write), never a cell of another field,
 * row or column. Before writing, every changed cell must still hold what the
 * form showed when it was opened; if one does not (a colleague typed there
 * meanwhile), nothing is written and the form says which field changed, with
 * both values. A mentor's assignments write only the register cells whose
 * mentor really changes, each checked the same way.
 *
 * Some saves ask first and write nothing until answered: a co-op ID that
 * changes while RAT rows or a co-op sheet carry the old ID (they then move with
 * it in the same save), a second RAT for the same co-op and book year (a second
 * meeting, or a correction of the existing row), removing a RAT row.
 *
 * Answers with the sidebar's data checked again, so the statuses and the
 * dashboard refresh at once. Nothing is written on an error.
 */
import { idKey } from '../core/city-index';
import { fill, fillBoth, message } from '../core/messages';
import { FORM_FIELDS } from '../core/forms/form-fields';
import { sameShown, shownValue } from '../core/forms/form-shown';
import { validateForm } from '../core/forms/form-validation';
import { readCell, type CellContext, type CellValue } from '../core/workbook/cell-values';
import { headerText, MENTOR_COLUMNS, MEETING_COLUMNS, REGISTER_COLUMNS, SHEETS, type ColumnSpec } from '../core/workbook/columns';
import { matchHeader, normaliseLabel } from '../core/workbook/header-matching';
import { isCoopSheet, type SheetValues } from '../core/workbook/workbook-reader';
import type { FieldError, FormSubmission, FormValues, SaveOutcome, SaveQuestion } from '../shared/forms';
import type { Bilingual, Lang } from '../shared/types';
import { writeValues, type WriteValue } from './cell-writer';
import { isReservedSheetName } from './coop-sheet-names';
import { formatKind } from './number-formats';
import { withDocumentLock } from './document-lock';
import { ensureSize } from './grid-writer';
import { formContext, sidebarDataFrom } from './sidebar-data';
import { loadModel, modelAfterSave, summaryOf, type SaveEffect, type WrittenRange } from './sidebar-model';
import { cellContext } from './spreadsheet-reader';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One cell to write (1-based row and column). */
interface CellEdit {
  sheet: Sheet;
  row: number;
  column: number;
  value: WriteValue;
}

/** What a save will do once every check has passed (nothing is written before). */
interface Plan {
  edits: CellEdit[];
  /** Done after the cell writes: renaming a co-op sheet, removing a RAT row. */
  then: Array<() => void>;
  saved: Bilingual;
}

/** A save that stops before writing: a question, a conflict or a field error. */
class Stop extends Error {
  constructor(readonly outcome: Partial<SaveOutcome> & { errors: FieldError[] }) {
    super('stop');
  }
}

interface Table {
  sheet: Sheet;
  values: unknown[][];
  columns: Map<string, number>;
  headerIndex: number;
}

interface SaveContext {
  spreadsheet: Spreadsheet;
  sheets: readonly SheetValues[];
  cells: CellContext;
  zone: string;
  /** Number formats read so far, by sheet and row. */
  formats: Map<string, string[]>;
}

export function saveForm(submission: FormSubmission, lang: Lang, now: Date): SaveOutcome {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const loaded = loadModel(spreadsheet, now);
    const { sheets } = loaded;
    const check = validateForm(submission, formContext(loaded.model, summaryOf(loaded.model).mentorLoads));
    const notSaved = (errors: FieldError[], text: Bilingual = message('form', 'notSaved')): SaveOutcome => ({ ok: false, errors, warnings: check.warnings, message: text, refreshed: null });
    if (check.errors.length > 0 && !submission.remove) return notSaved(check.errors);
    const zone = spreadsheet.getSpreadsheetTimeZone();
    const context: SaveContext = { spreadsheet, sheets, cells: cellContext(zone), zone, formats: new Map() };
    let plan: Plan;
    try {
      plan = planSave(context, submission, check.values);
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      const outcome = error.outcome;
      const stopped = notSaved(outcome.errors, outcome.message);
      if (outcome.question) stopped.question = outcome.question;
      if (outcome.conflicts) {
        stopped.conflicts = outcome.conflicts;
        stopped.current = sidebarDataFrom(spreadsheet, loaded, lang, now);
      }
      return stopped;
    }
    apply(plan);
    const after = modelAfterSave(spreadsheet, now, loaded, saveEffect(submission, check.values, loaded.model.coops, plan));
    return { ok: true, errors: [], warnings: check.warnings, message: plan.saved, refreshed: sidebarDataFrom(spreadsheet, after, lang, now) };
  });
}

/**
 * What a save can change, for the sidebar's model (sidebar-model.ts): the
 * co-ops and mentors to check again and the cells written (read back instead
 * of whole sheets). A renamed co-op or a removed RAT row (rows move) makes the
 * model check everything again.
 */
function saveEffect(submission: FormSubmission, values: Record<string, CellValue>, digests: ReadonlyArray<{ id: string; mentorId: string | null }>, plan: Plan): SaveEffect {
  const text = (v: CellValue | string | boolean | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
  const before = (id: string | null): string | null => digests.find((d) => idKey(d.id) === idKey(id))?.mentorId ?? null;
  const byBox = new Map<string, WrittenRange>();
  for (const edit of plan.edits) {
    const sheet = edit.sheet.getName();
    const box = byBox.get(sheet);
    if (!box) byBox.set(sheet, { sheet, row: edit.row, column: edit.column, rows: 1, columns: 1 });
    else {
      const top = Math.min(box.row, edit.row);
      const left = Math.min(box.column, edit.column);
      box.rows = Math.max(box.row + box.rows, edit.row + 1) - top;
      box.columns = Math.max(box.column + box.columns, edit.column + 1) - left;
      box.row = top;
      box.column = left;
    }
  }
  const written = Array.from(byBox.values());
  const sheets = written.map((w) => w.sheet);
  const everything: SaveEffect = { coops: [], mentors: [], sheets: [], rebuild: true };
  if (plan.then.length > 0) return everything;
  switch (submission.kind) {
    case 'coop': {
      const id = text(values.id) ?? submission.editing ?? '';
      if (submission.editing !== null && idKey(submission.editing) !== idKey(id)) return everything;
      const mentors = [before(submission.editing), 'mentorId' in values ? text(values.mentorId) : null].filter((m): m is string => m !== null);
      return { coops: [id], mentors, sheets, written };
    }
    case 'checklist':
      return { coops: [submission.editing ?? ''], mentors: [], sheets, written };
    case 'rat': {
      const coops = [text(values.coopId), text(submission.shown?.coopId)].filter((c): c is string => c !== null);
      const year = typeof values.bookYear === 'number' ? values.bookYear : null;
      return { coops, mentors: [], sheets, written, bookYear: year };
    }
    case 'mentor': {
      const id = text(values.id) ?? submission.editing ?? '';
      return { coops: [...(submission.assigned ?? []), ...(submission.assignments ?? []).map((a) => a.coopId)], mentors: [id, ...(submission.editing ? [submission.editing] : [])], sheets, written };
    }
  }
}

function planSave(context: SaveContext, submission: FormSubmission, values: Record<string, CellValue>): Plan {
  switch (submission.kind) {
    case 'coop':
    case 'checklist':
      return planRecord(context, submission, values, SHEETS.register, REGISTER_COLUMNS);
    case 'mentor': {
      const plan = planRecord(context, submission, values, SHEETS.mentors, MENTOR_COLUMNS);
      plan.edits.push(...planAssignments(context, submission, (values.id as string | undefined) ?? (submission.editing as string)));
      return plan;
    }
    case 'rat':
      return planMeeting(context, submission, values);
  }
}

function missing(value: string): Stop {
  return new Stop({ errors: [{ field: '-', text: fillBoth(message('form', 'notFound'), () => value) }] });
}

function table(context: SaveContext, name: string, columns: ReadonlyArray<ColumnSpec>): Table {
  const sheet = context.spreadsheet.getSheetByName(name);
  const values = context.sheets.find((s) => s.name === sheet?.getName())?.values ?? [];
  const match = sheet ? matchHeader(values, columns) : null;
  if (!sheet || !match) throw missing(name);
  return { sheet, values, columns: match.columns, headerIndex: match.headerIndex };
}

function column(table: Table, spec: ColumnSpec, sheetName: string): number {
  const index = table.columns.get(spec.field);
  if (index === undefined) throw missing(`${sheetName}: ${spec.label}`);
  return index;
}

/** A cell as the form shows it (unreadable cells show nothing, as in the form). */
function shownOf(context: SaveContext, spec: ColumnSpec, raw: unknown): string | boolean {
  const read = readCell(spec.kind, raw === undefined ? '' : raw, context.cells);
  return shownValue(spec.kind, 'value' in read ? read.value : null);
}

/** Text for a shown value in a message. */
function showText(value: string | boolean | undefined, lang: 'id' | 'en'): string {
  if (typeof value === 'boolean') return message('ui', value ? 'yes' : 'no')[lang];
  return value ?? '';
}

/** The rows of `table` whose ID column holds `id`, as 0-based indexes into its values. */
function rowsWithId(table: Table, idColumn: number, id: string): number[] {
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
function checkUnchanged(context: SaveContext, submission: FormSubmission, tableOf: Table, rowIndex: number, specs: readonly ColumnSpec[]): void {
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
function conflict(errors: FieldError[], labels: Bilingual[], fields: string[]): Stop {
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
function toCell(context: SaveContext, spec: ColumnSpec, value: CellValue, currentRaw: unknown, sheet: Sheet, row: number, col: number): WriteValue {
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
function percentCell(percent: number, formatted: boolean, cells: CellContext): WriteValue {
  const candidate = formatted ? percent / 100 : percent;
  const back = readCell('percent', candidate, cells);
  if ('value' in back && back.value === percent) return candidate;
  return `${String(percent).replace('.', ',')}%`;
}

/** A cell's number format; each row's formats are read once per save. */
function formatOf(context: SaveContext, sheet: Sheet, row: number, col: number): string {
  const key = `${sheet.getSheetId()}:${row}`;
  let formats = context.formats.get(key);
  if (!formats) {
    const width = Math.max(sheet.getLastColumn(), col);
    formats = sheet.getRange(row, 1, 1, width).getNumberFormats()[0] ?? [];
    context.formats.set(key, formats);
  }
  return formats[col - 1] ?? '';
}

/** A co-op (or its checklist) or a mentor: a new row at the end, or the changed fields of its row. */
function planRecord(context: SaveContext, submission: FormSubmission, values: Record<string, CellValue>, sheetName: string, columns: ReadonlyArray<ColumnSpec>): Plan {
  const target = table(context, sheetName, columns);
  const specs = FORM_FIELDS[submission.kind];
  for (const spec of specs) if (spec.field in values) column(target, spec, sheetName);
  const plan: Plan = { edits: [], then: [], saved: message('form', 'saved') };
  if (submission.editing === null) {
    if (submission.kind === 'checklist') throw missing('-');
    plan.edits.push(...newRow(context, target, specs, values));
    return plan;
  }
  const idColumn = target.columns.get('id') as number;
  const rowIndex = rowsWithId(target, idColumn, submission.editing)[0];
  if (rowIndex === undefined) throw missing(submission.editing);
  checkUnchanged(context, submission, target, rowIndex, specs);
  for (const spec of specs) {
    if (!(spec.field in values)) continue;
    const col = (target.columns.get(spec.field) as number) + 1;
    const raw = target.values[rowIndex]?.[col - 1];
    plan.edits.push({ sheet: target.sheet, row: rowIndex + 1, column: col, value: toCell(context, spec, values[spec.field] ?? null, raw, target.sheet, rowIndex + 1, col) });
  }
  const newId = values.id;
  if (submission.kind === 'coop' && typeof newId === 'string' && idKey(newId) !== idKey(submission.editing)) planCoopRename(context, submission, submission.editing, newId, plan);
  return plan;
}

/**
 * A co-op ID that changes takes its RAT rows and its co-op sheet with it, in
 * the same save, after the person said yes; a co-op sheet that cannot take
 * the new name refuses the whole save.
 */
function planCoopRename(context: SaveContext, submission: FormSubmission, oldId: string, newId: string, plan: Plan): void {
  const meetings = context.sheets.some((s) => s.name === SHEETS.meetings) ? table(context, SHEETS.meetings, MEETING_COLUMNS) : null;
  const ratColumn = meetings?.columns.get('coopId');
  const ratRows = meetings && ratColumn !== undefined ? rowsWithId(meetings, ratColumn, oldId) : [];
  const coopSheet = context.sheets.find((s) => idKey(s.name) === idKey(oldId) && isCoopSheet(s.values));
  if (coopSheet) {
    const taken = context.spreadsheet.getSheetByName(newId.trim());
    if ((taken && taken.getName() !== coopSheet.name) || isReservedSheetName(newId)) {
      throw new Stop({ errors: [{ field: 'id', text: fillBoth(message('form', 'renameSheetTaken'), (name) => ({ sheet: newId.trim(), old: coopSheet.name })[name]) }] });
    }
  }
  if ((ratRows.length > 0 || coopSheet) && submission.answers?.renameId !== true) {
    const question: SaveQuestion = {
      kind: 'renameId',
      text: fillBoth(message('form', 'renameAsk'), (name, lang) =>
        ({ old: oldId, new: newId, rat: String(ratRows.length), sheet: coopSheet ? fill(message('form', 'renameAskSheet')[lang], () => coopSheet.name) : '' })[name],
      ),
      options: [
        { label: message('form', 'answerMove'), answers: { ...submission.answers, renameId: true } },
        { label: message('form', 'answerCancel'), answers: null },
      ],
    };
    throw new Stop({ errors: [], message: question.text, question });
  }
  if (meetings && ratColumn !== undefined) for (const r of ratRows) plan.edits.push({ sheet: meetings.sheet, row: r + 1, column: ratColumn + 1, value: newId });
  if (coopSheet) {
    const sheet = context.spreadsheet.getSheetByName(coopSheet.name) as Sheet;
    const idLabel = normaliseLabel(headerText(REGISTER_COLUMNS.find((c) => c.field === 'id') as ColumnSpec));
    const idRow = coopSheet.values.findIndex((row) => normaliseLabel(row[0]) === idLabel);
    if (idRow >= 0) plan.edits.push({ sheet, row: idRow + 1, column: 2, value: newId });
    plan.then.push(() => sheet.setName(newId.trim()));
  }
}

/** The register's Pendamping cells that change, each checked against what the form showed. */
function planAssignments(context: SaveContext, submission: FormSubmission, mentorId: string): CellEdit[] {
  const changes = submission.assignments ?? [];
  if (changes.length === 0) return [];
  const register = table(context, SHEETS.register, REGISTER_COLUMNS);
  const mentorSpec = REGISTER_COLUMNS.find((c) => c.field === 'mentorId') as ColumnSpec;
  const mentorColumn = column(register, mentorSpec, SHEETS.register);
  const idColumn = register.columns.get('id') as number;
  const errors: FieldError[] = [];
  const edits: CellEdit[] = [];
  for (const change of changes) {
    const r = rowsWithId(register, idColumn, change.coopId)[0];
    if (r === undefined) throw missing(change.coopId);
    if (change.value !== '' && idKey(change.value) !== idKey(mentorId)) throw missing(change.value);
    const now = shownOf(context, mentorSpec, register.values[r]?.[mentorColumn]) as string;
    if (idKey(now) !== idKey(change.shown)) {
      errors.push({ field: 'assigned', text: fillBoth(message('form', 'assignmentChanged'), (name) => ({ coop: change.coopId, now, shown: change.shown })[name]) });
      continue;
    }
    edits.push({ sheet: register.sheet, row: r + 1, column: mentorColumn + 1, value: change.value === '' ? '' : mentorId.trim() });
  }
  if (errors.length > 0) throw conflict(errors, [message('ui', 'assignedCoops')], ['assigned']);
  return edits;
}

/** The RAT rows whose every form field shows what `shown` says (0-based indexes). */
function meetingRowsShown(context: SaveContext, meetings: Table, shown: FormValues): number[] {
  const rows: number[] = [];
  meetings.values.forEach((row, r) => {
    if (r <= meetings.headerIndex) return;
    if (FORM_FIELDS.rat.every((spec) => sameShown(shownOf(context, spec, row[meetings.columns.get(spec.field) as number]), shown[spec.field]))) rows.push(r);
  });
  return rows;
}

/** A RAT row: new (asking first when its co-op and book year already have one), edited, or removed. */
function planMeeting(context: SaveContext, submission: FormSubmission, values: Record<string, CellValue>): Plan {
  const meetings = table(context, SHEETS.meetings, MEETING_COLUMNS);
  const specs = FORM_FIELDS.rat;
  for (const spec of specs) column(meetings, spec, SHEETS.meetings);
  const plan: Plan = { edits: [], then: [], saved: message('form', 'saved') };
  const cell = (r: number, spec: ColumnSpec): unknown => meetings.values[r]?.[meetings.columns.get(spec.field) as number];
  const editRow = (r: number, onlyDifferent: boolean): void => {
    for (const spec of specs) {
      if (!(spec.field in values)) continue;
      const value = values[spec.field] ?? null;
      if (onlyDifferent && sameShown(shownOf(context, spec, cell(r, spec)), shownValue(spec.kind, value))) continue;
      const col = (meetings.columns.get(spec.field) as number) + 1;
      plan.edits.push({ sheet: meetings.sheet, row: r + 1, column: col, value: toCell(context, spec, value, cell(r, spec), meetings.sheet, r + 1, col) });
    }
  };
  const describe = (r: number) => (name: string): string | undefined =>
    ({ coop: String(shownOf(context, specs[0] as ColumnSpec, cell(r, specs[0] as ColumnSpec))), year: String(shownOf(context, specs[1] as ColumnSpec, cell(r, specs[1] as ColumnSpec))), date: displayIso(shownOf(context, specs[2] as ColumnSpec, cell(r, specs[2] as ColumnSpec)) as string) })[name];

  if (submission.editing !== null || submission.remove) {
    const r = meetingRowsShown(context, meetings, submission.shown ?? {})[0];
    if (r === undefined) throw new Stop({ errors: [{ field: '-', text: message('form', 'rowGone') }], message: message('form', 'rowGone'), conflicts: ['-'] });
    if (submission.remove) {
      if (submission.answers?.remove !== true) {
        const question: SaveQuestion = {
          kind: 'removeRat',
          text: fillBoth(message('form', 'ratRemoveAsk'), describe(r)),
          options: [
            { label: message('form', 'answerRemove'), answers: { remove: true } },
            { label: message('form', 'answerCancel'), answers: null },
          ],
        };
        throw new Stop({ errors: [], message: question.text, question });
      }
      plan.then.push(() => meetings.sheet.deleteRow(r + 1));
      plan.saved = message('form', 'removed');
      return plan;
    }
    editRow(r, false);
    return plan;
  }

  const coopColumn = meetings.columns.get('coopId') as number;
  const yearSpec = specs.find((s) => s.field === 'bookYear') as ColumnSpec;
  const same = rowsWithId(meetings, coopColumn, values.coopId as string).filter((r) => sameShown(shownOf(context, yearSpec, cell(r, yearSpec)), shownValue(yearSpec.kind, values.bookYear ?? null)));
  const last = same[same.length - 1];
  if (last !== undefined) {
    const answer = submission.answers?.duplicateRat;
    if (answer === undefined) {
      const question: SaveQuestion = {
        kind: 'duplicateRat',
        text: fillBoth(message('form', 'ratDuplicateAsk'), describe(last)),
        options: [
          { label: message('form', 'answerSecond'), answers: { duplicateRat: 'second' } },
          { label: message('form', 'answerCorrection'), answers: { duplicateRat: 'correction' } },
          { label: message('form', 'answerCancel'), answers: null },
        ],
      };
      throw new Stop({ errors: [], message: question.text, question });
    }
    if (answer === 'correction') {
      editRow(last, true);
      if (plan.edits.length === 0) plan.saved = message('form', 'noChange');
      return plan;
    }
  }
  plan.edits.push(...newRow(context, meetings, specs, values));
  return plan;
}

/**
 * A new record: the row after the last row holding anything, in one write
 * from its first to its last form column (the cells between are blank in a
 * row that holds nothing yet).
 */
function newRow(context: SaveContext, target: Table, specs: readonly ColumnSpec[], values: Record<string, CellValue>): CellEdit[] {
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

/** A date as the sheets show it (dd/mm/yyyy), '-' for none. */
function displayIso(iso: string): string {
  return iso === '' ? '-' : iso.split('-').reverse().join('/');
}

/**
 * Writes the plan: cells of one row in contiguous columns share one write, and
 * so do single cells of one column in contiguous rows (a mentor's co-ops);
 * then renames and removals.
 */
function apply(plan: Plan): void {
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

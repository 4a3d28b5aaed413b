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
 * dashboard refresh at once. Nothing is written on an error. The RAT form is
 * in ./meeting-saves.ts; the parts every save shares in ./save-plan.ts.
 */
import { idKey } from '../core/city-index';
import { fill, fillBoth, message } from '../core/messages';
import { FORM_FIELDS } from '../core/forms/form-fields';
import { validateForm } from '../core/forms/form-validation';
import type { CellValue } from '../core/workbook/cell-values';
import { headerText, MENTOR_COLUMNS, REGISTER_COLUMNS, SHEETS, MEETING_COLUMNS, type ColumnSpec } from '../core/workbook/columns';
import { normaliseLabel } from '../core/workbook/header-matching';
import { isCoopSheet } from '../core/workbook/workbook-reader';
import type { FieldError, FormSubmission, SaveOutcome, SaveQuestion } from '../shared/forms';
import type { Bilingual, Lang } from '../shared/types';
import { isReservedSheetName } from './coop-sheet-names';
import { withDocumentLock } from './document-lock';
import { planMeeting } from './meeting-saves';
import { apply, checkUnchanged, column, conflict, missing, newRow, rowsWithId, shownOf, Stop, table, toCell, type CellEdit, type Plan, type SaveContext } from './save-plan';
import { formContext, sidebarDataFrom } from './sidebar-data';
import { loadModel, modelAfterSave, recheck, summaryOf, type SaveEffect, type WrittenRange } from './sidebar-model';
import { cellContext } from './spreadsheet-reader';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Saves one submission of the sidebar (see FormSubmission: changed fields with
 * the values shown, answers to an earlier question).
 * @returns ok with the refreshed sidebar data; or not ok with field errors, a
 *   question to answer, or the fields that changed in the sheet (with the
 *   workbook as it is now), nothing written
 */
export function saveForm(submission: FormSubmission, lang: Lang, now: Date): SaveOutcome {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const loaded = loadModel(spreadsheet, now);
    const { sheets, model } = loaded;
    const editing = submission.editing;
    // The record as it stands (only the edited co-op is read again; mentors are read whole), so checks across fields see unchanged ones.
    const current =
      editing === null || submission.kind === 'rat'
        ? null
        : (() => {
            const { read } = submission.kind === 'mentor' ? recheck(spreadsheet, sheets, model, [], [editing]) : recheck(spreadsheet, sheets, model, [editing]);
            return ((submission.kind === 'mentor' ? read.mentors.find((m) => idKey(m.id) === idKey(editing)) : read.coops.find((c) => idKey(c.id) === idKey(editing))) as unknown as Record<string, unknown> | undefined) ?? null;
          })();
    const check = validateForm(submission, formContext(model, summaryOf(model).mentorLoads), current);
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
    const after = modelAfterSave(spreadsheet, now, loaded, saveEffect(plan));
    return { ok: true, errors: [], warnings: check.warnings, message: plan.saved, refreshed: sidebarDataFrom(spreadsheet, after, lang, now) };
  });
}

/**
 * What a save wrote, for the sidebar's model (sidebar-model.ts): the ranges
 * (read back instead of whole sheets); the model finds from the rows which
 * co-ops to check again. A co-op sheet renamed makes it read everything again.
 */
function saveEffect(plan: Plan): SaveEffect {
  if (plan.then.length > 0) return { sheets: [], rebuild: true };
  // Per sheet, runs of consecutive rows written (each read back whole in one call).
  const bySheet = new Map<string, Map<number, number>>();
  for (const edit of plan.edits) {
    const sheet = edit.sheet.getName();
    const rows = bySheet.get(sheet) ?? new Map<number, number>();
    rows.set(edit.row, Math.max(rows.get(edit.row) ?? 0, edit.column));
    bySheet.set(sheet, rows);
  }
  const written: WrittenRange[] = [];
  for (const [sheet, rows] of bySheet) {
    let run: WrittenRange | null = null;
    for (const row of Array.from(rows.keys()).sort((x, y) => x - y)) {
      const right = rows.get(row) as number;
      if (run && run.row + run.rows === row) {
        run.rows += 1;
        run.columns = Math.max(run.columns, right);
      } else written.push((run = { sheet, row, column: 1, rows: 1, columns: right }));
    }
  }
  return { sheets: Array.from(bySheet.keys()), written };
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


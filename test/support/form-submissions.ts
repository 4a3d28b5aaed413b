/**
 * Builds form submissions the way the sidebar does (src/sidebar/main.ts):
 * for an edit, only the fields that differ from what the form showed, each
 * with the value shown; for a mentor, the register cells whose mentor changes.
 * Tests use it so that they drive the server with what the real form sends.
 */
import { assignmentChanges, changedFields, shownRecord } from '../../src/core/forms/form-shown';
import type { FormKind, FormSubmission, FormValues } from '../../src/shared/forms';
import type { WorkbookData } from '../../src/shared/sidebar-api';

/** What a form was opened on: the workbook as read (getWorkbookData), which the sidebar fetches record by record. */
export interface Opened {
  workbook: WorkbookData;
}

/** The record the form shows for `editing` (a RAT by its place in the list). */
export function recordIn(data: Opened, kind: FormKind, editing: string): Record<string, unknown> | null {
  const found = kind === 'mentor' ? data.workbook.mentors.find((m) => m.id === editing) : kind === 'rat' ? data.workbook.meetings[Number(editing)] : data.workbook.coops.find((c) => c.id === editing);
  return (found as unknown as Record<string, unknown>) ?? null;
}

const only = (values: FormValues, fields: readonly string[]): FormValues => Object.fromEntries(fields.map((f) => [f, values[f] as string | boolean]));

/** An edit of `editing` where the person typed `typed` over some fields. */
export function editSubmission(data: Opened, kind: FormKind, editing: string, typed: FormValues, extra: Partial<FormSubmission> = {}): FormSubmission {
  const record = recordIn(data, kind, editing);
  const shown = shownRecord(kind, record);
  const changed = changedFields(kind, record, { ...shown, ...typed });
  return { kind, editing, values: only({ ...shown, ...typed }, changed), shown: kind === 'rat' ? shown : only(shown, changed), ...extra };
}

/** A mentor save: the mentor's own fields plus the co-ops ticked. */
export function mentorSubmission(data: Opened, editing: string | null, typed: FormValues, ticked: string[]): FormSubmission {
  const base: FormSubmission = editing === null ? { kind: 'mentor', editing: null, values: typed } : editSubmission(data, 'mentor', editing, typed);
  const mentorId = String(typed.id ?? editing ?? '').trim();
  return { ...base, assigned: ticked, assignments: assignmentChanges(data.workbook.coops, editing, mentorId, ticked) };
}

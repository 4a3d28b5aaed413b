/**
 * What the sidebar's forms send and get back. Values travel as the person
 * typed them (text, or true/false for a tick box), so nothing typed is lost on
 * an error, and the server reads them with the same normalisation as a cell.
 */
import type { SidebarData } from './sidebar-api';
import type { Bilingual } from './types';

export type FormKind = 'coop' | 'rat' | 'mentor' | 'checklist';

/** Field → what was typed ('' for empty) or ticked. */
export type FormValues = Record<string, string | boolean>;

/**
 * A form save. A new record sends every field in `values`. An edit sends only
 * the fields the person changed, each with what the form showed when it was
 * opened (`shown`), so the server writes only those cells and only if the
 * sheet still holds what the person saw (otherwise nothing is written and the
 * form says which field changed). A RAT edit or removal sends `shown` for every
 * field: they identify the row.
 */
export interface FormSubmission {
  kind: FormKind;
  /** The record being edited (co-op or mentor ID; for a RAT, its place in the list), or null for a new one. */
  editing: string | null;
  /** Field → new value: every field of a new record, the changed fields of an edit. */
  values: FormValues;
  /** Edit: field → what the form showed when it was opened. */
  shown?: FormValues;
  /** Mentor form: the co-ops assigned to the mentor after the save (for the load warning). */
  assigned?: string[];
  /** Mentor form: the register's Pendamping cells that change, each with the mentor the form showed. */
  assignments?: AssignmentChange[];
  /** RAT: remove the row shown (identified by `shown`). */
  remove?: boolean;
  /** Answers to the question a previous try of the same save asked. */
  answers?: SaveAnswers;
}

/** One co-op's mentor cell: what the form showed ('' = none) and what it becomes ('' = none). */
export interface AssignmentChange {
  coopId: string;
  shown: string;
  value: string;
}

export interface SaveAnswers {
  /** The co-op ID changes: move its RAT rows and co-op sheet with it. */
  renameId?: boolean;
  /** A RAT for a co-op and book year that already has one: a second meeting, or a correction of the existing row. */
  duplicateRat?: 'second' | 'correction';
  /** Remove the RAT row. */
  remove?: boolean;
}

/** A question the server asks before it writes (nothing was written yet). */
export interface SaveQuestion {
  kind: 'renameId' | 'duplicateRat' | 'removeRat';
  text: Bilingual;
  /** Buttons: each sends the save again with these answers (null = cancel). */
  options: Array<{ label: Bilingual; answers: SaveAnswers | null }>;
}

export interface FieldError {
  field: string;
  text: Bilingual;
}

/** What a form needs to know to check its values, on both sides. */
export interface FormContext {
  today: string;
  coopIds: string[];
  mentorIds: string[];
  /** Mentor key → number of co-ops naming it now. */
  mentorLoads: Record<string, number>;
  /** Co-op key → its mentor key now (for load after re-assignment). */
  coopMentors: Record<string, string | null>;
  /** Co-op key → members in the register (for attendance). */
  coopMembers: Record<string, number | null>;
  mentorMaxLoad: number;
}

export interface SaveOutcome {
  ok: boolean;
  errors: FieldError[];
  /** Warnings that did not stop the save (e.g. a mentor above the maximum load). */
  warnings: FieldError[];
  message: Bilingual;
  /** After a save: the sidebar's data checked again (statuses, dashboard); null when nothing was saved. */
  refreshed: SidebarData | null;
  /** A question to answer before anything is written (ID rename, second RAT, removal). */
  question?: SaveQuestion;
  /** Fields (or co-ops, for assignments) that changed in the sheet since the form was opened; nothing was written. */
  conflicts?: string[];
  /** With conflicts: the workbook as it is now, so the form can take the sheet's values for the fields the person did not change. */
  current?: SidebarData;
}

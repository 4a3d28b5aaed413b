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

export interface FormSubmission {
  kind: FormKind;
  /** The record being edited (co-op or mentor ID), or null for a new one. */
  editing: string | null;
  values: FormValues;
  /** Mentor form: the co-ops assigned to the mentor. */
  assigned?: string[];
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
}

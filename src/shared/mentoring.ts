/**
 * The shapes of the mentors' year (issue 17): a visit of the `Kunjungan` log,
 * a mentor's work list, the monthly report and the year-end evaluation. They
 * cross google.script.run and the command line, so they are JSON-safe like
 * ./types.ts: ISO `YYYY-MM-DD` dates, `null` for a missing value.
 */
import type { Bilingual, CheckId, IsoDate, Severity, StatusCode } from './types';

/** One mentor visit, a row of the sheet `Kunjungan`. */
export interface Visit {
  mentorId: string;
  coopId: string;
  date: IsoDate | null;
  /** One of VISIT_ACTIVITIES when recognised, else as typed (reported). */
  activity: string | null;
  notes: string | null;
  followUp: string | null;
  followUpDue: IsoDate | null;
  /** "Tindak Lanjut Selesai": the follow-up was done (optional column; blank = not yet). */
  followUpDone: boolean | null;
  /** The sheet row (for messages and the sidebar). */
  row: number;
}

/** A follow-up not yet done, with whether its deadline has passed. */
export interface OpenFollowUp {
  coopId: string;
  mentorId: string;
  visitDate: IsoDate | null;
  followUp: string;
  due: IsoDate | null;
  overdue: boolean;
  /** Days past the deadline on the check date (0 when not overdue or no deadline). */
  daysOverdue: number;
  row: number;
}

export type DueKind = 'ratDue' | 'ratReportDue' | 'contractEnd' | 'followUp';

/** A date the mentor should plan for. */
export interface DueDate {
  kind: DueKind;
  date: IsoDate;
  label: Bilingual;
  /** Days from the check date (negative: past). */
  inDays: number;
  overdue: boolean;
}

/** One unmet requirement of a co-op, with what to do about it. */
export interface WorkItem {
  check: CheckId;
  rule: string;
  weight: 'hard' | 'soft';
  severity: Severity;
  /** The reason as the checks give it (value found, value required). */
  reason: Bilingual;
  /** What the mentor should do next. */
  nextStep: Bilingual;
  /** The deadline this requirement has, if any. */
  due: IsoDate | null;
}

export interface CoopWork {
  coopId: string;
  name: string | null;
  statuses: Array<{ check: CheckId; status: StatusCode; label: Bilingual; severity: Severity }>;
  /** Unmet requirements: hard before soft, then the nearest deadline first. */
  items: WorkItem[];
  dates: DueDate[];
  followUps: OpenFollowUp[];
  lastVisit: IsoDate | null;
  /** Visits since the start of the contract (or ever, without one). */
  visitCount: number;
}

export interface WorkList {
  asOf: IsoDate;
  mentorId: string;
  mentorName: string | null;
  listed: boolean;
  contractStart: IsoDate | null;
  contractEnd: IsoDate | null;
  /** The co-ops naming this mentor, most urgent first. */
  coops: CoopWork[];
  /** Next dates across all co-ops, nearest first (overdue first). */
  dates: Array<DueDate & { coopId: string }>;
}

/** A requirement met during a period, from a dated fact of the workbook (a RAT held, a report sent, an SK AHU issued…). */
export interface MetEvent {
  coopId: string;
  date: IsoDate;
  kind: 'deed' | 'skAhu' | 'ratHeld' | 'ratReported';
  label: Bilingual;
}

/** Where start-of-period statuses came from: the history log (`Riwayat`), or — where it does not reach that day — the statuses now. */
export type StatusSource = 'history' | 'now';

export interface CoopStatusPair {
  coopId: string;
  name: string | null;
  start: Array<{ check: CheckId; label: Bilingual; severity: Severity }>;
  end: Array<{ check: CheckId; label: Bilingual; severity: Severity }>;
}

export interface MonthlyReport {
  mentorId: string;
  mentorName: string | null;
  /** `YYYY-MM`. */
  month: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  statusSource: StatusSource;
  /** The check dates whose statuses the report shows for the month's start and end (a Riwayat block's, or the check date). */
  startCheckedOn: IsoDate;
  endCheckedOn: IsoDate;
  coops: CoopStatusPair[];
  visits: Visit[];
  met: MetEvent[];
  openFollowUps: OpenFollowUp[];
  coopsVisited: number;
}

/** The coordinator's recap: one line per mentor for the month. */
export interface MonthlyRecapLine {
  mentorId: string;
  mentorName: string | null;
  coops: number;
  visits: number;
  coopsVisited: number;
  met: number;
  openFollowUps: number;
  overdueFollowUps: number;
}

export interface CoopEvaluation {
  coopId: string;
  name: string | null;
  start: CoopStatusPair['start'];
  end: CoopStatusPair['end'];
  /** Requirements met now / total, over the checks the evaluation counts. */
  itemsMet: number;
  itemsTotal: number;
  met: MetEvent[];
  visits: number;
  visitsExpected: number;
}

/** TIDAK_DINILAI: the mentor has no co-ops, so there is nothing to score (a load of 0 is the office's doing). */
export type EvaluationGrade = 'BAIK' | 'CUKUP' | 'PERLU_PERHATIAN' | 'TIDAK_DINILAI';

export interface MentorEvaluation {
  mentorId: string;
  mentorName: string | null;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  statusSource: StatusSource;
  /** The check date whose statuses the evaluation shows for the contract's start. */
  startCheckedOn: IsoDate;
  coops: CoopEvaluation[];
  /** Co-ops carried and how the office's load band sees it (shown, never scored). */
  load: number;
  loadBand: 'under' | 'within' | 'over';
  /** Share of requirements met (percent, one decimal); null with no co-ops. */
  requirementsPercent: number | null;
  /** Visits made ÷ visits expected, capped at 100 (percent, one decimal); null with no co-ops. */
  visitsPercent: number | null;
  /** The plain score: requirements and visits weighed by the office's parameters (0–100); null with no co-ops (grade TIDAK_DINILAI). */
  score: number | null;
  grade: EvaluationGrade;
  gradeLabel: Bilingual;
  /** The criteria used, as parameters in force (key → value). */
  criteria: Record<string, number>;
}

/** What the visit form sends: every field as typed ('' for empty). */
export interface VisitSubmission {
  mentorId: string;
  coopId: string;
  date: string;
  activity: string;
  notes: string;
  followUp: string;
  followUpDue: string;
}

/** What the visit form needs to check its values, on both sides. */
export interface VisitContext {
  today: IsoDate;
  coopIds: string[];
  mentorIds: string[];
  /** Mentor key → the co-op IDs naming that mentor. */
  mentorCoops: Record<string, string[]>;
}

/** A mentor in the sidebar's picker. */
export interface MentorChoice {
  id: string;
  name: string | null;
  load: number;
}

/** Everything the sidebar's mentor view shows, in one call. */
export interface MentorViewData {
  asOf: IsoDate;
  mentors: MentorChoice[];
  /** Co-op ID and name, for the visit form's list (the mentor's own co-ops first). */
  coops: Array<{ id: string; name: string | null; mentorId: string | null }>;
  activities: string[];
  context: VisitContext;
  /** The chosen mentor's work list, or null when none is chosen. */
  work: WorkList | null;
  /** The chosen mentor's latest visits, newest first (at most 5). */
  recentVisits: Visit[];
}

export interface VisitSaveOutcome {
  ok: boolean;
  errors: Array<{ field: string; text: Bilingual }>;
  warnings: Array<{ field: string; text: Bilingual }>;
  message: Bilingual;
  /** The sheet row written (1-based), or null when nothing was written. */
  row: number | null;
  /** The mentor view read again after the save; null when nothing was written. */
  refreshed: MentorViewData | null;
}

/** What writing a report sheet did. */
export interface ReportSheetOutcome {
  sheet: string;
  rows: number;
}

/** Which follow-up to mark done: its row, and what the row held when the sidebar showed it (checked before writing). */
export interface FollowUpDoneRequest {
  row: number;
  mentorId: string;
  coopId: string;
  visitDate: IsoDate | null;
  followUp: string;
}

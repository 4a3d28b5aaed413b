/**
 * The shapes the sidebar exchanges with the server through google.script.run.
 * JSON-safe: no Date, no undefined, no functions (Apps Script would hand the
 * client `null` instead of a value holding a Date).
 */
import type { Bilingual, Lang } from './types';

export interface ParameterInForce {
  key: string;
  value: number;
  unit: string;
  note: Bilingual;
  source: string;
}

export interface CheckStatuses {
  check: string;
  title: Bilingual;
  statuses: Array<{ code: string; label: Bilingual }>;
}

export interface RulesOverview {
  lang: Lang;
  rulesVersion: string;
  parameters: ParameterInForce[];
  checks: CheckStatuses[];
}

/** How a part of "Periksa semua" begins: go on with a staged run of the same data, or discard it. */
export type CheckAllMode = 'continue' | 'restart';

/** Why a part did not continue the staged run it found, and started again with today's date. */
export type RestartReason = 'dataChanged' | 'rulesChanged' | 'otherDay' | 'unreadable';

/** What one part of a check of the whole workbook reports back (dialog, sidebar). */
export interface CheckAllOutcome {
  /** False when the workbook did not fit in this execution: call again to go on (the dialog does). */
  complete: boolean;
  /** Co-ops checked so far, of `total`. */
  done: number;
  total: number;
  /** Check date, YYYY-MM-DD. */
  asOf: string;
  /** When the run started, dd/MM/yyyy HH:mm (as Hasil Pemeriksaan shows it). */
  checkedAt: string;
  rulesVersion: string;
  /** The fingerprint of the one reading the run's rows come from. */
  fingerprint: string;
  coopCount: number;
  problemCount: number;
  summary: import('./types').CitySummary;
  /** Set when this part found a staged run it could not continue and started again (the dialog says why). */
  restarted: { reason: RestartReason; stagedAsOf: string | null } | null;
  /** What the history recorded (complete runs only). */
  history?: HistoryOutcome;
}

/** What a completed check-all added to Riwayat, and how the co-ops moved since the previous check. */
export interface HistoryOutcome {
  /** Rows appended to Riwayat (0: first-time header problem, unchanged repeat, or past the size limit). */
  appended: number;
  /** Check date compared with (null: no earlier check). */
  since: string | null;
  improved: number;
  worsened: number;
  unchanged: number;
  /** What could not be recorded (the results themselves are written). */
  problems: Bilingual[];
}

/** A check of the whole workbook that is not finished (the dialog offers to continue it; the sidebar shows it). */
export interface PendingCheck {
  done: number;
  total: number;
  /** Its check date, YYYY-MM-DD. */
  asOf: string;
  /** When it started, dd/MM/yyyy HH:mm. */
  startedAt: string;
  /** True when it can be continued today (same check date); otherwise the next part starts again. */
  sameDay: boolean;
  /** True when no part has run for a while: nobody is driving it (dialog closed). */
  abandoned: boolean;
}

/** What the "Periksa semua" dialog needs when it opens. */
export interface CheckAllState {
  lang: Lang;
  pending: PendingCheck | null;
  /** When the results were last written (`dd/MM/yyyy HH:mm`), or null. */
  lastCheck: string | null;
  /** Changes with every new set of results (see SidebarData.checkStamp); null before the first. */
  checkStamp: string | null;
}

/** What setting up the workbook did. */
export interface SetupOutcome {
  sheetsCreated: string[];
  columnsAdded: Array<{ sheet: string; labels: string[] }>;
  parametersAdded: string[];
  /** Sheets left alone because their layout was not recognised. */
  untouched: string[];
}

/** The workbook as the add-on reads it: what the sidebar shows and edits. */
export interface WorkbookData {
  coops: import('./types').CoopRecord[];
  meetings: import('./types').RatMeeting[];
  mentors: import('./types').Mentor[];
  problems: import('./types').Problem[];
}

/** One status of one check, told apart by severity where the rules give it two (a legal entity complete or with papers missing). */
export interface StatusCount {
  /** `STATUS` or `STATUS.severity` when the status comes in more than one severity. */
  key: string;
  status: string;
  severity: import('./types').Severity;
  label: import('./types').Bilingual;
  count: number;
}

/** A check's bar and legend: the same groups, the same colours, the same words. */
export interface CheckLegend {
  check: string;
  title: import('./types').Bilingual;
  counts: StatusCount[];
}

/** One co-op on the dashboard's list: its statuses, its most important reasons and the next step. */
export interface AttentionItem {
  coopId: string;
  name: string | null;
  kelurahan: string | null;
  kecamatan: string | null;
  mentorId: string | null;
  /** Per check: status label (with its variant) and severity. */
  checks: Array<{ check: string; label: import('./types').Bilingual; severity: import('./types').Severity }>;
  /** The one or two most important reasons, with what to do and by when. */
  reasons: Array<{ check: string; severity: import('./types').Severity; text: import('./types').Bilingual; next: import('./types').Bilingual | null; due: string | null }>;
  /** Red, or a next step overdue. */
  urgent: boolean;
  /** The earliest date a next step is due (past = overdue), or null. */
  due: string | null;
}

/** A page of the list, most urgent first. */
export interface AttentionPage {
  query: import('../core/attention').AttentionQuery;
  /** Co-ops matching the query (all pages). */
  total: number;
  offset: number;
  items: AttentionItem[];
}

/** A co-op as the pickers and filters show it. */
export interface CoopChoice {
  id: string;
  name: string | null;
  kelurahan: string | null;
  kecamatan: string | null;
  mentorId: string | null;
  /** Its mentor's contract covers the check date and the mentor is listed. */
  mentorActive: boolean;
}

/** What the sidebar's first screen needs, in one call: no reasons but those of the first page. */
export interface SidebarData {
  lang: import('./types').Lang;
  asOf: string;
  rulesVersion: string;
  summary: import('./types').CitySummary;
  legend: CheckLegend[];
  /** Co-ops needing attention (the list without filters). */
  attentionCount: number;
  /** The first page of the list without filters. */
  attention: AttentionPage;
  /** When "Periksa semua" last wrote Hasil Pemeriksaan, as shown there; null if never. */
  lastCheck: string | null;
  /** Changes with every new set of results in Hasil Pemeriksaan (check time and fingerprint); the sidebar compares it with getCheckAllState's to notice a run of the menu's dialog. */
  checkStamp: string | null;
  /** A "Periksa semua" in progress or left unfinished; null if none. */
  pendingCheck: PendingCheck | null;
  problemCount: number;
  coops: CoopChoice[];
  mentors: import('./types').Mentor[];
  /** The kecamatan the co-ops are in, for the filter. */
  kecamatan: string[];
  context: import('./forms').FormContext;
  /** The checks in the order shown (rules/checks.json). */
  checks: string[];
  /** What the workbook changes in the rules and parameters, and how many co-ops change status because of it. */
  rulesChange: import('./types').RulesChange;
}

/** What the sidebar shows of the history and the calendar. */
export interface SidebarHistory {
  /** Check date compared with (null: no earlier check in Riwayat). */
  since: string | null;
  improved: number;
  worsened: number;
  /** Co-ops that improved or worsened, worsened first. */
  changes: Array<{ coopId: string; name: string | null; kind: 'improved' | 'worsened'; text: Bilingual }>;
  /** Co-ops that improved or worsened beyond those listed. */
  moreChanges: number;
  /** One point per recorded check-all, oldest first. */
  trend: import('../core/history/trends').TrendPoint[];
  /** The calendar of the next `deadlineDays` days. */
  deadlines: import('../core/deadlines').Deadline[];
  deadlineDays: number;
}

/** One co-op's own view: every status with all its reasons and next steps, its RAT history, its mentor. */
export interface CoopView {
  record: import('./types').CoopRecord;
  result: import('./types').CoopResult;
  meetings: import('./types').RatMeeting[];
  mentor: import('./types').Mentor | null;
  mentorActive: boolean;
  /** The sheet and row selected for it. */
  origin: { sheet: string; row: number } | null;
  /** Status labels with their variants, per check. */
  labels: Record<string, import('./types').Bilingual>;
}

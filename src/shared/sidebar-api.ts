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

/** What a check of the whole workbook reports back (menu alert, sidebar). */
export interface CheckAllOutcome {
  /** False when the workbook did not fit in one execution: the rest follows (trigger, or call again). */
  complete: boolean;
  /** Co-ops checked so far, of `total`. */
  done: number;
  total: number;
  asOf: string;
  checkedAt: string;
  rulesVersion: string;
  coopCount: number;
  problemCount: number;
  summary: import('./types').CitySummary;
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

/** One co-op on the dashboard's attention list. */
export interface AttentionItem {
  coopId: string;
  name: string | null;
  /** Per check: status label and severity. */
  checks: Array<{ check: string; label: import('./types').Bilingual; severity: import('./types').Severity }>;
  /** Red checks × 10 + amber checks: the list is sorted by it, worst first. */
  weight: number;
}

/** Everything the sidebar shows when it opens, in one call. */
export interface SidebarData {
  lang: import('./types').Lang;
  asOf: string;
  rulesVersion: string;
  summary: import('./types').CitySummary;
  attention: AttentionItem[];
  /** When "Periksa semua" last wrote Hasil Pemeriksaan, as shown there; null if never. */
  lastCheck: string | null;
  problemCount: number;
  workbook: WorkbookData;
  context: import('./forms').FormContext;
  /** Co-op ID → results, for the forms' live statuses. */
  results: import('./types').CoopResult[];
  /** Changes since the previous check day, trends from Riwayat, deadlines (absent when they could not be read). */
  history?: SidebarHistory;
}

/** What the sidebar shows of the history and the calendar. */
export interface SidebarHistory {
  /** Check date compared with (null: no earlier check in Riwayat). */
  since: string | null;
  improved: number;
  worsened: number;
  /** Co-ops that improved or worsened, worsened first. */
  changes: Array<{ coopId: string; name: string | null; kind: 'improved' | 'worsened'; text: Bilingual }>;
  /** One point per recorded check-all, oldest first. */
  trend: import('../core/history/trends').TrendPoint[];
  /** The calendar of the next `deadlineDays` days. */
  deadlines: import('../core/deadlines').Deadline[];
  deadlineDays: number;
}

/**
 * The types that cross `google.script.run` and the command line: co-op
 * records, meetings, mentors, check results and the city summary.
 *
 * Why one module: the sidebar, the server and the core must agree on these
 * shapes, and everything here is JSON-safe by construction — dates are ISO
 * `YYYY-MM-DD` text, a missing value is `null` (never `undefined`), and there
 * are no classes, functions or `Date` objects.
 */

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Text in both interface languages: Bahasa Indonesia first, English second. */
export interface Bilingual {
  id: string;
  en: string;
}

export type Lang = keyof Bilingual;

/** One co-op, as read from a row of the register `Koperasi` or a co-op sheet. */
export interface CoopRecord {
  id: string;
  name: string | null;
  kelurahan: string | null;
  kecamatan: string | null;
  deedNumber: string | null;
  deedDate: IsoDate | null;
  notary: string | null;
  skAhuNumber: string | null;
  skAhuDate: IsoDate | null;
  nib: string | null;
  npwp: string | null;
  nikKoperasi: string | null;
  bankAccount: boolean | null;
  simkopdesAccount: boolean | null;
  members: number | null;
  ownCapital: number | null;
  spCapital: number | null;
  ratQuorumPercent: number | null;
  mentorId: string | null;
  separateBooks: boolean | null;
  workPlan3y: boolean | null;
  spLicence: boolean | null;
  competentManager: boolean | null;
  office: boolean | null;
  auditedReport: boolean | null;
  /** Business proposal ready for bank financing (PMK 49/2025). */
  businessProposal: boolean | null;
  /** The mayor's (wali kota's) approval for bank financing, for a kelurahan co-op. */
  mayorApproval: boolean | null;
  outletStatus: string | null;
  partners: string | null;
  /** Fields whose cell held a value that could not be read (see input problems). */
  unreadable: string[];
}

/** One annual members' meeting, a row of the sheet `RAT`. */
export interface RatMeeting {
  coopId: string;
  bookYear: number | null;
  heldOn: IsoDate | null;
  membersPresent: number | null;
  members: number | null;
  reportedOn: IsoDate | null;
}

/** One mentor, a row of the sheet `Pendamping`. */
export interface Mentor {
  id: string;
  name: string | null;
  skills: string | null;
  startsOn: IsoDate | null;
  endsOn: IsoDate | null;
}

/** A value a person typed in the `Parameter` sheet (or passed another way). */
export interface ParameterOverride {
  key: string;
  value: Json;
  /** Where it came from, for messages: e.g. "sheet Parameter, baris 4". */
  source: string;
  /** The date from which it holds (`Berlaku mulai`); null or absent: always. */
  from?: IsoDate | null;
  /** Its legal source (`Sumber`), as typed. */
  legalSource?: string | null;
}

/** A rule set supplied as JSON text (e.g. from a workbook), replacing the bundled one for its check. */
export interface RuleSetOverride {
  text: string;
  /** Where it came from, for messages: e.g. "sheet Aturan, sel B2". */
  source: string;
}

/**
 * A rule case (sheet `Uji Aturan`, or rules/cases.json for the bundled rules):
 * one co-op with its RAT and mentor on a check date, and the status each named
 * check must give it.
 */
export interface RuleCase {
  name: string;
  /** Where it was written, for messages: e.g. "sheet Uji Aturan, baris 3". */
  source: string;
  asOf: IsoDate;
  record: CoopRecord;
  meetings: RatMeeting[];
  mentors: Mentor[];
  /** Other co-ops naming the same mentor (to give the mentor a load). */
  others: CoopRecord[];
  /** Check id → expected status code; checks not named are not tested. */
  expected: Record<CheckId, StatusCode>;
}

/** Everything one check run needs. The check date is an input, never "now". */
export interface CheckInput {
  asOf: IsoDate;
  coops: CoopRecord[];
  meetings: RatMeeting[];
  mentors: Mentor[];
  parameterOverrides?: ParameterOverride[];
  ruleSetOverrides?: RuleSetOverride[];
  /** Rule cases written by the office (sheet `Uji Aturan`): a workbook rule set must pass them. */
  ruleCases?: RuleCase[];
  /**
   * The mentor named by every co-op of the city, when `coops` holds only some
   * of them (a formula given one row): mentor loads are counted from these.
   */
  cityMentorIds?: Array<string | null>;
  /**
   * Every co-op of the workbook, when `coops` holds only some of them (a
   * formula given a few rows): a workbook rule set's trial run covers them all,
   * so a formula accepts or refuses it as "Periksa semua" does.
   */
  trialCoops?: CoopRecord[];
  /**
   * The first book year of the whole RAT log, when `meetings` holds only some
   * co-ops' meetings (the sidebar re-checking a few co-ops): years before it are
   * unknown, not missed.
   */
  ratLogStartYear?: number | null;
}

/**
 * A check's id, as rules/checks.json lists them: `legal`, `rat`, `mentor`,
 * `savingsLoans`, `bankFinancing`, … — a string, because checks are data.
 */
export type CheckId = string;

export type Severity = 'ok' | 'warn' | 'bad';

/** A status code of rules/messages.json (`status` table), e.g. `BERBADAN_HUKUM`; `TIDAK_DAPAT_DIPERIKSA` when no status rule passed. */
export type StatusCode = string;

/** Why a check did not come out clean: one failed requirement. */
export interface Reason {
  /** The rule that failed, e.g. `sp.capital`. */
  rule: string;
  message: string;
  severity: Severity;
  /** The fact the requirement is about, e.g. `spCapital`. */
  fact: string;
  /** The field's label in the workbook, both languages. */
  field: Bilingual;
  found: Json;
  required: Json;
  text: Bilingual;
  /** What to do about it (from rules/messages.json `next`), or null when there is no step to name. */
  next: Bilingual | null;
  /** The date the next step is due by, when it names one (the earliest date in it); past = overdue. */
  due: IsoDate | null;
}

export interface CheckResult {
  check: CheckId;
  status: StatusCode;
  label: Bilingual;
  severity: Severity;
  reasons: Reason[];
  /** Requirements met / total (shown for savings-and-loans readiness). */
  itemsMet: number;
  itemsTotal: number;
  /** Fields this check uses that could not be read from the workbook. */
  unreadable: string[];
}

/**
 * The results of one co-op, by check id. The four original checks are named
 * for convenience; any other check of rules/checks.json is found by its id.
 */
export type CheckResults = { legal: CheckResult; rat: CheckResult; mentor: CheckResult; savingsLoans: CheckResult } & Record<CheckId, CheckResult>;

export interface CoopResult {
  coopId: string;
  name: string | null;
  checks: CheckResults;
}

export interface MentorLoad {
  mentorId: string;
  name: string | null;
  load: number;
  active: boolean;
  listed: boolean;
  band: 'under' | 'within' | 'over';
}

export type StatusCounts = Partial<Record<StatusCode, number>>;

export interface CitySummary {
  asOf: IsoDate;
  coopCount: number;
  statusCounts: { legal: StatusCounts; rat: StatusCounts; mentor: StatusCounts; savingsLoans: StatusCounts } & Record<CheckId, StatusCounts>;
  /** Co-ops that held a quorate RAT for the book year ÷ all co-ops × 100 (Satu Data 02.09.007). */
  ratIndicatorPercent: number;
  ratHeldCount: number;
  coveredCount: number;
  uncoveredCount: number;
  mentorLoads: MentorLoad[];
  mentorsOverLoad: string[];
  mentorsUnderLoad: string[];
  /** New mentors still needed for the uncovered co-ops after the active mentors' spare capacity, at the maximum load. */
  mentorsNeeded: number;
}

/** A status that differs because of the workbook's rules or parameters. */
export interface StatusChange {
  coopId: string;
  check: CheckId;
  /** With the bundled rules and parameters. */
  bundled: StatusCode;
  /** With the rules and parameters in force. */
  workbook: StatusCode;
}

/** What the workbook changes in the rules, and how many co-ops change status because of it. */
export interface RulesChange {
  /** One line per workbook rule set or parameter in force ("Aturan Legalitas dari sheet Aturan, baris 2"); empty: all bundled. */
  notices: Bilingual[];
  /** Co-ops with at least one status different from the bundled rules'. */
  changedCount: number;
  /** The differences, the first 500. */
  changes: StatusChange[];
}

export interface CheckRun {
  asOf: IsoDate;
  rulesVersion: string;
  parameters: Record<string, number>;
  results: CoopResult[];
  summary: CitySummary;
  problems: Problem[];
  /** What the workbook changes in the rules (absent in runs made before it existed). */
  rulesChange?: RulesChange;
}

/** Something wrong with the input or configuration, said so a person can fix it. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Where: a file, or a sheet/row/column. */
  where: string;
  text: Bilingual;
  /** The cell or row, when the problem is in a sheet (row 1-based, column as a letter). */
  location?: { sheet: string; row: number | null; column: string | null };
}

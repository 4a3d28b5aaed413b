/**
 * The bundled rule data: the four rule sets, the parameters and the message
 * tables from rules/, typed for the core. esbuild and jest both inline the JSON,
 * so the add-on, the command line and the tests read the very same files.
 */
import legalStatus from '../../rules/legal-status.json';
import ratCompletion from '../../rules/rat-completion.json';
import mentorCoverage from '../../rules/mentor-coverage.json';
import savingsLoansReadiness from '../../rules/savings-loans-readiness.json';
import parametersFile from '../../rules/parameters.json';
import messagesFile from '../../rules/messages.json';
import type { Bilingual, CheckId, Severity } from '../shared/types';

export interface LeafCondition {
  fact: string;
  operator: string;
  value: unknown;
  name?: string;
}
export type BooleanCondition = { all: Condition[] } | { any: Condition[] } | { not: Condition };
export type Condition = LeafCondition | BooleanCondition;

export interface StatusEventParams {
  status: string;
  severity: Severity;
}
export interface RequirementEventParams {
  message: string;
  severity: Severity;
  fact: string;
  weight: 'hard' | 'soft';
}
export type RuleEvent =
  | { type: 'status'; params: StatusEventParams }
  | { type: 'requirement'; params: RequirementEventParams };

export interface RuleSpec {
  name: string;
  priority: number;
  conditions: BooleanCondition;
  event: RuleEvent;
}

export interface RuleSetFile {
  check: CheckId;
  title: Bilingual;
  rules: RuleSpec[];
}

export interface ParameterSpec {
  default: number;
  unit: string;
  integer: boolean;
  min: number;
  max: number;
  note: Bilingual;
  source: string;
}

export interface ParametersFile {
  version: number;
  parameters: Record<string, ParameterSpec>;
  constraints: Array<{ lessOrEqual: [string, string] | string[] }>;
}

export type MessageTable = Record<string, Bilingual>;
export interface MessagesFile {
  check: MessageTable;
  status: MessageTable;
  field: MessageTable;
  reason: MessageTable;
  word: MessageTable;
  problem: MessageTable;
  /** History, changes, trends, deadlines and the one-page report (issue 18). */
  history: MessageTable;
  ui: MessageTable;
  form: MessageTable;
  label: MessageTable;
  /** The mentors' year: work list, visit form, monthly report, evaluation (issue 17). */
  mentoring: MessageTable;
}

/** The bundled rule sets, in the order the checks are shown. */
export const BUNDLED_RULE_SETS: readonly RuleSetFile[] = [
  legalStatus as unknown as RuleSetFile,
  ratCompletion as unknown as RuleSetFile,
  mentorCoverage as unknown as RuleSetFile,
  savingsLoansReadiness as unknown as RuleSetFile,
];

/** Where each bundled rule set lives, for messages that name the file. */
export const RULE_SET_FILES: Readonly<Record<CheckId, string>> = {
  legal: 'rules/legal-status.json',
  rat: 'rules/rat-completion.json',
  mentor: 'rules/mentor-coverage.json',
  savingsLoans: 'rules/savings-loans-readiness.json',
};

export const PARAMETERS: ParametersFile = parametersFile as unknown as ParametersFile;
export const MESSAGES: MessagesFile = messagesFile as unknown as MessagesFile;

export const CHECK_IDS: readonly CheckId[] = ['legal', 'rat', 'mentor', 'savingsLoans'];

/** The statuses each check may give (shared/workbook.md). */
export const STATUSES_BY_CHECK: Readonly<Record<CheckId, readonly string[]>> = {
  legal: ['BERBADAN_HUKUM', 'DALAM_PROSES', 'BELUM'],
  rat: ['SELESAI', 'LAPORAN_BELUM', 'TIDAK_KUORUM', 'BELUM_JATUH_TEMPO', 'TERLAMBAT'],
  mentor: ['TERDAMPINGI', 'TANPA_PENDAMPING', 'PENDAMPING_BERLEBIH'],
  savingsLoans: ['SIAP', 'HAMPIR_SIAP', 'BELUM_SIAP'],
};

/** Requirement rules must outrank status rules: they are evaluated first. */
export const REQUIREMENT_MIN_PRIORITY = 100;

/**
 * The bundled rule data: the checks (rules/checks.json) with their rule sets,
 * the parameters and the message tables from rules/, typed for the core.
 * esbuild and jest both inline the JSON, so the add-on, the command line and
 * the tests read the very same files.
 *
 * Why a manifest: a check is data. The list of checks, their statuses and the
 * rule file of each come from rules/checks.json; the rule files are loaded by
 * name (esbuild bundles every file of rules/ a `require` of that folder may
 * name), so adding a check needs no change here.
 */
import checksFile from '../../rules/checks.json';
import parametersFile from '../../rules/parameters.json';
import messagesFile from '../../rules/messages.json';
import { validateChecksFile } from '../generated/schema-validators';
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
  /** Later values, each with the date from which it holds and its legal source (sorted by date); before the first, `default` holds. */
  changes?: Array<{ from: string; value: number; source: string }>;
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
  /** What to do about a failed requirement, by its message id (optional per requirement). */
  next: MessageTable;
  /** A status told apart by its severity (e.g. a legal entity with papers missing), `STATUS.severity`. */
  statusVariant: MessageTable;
  /** The mentors' year: work list, visit form, monthly report, evaluation (issue 17). */
  mentoring: MessageTable;
}

/** One check as rules/checks.json declares it. */
export interface CheckSpec {
  id: CheckId;
  /** The rule file in rules/. */
  rules: string;
  /** The statuses it may give (shared/workbook.md), as status codes of rules/messages.json. */
  statuses: string[];
  /** Whether "items met / total" is shown beside its status. */
  score: boolean;
  /**
   * Whether a red or amber status puts a co-op on the attention list and
   * counts for its urgency (sidebar, one-page report). False for readiness
   * checks: shown on every co-op, but never putting it on the list alone.
   */
  attention: boolean;
  /** The tables beyond the register its facts read ("rat", "mentors"): formulas ask only for those. */
  needs: Array<'rat' | 'mentors'>;
  /** Names a person may type for it (KKMP_ALASAN, Uji Aturan), lower case. */
  names: string[];
}

/** The checks of rules/checks.json, which must match rules/schema/checks.schema.json (a missing `attention` is an error, not a guess). */
export const CHECKS: readonly CheckSpec[] = checkSpecs(checksFile);

/** The checks of a manifest, or an error naming the first property that does not match the schema. */
export function checkSpecs(file: unknown): CheckSpec[] {
  if (!validateChecksFile(file)) {
    const error = validateChecksFile.errors?.[0];
    throw new Error(`rules/checks.json${error?.instancePath ?? ''}: ${error?.message ?? 'does not match rules/schema/checks.schema.json'}`);
  }
  return (file as { checks: CheckSpec[] }).checks;
}

declare const require: (path: string) => unknown;
/** The bundled rule sets, in the order the checks are shown. */
export const BUNDLED_RULE_SETS: readonly RuleSetFile[] = CHECKS.map((check) => {
  const file = require(`../../rules/${check.rules}`) as RuleSetFile & { default?: RuleSetFile };
  const ruleSet = (file.default ?? file) as RuleSetFile;
  if (ruleSet.check !== check.id) throw new Error(`rules/${check.rules} is for check '${ruleSet.check}', rules/checks.json says '${check.id}'`);
  return ruleSet;
});

/** Where each bundled rule set lives, for messages that name the file. */
export const RULE_SET_FILES: Readonly<Record<CheckId, string>> = Object.fromEntries(CHECKS.map((check) => [check.id, `rules/${check.rules}`]));

export const PARAMETERS: ParametersFile = parametersFile as unknown as ParametersFile;
export const MESSAGES: MessagesFile = messagesFile as unknown as MessagesFile;

export const CHECK_IDS: readonly CheckId[] = CHECKS.map((check) => check.id);

/** The checks whose red or amber status puts a co-op on the attention list (rules/checks.json `attention`). */
export const ATTENTION_CHECK_IDS: ReadonlySet<CheckId> = new Set(CHECKS.filter((check) => check.attention).map((check) => check.id));

/**
 * Whether a check counts for the attention list and urgency. A check the
 * manifest does not list counts: an unknown red status is shown, never hidden.
 */
export function countsForAttention(check: string): boolean {
  return ATTENTION_CHECK_IDS.has(check) || !CHECK_IDS.includes(check);
}

/** The statuses each check may give (shared/workbook.md). */
export const STATUSES_BY_CHECK: Readonly<Record<CheckId, readonly string[]>> = Object.fromEntries(CHECKS.map((check) => [check.id, check.statuses]));

/** The check a person named ("simpan pinjam", "Legalitas", "bankFinancing"), or undefined. */
export function checkNamed(name: unknown): CheckSpec | undefined {
  if (typeof name !== 'string') return undefined;
  const wanted = name.trim().toLowerCase().replace(/\s+/g, ' ');
  return CHECKS.find((check) => check.id.toLowerCase() === wanted || check.names.includes(wanted) || MESSAGES.check[check.id]?.id.toLowerCase() === wanted);
}

/** Whether an object has this key as its own (never through its prototype: `constructor`, `__proto__`). */
export function ownKey(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Requirement rules must outrank status rules: they are evaluated first. */
export const REQUIREMENT_MIN_PRIORITY = 100;

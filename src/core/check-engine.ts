/**
 * One json-rules-engine Engine per rule set per run, and how its outcome
 * becomes a check result: the status of the highest-priority status rule that
 * passed, and a reason for every requirement rule that failed.
 *
 * Requirement rules (priority ≥ 100) run first; status rules may then use the
 * facts `requirementsUnmet`, `requirementsUnmetHard` and `requirementsUnmetSoft`,
 * which count the failed requirements already in the almanac.
 */
import { Engine, Fact } from 'json-rules-engine';
import type { Bilingual, CheckId, CheckResult, CoopRecord, Json, Reason, Severity, StatusCode } from '../shared/types';
import { isoFromDay } from './calendar';
import type { Facts, FactValue } from './derived-facts';
import { RECORD_FACTS, factSpec } from './fact-catalogue';
import { formatValue } from './format';
import { fill, hasMessage, message, placeholders } from './messages';
import { REGISTER_COLUMNS } from './workbook/columns';
import type { ParameterValues } from './parameters';
import { ownKey, type RequirementEventParams, type RuleEvent, type RuleSetFile, type StatusEventParams } from './rule-data';
import { leafConditions, referencedFact } from './rule-set-validation';
import { settleSync } from './sync-promise';

/** What this module needs of an engine; json-rules-engine's own Engine (bound to any Promise) fits. */
export interface EngineLike {
  addRule(rule: object): unknown;
  addFact(id: string, valueOrMethod: unknown, options?: object): unknown;
  run(facts: Record<string, unknown>): PromiseLike<EngineRun>;
}
export type EngineConstructor = new (rules: object[], options: object) => EngineLike;
export type FactConstructor = new (id: string, value: unknown, options?: object) => object;

/** The parts of json-rules-engine this module uses: bound to SyncPromise by default, or another copy (tests, benchmark). */
export interface EngineModule {
  Engine: EngineConstructor;
  Fact: FactConstructor;
}

const BOUND_ENGINE: EngineModule = { Engine: Engine as unknown as EngineConstructor, Fact: Fact as unknown as FactConstructor };

/** Constant facts are never recomputed, so their values need no cache key (hashing them cost 15 % of a check). */
const NO_CACHE = { cache: false };

/** The counts of failed requirements a status rule may use, by the weight they count (null: all). */
const UNMET_WEIGHTS: Readonly<Record<string, 'hard' | 'soft' | null>> = {
  requirementsUnmet: null,
  requirementsUnmetHard: 'hard',
  requirementsUnmetSoft: 'soft',
};

interface EvaluatedCondition {
  fact?: string;
  value?: unknown;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
}
interface RuleOutcome {
  name: string;
  priority: number;
  result: boolean;
  event: RuleEvent;
  conditions: EvaluatedCondition;
}
export interface EngineRun {
  results: RuleOutcome[];
  failureResults: RuleOutcome[];
}
interface AlmanacLike {
  getResults(): RuleOutcome[];
}

export interface CheckEngine {
  check: CheckId;
  ruleSet: RuleSetFile;
  engine: EngineLike;
  Fact: FactConstructor;
  /** The co-op facts this check's rules use: only these are handed to the engine. */
  factNames: readonly string[];
  params: ParameterValues;
  /** Rule name → position in the file, so reasons keep the file's order. */
  order: Map<string, number>;
  requirementCount: number;
  /** Register fields this check reads, to flag unreadable ones. */
  recordFields: ReadonlySet<keyof CoopRecord>;
}

export function createCheckEngine(ruleSet: RuleSetFile, params: ParameterValues, engineModule: EngineModule = BOUND_ENGINE): CheckEngine {
  const engine = new engineModule.Engine([], { allowUndefinedFacts: false });
  for (const rule of ruleSet.rules) {
    engine.addRule({ name: rule.name, priority: rule.priority, conditions: rule.conditions, event: rule.event });
  }
  const recordFields = new Set<keyof CoopRecord>();
  const factNames = new Set<string>();
  const used = new Set<string>();
  for (const rule of ruleSet.rules) {
    for (const { leaf } of leafConditions(rule.conditions)) {
      factSpec(leaf.fact)?.recordFields.forEach((f) => recordFields.add(f));
      for (const name of [leaf.fact, referencedFact(leaf.value)]) {
        if (name === null) continue;
        used.add(name);
        if (ownKey(RECORD_FACTS, name) && !ownKey(UNMET_WEIGHTS, name)) factNames.add(name);
      }
    }
  }
  // Engine facts are added to every run's almanac: only those the rules use.
  for (const [key, value] of Object.entries(params)) if (used.has(key)) engine.addFact(key, value, NO_CACHE);
  for (const [name, weight] of Object.entries(UNMET_WEIGHTS)) {
    if (!used.has(name)) continue;
    engine.addFact(name, (_params: unknown, almanac: AlmanacLike) =>
      almanac.getResults().filter((r) => !r.result && r.event.type === 'requirement' && (weight === null || r.event.params.weight === weight)).length,
    NO_CACHE);
  }
  return {
    check: ruleSet.check,
    ruleSet,
    engine,
    Fact: engineModule.Fact,
    factNames: Array.from(factNames),
    params,
    order: new Map(ruleSet.rules.map((rule, i) => [rule.name, i])),
    requirementCount: ruleSet.rules.filter((rule) => rule.event.type === 'requirement').length,
    recordFields,
  };
}

/** No status rule passed for a co-op: the rule set lacks a last-resort status. */
export class NoStatusError extends Error {}

/** The status code shown when a check could not give a status for a co-op. */
export const UNCHECKED_STATUS = 'TIDAK_DAPAT_DIPERIKSA';

/**
 * The result of a check that gave no status for a co-op (no status rule
 * passed, or the engine failed): red, with the reason, so nobody reads a
 * missing status as a good one. The caller reports it as a problem too.
 */
export function uncheckedResult(check: string, record: CoopRecord, detail: string): CheckResult {
  const template = message('problem', 'noStatusReason');
  return {
    check,
    status: UNCHECKED_STATUS,
    label: message('status', UNCHECKED_STATUS),
    severity: 'bad',
    reasons: [{ rule: '-', message: 'check.no-status', severity: 'bad', fact: 'requirements', field: message('field', 'requirements'), found: null, required: null, text: { id: fill(template.id, () => detail), en: fill(template.en, () => detail) }, next: null, due: null }],
    itemsMet: 0,
    itemsTotal: 0,
    unreadable: record.unreadable.slice(),
  };
}

/** Runs one check for one co-op and returns its result at once (the engine is bound to SyncPromise). */
export function runCheckSync(checkEngine: CheckEngine, facts: Facts, record: CoopRecord): CheckResult {
  const run = settleSync(checkEngine.engine.run(runtimeFacts(checkEngine, facts)), `rules ${checkEngine.check}`);
  return interpretRun(checkEngine, run, facts, record);
}

/** The same with any engine, awaited: the reference path for differential tests and benchmarks. */
export async function runCheckAsync(checkEngine: CheckEngine, facts: Facts, record: CoopRecord): Promise<CheckResult> {
  return interpretRun(checkEngine, await checkEngine.engine.run(runtimeFacts(checkEngine, facts)), facts, record);
}

/** The facts one engine needs, as uncached constant facts. */
function runtimeFacts(checkEngine: CheckEngine, facts: Facts): Record<string, object> {
  const out: Record<string, object> = {};
  for (const name of checkEngine.factNames) out[name] = new checkEngine.Fact(name, facts[name] ?? null, NO_CACHE);
  return out;
}

export function interpretRun(checkEngine: CheckEngine, run: EngineRun, facts: Facts, record: CoopRecord): CheckResult {
  let status: StatusEventParams | null = null;
  let statusPriority = -Infinity;
  for (const outcome of run.results) {
    if (outcome.event.type === 'status' && outcome.priority > statusPriority) {
      status = outcome.event.params;
      statusPriority = outcome.priority;
    }
  }
  if (status === null) {
    const text = fill(message('problem', 'noStatus').en, (name) => ({ check: checkEngine.check, coopId: record.id })[name]);
    throw new NoStatusError(text);
  }
  const failed = run.failureResults
    .filter((outcome) => outcome.event.type === 'requirement')
    .sort((a, b) => (checkEngine.order.get(a.name) ?? 0) - (checkEngine.order.get(b.name) ?? 0));
  const code = status.status as StatusCode;
  return {
    check: checkEngine.check,
    status: code,
    label: message('status', code),
    severity: status.severity,
    reasons: failed.map((outcome) => buildReason(outcome, facts, checkEngine.params)),
    itemsMet: checkEngine.requirementCount - failed.length,
    itemsTotal: checkEngine.requirementCount,
    unreadable: record.unreadable.filter((field) => checkEngine.recordFields.has(field as keyof CoopRecord)),
  };
}

/** A field's name in both languages: from the `field` messages, else the register column's label. */
function fieldLabel(field: string): Bilingual {
  if (hasMessage('field', field)) return message('field', field);
  const label = REGISTER_COLUMNS.find((column) => column.field === field)?.label ?? field;
  return { id: label, en: label };
}

function buildReason(outcome: RuleOutcome, facts: Facts, params: ParameterValues): Reason {
  const { message: messageId, severity, fact } = outcome.event.params as RequirementEventParams;
  const unit = factSpec(fact)?.unit ?? 'text';
  const { found, required } = foundAndRequired(outcome.conditions, fact, facts, params);
  const valueOf = (name: string): FactValue | undefined => (ownKey(facts, name) ? facts[name] : ownKey(params, name) ? params[name] : undefined);
  const show = (name: string, lang: 'id' | 'en'): string | undefined => {
    if (name === 'found') return formatValue(found, unit, lang);
    if (name === 'required') return formatValue(required, unit, lang);
    const spec = factSpec(name);
    const value = valueOf(name);
    return spec && value !== undefined ? formatValue(value, spec.unit, lang) : undefined;
  };
  const template = message('reason', messageId);
  const next = hasMessage('next', messageId) ? message('next', messageId) : null;
  // The step is due by the earliest date it names (e.g. the RAT deadline).
  const dueDays = next ? placeholders(next.id).filter((n) => factSpec(n)?.unit === 'date').map(valueOf).filter((v): v is number => typeof v === 'number') : [];
  return {
    rule: outcome.name,
    message: messageId,
    severity: severity as Severity,
    fact,
    field: fieldLabel(factSpec(fact)?.field ?? 'requirements'),
    found: toJson(found, unit),
    required: toJson(required, unit),
    text: { id: fill(template.id, (n) => show(n, 'id')), en: fill(template.en, (n) => show(n, 'en')) },
    next: next ? { id: fill(next.id, (n) => show(n, 'id')), en: fill(next.en, (n) => show(n, 'en')) } : null,
    due: dueDays.length > 0 ? isoFromDay(Math.min(...dueDays)) : null,
  };
}

/**
 * The value found and the value required, from the last evaluated leaf that
 * names the requirement's fact (on either side of its operator).
 */
function foundAndRequired(conditions: EvaluatedCondition, fact: string, facts: Facts, params: ParameterValues): { found: FactValue; required: FactValue } {
  const leaves = evaluatedLeaves(conditions).filter(
    (leaf) => leaf.fact === fact || (isFactRef(leaf.value) && leaf.value.fact === fact),
  );
  const leaf = leaves[leaves.length - 1];
  const lookup = (name: string): FactValue => (ownKey(facts, name) ? (facts[name] as FactValue) : ownKey(params, name) ? (params[name] as number) : null);
  if (!leaf) return { found: lookup(fact), required: null };
  const left = leaf.factResult !== undefined ? (leaf.factResult as FactValue) : lookup(leaf.fact as string);
  const right = leaf.valueResult !== undefined ? (leaf.valueResult as FactValue) : isFactRef(leaf.value) ? lookup(leaf.value.fact) : (leaf.value as FactValue);
  return leaf.fact === fact ? { found: left, required: right } : { found: right, required: left };
}

function evaluatedLeaves(condition: EvaluatedCondition): EvaluatedCondition[] {
  if (condition.all) return condition.all.flatMap(evaluatedLeaves);
  if (condition.any) return condition.any.flatMap(evaluatedLeaves);
  if (condition.not) return evaluatedLeaves(condition.not);
  return [condition];
}

function isFactRef(value: unknown): value is { fact: string } {
  return value !== null && typeof value === 'object' && typeof (value as { fact?: unknown }).fact === 'string';
}

function toJson(value: FactValue, unit: string): Json {
  if (unit === 'date' && typeof value === 'number') return isoFromDay(value);
  return value ?? null;
}

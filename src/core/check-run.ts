/**
 * The core's entry point: checks every co-op of a `CheckInput` against the four
 * rule sets and returns results, reasons, the city summary and any problems
 * with the input's parameters. Pure and synchronous — it knows nothing of
 * Apps Script — so the add-on, custom functions and the command line share it.
 *
 * Work done once per run: parameters resolved, indexes built, one engine per
 * rule set. Work done once per co-op: its derived facts (shared by all checks).
 */
import type { CheckInput, CheckRun, CoopRecord, CoopResult, Problem } from '../shared/types';
import { dayFromIso } from './calendar';
import { buildCityIndex } from './city-index';
import { SummaryAccumulator } from './city-summary';
import { createCheckEngine, runCheckSync, type CheckEngine, type EngineModule } from './check-engine';
import { deriveFacts } from './derived-facts';
import { resolveParameters, type ParameterValues } from './parameters';
import type { RuleSetFile } from './rule-data';
import { selectRuleSets } from './rule-set-selection';
import { rulesVersion } from './rules-version';

export interface CheckOptions {
  /** Rule sets to use instead of the bundled ones and the input's overrides (already validated). */
  ruleSets?: readonly RuleSetFile[];
  /** Another copy of json-rules-engine (tests and benchmarks). */
  engineModule?: EngineModule;
  /** Told how far the run is, about every 1 % of the co-ops (for progress bars). */
  onProgress?: (done: number, total: number) => void;
  /** Resume: the index of the first co-op to check (those before were checked in an earlier execution). */
  startAt?: number;
  /** Asked after each co-op: true to stop there (the caller saves a cursor and resumes later). */
  shouldStop?: () => boolean;
  /** A summary that already counts the co-ops checked earlier. */
  summary?: SummaryAccumulator;
  /** The run prepared already (parameters, rule sets, engines) by the caller. */
  prepared?: PreparedRun;
}

export interface PreparedRun {
  asOf: string;
  rulesVersion: string;
  checkDay: number;
  params: ParameterValues;
  problems: Problem[];
  engines: CheckEngine[];
  ruleSets: readonly RuleSetFile[];
}

/** Everything that is computed once per run, before any co-op is checked. */
export function prepareRun(input: Pick<CheckInput, 'asOf' | 'parameterOverrides' | 'ruleSetOverrides'>, options: CheckOptions = {}): PreparedRun {
  const checkDay = dayFromIso(input.asOf);
  if (checkDay === null) throw new Error(`check date '${input.asOf}' is not a date in YYYY-MM-DD form`);
  const { values: params, problems: parameterProblems } = resolveParameters(input.parameterOverrides ?? []);
  const selected = options.ruleSets ? { ruleSets: options.ruleSets, problems: [] } : selectRuleSets(input.ruleSetOverrides);
  const ruleSets = selected.ruleSets;
  const problems = [...parameterProblems, ...selected.problems];
  const { engines, version } = enginesFor(ruleSets, params, options.engineModule);
  return { asOf: input.asOf, rulesVersion: version, checkDay, params, problems, engines, ruleSets };
}

/**
 * The engines and rules version for these rule sets and parameters. The last
 * ones made are kept: a form save checks the workbook before and after it
 * writes, in one execution, with the same rules (engines hold no state
 * between runs; a rule set or parameter that differs makes new ones).
 */
let lastEngines: { ruleSets: readonly RuleSetFile[]; paramsKey: string; engineModule: EngineModule | undefined; engines: CheckEngine[]; version: string } | null = null;
function enginesFor(ruleSets: readonly RuleSetFile[], params: ParameterValues, engineModule: EngineModule | undefined): { engines: CheckEngine[]; version: string } {
  const paramsKey = JSON.stringify(params);
  const last = lastEngines;
  if (last && last.engineModule === engineModule && last.paramsKey === paramsKey && last.ruleSets.length === ruleSets.length && last.ruleSets.every((r, i) => r === ruleSets[i])) return last;
  const made = { ruleSets: ruleSets.slice(), paramsKey, engineModule, engines: ruleSets.map((ruleSet) => createCheckEngine(ruleSet, params, engineModule)), version: rulesVersion(ruleSets, params) };
  lastEngines = made;
  return made;
}

/** A run without its per-co-op results (they went to `onResult` one by one). */
export type CheckRunSummary = Omit<CheckRun, 'results'> & {
  /** Index after the last co-op checked: equal to the number of co-ops when the run is complete. */
  checkedUntil: number;
};

/**
 * Checks every co-op and hands each result to `onResult` as soon as it is made,
 * keeping none: a national run need not hold 82,780 results with their reasons.
 */
export function runChecksEach(input: CheckInput, options: CheckOptions, onResult: (result: CoopResult) => void): CheckRunSummary {
  const prepared = options.prepared ?? prepareRun(input, options);
  const version = prepared.rulesVersion;
  const index = buildCityIndex(input);
  const summary = options.summary ?? new SummaryAccumulator();
  const total = input.coops.length;
  const step = Math.max(1, Math.floor(total / 100));
  let i = options.startAt ?? 0;
  for (; i < total; i += 1) {
    const record = input.coops[i] as CoopRecord;
    const facts = deriveFacts(record, index, prepared.params, prepared.checkDay);
    const checks = {} as CoopResult['checks'];
    for (const engine of prepared.engines) checks[engine.check] = runCheckSync(engine, facts, record);
    const result: CoopResult = { coopId: record.id, name: record.name, checks };
    summary.add(result);
    onResult(result);
    if (options.onProgress && ((i + 1) % step === 0 || i + 1 === total)) options.onProgress(i + 1, total);
    if (i + 1 < total && options.shouldStop?.()) {
      i += 1;
      break;
    }
  }
  return {
    checkedUntil: i,
    asOf: input.asOf,
    rulesVersion: version,
    parameters: prepared.params,
    summary: summary.finish(input.asOf, index, prepared.params),
    problems: prepared.problems,
  };
}

export function runChecks(input: CheckInput, options: CheckOptions = {}): CheckRun {
  const results: CoopResult[] = [];
  const run = runChecksEach(input, options, (result) => results.push(result));
  return { asOf: run.asOf, rulesVersion: run.rulesVersion, parameters: run.parameters, summary: run.summary, problems: run.problems, results };
}

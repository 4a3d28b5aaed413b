/**
 * The core's entry point: checks every co-op of a `CheckInput` against the four
 * rule sets and returns results, reasons, the city summary and any problems
 * with the input's parameters. Pure and synchronous — it knows nothing of
 * Apps Script — so the add-on, custom functions and the command line share it.
 *
 * Work done once per run: parameters resolved, indexes built, one engine per
 * rule set. Work done once per co-op: its derived facts (shared by all checks).
 */
import type { CheckInput, CheckRun, CoopResult, Problem } from '../shared/types';
import { dayFromIso } from './calendar';
import { buildCityIndex } from './city-index';
import { summarise } from './city-summary';
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
}

export interface PreparedRun {
  asOf: string;
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
  const engines = ruleSets.map((ruleSet) => createCheckEngine(ruleSet, params, options.engineModule));
  return { asOf: input.asOf, checkDay, params, problems, engines, ruleSets };
}

export function runChecks(input: CheckInput, options: CheckOptions = {}): CheckRun {
  const prepared = prepareRun(input, options);
  const index = buildCityIndex(input);
  const total = input.coops.length;
  const step = Math.max(1, Math.floor(total / 100));
  const results: CoopResult[] = input.coops.map((record, i) => {
    const facts = deriveFacts(record, index, prepared.params, prepared.checkDay);
    const checks = {} as CoopResult['checks'];
    for (const engine of prepared.engines) checks[engine.check] = runCheckSync(engine, facts, record);
    if (options.onProgress && ((i + 1) % step === 0 || i + 1 === total)) options.onProgress(i + 1, total);
    return { coopId: record.id, name: record.name, checks };
  });
  return {
    asOf: input.asOf,
    rulesVersion: rulesVersion(prepared.ruleSets, prepared.params),
    parameters: prepared.params,
    results,
    summary: summarise(input.asOf, results, index, prepared.params),
    problems: prepared.problems,
  };
}

/**
 * The core's entry point: checks every co-op of a `CheckInput` against the rule
 * sets of every check and returns results, reasons, the city summary and any problems
 * with the input's parameters. Pure and synchronous — it knows nothing of
 * Apps Script — so the add-on, custom functions and the command line share it.
 *
 * Work done once per run: parameters resolved, indexes built, one engine per
 * rule set. Work done once per co-op: its derived facts (shared by all checks).
 */
import type { Bilingual, CheckInput, CheckRun, CoopRecord, CoopResult, ParameterOverride, Problem, RuleCase, RulesChange, StatusChange } from '../shared/types';
import { dayFromIso } from './calendar';
import { buildCityIndex } from './city-index';
import { SummaryAccumulator } from './city-summary';
import { UNCHECKED_STATUS, createCheckEngine, runCheckSync, uncheckedResult, type CheckEngine, type EngineModule } from './check-engine';
import { errorText, fillBoth, message } from './messages';
import { BUNDLED_RULE_SETS, CHECK_IDS, RULE_SET_FILES, ownKey } from './rule-data';
import { deriveFacts } from './derived-facts';
import { defaultParameters, resolveParameters, type ParameterValues } from './parameters';
import { statusOfCase } from './rule-cases';
import type { RuleSetFile } from './rule-data';
import { caseFound, selectRuleSets } from './rule-set-selection';
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
  /** Check → where the workbook's accepted rule set came from. */
  ruleSources?: Record<string, string>;
  /** What the workbook changes in the rules and parameters (empty: all bundled). */
  notices?: Bilingual[];
  /** The bundled rules with bundled parameters, when the workbook changes any: to count the statuses that change. */
  bundledEngines?: CheckEngine[] | null;
}

/** Everything that is computed once per run, before any co-op is checked. */
export function prepareRun(input: Pick<CheckInput, 'asOf' | 'parameterOverrides' | 'ruleSetOverrides' | 'ruleCases'> & Partial<CheckInput>, options: CheckOptions = {}): PreparedRun {
  const checkDay = dayFromIso(input.asOf);
  if (checkDay === null) throw new Error(`check date '${input.asOf}' is not a date in YYYY-MM-DD form`);
  const { values: params, problems: parameterProblems } = resolveParameters(input.parameterOverrides ?? [], input.asOf);
  const trialCoops = input.trialCoops ?? input.coops;
  const workbook = trialCoops ? { asOf: input.asOf, coops: trialCoops, meetings: input.meetings ?? [], mentors: input.mentors ?? [], cityMentorIds: input.cityMentorIds } : undefined;
  const selected = options.ruleSets
    ? { ruleSets: options.ruleSets.slice(), problems: [], sources: {} }
    : selectRuleSets(input.ruleSetOverrides, { params, workbook, cases: input.ruleCases ?? [] });
  const ruleSets = selected.ruleSets;
  const { engines, version } = enginesFor(ruleSets, params, options.engineModule);
  const problems = [...parameterProblems, ...selected.problems, ...caseProblems(engines, input.ruleCases ?? [])];
  const changed = options.ruleSets ? null : rulesInForce(selected.sources, params, input.parameterOverrides ?? [], input.asOf);
  // Only when the workbook changes rules or parameters: the bundled engines, to count the co-ops whose status changes because of it.
  const bundledEngines = changed && changed.length > 0 ? BUNDLED_RULE_SETS.map((ruleSet) => createCheckEngine(ruleSet, defaultParameters(input.asOf), options.engineModule)) : null;
  return {
    asOf: input.asOf,
    rulesVersion: version,
    checkDay,
    params,
    problems,
    engines,
    ruleSets,
    ruleSources: selected.sources,
    notices: changed ?? [],
    bundledEngines,
  };
}

/** A problem for every workbook rule case the rules in force fail: staff see their cases' outcome in every run. */
function caseProblems(engines: readonly CheckEngine[], cases: readonly RuleCase[]): Problem[] {
  const problems: Problem[] = [];
  for (const ruleCase of cases) {
    const failures: Bilingual[] = [];
    for (const engine of engines) {
      const want = ruleCase.expected[engine.check];
      if (want === undefined || !ownKey(ruleCase.expected, engine.check)) continue;
      const got = statusOfCase(ruleCase, engine);
      if ('status' in got && got.status === want) continue;
      failures.push(caseFound(engine.check, got, want));
    }
    if (failures.length === 0) continue;
    problems.push({ severity: 'error', where: ruleCase.source, text: fillBoth(message('problem', 'caseFailed'), (name, lang) => ({ where: ruleCase.source, name: ruleCase.name, detail: failures.map((f) => f[lang]).join('; ') })[name]) });
  }
  return problems;
}

/**
 * What the workbook changes in the rules, said so a person sees it before
 * trusting the results: "Aturan Legalitas dari sheet Aturan baris 2",
 * "Parameter ratDeadlineMonths = 3, bawaan 6 (sheet Parameter, baris 4)".
 */
function rulesInForce(sources: Readonly<Record<string, string>>, params: ParameterValues, overrides: readonly ParameterOverride[], asOf: string): Bilingual[] {
  const notices: Bilingual[] = [];
  for (const check of CHECK_IDS) {
    const from = sources[check];
    if (from === undefined) continue;
    notices.push(fillBoth(message('ui', 'rulesNoticeFromWorkbook'), (name, lang) => ({ check: message('check', check)[lang], where: from })[name]));
  }
  const defaults = defaultParameters(asOf);
  const seen = new Set<string>();
  for (const override of overrides) {
    const key = override.key;
    if (seen.has(key) || !ownKey(defaults, key) || params[key] === defaults[key] || params[key] !== override.value || (override.from && override.from > asOf)) continue;
    seen.add(key);
    const where = [override.source, override.legalSource ?? ''].filter((part) => part !== '').join('; ');
    notices.push(fillBoth(message('ui', 'parameterFromWorkbook'), (name) => ({ key, value: String(params[key]), default: String(defaults[key]), where })[name]));
  }
  return notices;
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
export function runChecksEach(input: CheckInput, options: CheckOptions, onResult: (result: CoopResult, changes: readonly StatusChange[]) => void): CheckRunSummary {
  const prepared = options.prepared ?? prepareRun(input, options);
  const version = prepared.rulesVersion;
  const index = buildCityIndex(input);
  const summary = options.summary ?? new SummaryAccumulator();
  const total = input.coops.length;
  const step = Math.max(1, Math.floor(total / 100));
  const coopProblems: Problem[] = [];
  const change: RulesChange = { notices: prepared.notices ?? [], changedCount: 0, changes: [] };
  let i = options.startAt ?? 0;
  for (; i < total; i += 1) {
    const record = input.coops[i] as CoopRecord;
    const facts = deriveFacts(record, index, prepared.params, prepared.checkDay);
    const checks = {} as CoopResult['checks'];
    for (const engine of prepared.engines) {
      try {
        checks[engine.check] = runCheckSync(engine, facts, record);
      } catch (error) {
        // A co-op the rules give no status is a problem on that co-op: the others are still checked.
        const detail = errorText(error);
        checks[engine.check] = uncheckedResult(engine.check, record, detail);
        coopProblems.push({
          severity: 'error',
          where: record.id,
          text: fillBoth(message('problem', 'noStatusCoop'), (name, lang) => ({ where: ruleSourceOf(prepared, engine.check)[lang], check: message('check', engine.check)[lang], coopId: record.id, detail })[name]),
        });
      }
    }
    const result: CoopResult = { coopId: record.id, name: record.name, checks };
    const changes = prepared.bundledEngines ? compareWithBundled(prepared.bundledEngines, record, index, prepared.checkDay, result, change) : NO_CHANGES;
    summary.add(result);
    onResult(result, changes);
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
    problems: [...prepared.problems, ...coopProblems],
    rulesChange: change,
  };
}

/** Most status changes listed one by one (all are counted). */
export const MAX_LISTED_CHANGES = 500;

const NO_CHANGES: readonly StatusChange[] = [];

/** Checks a co-op again with the bundled rules and parameters, counts it when a status differs, and gives its differences. */
function compareWithBundled(engines: readonly CheckEngine[], record: CoopRecord, index: ReturnType<typeof buildCityIndex>, checkDay: number, result: CoopResult, change: RulesChange): StatusChange[] {
  const mine: StatusChange[] = [];
  const facts = deriveFacts(record, index, engines[0]!.params, checkDay);
  for (const engine of engines) {
    let bundled: string;
    try {
      bundled = runCheckSync(engine, facts, record).status;
    } catch {
      bundled = UNCHECKED_STATUS;
    }
    const now = result.checks[engine.check]?.status;
    if (now === undefined || now === bundled) continue;
    const one = { coopId: record.id, check: engine.check, bundled, workbook: now };
    mine.push(one);
    if (change.changes.length < MAX_LISTED_CHANGES) change.changes.push(one);
  }
  if (mine.length > 0) change.changedCount += 1;
  return mine;
}

/** Where the rules of a check come from, for messages: the workbook's row or the bundled file. */
function ruleSourceOf(prepared: PreparedRun, check: string): { id: string; en: string } {
  const from = prepared.ruleSources?.[check];
  const file = RULE_SET_FILES[check] ?? check;
  return from ? { id: from, en: from } : { id: file, en: file };
}

export function runChecks(input: CheckInput, options: CheckOptions = {}): CheckRun {
  const results: CoopResult[] = [];
  const run = runChecksEach(input, options, (result) => results.push(result));
  return { asOf: run.asOf, rulesVersion: run.rulesVersion, parameters: run.parameters, summary: run.summary, problems: run.problems, rulesChange: run.rulesChange, results };
}

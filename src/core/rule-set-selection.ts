/**
 * Which rule sets a run uses: the bundled ones, except where the workbook
 * supplies its own (sheet `Aturan`, as JSON text) and that set has proven
 * itself:
 *   1. it parses, and passes validation (shape bounds, schema, known facts and
 *      operators by own keys, operator values of the right type);
 *   2. a trial run gives a status, without throwing, for every record of a
 *      generated set that reaches every rule of the bundled set (the bundled
 *      rule cases and the reference co-op with each register field cleared)
 *      and for every co-op of the workbook;
 *   3. every rule case of its check passes (rules/cases.json, and the
 *      workbook's `Uji Aturan`; a workbook case replaces a bundled one of the
 *      same name).
 * Anything else is reported at the `Aturan` row with the reason, and the
 * bundled set stays in force for that check. Never throws.
 */
import type { Bilingual, CheckId, CheckInput, CoopRecord, Problem, RuleCase, RuleSetOverride } from '../shared/types';
import { buildCityIndex } from './city-index';
import { NoStatusError, createCheckEngine, runCheckSync, type CheckEngine } from './check-engine';
import { dayFromIso } from './calendar';
import { deriveFacts } from './derived-facts';
import { errorText, fillBoth, message } from './messages';
import type { ParameterValues } from './parameters';
import { BUNDLED_RULE_SETS, type RuleSetFile } from './rule-data';
import { BUNDLED_CASES_FILE, bundledBase, bundledCases, caseInput, casesFor, statusOfCase } from './rule-cases';
import { DEFAULT_LIMITS, validateRuleSetData, type RuleSetLimits } from './rule-set-validation';
import { REGISTER_COLUMNS } from './workbook/columns';

export interface SelectionContext {
  /** Parameters in force (the trial and the cases run with them). */
  params: ParameterValues;
  /** The workbook's own data: its co-ops are part of the trial run. */
  workbook?: Pick<CheckInput, 'asOf' | 'coops' | 'meetings' | 'mentors' | 'cityMentorIds'>;
  /** Cases from the workbook's `Uji Aturan` sheet. */
  cases?: readonly RuleCase[];
  limits?: RuleSetLimits;
}

export interface Selection {
  ruleSets: RuleSetFile[];
  problems: Problem[];
  /** Check → where its rule set came from, for checks whose workbook set was accepted. */
  sources: Record<CheckId, string>;
}

export function selectRuleSets(overrides: readonly RuleSetOverride[] = [], context: SelectionContext = { params: {} }): Selection {
  const ruleSets = BUNDLED_RULE_SETS.slice();
  const problems: Problem[] = [];
  const sources: Record<CheckId, string> = {};
  for (const override of overrides) {
    try {
      const outcome = tryOverride(override, context, sources);
      if ('problems' in outcome) {
        problems.push(...outcome.problems);
        continue;
      }
      const index = ruleSets.findIndex((ruleSet) => ruleSet.check === outcome.ruleSet.check);
      ruleSets[index] = outcome.ruleSet;
      sources[outcome.ruleSet.check] = override.source;
    } catch (error) {
      // Whatever slipped past the checks above is still only a problem of this row.
      problems.push(rowProblem(override.source, 'ruleTrialFailed', '-', errorText(error)));
    }
  }
  return { ruleSets, problems, sources };
}

function tryOverride(override: RuleSetOverride, context: SelectionContext, accepted: Record<CheckId, string>): { ruleSet: RuleSetFile } | { problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(override.text);
  } catch (error) {
    const detail = fillBoth(message('problem', 'ruleNotJson'), () => errorText(error));
    return { problems: [{ severity: 'error', where: override.source, text: fillBoth(message('problem', 'ruleInvalid'), (name, lang) => ({ where: override.source, rule: '-', field: '-', detail: detail[lang] })[name]) }] };
  }
  const found = validateRuleSetData(data, override.source, undefined, context.limits ?? DEFAULT_LIMITS);
  if (found.length > 0) return { problems: found };
  const ruleSet = data as RuleSetFile;
  const earlier = accepted[ruleSet.check];
  if (earlier !== undefined) return { problems: [rowProblem(override.source, 'ruleDuplicateCheck', message('check', ruleSet.check), earlier)] };
  const engine = createCheckEngine(ruleSet, context.params);
  const trial = trialRun(engine, context);
  if (trial) return { problems: [rowProblem(override.source, trial.key, trial.found, trial.expected)] };
  const failed = failedCase(engine, ruleSet.check, context.cases ?? []);
  if (failed) return { problems: [rowProblem(override.source, 'ruleCaseFailed', failed.name, failed.found)] };
  return { ruleSet };
}

/** The first record of the trial that gets no status or makes the engine throw, or null when all pass. */
function trialRun(engine: CheckEngine, context: SelectionContext): { key: string; found: string; expected: string } | null {
  for (const { input, record, label } of trialRecords()) {
    const outcome = runOne(engine, input, record);
    if (outcome) return { key: outcome.noStatus ? 'ruleTrialNoStatus' : 'ruleTrialFailed', found: label, expected: outcome.detail };
  }
  const workbook = context.workbook;
  if (workbook && workbook.coops.length > 0) {
    const index = buildCityIndex({ ...workbook });
    const checkDay = dayOf(workbook.asOf);
    for (const record of workbook.coops) {
      const outcome = runOne(engine, null, record, index, checkDay);
      if (outcome) return { key: outcome.noStatus ? 'ruleTrialNoStatus' : 'ruleTrialFailed', found: record.id, expected: outcome.detail };
    }
  }
  return null;
}

function runOne(engine: CheckEngine, input: CheckInput | null, record: CoopRecord, index = input ? buildCityIndex(input) : undefined, checkDay = input ? dayOf(input.asOf) : 0): { noStatus: boolean; detail: string } | null {
  try {
    runCheckSync(engine, deriveFacts(record, index!, engine.params, checkDay), record);
    return null;
  } catch (error) {
    const detail = errorText(error);
    return { noStatus: error instanceof NoStatusError, detail };
  }
}

function dayOf(iso: string): number {
  return dayFromIso(iso) ?? 0;
}

export interface TrialRecord {
  input: CheckInput;
  record: CoopRecord;
  /** How a person can find it: the case's name and place, or the reference co-op and what was cleared. */
  label: string;
}
let trialCache: TrialRecord[] | null = null;

/**
 * The generated records of the trial run: every bundled rule case (together
 * they reach every status and every requirement of the bundled rules), the
 * reference co-op, and the reference co-op with each register field cleared
 * in turn, and with all of them cleared.
 */
export function trialRecords(): TrialRecord[] {
  if (trialCache) return trialCache;
  const base = bundledBase();
  const reference = `${message('problem', 'trialRecord').id} ${BUNDLED_CASES_FILE}`;
  const variants: Array<{ record: CoopRecord; label: string }> = [{ record: base.record, label: reference }];
  for (const column of REGISTER_COLUMNS) if (column.field !== 'id') variants.push({ record: { ...base.record, [column.field]: null }, label: `${reference}, ${column.label} -` });
  variants.push({ record: Object.assign({}, base.record, ...REGISTER_COLUMNS.filter((c) => c.field !== 'id').map((c) => ({ [c.field]: null }))) as CoopRecord, label: `${reference}, ${message('problem', 'trialAllCleared').id}` });
  trialCache = [
    ...bundledCases().map((c) => ({ input: caseInput(c), record: c.record, label: `'${c.name}' (${c.source})` })),
    ...variants.map(({ record, label }) => ({ input: { asOf: base.asOf, coops: [record], meetings: [base.meeting], mentors: [base.mentor] }, record, label })),
    { input: { asOf: base.asOf, coops: [base.record], meetings: [], mentors: [] }, record: base.record, label: `${reference}, ${message('problem', 'trialNoRatNoMentor').id}` },
  ];
  return trialCache;
}

/** The first case of this check the engine does not satisfy, with what it found. */
export function failedCase(engine: CheckEngine, check: CheckId, workbookCases: readonly RuleCase[]): { name: string; found: Bilingual } | null {
  for (const ruleCase of casesFor(check, workbookCases)) {
    const want = ruleCase.expected[check] as string;
    const got = statusOfCase(ruleCase, engine);
    if ('status' in got && got.status === want) continue;
    return { name: `${ruleCase.name} (${ruleCase.source})`, found: caseFound(check, got, want) };
  }
  return null;
}

/** "Legalitas: ditemukan DALAM PROSES, diharapkan BERBADAN HUKUM", in both languages. */
export function caseFound(check: CheckId, got: { status: string } | { error: string }, want: string): Bilingual {
  return fillBoth(message('problem', 'ruleCaseFound'), (name, lang) =>
    ({ check: message('check', check)[lang], found: 'status' in got ? message('status', got.status)[lang] : got.error, expected: message('status', want)[lang] })[name],
  );
}

function rowProblem(where: string, key: string, found: string | Bilingual, expected: string | Bilingual): Problem {
  const say = (value: string | Bilingual, lang: keyof Bilingual): string => (typeof value === 'string' ? value : value[lang]);
  const detail = fillBoth(message('problem', key), (name, lang) => ({ found: say(found, lang), expected: say(expected, lang) })[name]);
  return { severity: 'error', where, text: fillBoth(message('problem', 'ruleInvalid'), (name, lang) => ({ where, rule: '-', field: '-', detail: detail[lang] })[name]) };
}

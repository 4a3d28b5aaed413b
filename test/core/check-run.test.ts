/**
 * The rule table (rule-cases.ts) through the core in Node: every status and
 * every reason of the four checks, with their texts.
 */
import { runChecks } from '../../src/core/check-run';
import { BUNDLED_RULE_SETS, STATUSES_BY_CHECK } from '../../src/core/rule-data';
import type { CheckResult } from '../../src/shared/types';
import { ALL_CASES, toInput, type Expected, type RuleCase } from './rule-cases';

function resultFor([situation, expected]: RuleCase): CheckResult {
  return runChecks(toInput(situation)).results[0]!.checks[expected.check]!;
}

export function expectMatches(result: CheckResult, expected: Expected): void {
  expect(result.status).toBe(expected.status);
  if (expected.severity) expect(result.severity).toBe(expected.severity);
  if (expected.reasons) expect(result.reasons.map((r) => r.rule)).toEqual(expected.reasons);
  for (const text of expected.texts ?? []) expect(result.reasons.map((r) => r.text.id)).toContain(text);
  if (expected.items) expect([result.itemsMet, result.itemsTotal]).toEqual(expected.items);
}

describe('rule table in Node', () => {
  test('has at least 60 cases', () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(60);
  });

  test.each(ALL_CASES.map((c) => [c[0].name, c] as const))('%s', (_name, ruleCase) => {
    expectMatches(resultFor(ruleCase), ruleCase[1]);
  });

  test('every status of every check is reached by some case', () => {
    const reached = new Set(ALL_CASES.map(([, e]) => `${e.check}:${e.status}`));
    for (const [check, statuses] of Object.entries(STATUSES_BY_CHECK)) {
      for (const status of statuses) expect(reached).toContain(`${check}:${status}`);
    }
  });

  test('every requirement rule fails in some case (every reason is reachable)', () => {
    const failed = new Set(ALL_CASES.flatMap((c) => resultFor(c).reasons.map((r) => r.rule)));
    const requirementRules = BUNDLED_RULE_SETS.flatMap((s) => s.rules.filter((r) => r.event.type === 'requirement').map((r) => r.name));
    expect(requirementRules.filter((name) => !failed.has(name))).toEqual([]);
  });

  test('every reason says its field, the value found and the value required, in both languages', () => {
    const reasons = ALL_CASES.flatMap((c) => resultFor(c).reasons);
    expect(reasons.length).toBeGreaterThan(50);
    for (const reason of reasons) {
      expect(reason.field.id.length).toBeGreaterThan(0);
      expect(reason.field.en.length).toBeGreaterThan(0);
      expect('found' in reason && 'required' in reason).toBe(true);
      expect(reason.text.id).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(reason.text.en).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(reason.text.id).not.toBe(reason.text.en);
    }
  });

  test('the capital reason carries raw values as well as text', () => {
    const [situation] = ALL_CASES.find(([s]) => s.name === 'capital Rp 120 juta')!;
    const reason = runChecks(toInput(situation)).results[0]!.checks.savingsLoans.reasons[0]!;
    expect(reason).toMatchObject({ fact: 'spCapital', found: 120_000_000, required: 500_000_000, field: { id: 'Modal Simpan Pinjam (Rp)' } });
    expect(reason.text.en).toBe('Savings-and-loan capital is Rp 120,000,000, below the minimum of Rp 500,000,000.');
  });
});

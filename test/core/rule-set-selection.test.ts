/**
 * Rule sets supplied from outside: used when valid, otherwise reported and the
 * bundled rule set stays in force — changing a rule changes the outcome
 * without touching code, and a broken one never crashes a run.
 */
import { runChecks } from '../../src/core/check-run';
import { selectRuleSets } from '../../src/core/rule-set-selection';
import { BUNDLED_RULE_SETS } from '../../src/core/rule-data';
import savingsLoans from '../../rules/savings-loans-readiness.json';
import { coop, input } from '../support/records';

const where = 'sheet Aturan, sel B2';

describe('rule sets supplied from outside', () => {
  test('a valid rule set replaces the bundled one and changes the outcome', () => {
    const relaxed = JSON.parse(JSON.stringify(savingsLoans));
    relaxed.rules = relaxed.rules.filter((r: { name: string }) => r.name !== 'sp.capital');
    const data = input({ coops: [coop({ spCapital: 1 })] });
    expect(runChecks(data).results[0]!.checks.savingsLoans.status).toBe('BELUM_SIAP');
    const run = runChecks({ ...data, ruleSetOverrides: [{ text: JSON.stringify(relaxed), source: where }] });
    expect(run.problems).toEqual([]);
    expect(run.results[0]!.checks.savingsLoans.status).toBe('SIAP');
    expect(run.results[0]!.checks.savingsLoans.itemsTotal).toBe(13);
  });

  test('malformed JSON is reported and the bundled rules stay', () => {
    const { ruleSets, problems } = selectRuleSets([{ text: '{ "check": "rat", ', source: where }]);
    expect(ruleSets).toEqual(BUNDLED_RULE_SETS);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.text.id).toMatch(/^sheet Aturan, sel B2: aturan '-', -: bukan JSON yang sah \(.+\); aturan bawaan tetap dipakai\.$/);
  });

  test('an unknown operator is reported, the run goes on with the bundled rules', () => {
    const broken = JSON.parse(JSON.stringify(savingsLoans));
    broken.rules[4].conditions.all[0].operator = 'atLeast';
    const run = runChecks({ ...input({ coops: [coop({ spCapital: 1 })] }), ruleSetOverrides: [{ text: JSON.stringify(broken), source: where }] });
    expect(run.problems.map((p) => p.text.id)).toEqual(["sheet Aturan, sel B2: aturan 'sp.capital', conditions.all[0].operator: operator 'atLeast' tidak dikenal; aturan bawaan tetap dipakai."]);
    expect(run.results[0]!.checks.savingsLoans.status).toBe('BELUM_SIAP');
  });
});

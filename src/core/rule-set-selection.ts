/**
 * Which rule sets a run uses: the bundled ones, except where the workbook
 * supplies its own (as JSON text) and that text parses and passes validation.
 * A rejected rule set is reported with where it came from, the rule and the
 * field, and the bundled one for that check stays in force.
 */
import type { Problem, RuleSetOverride } from '../shared/types';
import { fillBoth, message } from './messages';
import { BUNDLED_RULE_SETS, type RuleSetFile } from './rule-data';
import { validateRuleSetData } from './rule-set-validation';

export function selectRuleSets(overrides: readonly RuleSetOverride[] = []): { ruleSets: RuleSetFile[]; problems: Problem[] } {
  const ruleSets = BUNDLED_RULE_SETS.slice();
  const problems: Problem[] = [];
  for (const override of overrides) {
    let data: unknown;
    try {
      data = JSON.parse(override.text);
    } catch (error) {
      const detail = fillBoth(message('problem', 'ruleNotJson'), () => (error as Error).message);
      problems.push({
        severity: 'error',
        where: override.source,
        text: fillBoth(message('problem', 'ruleInvalid'), (name, lang) => ({ where: override.source, rule: '-', field: '-', detail: detail[lang] })[name]),
      });
      continue;
    }
    const check = (data as { check?: unknown } | null)?.check;
    const index = ruleSets.findIndex((ruleSet) => ruleSet.check === check);
    const found = validateRuleSetData(data, override.source, index >= 0 ? ruleSets[index]!.check : undefined);
    if (found.length > 0 || index < 0) {
      problems.push(...found);
      continue;
    }
    ruleSets[index] = data as RuleSetFile;
  }
  return { ruleSets, problems };
}

/**
 * What the sidebar shows about the rules in force: their version, every
 * parameter with its value, unit, note and source, and each check's statuses.
 */
import { message } from '../core/messages';
import { defaultParameters } from '../core/parameters';
import { BUNDLED_RULE_SETS, PARAMETERS, STATUSES_BY_CHECK } from '../core/rule-data';
import { rulesVersion } from '../core/rules-version';
import type { RulesOverview } from '../shared/sidebar-api';
import type { Lang } from '../shared/types';

export function rulesOverview(lang: Lang): RulesOverview {
  const values = defaultParameters();
  return {
    lang,
    rulesVersion: rulesVersion(BUNDLED_RULE_SETS, values),
    parameters: Object.entries(PARAMETERS.parameters).map(([key, spec]) => ({
      key,
      value: values[key] as number,
      unit: spec.unit,
      note: spec.note,
      source: spec.source,
    })),
    checks: BUNDLED_RULE_SETS.map((ruleSet) => ({
      check: ruleSet.check,
      title: message('check', ruleSet.check),
      statuses: (STATUSES_BY_CHECK[ruleSet.check] ?? []).map((code) => ({ code, label: message('status', code) })),
    })),
  };
}

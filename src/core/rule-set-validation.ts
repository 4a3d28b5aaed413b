/**
 * Checks a rule set before it is used: first against the JSON Schema
 * (rules/schema/rule-set.schema.json, compiled at build time), then for what a
 * schema cannot see — facts and parameters that exist, statuses the check may
 * give, message ids in rules/messages.json, requirement rules that outrank
 * status rules, unique rule names. Each problem names the file or sheet, the
 * rule and the field, so a person can fix it; callers keep the bundled rules.
 */
import type { Bilingual, CheckId, Problem } from '../shared/types';
import { validateRuleSet } from '../generated/schema-validators';
import { factSpec } from './fact-catalogue';
import { fillBoth, hasMessage, message } from './messages';
import {
  REQUIREMENT_MIN_PRIORITY,
  STATUSES_BY_CHECK,
  type Condition,
  type LeafCondition,
  type RuleSetFile,
} from './rule-data';

/** A problem detail from the `problem` message table, with `{found}` and `{expected}` filled. */
function detail(key: string, found: string, expected = ''): Bilingual {
  return fillBoth(message('problem', key), (name) => ({ found, expected })[name]);
}

export function validateRuleSetData(data: unknown, where: string, expectedCheck?: CheckId): Problem[] {
  if (!validateRuleSet(data)) {
    return (validateRuleSet.errors ?? [])
      .filter((error) => error.keyword !== 'if')
      .map((error) => {
        const { rule, field } = locate(data, error.instancePath);
        const text =
          error.keyword === 'pattern' && field.endsWith('operator')
            ? detail('ruleUnknownOperator', String(valueAt(data, error.instancePath)))
            : detail('ruleSchema', error.message ?? error.keyword);
        return ruleProblem(where, rule, field || '-', text);
      });
  }
  return semanticProblems(data as RuleSetFile, where, expectedCheck);
}

function semanticProblems(ruleSet: RuleSetFile, where: string, expectedCheck?: CheckId): Problem[] {
  const problems: Problem[] = [];
  const say = (rule: string, field: string, key: string, found = '', expected = ''): void => {
    problems.push(ruleProblem(where, rule, field, detail(key, found, expected)));
  };
  if (expectedCheck && ruleSet.check !== expectedCheck) {
    say('-', 'check', 'ruleWrongCheck', ruleSet.check, expectedCheck);
  }
  const allowed = STATUSES_BY_CHECK[ruleSet.check];
  const names = new Set<string>();
  let lowestRequirement = Infinity;
  let highestStatus = -Infinity;
  ruleSet.rules.forEach((rule, index) => {
    const label = rule.name || `#${index + 1}`;
    if (names.has(rule.name)) say(label, 'name', 'ruleDuplicateName');
    names.add(rule.name);
    const leaves = leafConditions(rule.conditions);
    leaves.forEach(({ leaf, path }) => {
      if (!factSpec(leaf.fact)) say(label, `${path}.fact`, 'ruleUnknownFact', leaf.fact);
      const ref = referencedFact(leaf.value);
      if (ref !== null && !factSpec(ref)) say(label, `${path}.value.fact`, 'ruleUnknownFact', ref);
    });
    if (rule.event.type === 'status') {
      highestStatus = Math.max(highestStatus, rule.priority);
      if (!allowed.includes(rule.event.params.status)) {
        say(label, 'event.params.status', 'ruleWrongStatus', rule.event.params.status, allowed.join(', '));
      }
    } else {
      lowestRequirement = Math.min(lowestRequirement, rule.priority);
      const params = rule.event.params;
      if (!hasMessage('reason', params.message)) say(label, 'event.params.message', 'ruleUnknownMessage', params.message);
      if (!leaves.some(({ leaf }) => leaf.fact === params.fact || referencedFact(leaf.value) === params.fact)) {
        say(label, 'event.params.fact', 'ruleFactNotUsed', params.fact);
      }
      if (rule.priority < REQUIREMENT_MIN_PRIORITY) {
        say(label, 'priority', 'ruleRequirementPriority', String(rule.priority), String(REQUIREMENT_MIN_PRIORITY));
      }
    }
  });
  if (highestStatus === -Infinity) say('-', 'rules', 'ruleNoStatus');
  if (highestStatus >= REQUIREMENT_MIN_PRIORITY || highestStatus >= lowestRequirement) {
    say('-', 'priority', 'ruleStatusPriority', String(highestStatus), String(REQUIREMENT_MIN_PRIORITY));
  }
  return problems;
}

/** Every leaf condition with a readable path such as `conditions.any[1]`. */
export function leafConditions(condition: Condition, path = 'conditions'): Array<{ leaf: LeafCondition; path: string }> {
  if ('fact' in condition) return [{ leaf: condition, path }];
  if ('all' in condition) return condition.all.flatMap((c, i) => leafConditions(c, `${path}.all[${i}]`));
  if ('any' in condition) return condition.any.flatMap((c, i) => leafConditions(c, `${path}.any[${i}]`));
  return leafConditions(condition.not, `${path}.not`);
}

/** The fact a condition's value refers to (`{ "fact": "spMinCapital" }`), or null. */
export function referencedFact(value: unknown): string | null {
  if (value !== null && typeof value === 'object' && typeof (value as { fact?: unknown }).fact === 'string') {
    return (value as { fact: string }).fact;
  }
  return null;
}

function locate(data: unknown, instancePath: string): { rule: string; field: string } {
  const parts = instancePath.split('/').slice(1);
  if (parts[0] !== 'rules' || parts[1] === undefined) return { rule: '-', field: parts.join('.') };
  const rules = (data as { rules?: Array<{ name?: unknown }> }).rules ?? [];
  const index = Number(parts[1]);
  const name = rules[index]?.name;
  return {
    rule: typeof name === 'string' && name ? name : `#${index + 1}`,
    field: parts.slice(2).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('').replace(/^\./, ''),
  };
}

function valueAt(data: unknown, instancePath: string): unknown {
  let node: unknown = data;
  for (const part of instancePath.split('/').slice(1)) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

function ruleProblem(where: string, rule: string, field: string, detail: Bilingual): Problem {
  return {
    severity: 'error',
    where,
    text: fillBoth(message('problem', 'ruleInvalid'), (name, lang) => ({ where, rule, field, detail: detail[lang] })[name]),
  };
}

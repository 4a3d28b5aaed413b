/**
 * Checks a rule set before it is used: first against the JSON Schema
 * (rules/schema/rule-set.schema.json, compiled at build time), then for what a
 * schema cannot see — facts and parameters that exist, statuses the check may
 * give, message ids in rules/messages.json, requirement rules that outrank
 * status rules, unique rule names. Each problem names the file or sheet, the
 * rule and the field, so a person can fix it; callers keep the bundled rules.
 */
import type { Bilingual, CheckId, Json, Problem } from '../shared/types';
import { validateRuleSet } from '../generated/schema-validators';
import { factSpec } from './fact-catalogue';
import { fillBoth, hasMessage, message } from './messages';
import {
  CHECK_IDS,
  REQUIREMENT_MIN_PRIORITY,
  STATUSES_BY_CHECK,
  ownKey,
  type Condition,
  type LeafCondition,
  type RuleSetFile,
} from './rule-data';

/** A problem detail from the `problem` message table, with `{found}` and `{expected}` filled. */
function detail(key: string, found: string, expected = ''): Bilingual {
  return fillBoth(message('problem', key), (name) => ({ found, expected })[name]);
}

/** Bounds on a rule set's shape, checked before anything walks it recursively. */
export interface RuleSetLimits {
  /** Deepest nesting of JSON values (objects and lists) allowed; the bundled sets need 10. */
  maxDepth: number;
  /** Most JSON values (every object, list, text, number…) in one rule set; the bundled sets hold under 300. */
  maxNodes: number;
}
export const DEFAULT_LIMITS: RuleSetLimits = { maxDepth: 40, maxNodes: 10_000 };

/**
 * All problems of a parsed rule set, or none when it may be tried. Never
 * throws, whatever `data` holds: shape bounds first (without recursion, so a
 * 50,000-character cell of nested `not` cannot overflow the stack), then the
 * schema, then what a schema cannot see.
 */
export function validateRuleSetData(data: unknown, where: string, expectedCheck?: CheckId, limits: RuleSetLimits = DEFAULT_LIMITS): Problem[] {
  const shape = measure(data);
  if (shape.depth > limits.maxDepth) return [ruleProblem(where, '-', '-', detail('ruleTooDeep', String(shape.depth), String(limits.maxDepth)))];
  if (shape.nodes > limits.maxNodes) return [ruleProblem(where, '-', '-', detail('ruleTooLarge', String(shape.nodes), String(limits.maxNodes)))];
  const check = (data as { check?: unknown } | null)?.check;
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && !(typeof check === 'string' && CHECK_IDS.includes(check))) {
    return [ruleProblem(where, '-', 'check', detail('ruleUnknownCheck', typeof check === 'string' ? check : JSON.stringify(check ?? null), CHECK_IDS.join(', ')))];
  }
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
  const allowed = ownKey(STATUSES_BY_CHECK, ruleSet.check) ? (STATUSES_BY_CHECK[ruleSet.check] as readonly string[]) : [];
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
      const needs = valueNeeds(leaf.operator, leaf.value);
      if (needs !== null) {
        const expected = message('problem', needs);
        problems.push(ruleProblem(where, label, `${path}.value`, fillBoth(message('problem', 'ruleBadValue'), (name, lang) => ({ found: leaf.operator, expected: expected[lang] })[name])));
      }
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

/**
 * What an operator's value must be when the one given cannot work, else null:
 * json-rules-engine calls `indexOf` on the list of `in`/`notIn`, `some`/`every`
 * on the list of `someValue`/`everyValue`, and compares numbers with
 * `lessThan`…; our facts are never lists, so `contains`, `someFact` and
 * `everyFact` never hold. (A `swap` turns sides; the trial run catches the rest.)
 */
/** @returns a key of the `problem` messages saying what the value must be, or null. */
export function valueNeeds(operator: string, value: unknown): string | null {
  const parts = operator.split(':');
  const base = parts[parts.length - 1] as string;
  const decorators = parts.slice(0, -1);
  if (decorators.includes('swap')) return null;
  const isList = Array.isArray(value);
  const isRef = referencedFact(value) !== null;
  if (decorators.some((d) => d === 'someFact' || d === 'everyFact') || base === 'contains' || base === 'doesNotContain') return 'ruleNeedsListFact';
  if (decorators.some((d) => d === 'someValue' || d === 'everyValue')) return isList ? null : 'ruleNeedsList';
  if (base === 'in' || base === 'notIn') return isList ? null : 'ruleNeedsList';
  if (/^(less|greater)Than/.test(base)) return typeof value === 'number' || isRef ? null : 'ruleNeedsNumber';
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) || isRef ? null : 'ruleNeedsScalar';
}

/** Depth and number of JSON values, counted without recursion. */
function measure(data: unknown): { depth: number; nodes: number } {
  let depth = 0;
  let nodes = 0;
  const stack: Array<[unknown, number]> = [[data, 1]];
  while (stack.length > 0) {
    const [node, level] = stack.pop() as [unknown, number];
    nodes += 1;
    if (level > depth) depth = level;
    if (nodes > 10_000_000) break;
    if (node !== null && typeof node === 'object') {
      for (const child of Object.values(node as Record<string, Json>)) stack.push([child, level + 1]);
    }
  }
  return { depth, nodes };
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

/**
 * The thresholds in force for one run: the defaults of rules/parameters.json,
 * with the values a workbook supplies (sheet `Parameter`) where they pass the
 * parameter-values schema and the cross-parameter constraints. A bad value is
 * reported with where it came from, and the default stays in force.
 */
import type { Bilingual, Json, ParameterOverride, Problem } from '../shared/types';
import { validateParameterValues } from '../generated/schema-validators';
import { fillBoth, message } from './messages';
import { PARAMETERS } from './rule-data';

export type ParameterValues = Record<string, number>;

export function defaultParameters(): ParameterValues {
  const values: ParameterValues = {};
  for (const [key, spec] of Object.entries(PARAMETERS.parameters)) values[key] = spec.default;
  return values;
}

export function resolveParameters(overrides: readonly ParameterOverride[] = []): {
  values: ParameterValues;
  problems: Problem[];
} {
  const values = defaultParameters();
  const problems: Problem[] = [];
  const sources: Record<string, string> = {};
  const seen = new Map<string, string>();
  for (const override of overrides) {
    // Own keys only: `constructor` or `__proto__` are unknown keys, not inherited properties.
    const spec = Object.prototype.hasOwnProperty.call(PARAMETERS.parameters, override.key) ? PARAMETERS.parameters[override.key] : undefined;
    const first = seen.get(override.key);
    if (spec && first !== undefined) {
      problems.push(problem(override.source, fillBoth(message('problem', 'parameterDuplicate'), (name) => ({ where: override.source, key: override.key, first })[name])));
      continue;
    }
    if (spec) seen.set(override.key, override.source);
    if (!spec) {
      problems.push(problem(override.source, fillBoth(message('problem', 'parameterUnknown'), (name) => ({ where: override.source, key: override.key })[name])));
      continue;
    }
    if (validateParameterValues({ [override.key]: override.value })) {
      values[override.key] = override.value as number;
      sources[override.key] = override.source;
      continue;
    }
    const error = validateParameterValues.errors?.[0];
    const detail = detailOf(error?.keyword ?? 'type', typeof override.value === 'number', error?.params.limit as number | undefined);
    problems.push(
      problem(
        override.source,
        fillBoth(message('problem', 'parameterInvalid'), (name, lang) =>
          ({ where: override.source, key: override.key, value: display(override.value), detail: detail[lang], default: String(spec.default) })[name],
        ),
      ),
    );
  }
  for (const constraint of PARAMETERS.constraints ?? []) {
    const [a, b] = constraint.lessOrEqual as [string, string];
    if ((values[a] as number) <= (values[b] as number)) continue;
    const where = sources[b] ?? sources[a] ?? 'rules/parameters.json';
    problems.push(
      problem(
        where,
        fillBoth(message('problem', 'parameterConstraint'), (name) =>
          ({ where, a, b, aValue: String(values[a]), bValue: String(values[b]) })[name],
        ),
      ),
    );
    values[a] = PARAMETERS.parameters[a]?.default as number;
    values[b] = PARAMETERS.parameters[b]?.default as number;
  }
  return { values, problems };
}

function detailOf(keyword: string, isNumber: boolean, limit: number | undefined): Bilingual {
  const limitText = (text: Bilingual): Bilingual => fillBoth(text, () => String(limit));
  if (keyword === 'minimum') return limitText(message('problem', 'belowMin'));
  if (keyword === 'maximum') return limitText(message('problem', 'aboveMax'));
  return message('problem', isNumber ? 'notInteger' : 'notNumber');
}

function display(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function problem(where: string, text: Bilingual): Problem {
  return { severity: 'warning', where, text };
}

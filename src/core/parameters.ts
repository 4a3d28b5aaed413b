/**
 * The thresholds in force for one run: the defaults of rules/parameters.json,
 * with the values a workbook supplies (sheet `Parameter`) where they pass the
 * parameter-values schema and the cross-parameter constraints. A bad value is
 * reported with where it came from, and the default stays in force.
 */
import type { Bilingual, Json, ParameterOverride, Problem } from '../shared/types';
import { validateParameterValues } from '../generated/schema-validators';
import { fillBoth, message } from './messages';
import { PARAMETERS, type ParameterSpec } from './rule-data';

export type ParameterValues = Record<string, number>;

/**
 * The bundled value of every parameter in force on a date (YYYY-MM-DD): the
 * last of its `changes` from on or before that date, else its `default`.
 * Without a date, the value in force today is not known: `default` and every
 * change are applied in order (the latest value).
 */
export function defaultParameters(asOf?: string): ParameterValues {
  const values: ParameterValues = {};
  for (const [key, spec] of Object.entries(PARAMETERS.parameters)) values[key] = bundledValue(spec, asOf);
  return values;
}

function bundledValue(spec: ParameterSpec, asOf?: string): number {
  let value = spec.default;
  for (const change of spec.changes ?? []) if (asOf === undefined || change.from <= asOf) value = change.value;
  return value;
}

/**
 * Which rows of the workbook hold on the check date: a row whose `Berlaku
 * mulai` is after it is not in force yet; of several rows for one key, the one
 * with the latest date on or before it holds (a row without a date holds from
 * the start). Two rows for one key and the same date are a duplicate: the
 * first holds, the second is reported.
 */
function inForce(overrides: readonly ParameterOverride[], asOf: string | undefined, problems: Problem[]): ParameterOverride[] {
  const chosen = new Map<string, ParameterOverride>();
  const seen = new Map<string, string>();
  const order: string[] = [];
  for (const override of overrides) {
    const known = Object.prototype.hasOwnProperty.call(PARAMETERS.parameters, override.key);
    const slot = `${override.key}\u0000${override.from ?? ''}`;
    const first = known ? seen.get(slot) : undefined;
    if (first !== undefined) {
      problems.push(problem(override.source, fillBoth(message('problem', 'parameterDuplicate'), (name) => ({ where: override.source, key: override.key, first })[name])));
      continue;
    }
    if (known) seen.set(slot, override.source);
    if (!known) {
      order.push(override.source);
      chosen.set(`\u0001${override.source}`, override);
      continue;
    }
    if (asOf !== undefined && override.from && override.from > asOf) continue;
    const current = chosen.get(override.key);
    if (!current) order.push(override.key);
    if (!current || (override.from ?? '') >= (current.from ?? '')) chosen.set(override.key, override);
  }
  return order.map((key) => chosen.get(key) ?? (chosen.get(`\u0001${key}`) as ParameterOverride));
}

export function resolveParameters(overrides: readonly ParameterOverride[] = [], asOf?: string): {
  values: ParameterValues;
  problems: Problem[];
} {
  const values = defaultParameters(asOf);
  const problems: Problem[] = [];
  const sources: Record<string, string> = {};
  for (const override of inForce(overrides, asOf, problems)) {
    // Own keys only: `constructor` or `__proto__` are unknown keys, not inherited properties.
    const spec = Object.prototype.hasOwnProperty.call(PARAMETERS.parameters, override.key) ? PARAMETERS.parameters[override.key] : undefined;
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
          ({ where: override.source, key: override.key, value: display(override.value), detail: detail[lang], default: String(values[override.key]) })[name],
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
    const bundled = defaultParameters(asOf);
    values[a] = bundled[a] as number;
    values[b] = bundled[b] as number;
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

/**
 * A short, stable fingerprint of the rules and parameters in force, written
 * next to every result so a reader can tell which rules produced it. FNV-1a
 * over canonical JSON: pure, no Apps Script Utilities, same in every runtime.
 */
import type { RuleSetFile } from './rule-data';
import type { ParameterValues } from './parameters';

export function rulesVersion(ruleSets: readonly RuleSetFile[], params: ParameterValues): string {
  const text = canonicalJson({ ruleSets, params });
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `r-${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter((key) => key !== '$schema')
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

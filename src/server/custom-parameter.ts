/**
 * `=KKMP_PARAMETER(kunci)`: the bundled default of a threshold, so staff can
 * show it beside their data. Errors speak Bahasa Indonesia and say what to type.
 */
import { fill, message } from '../core/messages';
import { defaultParameters } from '../core/parameters';

export function parameterDefault(key: unknown): number {
  if (typeof key !== 'string' || key.trim() === '') throw new Error(message('problem', 'customNeedsText').id);
  const values = defaultParameters();
  // Own keys only: `constructor` or `toString` are no parameter.
  const value = Object.prototype.hasOwnProperty.call(values, key.trim()) ? values[key.trim()] : undefined;
  if (typeof value !== 'number') {
    throw new Error(fill(message('problem', 'customUnknownParameter').id, (name) => ({ key: key.trim(), keys: Object.keys(values).join(', ') })[name]));
  }
  return value;
}

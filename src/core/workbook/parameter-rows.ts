/**
 * The rows of a `Parameter` sheet with the bundled defaults: key, default and
 * a note (what it means, its default and its source), for the set-up action
 * and the sample workbook.
 */
import { fill, message } from '../messages';
import { PARAMETERS } from '../rule-data';

export function parameterRows(): Array<[string, number, string]> {
  return Object.entries(PARAMETERS.parameters).map(([key, spec]) => [
    key,
    spec.default,
    fill(message('ui', 'parameterNote').id, (name) => ({ note: spec.note.id, default: String(spec.default), source: spec.source })[name]),
  ]);
}

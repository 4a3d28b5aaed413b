/**
 * The deep copy json-rules-engine makes of a rule's conditions and event for
 * every run (to record that run's results on them), in place of the `clone`
 * package. `clone` handles Maps, Sets, Buffers, Promises and cycles; rules are
 * plain data and Condition objects, so this copy keeps prototypes, copies own
 * enumerable properties, arrays and Dates, and is several times faster — the
 * clone was over a quarter of the check time. Bound by
 * build/sync-engine-binding.cjs for the bundle and jest alike; the
 * differential test compares the result with the published engine.
 */
// Built-ins held in module constants: this runs for every condition of every rule of every
// co-op, and a global lookup per call is measurable (much more so in a node:vm sandbox).
const { isArray } = Array;
const { create, getPrototypeOf, keys } = Object;
const toTag = Object.prototype.toString;
const DateClass = Date;

export default function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (isArray(value)) {
    const list = value as unknown[];
    const out = new Array<unknown>(list.length);
    for (let i = 0; i < list.length; i += 1) out[i] = deepClone(list[i]);
    return out as unknown as T;
  }
  if (toTag.call(value) === '[object Date]') return new DateClass((value as unknown as Date).getTime()) as unknown as T;
  const copy = create(getPrototypeOf(value)) as Record<string, unknown>;
  const names = keys(value as object);
  for (let i = 0; i < names.length; i += 1) {
    const key = names[i] as string;
    copy[key] = deepClone((value as Record<string, unknown>)[key]);
  }
  return copy as T;
}

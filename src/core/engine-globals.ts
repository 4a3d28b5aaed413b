/**
 * The built-ins json-rules-engine's files use, captured once when this module
 * loads, and `Promise` as the synchronous SyncPromise. The engine binding
 * (build/sync-engine-binding.cjs) makes them module locals of every engine
 * file: the engine reads them for every condition it evaluates, and a global
 * lookup per use is costly in a node:vm sandbox. They are the very same
 * objects, so behaviour is unchanged in Apps Script, Node and the browser.
 */
import { SyncPromise } from './sync-promise';

const { Object: ObjectBuiltin, Array: ArrayBuiltin, Map: MapBuiltin, Set: SetBuiltin, JSON: JSONBuiltin, Math: MathBuiltin, Number: NumberBuiltin, String: StringBuiltin, Error: ErrorBuiltin } = globalThis;

export {
  SyncPromise as Promise,
  ObjectBuiltin as Object,
  ArrayBuiltin as Array,
  MapBuiltin as Map,
  SetBuiltin as Set,
  JSONBuiltin as JSON,
  MathBuiltin as Math,
  NumberBuiltin as Number,
  StringBuiltin as String,
  ErrorBuiltin as Error,
};

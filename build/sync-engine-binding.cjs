/**
 * How json-rules-engine is made synchronous and timer-free, in one place for
 * both the esbuild bundle (build/build.mjs) and jest (build/jest-sync-engine-transform.cjs).
 *
 * - Every file of json-rules-engine's dist/ gets `Promise` bound to
 *   src/core/sync-promise.ts's SyncPromise, so `engine.run()` settles before it
 *   returns (Apps Script entry points must return their value synchronously),
 *   and its other built-ins bound to module locals (src/core/engine-globals.ts).
 * - `eventemitter2` (which reads `setTimeout` at load, absent in Apps Script) is
 *   replaced by src/core/event-emitter.ts.
 * - `clone` (the engine's per-run copy of every rule, a quarter of the check
 *   time) is replaced by src/core/deep-clone.ts.
 */
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const syncPromiseModule = path.join(root, 'src', 'core', 'sync-promise.ts');
const eventEmitterModule = path.join(root, 'src', 'core', 'event-emitter.ts');
const deepCloneModule = path.join(root, 'src', 'core', 'deep-clone.ts');

/** Packages the engine requires that are replaced, and by what. */
const replacedModules = { eventemitter2: eventEmitterModule, clone: deepCloneModule };

/** Matches the engine's own compiled files. */
const engineFilePattern = /[\\/]node_modules[\\/]json-rules-engine[\\/]dist[\\/][^\\/]+\.js$/;

const engineGlobalsModule = path.join(root, 'src', 'core', 'engine-globals.ts');
const ENGINE_GLOBALS = ['Promise', 'Object', 'Array', 'Map', 'Set', 'JSON', 'Math', 'Number', 'String', 'Error'];

/**
 * The engine file's source with `Promise` bound to SyncPromise and the other
 * built-ins it uses bound to module locals (src/core/engine-globals.ts): the
 * same objects, read once instead of looked up globally for every condition.
 */
function bindSyncPromise(source) {
  const locals = ENGINE_GLOBALS.map((name) => `${name} = __engineGlobals.${name}`).join(', ');
  return `var __engineGlobals = require(${JSON.stringify(engineGlobalsModule)}), ${locals};\n${source}`;
}

module.exports = { engineFilePattern, bindSyncPromise, syncPromiseModule, eventEmitterModule, replacedModules };

/**
 * json-rules-engine exactly as published — native Promises, the real
 * eventemitter2 — for differential tests and the benchmark baseline. Jest
 * would bind the engine to SyncPromise (see jest.config.js), so it is bundled
 * here by esbuild into a plain CommonJS file that jest does not transform.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { EngineModule } from '../../src/core/check-engine';

export function loadNativeEngine(): EngineModule {
  const outfile = path.join(mkdtempSync(path.join(os.tmpdir(), 'native-engine-')), 'json-rules-engine.cjs');
  buildSync({
    stdin: { contents: "module.exports = require('json-rules-engine');", resolveDir: path.resolve(__dirname, '..', '..'), loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'silent',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as EngineModule;
}

/**
 * `npm run bench`: speed figures, printed (never asserted in tests).
 *
 * Rule evaluation: the synchronous path the add-on runs (one engine per rule
 * set per run, json-rules-engine bound to SyncPromise) against a naive
 * baseline in the same process — one `await engine.run()` per co-op per rule
 * set with json-rules-engine as published (native Promises). Prints both
 * throughputs and their ratio.
 *
 * Custom function: one `=KKMP_STATUS(...)` call over a 10,000-row register,
 * through the built bundle in the Apps Script sandbox (Apps Script allows 30 s).
 */
import path from 'node:path';
import { loadBundle } from '../test/support/apps-script-sandbox';
import { workbookFrom } from '../test/support/workbook-fixture';
import { buildCityIndex } from '../src/core/city-index';
import { createCheckEngine, runCheckAsync, type EngineModule } from '../src/core/check-engine';
import { prepareRun, runChecks } from '../src/core/check-run';
import { deriveFacts } from '../src/core/derived-facts';
import { BUNDLED_RULE_SETS } from '../src/core/rule-data';
import { generateInput } from '../test/support/corpus';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const nativeEngine = require('./native-engine.cjs') as EngineModule;

async function naive(input: ReturnType<typeof generateInput>): Promise<number> {
  const prepared = prepareRun(input);
  const engines = BUNDLED_RULE_SETS.map((ruleSet) => createCheckEngine(ruleSet, prepared.params, nativeEngine));
  const index = buildCityIndex(input);
  let checks = 0;
  for (const record of input.coops) {
    const facts = deriveFacts(record, index, prepared.params, prepared.checkDay);
    for (const engine of engines) {
      await runCheckAsync(engine, facts, record);
      checks += 1;
    }
  }
  return checks;
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

function customFunctionFigure(rows: number): void {
  const sandbox = loadBundle({ spreadsheet: workbookFrom(generateInput(11, rows)), distDir: path.resolve('dist'), now: new Date('2026-11-24T06:00:00Z') });
  const range = (name: string): unknown[][] => sandbox.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
  const args = [range('Koperasi'), range('RAT'), range('Pendamping')];
  sandbox.call('KKMP_STATUS', ...args); // warm up
  const { value, ms } = time(() => sandbox.call('KKMP_STATUS', ...args) as unknown[][]);
  console.log(`\nCustom function =KKMP_STATUS over ${rows} register rows (sandbox): ${(ms / 1000).toFixed(2)} s for ${value.length} rows (Apps Script limit: 30 s)`);
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
  console.log('Rule evaluation, 4 checks per co-op (co-ops per second; higher is better)');
  console.log('co-ops   synchronous path   naive await baseline   ratio');
  for (const size of sizes) {
    const input = generateInput(42, size);
    runChecks(generateInput(7, 200)); // warm up both paths
    await naive(generateInput(7, 200));
    const sync = time(() => runChecks(input));
    const slow = await timeAsync(() => naive(input));
    const syncRate = size / (sync.ms / 1000);
    const naiveRate = size / (slow.ms / 1000);
    console.log(`${String(size).padStart(6)}   ${syncRate.toFixed(0).padStart(12)} /s   ${naiveRate.toFixed(0).padStart(16)} /s   ${(syncRate / naiveRate).toFixed(2)}`);
  }
  customFunctionFigure(10_000);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

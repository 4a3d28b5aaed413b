/**
 * `npm run bench`: the speed and memory figures of issue 8, printed as a table
 * and written to bench/results.json. Each measurement runs in its own child
 * process, so peak memory (max RSS) belongs to that measurement alone.
 *
 * 1. Rule evaluation: the synchronous path the add-on runs, against a naive
 *    baseline in the same process — one `await engine.run(facts)` per co-op per
 *    rule set with json-rules-engine as published (native Promises).
 * 2. "Periksa semua koperasi" end to end in the Apps Script sandbox (read,
 *    check, write): time, Range calls, peak memory.
 * 3. One custom-function call (=KKMP_STATUS) over 10,000 rows in the sandbox.
 * 4. The command-line checker on a synthetic 82,780-co-op .xlsx file.
 * 5. The run fingerprint "Periksa semua" computes in every part (a hash of
 *    every value read), over the values of the synthetic workbook.
 *
 * Sizes: BENCH_SIZES (default 1000,10000,82780).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main as cliMain } from '../src/cli/main';
import { inputWorkbook } from '../src/cli/xlsx-workbook';
import { buildCityIndex } from '../src/core/city-index';
import { createCheckEngine, interpretRun, type EngineModule, type EngineRun } from '../src/core/check-engine';
import { prepareRun, runChecks } from '../src/core/check-run';
import { runFingerprint } from '../src/core/fingerprint';
import { deriveFacts } from '../src/core/derived-facts';
import type { CheckInput } from '../src/shared/types';
import { syntheticInput } from '../examples/synthetic-data';
import { loadBundle } from '../test/support/apps-script-sandbox';
import { workbookFrom } from '../test/support/workbook-fixture';

const NOW = new Date('2026-11-24T06:00:00Z');
const DIST = path.resolve('dist');

interface Measure {
  case: string;
  size: number;
  seconds: number;
  perCoopMs: number;
  maxRssMiB?: number;
  rangeCalls?: number;
  extra?: Record<string, number>;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The naive way: all facts as a plain object, `await engine.run()` per co-op per rule set, native Promises. */
async function naiveRun(input: CheckInput, engineModule: EngineModule): Promise<number> {
  const prepared = prepareRun(input);
  const engines = prepared.ruleSets.map((ruleSet) => createCheckEngine(ruleSet, prepared.params, engineModule));
  const index = buildCityIndex(input);
  let checks = 0;
  for (const record of input.coops) {
    const facts = deriveFacts(record, index, prepared.params, prepared.checkDay);
    for (const engine of engines) {
      const run = (await engine.engine.run({ ...facts })) as unknown as EngineRun;
      interpretRun(engine, run, facts, record);
      checks += 1;
    }
  }
  return checks;
}

async function measure(kind: string, size: number): Promise<Measure> {
  if (kind === 'rules') {
    const input = syntheticInput(size);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const native = require('./native-engine.cjs') as EngineModule;
    runChecks(syntheticInput(200));
    await naiveRun(syntheticInput(200), native);
    let start = process.hrtime.bigint();
    runChecks(input);
    const sync = seconds(start);
    start = process.hrtime.bigint();
    await naiveRun(input, native);
    const naive = seconds(start);
    return { case: kind, size, seconds: sync, perCoopMs: (sync / size) * 1000, extra: { naiveSeconds: naive, syncPerSecond: size / sync, naivePerSecond: size / naive, ratio: naive / sync } };
  }
  if (kind === 'checkall') {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(syntheticInput(size)), distDir: DIST, now: NOW });
    const start = process.hrtime.bigint();
    sandbox.run('runCheckAll');
    const s = seconds(start);
    const rangeCalls = sandbox.spreadsheetApp.counts.reads + sandbox.spreadsheetApp.counts.writes;
    return { case: kind, size, seconds: s, perCoopMs: (s / size) * 1000, rangeCalls };
  }
  if (kind === 'fingerprint') {
    const sheets = workbookFrom(syntheticInput(size))
      .getSheets()
      .map((sheet) => ({ name: sheet.getName(), values: sheet.dump() }));
    const start = process.hrtime.bigint();
    const print = runFingerprint(sheets, 'r-0', '2026-11-24');
    const s = seconds(start);
    const cells = sheets.reduce((n, sheet) => n + sheet.values.length * (sheet.values[0]?.length ?? 0), 0);
    return { case: kind, size, seconds: s, perCoopMs: (s / size) * 1000, extra: { cells, fingerprintLength: print.length } };
  }
  if (kind === 'custom') {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(syntheticInput(size)), distDir: DIST, now: NOW });
    const range = (name: string): unknown[][] => sandbox.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
    const args = [range('Koperasi'), range('RAT'), range('Pendamping')];
    const start = process.hrtime.bigint();
    const out = sandbox.call('KKMP_STATUS', ...args) as unknown[][];
    const s = seconds(start);
    return { case: kind, size, seconds: s, perCoopMs: (s / size) * 1000, extra: { rows: out.length } };
  }
  if (kind === 'cli') {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pantau-bench-')), `synthetic-${size}.xlsx`);
    await inputWorkbook(syntheticInput(size)).xlsx.writeFile(file);
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const start = process.hrtime.bigint();
    const code = await cliMain(['check', file, '--json', '--as-of', '2026-11-24'], sink, sink, NOW);
    const s = seconds(start);
    return { case: kind, size, seconds: s, perCoopMs: (s / size) * 1000, extra: { exitCode: code } };
  }
  throw new Error(`unknown case ${kind}`);
}

function child(kind: string, size: number): Measure {
  const result = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, '--case', kind, '--size', String(size)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`${kind} ${size} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() as string) as Measure;
}

function orchestrate(): void {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,82780').split(',').map(Number);
  const results: Measure[] = [];
  const row = (cells: Array<string | number>): string => cells.map((c, i) => String(c).padStart(i === 0 ? 26 : 12)).join(' ');
  console.log(row(['measure', 'co-ops', 'seconds', 'ms/co-op', 'peak MiB', 'Range calls']));
  const show = (label: string, m: Measure): void => {
    results.push(m);
    console.log(row([label, m.size, m.seconds.toFixed(2), m.perCoopMs.toFixed(3), m.maxRssMiB?.toFixed(0) ?? '', m.rangeCalls ?? '']));
  };
  for (const size of sizes) {
    const m = child('rules', size);
    show('rules: synchronous path', m);
    const extra = m.extra as Record<string, number>;
    console.log(row(['rules: naive await baseline', size, extra.naiveSeconds!.toFixed(2), ((extra.naiveSeconds! / size) * 1000).toFixed(3), '', '']));
    console.log(`${''.padStart(26)} throughput ${extra.syncPerSecond!.toFixed(0)}/s vs ${extra.naivePerSecond!.toFixed(0)}/s: ratio ${extra.ratio!.toFixed(2)}`);
  }
  for (const size of sizes) show('check-all in the sandbox', child('checkall', size));
  for (const size of sizes) show('run fingerprint (Node)', child('fingerprint', size));
  show('=KKMP_STATUS, one call', child('custom', 10_000));
  show('CLI check --json', child('cli', sizes[sizes.length - 1] as number));

  const at = (kind: string, size: number): Measure | undefined => results.find((m) => m.case === kind && m.size === size);
  const small = at('checkall', sizes[0] as number);
  const large = at('checkall', sizes[sizes.length - 1] as number);
  if (small && large) console.log(`\ncheck-all time per co-op, ${large.size} vs ${small.size}: ${(large.perCoopMs / small.perCoopMs).toFixed(2)}x (goal ≤ 1.5x)`);
  mkdirSync('bench', { recursive: true });
  writeFileSync(path.join('bench', 'results.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results }, null, 2)}\n`);
  console.log('written: bench/results.json');
}

const caseIndex = process.argv.indexOf('--case');
if (caseIndex >= 0) {
  const kind = process.argv[caseIndex + 1] as string;
  const size = Number(process.argv[process.argv.indexOf('--size') + 1]);
  measure(kind, size).then(
    (m) => {
      m.maxRssMiB = process.resourceUsage().maxRSS / 1024;
      console.log(JSON.stringify(m));
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
} else {
  orchestrate();
}

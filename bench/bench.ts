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
 * 4. The command-line checker on a synthetic 82,780-co-op .xlsx file, in a
 *    process of its own (the file is written by another), against the goal
 *    of ≤ 500 MiB peak memory.
 * 5. The .xlsx reader candidates on that file (issue 14): ExcelJS (whole
 *    workbook), ExcelJS's streaming reader, SheetJS CE 0.20 and the streaming
 *    reader the command line uses — time and peak memory of reading alone.
 * 6. The run fingerprint "Periksa semua" computes in every part (a hash of
 *    every value read), over the values of the synthetic workbook.
 * 7. The sidebar's server time: its first screen (getSidebarData, first call
 *    and again), a form save (saveSidebarForm alone: the form was opened
 *    before), one co-op's view, and the first screen after one cell typed by
 *    hand in the register, at 41 (the sample), 1,200 and 5,000 co-ops
 *    (BENCH_SIDEBAR_SIZES); wall-clock and CPU seconds. Goal: ≤ 1 s each at 5,000.
 *
 * Sizes: BENCH_SIZES (default 1000,10000,82780) for 1–3; BENCH_CLI_SIZE (default
 * 82780) for 4–5, on a fresh synthetic file or BENCH_XLSX; BENCH_READERS picks
 * the reader candidates (default stream,sheetjs,exceljs-stream,exceljs);
 * BENCH_ONLY=cli runs 4–5 alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inputWorkbook } from '../src/cli/xlsx-workbook';
import { buildCityIndex } from '../src/core/city-index';
import { createCheckEngine, interpretRun, type EngineModule, type EngineRun } from '../src/core/check-engine';
import { prepareRun, runChecks } from '../src/core/check-run';
import { runFingerprint } from '../src/core/fingerprint';
import { deriveFacts } from '../src/core/derived-facts';
import type { CheckInput } from '../src/shared/types';
import ExcelJS from 'exceljs';
import { readXlsxSheets } from '../src/cli/xlsx-workbook';
import { syntheticInput } from '../examples/synthetic-data';
import { readWithSheetJS } from '../test/support/sheetjs-reader';
import { balikpapanSample } from '../examples/balikpapan-data';
import type { WorkbookData } from '../src/shared/sidebar-api';
import { editSubmission } from '../test/support/form-submissions';
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
  if (kind === 'sidebar') {
    // The sidebar's first screen (getSidebarData) twice — the first call also fills the results cache —, one save,
    // one co-op's view, then the first screen again after one cell was typed by hand in the register.
    // Wall-clock seconds and, beside them, the process's CPU seconds (the machine is shared: wall time varies with load).
    const input = size === 41 ? balikpapanSample() : syntheticInput(size);
    const sandbox = loadBundle({ spreadsheet: workbookFrom(input), distDir: DIST, now: NOW });
    const timed = <T>(call: () => T): { value: T; wall: number; cpu: number } => {
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      const value = call();
      const used = process.cpuUsage(cpu);
      return { value, wall: seconds(start), cpu: (used.user + used.system) / 1e6 };
    };
    const cold = timed(() => sandbox.run('getSidebarData'));
    const warm = timed(() => sandbox.run('getSidebarData') as { attention: { items: Array<{ coopId: string }> } });
    const coopId = warm.value.attention.items[0]?.coopId ?? input.coops[0]!.id;
    // What the sidebar sends: the changed field with what the form showed (the form was opened before: not timed).
    const opened = { workbook: sandbox.run('getWorkbookData') as WorkbookData };
    const office = opened.workbook.coops.find((c) => c.id === coopId)?.office === true;
    const save = timed(() => sandbox.run('saveSidebarForm', editSubmission(opened, 'checklist', coopId, { office: !office })) as { ok: boolean });
    if (!save.value.ok) throw new Error(`save failed: ${JSON.stringify(save.value)}`);
    const view = timed(() => sandbox.run('getCoopView', coopId));
    // A name typed by hand in the register (row 10): the next open checks what that reaches, not the workbook.
    const register = sandbox.spreadsheet.getSheetByName('Koperasi')!;
    const nameColumn = (register.dump()[0] as unknown[]).indexOf('Nama Koperasi') + 1;
    register.getRange(10, nameColumn).setValue('KKMP Diubah Tangan');
    const handEdit = timed(() => sandbox.run('getSidebarData'));
    // The history part the sidebar asks for after its first screen (changes, trends, deadlines; no Riwayat yet here).
    const history = timed(() => sandbox.run('getSidebarHistory'));
    return {
      case: kind,
      size,
      seconds: warm.wall,
      perCoopMs: (warm.wall / size) * 1000,
      extra: {
        coldSeconds: cold.wall,
        coldCpuSeconds: cold.cpu,
        warmCpuSeconds: warm.cpu,
        saveSeconds: save.wall,
        saveCpuSeconds: save.cpu,
        coopViewSeconds: view.wall,
        coopViewCpuSeconds: view.cpu,
        handEditSeconds: handEdit.wall,
        handEditCpuSeconds: handEdit.cpu,
        historySeconds: history.wall,
        historyCpuSeconds: history.cpu,
      },
    };
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
  if (kind === 'makefile') {
    await inputWorkbook(syntheticInput(size)).xlsx.writeFile(argument('--file'));
    return { case: kind, size, seconds: 0, perCoopMs: 0 };
  }
  if (kind.startsWith('reader:')) {
    const file = argument('--file');
    const start = process.hrtime.bigint();
    const cells = await readerCandidate(kind.slice('reader:'.length), file);
    const s = seconds(start);
    return { case: kind, size, seconds: s, perCoopMs: (s / size) * 1000, extra: { cells } };
  }
  throw new Error(`unknown case ${kind}`);
}

function argument(name: string): string {
  const i = process.argv.indexOf(name);
  if (i < 0) throw new Error(`missing ${name}`);
  return process.argv[i + 1] as string;
}

/** Reads every cell of the file with one candidate; returns the number of non-empty cells seen. */
async function readerCandidate(name: string, file: string): Promise<number> {
  let cells = 0;
  if (name === 'exceljs') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell(() => (cells += 1))));
  } else if (name === 'exceljs-stream') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
    for await (const sheet of reader) for await (const row of sheet as AsyncIterable<ExcelJS.Row>) row.eachCell(() => (cells += 1));
  } else {
    const sheets = name === 'sheetjs' ? readWithSheetJS(file) : await readXlsxSheets(file);
    for (const sheet of sheets) for (const row of sheet.values) if (row) for (const cell of row) if (cell !== '') cells += 1;
  }
  return cells;
}

/**
 * `pantau-kkmp check FILE --json` as users run it (the built bin, output to
 * /dev/null), its peak memory taken by a preloaded hook at exit.
 */
function binChild(size: number, file: string): Measure {
  const preload = path.join(mkdtempSync(path.join(os.tmpdir(), 'pantau-bench-')), 'max-rss.cjs');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nmax-rss-kib ${process.resourceUsage().maxRSS}\\n`));\n");
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', preload, path.resolve('lib', 'pantau-kkmp.cjs'), 'check', file, '--json', '--as-of', '2026-11-24'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const s = seconds(start);
  const rss = /max-rss-kib (\d+)/.exec(result.stderr ?? '');
  if (result.status !== 0 || !rss) throw new Error(`pantau-kkmp check failed (exit ${result.status}):\n${result.stderr}`);
  return { case: 'cli', size, seconds: s, perCoopMs: (s / size) * 1000, maxRssMiB: Number(rss[1]) / 1024, extra: { exitCode: result.status } };
}

function child(kind: string, size: number, extra: string[] = []): Measure {
  const result = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, '--case', kind, '--size', String(size), ...extra], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`${kind} ${size} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() as string) as Measure;
}

function orchestrate(): void {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,82780').split(',').map(Number);
  const results: Measure[] = [];
  const row = (cells: Array<string | number>): string => cells.map((c, i) => String(c).padStart(i === 0 ? 26 : 12)).join(' ');
  console.log(row(['measure', 'co-ops', 'seconds', 'ms/co-op', 'peak MiB', 'Range calls']));
  const show = (label: string, m: Measure, suffix = ''): void => {
    results.push(m);
    console.log(row([label, m.size, m.seconds.toFixed(2), m.perCoopMs.toFixed(3), m.maxRssMiB?.toFixed(0) ?? '', m.rangeCalls ?? '']) + suffix);
  };
  // BENCH_ONLY=cli runs only the command line and the readers (4–5).
  if (process.env.BENCH_ONLY !== 'cli') {
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
  }
  // The command line and the readers on the national size (BENCH_CLI_SIZE), on a synthetic file made by
  // another process, or on BENCH_XLSX when given (a file of that many co-ops made before).
  const largest = Number(process.env.BENCH_CLI_SIZE ?? 82_780);
  const file = process.env.BENCH_XLSX ?? path.join(mkdtempSync(path.join(os.tmpdir(), 'pantau-bench-')), `synthetic-${largest}.xlsx`);
  if (!process.env.BENCH_XLSX) child('makefile', largest, ['--file', file]);
  const cli = binChild(largest, file);
  show('pantau-kkmp check --json', cli);
  console.log(`${''.padStart(26)} pantau-kkmp check peak memory ${cli.maxRssMiB?.toFixed(0)} MiB at ${largest} co-ops (goal ≤ 500 MiB): ${(cli.maxRssMiB ?? Infinity) <= 500 ? 'met' : 'MISSED'}`);
  const readers = (process.env.BENCH_READERS ?? 'stream,sheetjs,exceljs-stream,exceljs').split(',');
  for (const reader of readers) {
    try {
      const m = child(`reader:${reader}`, largest, ['--file', file]);
      show(`read .xlsx: ${reader}`, m);
    } catch (error) {
      console.log(`read .xlsx: ${reader} failed: ${(error as Error).message.split('\n').slice(0, 2).join(' ')}`);
    }
  }
  // The sidebar (issue 16): goal ≤ 1 s of sandbox time for the first screen and for a save at 5,000 co-ops.
  const sidebarSizes = (process.env.BENCH_SIDEBAR_SIZES ?? '41,1200,5000').split(',').map(Number);
  for (const size of sidebarSizes) {
    if (process.env.BENCH_ONLY === 'cli') break;
    const m = child('sidebar', size);
    const extra = m.extra as Record<string, number>;
    const cpu = (key: string): string => `${extra[key]!.toFixed(2)} cpu`;
    show('sidebar: getSidebarData', m, `  ${cpu('warmCpuSeconds')}`);
    console.log(row(['sidebar: first call (cold)', size, extra.coldSeconds!.toFixed(2), '', '', '']) + `  ${cpu('coldCpuSeconds')}`);
    console.log(row(['sidebar: save a form', size, extra.saveSeconds!.toFixed(2), '', '', '']) + `  ${cpu('saveCpuSeconds')}`);
    console.log(row(['sidebar: co-op view', size, extra.coopViewSeconds!.toFixed(2), '', '', '']) + `  ${cpu('coopViewCpuSeconds')}`);
    console.log(row(['sidebar: after a hand edit', size, extra.handEditSeconds!.toFixed(2), '', '', '']) + `  ${cpu('handEditCpuSeconds')}`);
    console.log(row(['sidebar: history part', size, extra.historySeconds!.toFixed(2), '', '', '']) + `  ${cpu('historyCpuSeconds')}`);
  }

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

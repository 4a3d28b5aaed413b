/**
 * "Periksa semua" on a workbook too big for one execution, in the sandbox with
 * a simulated clock: each call of runCheckAll (what the dialog sends) is one
 * part that stops at the time budget. Every row of Hasil Pemeriksaan must come
 * from one reading of the workbook, on one date, with one rule set:
 * - parts end with exactly the sheet an uninterrupted run writes;
 * - a sort, an edit, an added or a removed row (or other rules) between parts
 *   makes the run start again — never a mixed sheet;
 * - a staging sheet left behind never lends its date or rows to a later run;
 * - no formula ever appears in Hasil Pemeriksaan, whatever the names hold.
 */
import fc from 'fast-check';
import { syntheticInput } from '../../examples/synthetic-data';
import type { CheckAllOutcome, CheckAllState, SidebarData } from '../../src/shared/sidebar-api';
import { resultsHeader } from '../../src/core/workbook/results-grid';
import { loadBundle, type Sandbox } from '../support/apps-script-sandbox';
import type { CellValue, FakeSheet, FakeSpreadsheet } from '../support/fakes/spreadsheet-app';
import { workbookFrom } from '../support/workbook-fixture';

const RESULTS = 'Hasil Pemeriksaan';
const STAGING = 'Hasil Pemeriksaan (sementara)';
const START = Date.parse('2026-11-24T06:00:00Z'); // 14:00 in Balikpapan
const COOPS = 300;
/** Each reading of the script's clock moves it this far: about 60 co-ops per 4-minute part. */
const STEP_MS = 4000;

function movingClock(start = START, step = STEP_MS): () => number {
  let t = start;
  return () => (t += step);
}

/** A sandbox whose clock stands still at `at`: one uninterrupted run. */
function uninterrupted(spreadsheet: FakeSpreadsheet, at: number): Sandbox {
  return loadBundle({ spreadsheet, now: new Date(at) });
}

/** Calls runCheckAll as the dialog does (first with `mode`, then 'continue') until complete; `between` runs after each incomplete part. */
function runParts(sandbox: Sandbox, mode: 'continue' | 'restart' = 'continue', between: (outcome: CheckAllOutcome, part: number) => void = () => undefined): CheckAllOutcome[] {
  const outcomes: CheckAllOutcome[] = [];
  let next = mode;
  for (let part = 0; part < 50; part += 1) {
    const outcome = sandbox.run('runCheckAll', next) as CheckAllOutcome;
    outcomes.push(outcome);
    if (outcome.complete) return outcomes;
    between(outcome, part);
    next = 'continue';
  }
  throw new Error('the check did not complete in 50 parts');
}

/** The instant a results sheet's time (dd/MM/yyyy HH:mm, Balikpapan) names: an uninterrupted run then writes the same sheet. */
function instantOf(checkedAt: string): number {
  const [d, m, y, hh, mm] = checkedAt.split(/[/ :]/).map(Number) as [number, number, number, number, number];
  return Date.UTC(y, m - 1, d, hh - 8, mm, 30);
}

function results(spreadsheet: FakeSpreadsheet): FakeSheet {
  return spreadsheet.getSheetByName(RESULTS) as FakeSheet;
}

/** Replaces a sheet's content with `rows` (as a person sorting or deleting rows would leave it). */
function rewrite(sheet: FakeSheet, rows: CellValue[][]): void {
  const old = sheet.dump();
  old.forEach((row, r) => row.forEach((_, c) => sheet.setCell(r + 1, c + 1, '')));
  sheet.seed(rows);
}

/** The result rows (ID column) of a results sheet. */
function resultIds(spreadsheet: FakeSpreadsheet): string[] {
  return results(spreadsheet)
    .dump()
    .slice(1)
    .map((row) => String(row[0]))
    .filter((id) => id.startsWith('KKMP-'));
}

const referenceWorkbook = workbookFrom(syntheticInput(COOPS));
const reference = uninterrupted(referenceWorkbook, START + STEP_MS);
reference.run('runCheckAll');
const expected = results(referenceWorkbook).snapshot();

describe('a run cut into parts', () => {
  test('ends with exactly the sheet an uninterrupted run writes (values, colours, weights, provenance)', () => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    const sandbox = loadBundle({ spreadsheet, clock: movingClock() });
    const outcomes = runParts(sandbox);
    expect(outcomes.length).toBeGreaterThan(3);
    expect(outcomes.map((o) => o.done)).toEqual([...outcomes.map((o) => o.done)].sort((a, b) => a - b));
    expect(outcomes.every((o) => o.restarted === null && o.total === COOPS)).toBe(true);
    expect(new Set(outcomes.map((o) => o.fingerprint)).size).toBe(1);
    expect(results(spreadsheet).snapshot()).toBe(expected);
    expect(spreadsheet.getSheetByName(STAGING)).toBeNull();
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(referenceWorkbook.getSheets().map((s) => s.getName()));
  });

  test('the previous results stay untouched until the last part; the staging sheet holds the cursor', () => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    spreadsheet.insertSheet(RESULTS).seed([['hasil lama'], ['tetap ada']]);
    const before = results(spreadsheet).snapshot();
    const sandbox = loadBundle({ spreadsheet, clock: movingClock() });
    runParts(sandbox, 'continue', (outcome) => {
      expect(results(spreadsheet).snapshot()).toBe(before);
      expect(spreadsheet.getSheetByName(STAGING)!.getLastRow()).toBe(outcome.done + 1);
    });
    expect(results(spreadsheet).dump()).toEqual(referenceWorkbook.getSheetByName(RESULTS)!.dump());
  });

  test('the results sheet says where it came from: date, time, rules version and source, co-ops, fingerprint', () => {
    const side = results(referenceWorkbook)
      .dump()
      .map((row) => row.slice(resultsHeader().length + 1, resultsHeader().length + 4));
    const value = (label: string): CellValue | undefined => side.find((row) => row[0] === label)?.[1];
    expect(value('Tanggal pemeriksaan')).toBe('24/11/2026');
    expect(value('Waktu Pemeriksaan')).toBe('24/11/2026 14:00');
    expect(value('Jumlah koperasi')).toBe(COOPS);
    expect(value('Versi aturan')).toMatch(/^r-[0-9a-f]{16}$/);
    expect(value('Sumber aturan')).toBe('bawaan Pantau KKMP');
    expect(value('Sidik data')).toMatch(/^f-[0-9a-f]{16}$/);
    expect(side.find((row) => row[0] === 'Sidik data')?.[2]).toBe('semua baris dari satu pembacaan buku kerja');
  });

  test('a check that fits in one execution is one part: no staging sheet, three writes', () => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    const sandbox = uninterrupted(spreadsheet, START);
    const outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
    expect(outcome).toMatchObject({ complete: true, done: COOPS, restarted: null });
    expect(sandbox.serviceLog.filter((call) => call === 'SpreadsheetApp.getActiveSpreadsheet')).toHaveLength(1);
    // The results sheet's three writes (values, colours, weights), then the history's nine (change column 1,
    // Riwayat 2, Grafik 3, Laporan 3; five of them setValues), and nothing staged.
    expect([sandbox.spreadsheetApp.counts.writes, sandbox.spreadsheetApp.counts.byMethod.setValues]).toEqual([3 + 9, 1 + 5]);
    expect(spreadsheet.getSheets().map((s) => s.getName())).not.toContain(STAGING);
  });
});

describe('the workbook changes between two parts: the run starts again, never a mixed sheet', () => {
  type Change = (spreadsheet: FakeSpreadsheet) => void;
  const register = (spreadsheet: FakeSpreadsheet): FakeSheet => spreadsheet.getSheetByName('Koperasi')!;
  const CHANGES: Array<[string, Change, CheckAllOutcome['restarted']]> = [
    [
      'the register sorted (reversed)',
      (ss) => {
        const [header, ...rows] = register(ss).dump();
        rewrite(register(ss), [header!, ...rows.reverse()]);
      },
      { reason: 'dataChanged', stagedAsOf: '2026-11-24' },
    ],
    [
      'a co-op already checked edited (its SK AHU number removed)',
      (ss) => {
        const sheet = register(ss);
        const column = sheet.dump()[0]!.findIndex((label) => String(label).startsWith('Nomor SK AHU')) + 1;
        sheet.setCell(3, column, '');
      },
      { reason: 'dataChanged', stagedAsOf: '2026-11-24' },
    ],
    [
      'a row added at the end',
      (ss) => {
        const rows = register(ss).dump();
        register(ss).seed([[`KKMP-900001`, ...rows[2]!.slice(1)]], rows.length + 1);
      },
      { reason: 'dataChanged', stagedAsOf: '2026-11-24' },
    ],
    [
      'a row removed from the middle',
      (ss) => {
        const rows = register(ss).dump();
        rows.splice(5, 1);
        rewrite(register(ss), rows);
      },
      { reason: 'dataChanged', stagedAsOf: '2026-11-24' },
    ],
    [
      'a RAT row edited (another sheet the check reads)',
      (ss) => {
        ss.getSheetByName('RAT')!.setCell(2, 4, 1);
      },
      { reason: 'dataChanged', stagedAsOf: '2026-11-24' },
    ],
    [
      'a parameter changed (other rules)',
      (ss) => {
        ss.insertSheet('Parameter').seed([['Kunci', 'Nilai', 'Keterangan'], ['mentorMaxLoad', 6, '']]);
      },
      { reason: 'rulesChanged', stagedAsOf: '2026-11-24' },
    ],
  ];

  test.each(CHANGES)('%s', (_name, change, reason) => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    const sandbox = loadBundle({ spreadsheet, clock: movingClock() });
    let changedAfter = -1;
    const outcomes = runParts(sandbox, 'continue', (outcome, part) => {
      if (part === 1) {
        change(spreadsheet);
        changedAfter = outcome.done;
      }
    });
    expect(changedAfter).toBeGreaterThan(0);
    const restartedAt = outcomes.findIndex((o) => o.restarted !== null);
    expect(restartedAt).toBe(2);
    expect(outcomes[restartedAt]!.restarted).toEqual(reason);
    expect(outcomes[restartedAt]!.done).toBeLessThan(changedAfter + 1);
    expect(new Set(outcomes.slice(restartedAt).map((o) => o.fingerprint)).size).toBe(1);
    expect(outcomes[restartedAt]!.fingerprint).not.toBe(outcomes[0]!.fingerprint);

    // The final sheet is exactly what one uninterrupted run on the changed workbook writes at the restart's time.
    const final = outcomes.at(-1)!;
    const changed = workbookFrom(syntheticInput(COOPS));
    change(changed);
    uninterrupted(changed, instantOf(final.checkedAt)).run('runCheckAll');
    expect(results(spreadsheet).snapshot()).toBe(results(changed).snapshot());
    const ids = resultIds(spreadsheet);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(final.total);
    expect(spreadsheet.getSheetByName(STAGING)).toBeNull();
  });

  test('a staging sheet that does not keep text exactly stops the check with a clear message (never an endless restart)', () => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    spreadsheet.insertSheet(RESULTS).seed([['hasil lama']]);
    const before = results(spreadsheet).snapshot();
    const sandbox = loadBundle({ spreadsheet, clock: movingClock() });
    sandbox.run('runCheckAll');
    // As Sheets would if it kept a leading apostrophe literally: every text stored with one more.
    const staging = spreadsheet.getSheetByName(STAGING)!;
    const store = staging.setCell.bind(staging);
    staging.setCell = (row, column, value) => store(row, column, typeof value === 'string' && value !== '' ? `'${value}` : value);
    expect(() => sandbox.run('runCheckAll')).toThrow(/^Sheet Hasil Pemeriksaan \(sementara\), baris \d+: data sementara tidak terbaca sama seperti ditulis/);
    expect(results(spreadsheet).snapshot()).toBe(before);
  });

  test('a staged row edited by hand is not trusted: the run starts again', () => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    const sandbox = loadBundle({ spreadsheet, clock: movingClock() });
    const outcomes = runParts(sandbox, 'continue', (_outcome, part) => {
      if (part === 0) spreadsheet.getSheetByName(STAGING)!.setCell(3, 3, 'DIUBAH');
    });
    expect(outcomes[1]!.restarted).toEqual({ reason: 'unreadable', stagedAsOf: null });
    expect(results(spreadsheet).dump()).toEqual(uninterruptedDump(syntheticInput(COOPS), outcomes.at(-1)!.checkedAt));
  });
});

function uninterruptedDump(input: ReturnType<typeof syntheticInput>, checkedAt: string): CellValue[][] {
  const spreadsheet = workbookFrom(input);
  uninterrupted(spreadsheet, instantOf(checkedAt)).run('runCheckAll');
  return results(spreadsheet).dump();
}

describe('a staging sheet left behind', () => {
  // 30 June 23:00 in Balikpapan, then 1 July 10:00: the RAT deadline (30 June) passes in between.
  const DAY_ONE = Date.parse('2026-06-30T15:00:00Z');
  const DAY_TWO = Date.parse('2026-07-01T02:00:00Z');

  function leaveStaging(): FakeSpreadsheet {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    const first = loadBundle({ spreadsheet, clock: movingClock(DAY_ONE) }).run('runCheckAll') as CheckAllOutcome;
    expect(first).toMatchObject({ complete: false, asOf: '2026-06-30' });
    return spreadsheet;
  }

  test('never lends its date: the next day a run starts again with that day, and says why', () => {
    const dayOne = uninterruptedDump(syntheticInput(COOPS), '30/06/2026 23:00');
    const dayTwo = uninterruptedDump(syntheticInput(COOPS), '01/07/2026 10:00');
    const ratColumn = (rows: CellValue[][]): Array<CellValue | undefined> => rows.slice(1, COOPS + 1).map((row) => row[3]);
    // The date matters for this workbook: co-ops not yet due on 30 June are late on 1 July.
    expect(ratColumn(dayOne).filter((s) => s === 'BELUM JATUH TEMPO').length).toBeGreaterThan(ratColumn(dayTwo).filter((s) => s === 'BELUM JATUH TEMPO').length);

    const spreadsheet = leaveStaging();
    const outcomes = runParts(loadBundle({ spreadsheet, clock: movingClock(DAY_TWO) }));
    expect(outcomes[0]!.restarted).toEqual({ reason: 'otherDay', stagedAsOf: '2026-06-30' });
    expect(outcomes.every((o) => o.asOf === '2026-07-01')).toBe(true);
    expect(results(spreadsheet).dump()).toEqual(dayTwo);
  });

  test('a new run that fits in one part discards it too, and takes today\'s date', () => {
    const spreadsheet = leaveStaging();
    const outcome = uninterrupted(spreadsheet, DAY_TWO).run('runCheckAll') as CheckAllOutcome;
    expect(outcome).toMatchObject({ complete: true, asOf: '2026-07-01', checkedAt: '01/07/2026 10:00', restarted: { reason: 'otherDay', stagedAsOf: '2026-06-30' } });
    expect(spreadsheet.getSheetByName(STAGING)).toBeNull();
    expect(results(spreadsheet).dump()).toEqual(uninterruptedDump(syntheticInput(COOPS), '01/07/2026 10:00'));
  });

  test('"Mulai lagi" discards it even on the same day', () => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    loadBundle({ spreadsheet, clock: movingClock() }).run('runCheckAll');
    const later = START + 3 * 3600_000;
    const outcome = uninterrupted(spreadsheet, later).run('runCheckAll', 'restart') as CheckAllOutcome;
    expect(outcome).toMatchObject({ complete: true, checkedAt: '24/11/2026 17:00', restarted: null });
    expect(spreadsheet.getSheetByName(STAGING)).toBeNull();
  });

  test('after a last part that could not write (protected results sheet), the next day starts again', () => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    spreadsheet.insertSheet(RESULTS).seed([['hasil lama']]);
    results(spreadsheet).protected = true;
    const sandbox = loadBundle({ spreadsheet, clock: movingClock(DAY_ONE) });
    expect(() => runParts(sandbox)).toThrow(/^Hasil tidak dapat ditulis ke sheet Hasil Pemeriksaan/);
    expect(spreadsheet.getSheetByName(STAGING)).not.toBeNull();
    results(spreadsheet).protected = false;
    const outcomes = runParts(loadBundle({ spreadsheet, clock: movingClock(DAY_TWO) }));
    expect(outcomes[0]!.restarted?.reason).toBe('otherDay');
    expect(results(spreadsheet).dump()).toEqual(uninterruptedDump(syntheticInput(COOPS), outcomes.at(-1)!.checkedAt));
  });

  test('the dialog and the sidebar see it: how far, started when, under way or left', () => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    const first = loadBundle({ spreadsheet, clock: movingClock() }).run('runCheckAll') as CheckAllOutcome;
    const soon = loadBundle({ spreadsheet, now: new Date(START + 6 * 60_000) });
    const pending = { done: first.done, total: COOPS, asOf: '2026-11-24', startedAt: '24/11/2026 14:00', sameDay: true };
    // No results written yet: no last check, no stamp.
    expect(soon.run('getCheckAllState')).toEqual({ lang: 'id', pending: { ...pending, abandoned: false }, lastCheck: null, checkStamp: null } satisfies CheckAllState);
    const later = loadBundle({ spreadsheet, now: new Date(START + 3600_000) });
    expect((later.run('getSidebarData') as SidebarData).pendingCheck).toEqual({ ...pending, abandoned: true });
    const tomorrow = loadBundle({ spreadsheet, now: new Date(START + 86_400_000) });
    expect((tomorrow.run('getCheckAllState') as CheckAllState).pending).toMatchObject({ sameDay: false, abandoned: true });
    const clean = loadBundle({ spreadsheet: workbookFrom(syntheticInput(5)), now: new Date(START) });
    expect(clean.run('getCheckAllState')).toEqual({ lang: 'id', pending: null, lastCheck: null, checkStamp: null });
    expect(clean.run('stopCheckAll')).toBeNull();
  });

  test('the sidebar tells new results from a cheap call: the stamp changes with each new set of results, even within one minute', () => {
    const spreadsheet = workbookFrom(syntheticInput(5));
    const sandbox = uninterrupted(spreadsheet, START);
    runParts(sandbox);
    const first = sandbox.run('getCheckAllState') as CheckAllState;
    expect(first.lastCheck).toBe('24/11/2026 14:00');
    expect(first.checkStamp).toMatch(/^24\/11\/2026 14:00 \S+$/);
    expect((sandbox.run('getSidebarData') as SidebarData).checkStamp).toBe(first.checkStamp);
    // The same data checked again: the same results, the same stamp.
    runParts(sandbox);
    expect((sandbox.run('getCheckAllState') as CheckAllState).checkStamp).toBe(first.checkStamp);
    // A value changed, checked again in the same minute: the time is the same, the stamp is not.
    spreadsheet.getSheetByName('Koperasi')!.getRange(2, 2).setValue('Koperasi Kelurahan Merah Putih Baru');
    runParts(sandbox);
    const second = sandbox.run('getCheckAllState') as CheckAllState;
    expect([second.lastCheck, second.checkStamp === first.checkStamp]).toEqual(['24/11/2026 14:00', false]);
    // Cheap at any size: the same Range calls, no workbook read, for 5 and for 300 co-ops.
    const calls = (s: Sandbox): number => {
      s.spreadsheetApp.resetCounts();
      s.run('getCheckAllState');
      return s.spreadsheetApp.counts.reads + s.spreadsheetApp.counts.writes;
    };
    const big = uninterrupted(workbookFrom(syntheticInput(COOPS)), START);
    runParts(big);
    expect(calls(big)).toBe(calls(sandbox));
    expect(calls(sandbox)).toBeLessThanOrEqual(4);
  });

  test('Cancel in the dialog marks it as left at once; its rows stay and can be continued', () => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    const sandbox = loadBundle({ spreadsheet, clock: movingClock() });
    const first = sandbox.run('runCheckAll') as CheckAllOutcome;
    const staged = spreadsheet.getSheetByName(STAGING)!.dump().slice(1);
    expect(sandbox.run('stopCheckAll')).toMatchObject({ done: first.done, abandoned: true, sameDay: true });
    expect((sandbox.run('getSidebarData') as SidebarData).pendingCheck).toMatchObject({ done: first.done, abandoned: true });
    expect(spreadsheet.getSheetByName(STAGING)!.dump().slice(1)).toEqual(staged);
    const outcomes = runParts(sandbox);
    expect(outcomes[0]!.restarted).toBeNull();
    expect(outcomes[0]!.done).toBeGreaterThan(first.done);
    expect(results(spreadsheet).dump()).toEqual(uninterruptedDump(syntheticInput(COOPS), first.checkedAt));
  });
});

describe('names that look like formulas, numbers or dates', () => {
  const HOSTILE = ['=HYPERLINK("http://x";"klik")', '=1+1', '+62 811 555', '-', '-1', '@rapat', "'kutip", '7/14', '01234', 'TRUE', '50%', '15/06/2025', ' =spasi'];

  function hostileInput(count: number, names: readonly string[]): ReturnType<typeof syntheticInput> {
    const input = syntheticInput(count);
    input.coops.forEach((coop, i) => {
      coop.name = names[i % names.length] as string;
    });
    return input;
  }

  function formulas(sheet: FakeSheet): unknown[] {
    return Array.from(sheet.meta('formula').values());
  }

  test('parts and one run write the same sheet, the names as typed, and no formula (staged rows too)', () => {
    const input = hostileInput(COOPS, HOSTILE);
    const one = workbookFrom(input);
    uninterrupted(one, START + STEP_MS).run('runCheckAll');
    const spreadsheet = workbookFrom(input);
    const sandbox = loadBundle({ spreadsheet, clock: movingClock() });
    let stagedChecked = false;
    runParts(sandbox, 'continue', (outcome) => {
      const staging = spreadsheet.getSheetByName(STAGING)!;
      expect(formulas(staging)).toEqual([]);
      const staged = staging.dump().slice(1, outcome.done + 1);
      expect(staged.map((row) => row.slice(0, 14))).toEqual(results(one).dump().slice(1, outcome.done + 1).map((row) => row.slice(0, 14)));
      stagedChecked = true;
    });
    expect(stagedChecked).toBe(true);
    expect(results(spreadsheet).snapshot()).toBe(results(one).snapshot());
    expect(formulas(results(spreadsheet))).toEqual([]);
    const names = results(spreadsheet).dump().slice(1, HOSTILE.length + 1).map((row) => row[1]);
    expect(names).toEqual(HOSTILE.map((name) => (name === '-' ? '' : name.trim())));
  });

  test('property: whatever the names hold, no formula in Hasil Pemeriksaan, and parts equal one run', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(...HOSTILE),
      fc.tuple(fc.constantFrom('=', '+', '-', '@', "'", ' '), fc.string({ maxLength: 12 })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 12, maxLength: 12 }), (names) => {
        const input = hostileInput(12, names);
        const one = workbookFrom(input);
        uninterrupted(one, START + 60_000).run('runCheckAll');
        const spreadsheet = workbookFrom(input);
        // 60 s per clock reading: three or four co-ops per part.
        const outcomes = runParts(loadBundle({ spreadsheet, clock: movingClock(START, 60_000) }));
        return outcomes.length > 2 && formulas(results(spreadsheet)).length === 0 && formulas(results(one)).length === 0 && results(spreadsheet).snapshot() === results(one).snapshot();
      }),
      { numRuns: 25 },
    );
  });
});

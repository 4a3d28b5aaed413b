/**
 * A check of a workbook too big for one execution, in the sandbox with a
 * simulated clock: it stops at the time budget, saves its cursor (the staged
 * rows) and schedules a time-driven trigger; each trigger goes on from there;
 * the last part writes exactly the results an uninterrupted run writes. The
 * previous results stay as they were until then.
 */
import { syntheticInput } from '../../examples/synthetic-data';
import { loadBundle } from '../support/apps-script-sandbox';
import { workbookFrom } from '../support/workbook-fixture';
import type { CheckAllOutcome } from '../../src/shared/sidebar-api';

const START = Date.parse('2026-11-24T06:00:00Z');
const COOPS = 1200;

/** A clock that moves one second each time the script reads it. */
function movingClock(): () => number {
  let t = START;
  return () => (t += 1000);
}

describe('check-all that needs several executions', () => {
  const reference = loadBundle({ spreadsheet: workbookFrom(syntheticInput(COOPS)), now: new Date(START + 1000) });
  reference.run('runCheckAll');
  const expected = reference.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump();

  test('stops at the budget, keeps the previous results, resumes by trigger and ends as one run would', () => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    spreadsheet.insertSheet('Hasil Pemeriksaan').seed([['hasil lama'], ['tetap ada']]);
    const sandbox = loadBundle({ spreadsheet, clock: movingClock() });

    const first = sandbox.run('runCheckAll') as CheckAllOutcome;
    expect(first.complete).toBe(false);
    expect(first.total).toBe(COOPS);
    expect(first.done).toBeGreaterThan(100);
    expect(first.done).toBeLessThan(COOPS);
    expect(spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump()).toEqual([['hasil lama'], ['tetap ada']]);
    expect(spreadsheet.getSheetByName('Hasil Pemeriksaan (sedang diproses)')!.getLastRow()).toBe(first.done + 1);
    expect(sandbox.scriptApp.triggers.map((t) => [t.getHandlerFunction(), t.afterMs])).toEqual([['continueCheckAll', 60000]]);

    let executions = 1;
    while (sandbox.scriptApp.triggers.length > 0 && executions < 20) {
      sandbox.call('continueCheckAll', { triggerUid: sandbox.scriptApp.triggers[0]!.getUniqueId() });
      executions += 1;
    }
    expect(executions).toBeGreaterThan(2);
    expect(sandbox.scriptApp.triggers).toEqual([]);
    expect(spreadsheet.getSheetByName('Hasil Pemeriksaan (sedang diproses)')).toBeNull();
    expect(spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump()).toEqual(expected);
  });

  test('the sidebar can drive it too: calling again continues where it stopped', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(syntheticInput(COOPS)), clock: movingClock() });
    let outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
    const seen = [outcome.done];
    while (!outcome.complete) {
      outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
      seen.push(outcome.done);
    }
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump()).toEqual(expected);
    // The trigger left by the last partial run finds nothing to do, and writes nothing.
    sandbox.spreadsheetApp.resetCounts();
    sandbox.call('continueCheckAll', {});
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
    expect(sandbox.scriptApp.triggers).toEqual([]);
  });

  test('a staged part from other data is not continued: the check starts again', () => {
    const spreadsheet = workbookFrom(syntheticInput(COOPS));
    const sandbox = loadBundle({ spreadsheet, clock: movingClock() });
    sandbox.run('runCheckAll');
    const register = spreadsheet.getSheetByName('Koperasi')!;
    for (let c = 1; c <= register.getLastColumn(); c += 1) register.setCell(register.getLastRow(), c, '');
    const fixed = loadBundle({ spreadsheet, now: new Date(START + 1000) });
    const outcome = fixed.run('runCheckAll') as CheckAllOutcome;
    expect(outcome).toMatchObject({ complete: true, done: COOPS - 1, total: COOPS - 1 });
    expect(spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump().filter((row) => String(row[0]).startsWith('KKMP-'))).toHaveLength(COOPS - 1);
  });
});

/**
 * Past statuses for the mentors' reports, read back from the history rows:
 * which check answers which day, and when the statuses now stand in.
 */
import { runChecks } from '../../../src/core/check-run';
import type { HistoryEntry } from '../../../src/core/history/history-row';
import { statusesOn } from '../../../src/core/mentoring/status-history';
import { coop, input } from '../../support/records';

const data = input({ coops: [coop({ id: 'KKMP-BPP-01' })], asOf: '2026-11-24' });
const run = runChecks(data);
const entry = (checkedOn: string, legal: 'BELUM' | 'DALAM_PROSES'): HistoryEntry => ({
  checkedOn, checkedAt: `${checkedOn.split('-').reverse().join('/')} 09:00`, coopId: 'kkmp-bpp-01 ', statuses: { legal }, levels: { legal: 'bad' }, score: '', rulesVersion: 'r',
});
const history = [entry('2026-03-01', 'BELUM'), entry('2026-06-01', 'DALAM_PROSES')];

test.each([
  ['the check date itself', '2026-11-24', 'history', '2026-11-24', run.results[0]!.checks.legal.label.id],
  ['a day after the check date', '2026-12-31', 'history', '2026-11-24', run.results[0]!.checks.legal.label.id],
  ['the day of a recorded check', '2026-03-01', 'history', '2026-03-01', 'BELUM'],
  ['between two checks: the earlier one', '2026-05-31', 'history', '2026-03-01', 'BELUM'],
  ['after the last check: the last one', '2026-10-01', 'history', '2026-06-01', 'DALAM PROSES'],
  ['before the history begins: the statuses now, said so', '2026-02-28', 'now', '2026-11-24', run.results[0]!.checks.legal.label.id],
])('%s', (_, day, source, checkedOn, legal) => {
  const on = statusesOn(run, day, history);
  expect([on.source, on.checkedOn]).toEqual([source, checkedOn]);
  // IDs are matched as the same ID whatever their case and outer spaces.
  expect(on.byCoop.get('KKMP-BPP-01')?.find((s) => s.check === 'legal')?.label.id).toBe(legal);
});

test('no history: every past day says the statuses are those of now', () => {
  expect(statusesOn(run, '2026-01-01').source).toBe('now');
  expect(statusesOn(run, '2026-01-01', []).source).toBe('now');
});

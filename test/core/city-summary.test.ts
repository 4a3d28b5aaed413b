/**
 * The city-wide summary: counts per status, the RAT indicator, coverage,
 * mentor loads against the bounds and mentors still needed.
 */
import { runChecks } from '../../src/core/check-run';
import { coop, input, meeting, mentor } from '../support/records';

describe('city summary', () => {
  const coops = [
    ...Array.from({ length: 6 }, (_, i) => coop({ id: `A-${i}`, mentorId: 'PD-01' })),
    ...Array.from({ length: 4 }, (_, i) => coop({ id: `B-${i}`, mentorId: 'PD-02' })),
    ...Array.from({ length: 11 }, (_, i) => coop({ id: `C-${i}`, mentorId: null })),
    coop({ id: 'D-0', mentorId: 'PD-03' }),
  ];
  const meetings = coops.slice(0, 7).map((c) => meeting({ coopId: c.id }));
  const run = runChecks(
    input({ coops, meetings, mentors: [mentor({ id: 'PD-01' }), mentor({ id: 'PD-02' }), mentor({ id: 'PD-03' }), mentor({ id: 'PD-04', endsOn: '2026-01-31' })] }),
  );
  const summary = run.summary;

  test('counts each status per check', () => {
    expect(summary.coopCount).toBe(22);
    expect(summary.statusCounts.mentor).toEqual({ PENDAMPING_BERLEBIH: 6, TERDAMPINGI: 5, TANPA_PENDAMPING: 11 });
    expect(summary.statusCounts.rat).toEqual({ SELESAI: 7, TERLAMBAT: 15 });
    const total = Object.values(summary.statusCounts.legal).reduce((a: number, b) => a + (b ?? 0), 0);
    expect(total).toBe(22);
  });

  test('RAT indicator is co-ops with RAT held ÷ all co-ops × 100', () => {
    expect(summary.ratHeldCount).toBe(7);
    expect(summary.ratIndicatorPercent).toBe(31.8);
  });

  test('coverage, loads and mentors needed', () => {
    expect(summary.coveredCount).toBe(11);
    expect(summary.uncoveredCount).toBe(11);
    expect(summary.mentorsOverLoad).toEqual(['PD-01']);
    expect(summary.mentorsUnderLoad).toEqual(['PD-03']);
    // 11 uncovered; spare capacity up to the maximum 5: PD-01 0, PD-02 1, PD-03 4 (PD-04 inactive) → 6 left → 2 new mentors.
    expect(summary.mentorsNeeded).toBe(2);
    expect(summary.mentorLoads.find((m) => m.mentorId === 'PD-04')).toMatchObject({ load: 0, active: false, band: 'under' });
  });

  test('a larger maximum load changes the outcome without touching code', () => {
    const relaxed = runChecks(input({ coops, meetings, mentors: [mentor({ id: 'PD-01' })], parameterOverrides: [{ key: 'mentorMaxLoad', value: 7, source: 'test' }] }));
    expect(relaxed.summary.mentorsOverLoad).toEqual([]);
    // 16 uncovered, PD-01 (load 6) has room for 1 more at the maximum 7.
    expect(relaxed.summary.mentorsNeeded).toBe(Math.ceil(15 / 7));
  });
});

describe('mentor loads of the whole city', () => {
  test('checking one co-op with the city\'s assignments gives the city-wide load', () => {
    const one = runChecks(input({ coops: [coop({ mentorId: 'PD-01' })], cityMentorIds: ['PD-01', 'pd-01', 'PD-01', 'PD-01', 'PD-01', ' PD-01', null] }));
    expect(one.results[0]!.checks.mentor.status).toBe('PENDAMPING_BERLEBIH');
    expect(one.summary.mentorLoads[0]!.load).toBe(6);
  });
});

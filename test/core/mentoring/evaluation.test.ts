/**
 * The year-end evaluation: the score is requirements met and visits made,
 * weighed by the office's parameters; a load the office set is never
 * penalised; the period runs from the contract start to its end or the check
 * date.
 */
import { runChecks } from '../../../src/core/check-run';
import { evaluateMentor } from '../../../src/core/mentoring/evaluation';
import type { Visit } from '../../../src/shared/mentoring';
import type { CheckInput, ParameterOverride } from '../../../src/shared/types';
import { coop, input, meeting, mentor } from '../../support/records';

const visitsFor = (coopId: string, months: number, mentorId = 'PD-01'): Visit[] =>
  Array.from({ length: months }, (_, i) => ({ mentorId, coopId, date: `2026-${String(i + 1).padStart(2, '0')}-10`, activity: 'Pembukuan', notes: null, followUp: null, followUpDue: null, followUpDone: null, row: i + 2 }));

function evaluate(parts: Partial<CheckInput>, visits: Visit[], overrides: ParameterOverride[] = [], mentorId = 'PD-01') {
  const data = input({ ...parts, parameterOverrides: overrides });
  return evaluateMentor(data, runChecks(data), visits, mentorId);
}

const param = (key: string, value: number): ParameterOverride => ({ key, value, source: 'test' });

describe('the year-end evaluation', () => {
  test('a co-op meeting every requirement, visited every month: 100, BAIK', () => {
    const e = evaluate({}, visitsFor('KKMP-BPP-01', 11));
    expect(e).toMatchObject({ from: '2026-01-01', to: '2026-11-24', requirementsPercent: 100, visitsPercent: 100, score: 100, grade: 'BAIK', gradeLabel: { id: 'BAIK', en: 'GOOD' } });
    expect(e.coops[0]).toMatchObject({ visits: 11, visitsExpected: 11 });
  });

  test('the score weighs requirements and visits by evalRequirementsWeightPercent; grades by evalGoodScore and evalFairScore', () => {
    const gaps = { coops: [coop({ nib: null, npwp: null, nikKoperasi: null, auditedReport: false })] };
    const base = evaluate(gaps, visitsFor('KKMP-BPP-01', 5));
    const expected = Math.round((0.7 * (base.requirementsPercent as number) + 0.3 * (base.visitsPercent as number)) * 10) / 10;
    expect(base.score).toBe(expected);
    expect(base.visitsPercent).toBe(45.5);
    const visitsOnly = evaluate(gaps, visitsFor('KKMP-BPP-01', 5), [param('evalRequirementsWeightPercent', 0)]);
    expect(visitsOnly.score).toBe(45.5);
    expect(visitsOnly.grade).toBe('PERLU_PERHATIAN');
    expect(evaluate(gaps, visitsFor('KKMP-BPP-01', 5), [param('evalRequirementsWeightPercent', 0), param('evalFairScore', 40)]).grade).toBe('CUKUP');
    expect(evaluate(gaps, visitsFor('KKMP-BPP-01', 5), [param('evalRequirementsWeightPercent', 0), param('evalGoodScore', 45), param('evalFairScore', 40)]).grade).toBe('BAIK');
    expect(visitsOnly.criteria).toMatchObject({ evalRequirementsWeightPercent: 0, evalGoodScore: 75, evalFairScore: 50, evalVisitsPerCoopMonth: 1 });
  });

  test('visits expected follow evalVisitsPerCoopMonth; visiting one co-op more never covers another', () => {
    const coops = [coop({ id: 'A' }), coop({ id: 'B' })];
    const e = evaluate({ coops, meetings: [meeting({ coopId: 'A' }), meeting({ coopId: 'B' })] }, visitsFor('A', 11).concat(visitsFor('A', 11).map((v) => ({ ...v, date: v.date!.replace(/-10$/, '-20') }))), [param('evalVisitsPerCoopMonth', 2)]);
    expect(e.coops.map((c) => [c.coopId, c.visits, c.visitsExpected])).toEqual([['A', 22, 22], ['B', 0, 22]]);
    expect(e.visitsPercent).toBe(50);
  });

  test('a load the office set is not penalised: 12 co-ops at mentorMaxLoad 15 score as 4 co-ops do', () => {
    const many = Array.from({ length: 12 }, (_, i) => coop({ id: `K${i}` }));
    const visits = many.flatMap((c) => visitsFor(c.id, 11));
    const meetings = many.map((c) => meeting({ coopId: c.id }));
    const national = [param('mentorMinLoad', 7), param('mentorMaxLoad', 15)];
    const twelve = evaluate({ coops: many, meetings }, visits, national);
    const four = evaluate({ coops: many.slice(0, 4), meetings: meetings.slice(0, 4) }, visits);
    expect(twelve).toMatchObject({ load: 12, loadBand: 'within', score: 100 });
    expect(four).toMatchObject({ load: 4, loadBand: 'within', score: 100 });
    // Even above the office's maximum, the load is shown, never scored: the mentor check (with its load rule) is not counted.
    const over = evaluate({ coops: many, meetings }, visits);
    expect(over).toMatchObject({ load: 12, loadBand: 'over', score: 100 });
    expect(runChecks(input({ coops: many, meetings })).results[0]!.checks.mentor.status).toBe('PENDAMPING_BERLEBIH');
  });

  test('a mentor with no co-ops is not scored (0 % of no requirements and 100 % of no visits would judge the load the office set)', () => {
    const e = evaluate({ coops: [coop({ mentorId: 'PD-02' })] }, []);
    expect(e).toMatchObject({ load: 0, loadBand: 'under', score: null, requirementsPercent: null, visitsPercent: null, grade: 'TIDAK_DINILAI', gradeLabel: { id: 'TIDAK DINILAI', en: 'NOT SCORED' } });
  });

  test("the period runs from the contract's start to its end when that came first", () => {
    const e = evaluate({ mentors: [mentor({ startsOn: '2026-02-02', endsOn: '2026-10-31' })] }, visitsFor('KKMP-BPP-01', 11));
    expect(e).toMatchObject({ from: '2026-02-02', to: '2026-10-31' });
    expect(e.coops[0]).toMatchObject({ visits: 9, visitsExpected: 9 });
  });

  test('requirements met during the contract are listed per co-op from dated facts', () => {
    const e = evaluate({ meetings: [meeting({ heldOn: '2026-04-15', reportedOn: '2026-05-10' })] }, []);
    expect(e.coops[0]!.met.map((m) => m.kind)).toEqual(['ratHeld', 'ratReported']);
  });
});

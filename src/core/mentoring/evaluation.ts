/**
 * The year-end evaluation of a mentor: per co-op, from the start of the
 * contract to its end (or the check date, if sooner), the statuses then and
 * now, the requirements met now, the requirements met during the contract
 * (dated facts), the visits made against the visits expected; and one plain
 * score the office can read.
 *
 * The office's criteria are parameters (rules/parameters.json, overridable in
 * the `Parameter` sheet): `evalVisitsPerCoopMonth`, `evalRequirementsWeightPercent`,
 * `evalGoodScore`, `evalFairScore`.
 *
 * A load the office set is never penalised: the score is made of shares
 * (requirements met ÷ requirements; visits ÷ visits expected, each co-op capped
 * at what is expected of it), so carrying 4 co-ops or 15 weighs the same, and
 * the mentor-coverage check — whose load rule fails when a mentor carries more
 * than `mentorMaxLoad`, and whose assignment is the office's doing — is not
 * counted. The load is shown with the band the office's `mentorMinLoad` /
 * `mentorMaxLoad` give it. A mentor with no co-ops is not scored at all
 * (grade TIDAK_DINILAI).
 */
import type { CoopEvaluation, EvaluationGrade, MentorEvaluation, Visit } from '../../shared/mentoring';
import type { CheckId, CheckInput, CheckRun } from '../../shared/types';
import { dayFromIso, isoFromDay, partsFromDay } from '../calendar';
import { idKey } from '../city-index';
import { message } from '../messages';
import { CHECK_IDS } from '../rule-data';
import { metEvents } from './met-events';
import { statusList } from './monthly-report';
import { statusesOn } from './status-history';
import type { HistoryEntry } from '../history/history-row';
import { coopsOf, findMentor } from './work-list';

/** Checks that are not the mentor's work to improve (see the header). */
const NOT_EVALUATED: ReadonlySet<CheckId> = new Set<CheckId>(['mentor']);
const DAYS_PER_MONTH = 365.25 / 12;

export const EVALUATION_CRITERIA = ['evalVisitsPerCoopMonth', 'evalRequirementsWeightPercent', 'evalGoodScore', 'evalFairScore', 'mentorMinLoad', 'mentorMaxLoad'] as const;

const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

/** @param history the rows of `Riwayat`: the statuses at the contract's start are read from it (see ./status-history.ts) */
export function evaluateMentor(input: CheckInput, run: CheckRun, visits: readonly Visit[], mentorId: string, history: readonly HistoryEntry[] = []): MentorEvaluation {
  const params = run.parameters;
  const checkDay = dayFromIso(run.asOf) as number;
  const mentor = findMentor(input.mentors, mentorId);
  const fromDay = dayFromIso(mentor?.startsOn ?? null) ?? (dayFromIso(`${partsFromDay(checkDay).year}-01-01`) as number);
  const endDay = dayFromIso(mentor?.endsOn ?? null);
  const toDay = Math.max(fromDay, endDay === null ? checkDay : Math.min(endDay, checkDay));
  const months = (toDay - fromDay + 1) / DAYS_PER_MONTH;
  const expectedPerCoop = Math.round(months * (params.evalVisitsPerCoopMonth as number));
  const start = statusesOn(run, isoFromDay(fromDay), history);
  const now = new Map(run.results.map((r) => [idKey(r.coopId) as string, r]));
  const mentorKey = idKey(mentorId);
  const coops = coopsOf(input.coops, mentorId);
  const evaluated: CoopEvaluation[] = coops.map((coop) => {
    const key = idKey(coop.id) as string;
    const result = now.get(key);
    const checks = CHECK_IDS.filter((c) => !NOT_EVALUATED.has(c) && result?.checks[c] !== undefined);
    const made = visits.filter((v) => idKey(v.mentorId) === mentorKey && idKey(v.coopId) === key).filter((v) => {
      const day = dayFromIso(v.date) as number;
      return day >= fromDay && day <= toDay;
    }).length;
    return {
      coopId: coop.id,
      name: coop.name,
      start: start.byCoop.get(key) ?? [],
      end: statusList(result),
      itemsMet: checks.reduce((sum, c) => sum + (result?.checks[c]?.itemsMet ?? 0), 0),
      itemsTotal: checks.reduce((sum, c) => sum + (result?.checks[c]?.itemsTotal ?? 0), 0),
      met: metEvents([coop], input.meetings, fromDay, toDay),
      visits: made,
      visitsExpected: expectedPerCoop,
    };
  });
  const itemsTotal = evaluated.reduce((s, c) => s + c.itemsTotal, 0);
  const requirementsPercent = itemsTotal === 0 ? 0 : (evaluated.reduce((s, c) => s + c.itemsMet, 0) / itemsTotal) * 100;
  const expected = evaluated.reduce((s, c) => s + c.visitsExpected, 0);
  const visitsPercent = expected === 0 ? 100 : (evaluated.reduce((s, c) => s + Math.min(c.visits, c.visitsExpected), 0) / expected) * 100;
  const weight = (params.evalRequirementsWeightPercent as number) / 100;
  const load = coops.length;
  // No co-ops: nothing was asked of the mentor, so no score (0 % requirements and 100 % of no visits would read as a judgement of the office's load).
  const score = load === 0 ? null : oneDecimal(weight * requirementsPercent + (1 - weight) * visitsPercent);
  const grade: EvaluationGrade = score === null ? 'TIDAK_DINILAI' : score >= (params.evalGoodScore as number) ? 'BAIK' : score >= (params.evalFairScore as number) ? 'CUKUP' : 'PERLU_PERHATIAN';
  const loadBand = load < (params.mentorMinLoad as number) ? 'under' : load > (params.mentorMaxLoad as number) ? 'over' : 'within';
  return {
    mentorId: mentor?.id ?? mentorId.trim(),
    mentorName: mentor?.name ?? null,
    from: isoFromDay(fromDay),
    to: isoFromDay(toDay),
    asOf: run.asOf,
    statusSource: start.source,
    startCheckedOn: start.checkedOn,
    coops: evaluated,
    load,
    loadBand,
    requirementsPercent: load === 0 ? null : oneDecimal(requirementsPercent),
    visitsPercent: load === 0 ? null : oneDecimal(visitsPercent),
    score,
    grade,
    gradeLabel: message('mentoring', `grade${grade}`),
    criteria: Object.fromEntries(EVALUATION_CRITERIA.map((k) => [k, params[k] as number])),
  };
}

/**
 * The mentor's monthly report, written for them: the visits of the month,
 * each co-op's statuses at the start and end of the month, the requirements
 * met during it, the follow-ups still open at its end, and (in the layouts
 * that print it) space for the mentor's own summary and signatures. The
 * coordinator's recap sums every mentor for the month.
 *
 * Pure: the add-on writes it as a sheet, the command line as .xlsx or HTML.
 */
import type { CoopStatusPair, MonthlyRecapLine, MonthlyReport, Visit } from '../../shared/mentoring';
import type { Bilingual, CheckInput, CheckRun, CoopResult, IsoDate } from '../../shared/types';
import { dayFromIso, displayFromDay, isoFromDay } from '../calendar';
import { idKey } from '../city-index';
import { fillBoth, message } from '../messages';
import { CHECK_IDS } from '../rule-data';
import { openFollowUps } from './follow-ups';
import { metEvents } from './met-events';
import { linesOfResult, statusesOn } from './status-history';
import type { HistoryEntry } from '../history/history-row';
import { coopsOf, findMentor, monthBounds } from './work-list';

export function statusList(result: CoopResult | undefined): CoopStatusPair['start'] {
  return linesOfResult(result);
}

/**
 * Why `month` cannot be reported on the check date `asOf`, or null when it can:
 * not `YYYY-MM`, or a month that begins after the check date (its report would
 * count follow-ups "overdue" on a day that has not come and show today's
 * statuses as that month's). The add-on and the command line both ask this
 * before writing a report.
 */
export function reportMonthProblem(month: string, asOf: IsoDate): Bilingual | null {
  const bounds = monthBounds(month);
  if (!bounds) return fillBoth(message('mentoring', 'cliBadMonth'), () => month);
  const checkDay = dayFromIso(asOf) as number;
  if (bounds.from > checkDay) return fillBoth(message('mentoring', 'reportMonthNotStarted'), (n) => ({ value: month.trim(), date: displayFromDay(checkDay) })[n]);
  return null;
}

/**
 * @param month `YYYY-MM`, begun by the check date; throws otherwise (see `reportMonthProblem`)
 * @param history the rows of `Riwayat`: start and end of month are read from it (see ./status-history.ts)
 * @returns the report; the month in progress ends at the check date
 */
export function monthlyReport(input: CheckInput, run: CheckRun, visits: readonly Visit[], mentorId: string, month: string, history: readonly HistoryEntry[] = []): MonthlyReport {
  const problem = reportMonthProblem(month, run.asOf);
  if (problem) throw new Error(problem.id);
  const bounds = monthBounds(month) as { from: number; to: number };
  const checkDay = dayFromIso(run.asOf) as number;
  const toDay = Math.min(bounds.to, checkDay);
  const mentor = findMentor(input.mentors, mentorId);
  const mentorKey = idKey(mentorId);
  const mine = visits
    .filter((v) => idKey(v.mentorId) === mentorKey)
    .filter((v) => {
      const day = dayFromIso(v.date) as number;
      return day >= bounds.from && day <= toDay;
    })
    .sort((a, b) => (a.date as string).localeCompare(b.date as string) || a.row - b.row);
  const assigned = coopsOf(input.coops, mentorId);
  const assignedKeys = new Set(assigned.map((c) => idKey(c.id)));
  // Co-ops visited but no longer (or not) assigned are shown too: the visits were made.
  const extra = input.coops.filter((c) => !assignedKeys.has(idKey(c.id)) && mine.some((v) => idKey(v.coopId) === idKey(c.id)));
  const coops = [...assigned, ...extra];
  const start = statusesOn(run, isoFromDay(bounds.from), history);
  const end = statusesOn(run, isoFromDay(toDay), history);
  const coopKeys = new Set(coops.map((c) => idKey(c.id)));
  return {
    mentorId: mentor?.id ?? mentorId.trim(),
    mentorName: mentor?.name ?? null,
    month,
    from: isoFromDay(bounds.from),
    to: isoFromDay(toDay),
    asOf: run.asOf,
    statusSource: start.source === 'history' && end.source === 'history' ? 'history' : 'now',
    startCheckedOn: start.checkedOn,
    endCheckedOn: end.checkedOn,
    coops: coops.map((c) => ({ coopId: c.id, name: c.name, start: start.byCoop.get(idKey(c.id) as string) ?? [], end: end.byCoop.get(idKey(c.id) as string) ?? [] })),
    visits: mine,
    met: metEvents(coops, input.meetings, bounds.from, toDay),
    openFollowUps: openFollowUps(
      visits.filter((v) => idKey(v.mentorId) === mentorKey && coopKeys.has(idKey(v.coopId))),
      toDay,
    ),
    coopsVisited: new Set(mine.map((v) => idKey(v.coopId))).size,
  };
}

/** One line per mentor (listed in `Pendamping`, then any other mentor the register names), for the month. */
export function monthlyRecap(input: CheckInput, run: CheckRun, visits: readonly Visit[], month: string, history: readonly HistoryEntry[] = []): MonthlyRecapLine[] {
  const ids = [...input.mentors.map((m) => m.id)];
  const seen = new Set(ids.map(idKey));
  for (const coop of input.coops) {
    const key = idKey(coop.mentorId);
    if (key !== null && !seen.has(key)) {
      seen.add(key);
      ids.push((coop.mentorId as string).trim());
    }
  }
  // Each mentor's visits grouped once: a province has hundreds of mentors and thousands of visits.
  const byMentor = new Map<string | null, Visit[]>();
  for (const visit of visits) {
    const key = idKey(visit.mentorId);
    const list = byMentor.get(key);
    if (list) list.push(visit);
    else byMentor.set(key, [visit]);
  }
  const loads = new Map<string | null, number>();
  for (const coop of input.coops) loads.set(idKey(coop.mentorId), (loads.get(idKey(coop.mentorId)) ?? 0) + 1);
  return ids.map((id) => {
    const report = monthlyReport(input, run, byMentor.get(idKey(id)) ?? [], id, month, history);
    return {
      mentorId: report.mentorId,
      mentorName: report.mentorName,
      coops: loads.get(idKey(id)) ?? 0,
      visits: report.visits.length,
      coopsVisited: report.coopsVisited,
      met: report.met.length,
      openFollowUps: report.openFollowUps.length,
      overdueFollowUps: report.openFollowUps.filter((f) => f.overdue).length,
    };
  });
}

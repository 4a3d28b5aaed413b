/**
 * The city-wide picture leadership asks for: counts per status per check, the
 * RAT indicator (Satu Data 02.09.007: co-ops holding RAT ÷ all co-ops × 100),
 * mentor coverage, each mentor's load against the bounds, and how many more
 * mentors the uncovered co-ops need once the current mentors' spare capacity
 * is used.
 */
import type { CheckId, CitySummary, CoopResult, IsoDate, MentorLoad, StatusCode } from '../shared/types';
import type { CityIndex } from './city-index';
import type { ParameterValues } from './parameters';
import { CHECK_IDS } from './rule-data';
import { dayFromIso } from './calendar';

/** RAT statuses that count as "held" for the indicator: a quorate meeting took place. */
export const RAT_HELD: ReadonlySet<StatusCode> = new Set<StatusCode>(['SELESAI', 'LAPORAN_BELUM']);

/** Counts results as they come, so a run need not keep every result to summarise it. */
export class SummaryAccumulator {
  private readonly statusCounts = Object.fromEntries(CHECK_IDS.map((check) => [check, {}])) as CitySummary['statusCounts'];
  private count = 0;
  private ratHeld = 0;
  private uncovered = 0;

  add(result: CoopResult): void {
    this.addStatuses(Object.fromEntries(CHECK_IDS.map((check) => [check, result.checks[check]!.status])));
  }

  /** Counts one co-op from its statuses, one per check (e.g. read back from results written earlier). */
  addStatuses(statuses: Record<CheckId, StatusCode>): void {
    this.count += 1;
    for (const check of CHECK_IDS) {
      const counts = this.statusCounts[check] as Partial<Record<StatusCode, number>>;
      const status = statuses[check];
      if (status !== undefined) counts[status] = (counts[status] ?? 0) + 1;
    }
    if (RAT_HELD.has(statuses.rat as StatusCode)) this.ratHeld += 1;
    if (statuses.mentor === 'TANPA_PENDAMPING') this.uncovered += 1;
  }

  finish(asOf: IsoDate, index: CityIndex, params: ParameterValues): CitySummary {
    const minLoad = params.mentorMinLoad as number;
    const maxLoad = params.mentorMaxLoad as number;
    const checkDay = dayFromIso(asOf) as number;
    const mentorLoads: MentorLoad[] = [];
    const seen = new Set<string>();
    for (const [key, mentor] of index.mentors) {
      seen.add(key);
      const start = dayFromIso(mentor.startsOn);
      const end = dayFromIso(mentor.endsOn);
      const load = index.mentorLoads.get(key) ?? 0;
      mentorLoads.push({
        mentorId: mentor.id,
        name: mentor.name,
        load,
        active: (start === null || start <= checkDay) && (end === null || end >= checkDay),
        listed: true,
        band: load < minLoad ? 'under' : load > maxLoad ? 'over' : 'within',
      });
    }
    for (const [key, load] of index.mentorLoads) {
      if (seen.has(key)) continue;
      mentorLoads.push({ mentorId: key, name: null, load, active: false, listed: false, band: load > maxLoad ? 'over' : load < minLoad ? 'under' : 'within' });
    }
    const active = mentorLoads.filter((m) => m.active);
    return {
      asOf,
      coopCount: this.count,
      statusCounts: this.statusCounts,
      ratIndicatorPercent: this.count === 0 ? 0 : Math.round((this.ratHeld / this.count) * 1000) / 10,
      ratHeldCount: this.ratHeld,
      coveredCount: this.count - this.uncovered,
      uncoveredCount: this.uncovered,
      mentorLoads,
      mentorsOverLoad: active.filter((m) => m.band === 'over').map((m) => m.mentorId),
      mentorsUnderLoad: active.filter((m) => m.band === 'under').map((m) => m.mentorId),
      mentorsNeeded: mentorsNeeded(this.uncovered, active, maxLoad),
    };
  }
}

/**
 * New mentors still needed: the uncovered co-ops that the active mentors'
 * spare capacity (up to the maximum load each) cannot take, at the maximum
 * load per new mentor, rounded up.
 */
export function mentorsNeeded(uncovered: number, active: readonly MentorLoad[], maxLoad: number): number {
  const spare = active.filter((m) => m.listed).reduce((sum, m) => sum + Math.max(0, maxLoad - m.load), 0);
  return Math.ceil(Math.max(0, uncovered - spare) / maxLoad);
}

export function summarise(asOf: IsoDate, results: readonly CoopResult[], index: CityIndex, params: ParameterValues): CitySummary {
  const accumulator = new SummaryAccumulator();
  for (const result of results) accumulator.add(result);
  return accumulator.finish(asOf, index, params);
}

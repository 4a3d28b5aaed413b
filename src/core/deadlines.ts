/**
 * The deadline calendar: what falls due between the check date and N days
 * later (parameter `deadlineHorizonDays`, default 90) — each co-op's RAT
 * deadline for the book year it owes (when no quorate RAT is recorded yet),
 * RAT reports due at the office `ratReportDueMonths` after a meeting, mentor
 * contracts ending, and open follow-ups from the visit log `Kunjungan` (read
 * by ./workbook/visit-log.ts; a follow-up marked done is not due). Open
 * follow-ups whose date has already passed are not in the coming days, and
 * no status shows them, so they are counted (with the oldest date) rather
 * than dropped: leadership reads "N follow-ups overdue". A RAT
 * deadline inside the early-warning window (`ratEarlyWarningMonths`) is marked
 * "soon", as the RAT check turns amber there.
 *
 * Pure: the dates come from the same derived facts the rules see, so the
 * calendar always agrees with the statuses.
 */
import type { Bilingual, CheckInput, IsoDate } from '../shared/types';
import { dayFromIso, displayFromDay, isoFromDay } from './calendar';
import { buildCityIndex, idKey } from './city-index';
import { deriveFacts } from './derived-facts';
import { fillBoth, message } from './messages';
import { resolveParameters } from './parameters';
import type { Visit } from '../shared/mentoring';

export type DeadlineKind = 'rat' | 'ratReport' | 'mentorEnd' | 'followUp';

export interface Deadline {
  date: IsoDate;
  /** Days from the check date (0 = the check date itself). */
  daysLeft: number;
  kind: DeadlineKind;
  coopId: string | null;
  /** The co-op's name, or the mentor's for a contract. */
  name: string | null;
  mentorId: string | null;
  text: Bilingual;
  /** Inside the early-warning window (RAT deadlines). */
  soon: boolean;
}

export interface DeadlineOptions {
  /** Days ahead (default: parameter deadlineHorizonDays). */
  days?: number;
  visits?: readonly Visit[];
}

/** Open visit follow-ups whose date is before the check date: how many, and the oldest date. */
export interface OverdueFollowUps {
  count: number;
  oldest: IsoDate | null;
}

const KIND_ORDER: readonly DeadlineKind[] = ['rat', 'ratReport', 'mentorEnd', 'followUp'];

/**
 * @param input the workbook's co-ops, meetings, mentors and parameter overrides; `asOf` is the first day
 * @returns deadlines from `asOf` to `asOf + days` inclusive, by date, then kind, then co-op ID
 * @throws when `asOf` is not a YYYY-MM-DD date
 */
export function deadlines(input: CheckInput, options: DeadlineOptions = {}): { days: number; deadlines: Deadline[]; overdueFollowUps: OverdueFollowUps } {
  const checkDay = dayFromIso(input.asOf);
  if (checkDay === null) throw new Error(`check date '${input.asOf}' is not a date in YYYY-MM-DD form`);
  const { values: params } = resolveParameters(input.parameterOverrides ?? []);
  const days = options.days ?? (params.deadlineHorizonDays as number);
  const lastDay = checkDay + days;
  const index = buildCityIndex(input);
  const out: Deadline[] = [];
  const h = (key: string): Bilingual => message('history', key);
  const add = (day: number | null, item: Omit<Deadline, 'date' | 'daysLeft'>): void => {
    if (day === null || day < checkDay || day > lastDay) return;
    out.push({ date: isoFromDay(day), daysLeft: day - checkDay, ...item });
  };

  for (const coop of input.coops) {
    const facts = deriveFacts(coop, index, params, checkDay);
    const ratDue = facts.ratDueDay as number;
    if (!facts.ratQuorate) {
      add(ratDue, {
        kind: 'rat', coopId: coop.id, name: coop.name, mentorId: coop.mentorId,
        text: fillBoth(h('deadlineRat'), () => String(facts.ratBookYear)),
        soon: checkDay >= (facts.ratWarningDay as number),
      });
    }
    if (facts.ratHeld && !facts.ratReported && facts.ratReportDueDay !== null) {
      add(facts.ratReportDueDay as number, {
        kind: 'ratReport', coopId: coop.id, name: coop.name, mentorId: coop.mentorId,
        text: fillBoth(h('deadlineRatReport'), () => displayFromDay(facts.ratHeldDay as number)),
        soon: false,
      });
    }
  }
  for (const mentor of input.mentors) {
    const load = index.mentorLoads.get(idKey(mentor.id) ?? '') ?? 0;
    add(dayFromIso(mentor.endsOn), {
      kind: 'mentorEnd', coopId: null, name: mentor.name, mentorId: mentor.id,
      text: fillBoth(h('deadlineMentorEnd'), (name) => ({ mentor: mentor.name ? `${mentor.name} (${mentor.id})` : mentor.id, count: String(load) })[name]),
      soon: false,
    });
  }
  const names = new Map(input.coops.map((coop) => [idKey(coop.id), coop.name]));
  const overdueFollowUps: OverdueFollowUps = { count: 0, oldest: null };
  for (const visit of options.visits ?? []) {
    if (visit.followUpDone === true || visit.followUp === null) continue; // done, or nothing to follow up
    const due = dayFromIso(visit.followUpDue);
    if (due !== null && due < checkDay) {
      overdueFollowUps.count += 1;
      if (overdueFollowUps.oldest === null || (visit.followUpDue as string) < overdueFollowUps.oldest) overdueFollowUps.oldest = isoFromDay(due);
      continue;
    }
    add(due, {
      kind: 'followUp', coopId: visit.coopId, name: names.get(idKey(visit.coopId)) ?? null, mentorId: visit.mentorId,
      text: fillBoth(h('deadlineFollowUp'), (name) => ({ mentor: visit.mentorId ?? '-', text: visit.followUp ?? visit.activity ?? '-' })[name]),
      soon: false,
    });
  }
  // ISO dates and IDs sort as plain text (no locale rules needed, and a national calendar holds thousands).
  const text = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  out.sort((a, b) => text(a.date, b.date) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || text(a.coopId ?? a.mentorId ?? '', b.coopId ?? b.mentorId ?? ''));
  return { days, deadlines: out, overdueFollowUps };
}

/** "12 follow-ups … overdue (the oldest 20/05/2026)" for the report and the command line; null when there are none. */
export function overdueFollowUpsText(overdue: OverdueFollowUps): Bilingual | null {
  if (overdue.count === 0 || overdue.oldest === null) return null;
  const oldest = displayFromDay(dayFromIso(overdue.oldest) as number);
  return fillBoth(message('history', 'deadlineFollowUpsOverdue'), (name) => ({ count: String(overdue.count), oldest })[name]);
}

/** The calendar as a table (header + one row per deadline), in one language: for KKMP_JADWAL and the command line. */
export function deadlineTable(list: readonly Deadline[], lang: keyof Bilingual): string[][] {
  const header = message('history', 'deadlineHeader')[lang].split('|');
  return [header, ...list.map((d) => [
    displayFromDay(dayFromIso(d.date) as number),
    String(d.daysLeft),
    message('history', `deadlineKind.${d.kind}`)[lang] + (d.soon ? ` (${message('history', 'deadlineSoon')[lang]})` : ''),
    d.coopId ?? d.mentorId ?? '',
    d.name ?? '',
    d.text[lang],
  ])];
}

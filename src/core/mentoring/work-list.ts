/**
 * A mentor's work list: for each co-op naming the mentor, the requirements it
 * does not meet yet (from the very results the checks give, so the list and
 * the statuses never disagree), ordered by weight (hard before soft) and
 * deadline, with what to do next and the dates to plan for — the RAT deadline,
 * the RAT report due one month (`ratReportDueMonths`) after the meeting, the
 * end of the mentor's contract, and follow-ups from the visit log, overdue
 * ones first. Co-ops come most urgent first: an overdue RAT or RAT report,
 * then overdue follow-ups, then the most hard requirements unmet, then the
 * nearest date.
 *
 * One gap, one item: when two checks flag the same gap (a blank NIB fails
 * Legalitas, Simpan pinjam and Pembiayaan bank), it is listed once, naming
 * every check that flags it (`checks`). The next step is the requirement's
 * step of rules/messages.json `next` — the very text the sidebar, the co-op
 * view and the printed report show under the reason.
 *
 * Pure: the sidebar, `=KKMP_TUGAS` and `pantau-kkmp tugas` all call this.
 */
import type { CoopWork, DueDate, DueKind, Visit, WorkItem, WorkList } from '../../shared/mentoring';
import type { Bilingual, CheckId, CheckInput, CheckRun, CoopRecord, IsoDate, Mentor, Reason, Severity } from '../../shared/types';
import { dayFromIso, endOfMonthAfter, isoFromDay, partsFromDay } from '../calendar';
import { buildCityIndex, idKey } from '../city-index';
import { deriveFacts, type Facts } from '../derived-facts';
import { factSpec } from '../fact-catalogue';
import { fillBoth, message } from '../messages';
import { BUNDLED_RULE_SETS, CHECK_IDS, type RuleSetFile } from '../rule-data';
import { openFollowUps } from './follow-ups';

/** The deadline a failed requirement has: its reason's fact → the derived fact holding the day. */
const DUE_FACT_OF: Readonly<Record<string, string>> = {
  ratDaysPastDue: 'ratDueDay',
  ratWarningDay: 'ratDueDay',
  ratHeldQuorate: 'ratDueDay',
  ratAttendancePercent: 'ratDueDay',
  ratReported: 'ratReportDueDay',
  mentorEndDay: 'mentorEndDay',
};

export interface WorkListOptions {
  /** The rule sets in force (for each requirement's weight); the bundled ones by default. */
  ruleSets?: readonly RuleSetFile[];
}

/** The co-ops naming a mentor (IDs matched ignoring case and spaces). */
export function coopsOf(coops: readonly CoopRecord[], mentorId: string): CoopRecord[] {
  const key = idKey(mentorId);
  return key === null ? [] : coops.filter((c) => idKey(c.mentorId) === key);
}

/**
 * Whether `mentorId` names a mentor: listed in `Pendamping` or named by a
 * co-op (case and spaces ignored). An empty or blank ID names no one — it
 * would otherwise match every co-op without a mentor. The command line and
 * `=KKMP_TUGAS` refuse an ID for which this is false.
 */
export function isKnownMentor(mentors: readonly Mentor[], coops: readonly CoopRecord[], mentorId: string): boolean {
  const key = idKey(mentorId);
  return key !== null && (mentors.some((m) => idKey(m.id) === key) || coops.some((c) => idKey(c.mentorId) === key));
}

export function findMentor(mentors: readonly Mentor[], mentorId: string): Mentor | undefined {
  const key = idKey(mentorId);
  return mentors.find((m) => idKey(m.id) === key);
}

function weights(ruleSets: readonly RuleSetFile[]): Map<string, 'hard' | 'soft'> {
  const out = new Map<string, 'hard' | 'soft'>();
  for (const set of ruleSets) for (const rule of set.rules) if (rule.event.type === 'requirement') out.set(rule.name, rule.event.params.weight);
  return out;
}

function due(kind: DueKind, day: number, checkDay: number, label: Bilingual): DueDate {
  return { kind, date: isoFromDay(day), label, inDays: day - checkDay, overdue: day < checkDay };
}

/**
 * What to do about a failed requirement: its `next` step (filled with the
 * co-op's values, as under the reason everywhere else); for a requirement
 * without one (a workbook rule set may add such), "Tindak lanjuti: <reason>".
 */
function nextStep(reason: Reason): Bilingual {
  return reason.next ?? fillBoth(message('mentoring', 'nextStep.generic'), (_n, lang) => reason.text[lang]);
}

/**
 * The gap a failed requirement is about: the register fields its fact is read
 * from (a blank NIB is `nibPresent` for Legalitas and `nibDigitCount` for
 * Simpan pinjam, both read from `nib`). Facts read from no field (counts of
 * requirements) are their own gap.
 */
function gapOf(reason: Reason): string {
  const fields = factSpec(reason.fact)?.recordFields ?? [];
  return fields.length > 0 ? [...fields].sort().join('+') : `rule:${reason.rule}`;
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { bad: 2, warn: 1, ok: 0 };

/**
 * The items of one co-op, one per gap: a requirement of another check about
 * the same gap joins the first item of that gap (its wording kept, as the
 * checks are listed in order: the register's own check first); the item is
 * hard if either is, due by the earlier date. Two requirements of one check
 * about one field (a deed date after the SK AHU date, and one in the future)
 * stay apart: they are different mistakes.
 */
function mergeByGap(items: ReadonlyArray<{ item: WorkItem; gap: string }>): WorkItem[] {
  const out: Array<{ item: WorkItem; gap: string }> = [];
  for (const next of items) {
    const same = out.find((o) => o.gap === next.gap && !o.item.checks.includes(next.item.check));
    if (!same) {
      out.push({ item: { ...next.item, checks: [...next.item.checks] }, gap: next.gap });
      continue;
    }
    const item = same.item;
    item.checks.push(next.item.check);
    item.rules.push(next.item.rule);
    if (next.item.weight === 'hard') item.weight = 'hard';
    if (SEVERITY_RANK[next.item.severity] > SEVERITY_RANK[item.severity]) item.severity = next.item.severity;
    if (next.item.due !== null && (item.due === null || next.item.due < item.due)) item.due = next.item.due;
  }
  return out.map((o) => o.item);
}

const dayOr = (iso: IsoDate | null): number => dayFromIso(iso) ?? Number.POSITIVE_INFINITY;

/**
 * @param input  the check input the run was made from (records, meetings, mentors, check date)
 * @param run    the check run of that input (`runChecks`)
 * @param visits the visit log (`readWorkbook(...).visits`)
 * @param mentorId e.g. `PD-03` (case and spaces ignored)
 */
export function mentorWorkList(input: CheckInput, run: CheckRun, visits: readonly Visit[], mentorId: string, options: WorkListOptions = {}): WorkList {
  const checkDay = dayFromIso(run.asOf) as number;
  const index = buildCityIndex(input);
  const weightOf = weights(options.ruleSets ?? BUNDLED_RULE_SETS);
  const results = new Map(run.results.map((r) => [idKey(r.coopId), r]));
  const mentor = findMentor(input.mentors, mentorId);
  const mentorKey = idKey(mentorId);
  const contractStart = dayFromIso(mentor?.startsOn ?? null);
  const coops: CoopWork[] = [];
  for (const record of coopsOf(input.coops, mentorId)) {
    const result = results.get(idKey(record.id));
    if (!result) continue;
    const facts: Facts = deriveFacts(record, index, run.parameters, checkDay);
    const checks = CHECK_IDS.filter((c) => result.checks[c] !== undefined);
    const failed: Array<{ item: WorkItem; gap: string }> = [];
    for (const check of checks) {
      for (const reason of result.checks[check]?.reasons ?? []) {
        const dueFact = DUE_FACT_OF[reason.fact];
        const dueDay = dueFact ? facts[dueFact] : null;
        const item: WorkItem = {
          check,
          checks: [check],
          rule: reason.rule,
          rules: [reason.rule],
          weight: weightOf.get(reason.rule) ?? (reason.severity === 'bad' ? 'hard' : 'soft'),
          severity: reason.severity,
          reason: reason.text,
          nextStep: nextStep(reason),
          due: typeof dueDay === 'number' ? isoFromDay(dueDay) : null,
        };
        failed.push({ item, gap: gapOf(reason) });
      }
    }
    const items = mergeByGap(failed);
    items.sort((a, b) => Number(a.weight === 'soft') - Number(b.weight === 'soft') || dayOr(a.due) - dayOr(b.due));
    const dates: DueDate[] = [];
    if (typeof facts.ratDueDay === 'number' && typeof facts.ratBookYear === 'number') {
      // Not held yet: this book year's deadline; held: the next book year's.
      const year = facts.ratHeld === true ? facts.ratBookYear + 1 : facts.ratBookYear;
      const day = facts.ratHeld === true ? endOfMonthAfter(year, 12, run.parameters.ratDeadlineMonths as number) : facts.ratDueDay;
      dates.push(due('ratDue', day, checkDay, fillBoth(message('mentoring', 'dueRat'), () => String(year))));
    }
    if (facts.ratHeld === true && facts.ratReported !== true && typeof facts.ratReportDueDay === 'number') {
      dates.push(due('ratReportDue', facts.ratReportDueDay, checkDay, message('mentoring', 'dueRatReport')));
    }
    const coopKey = idKey(record.id);
    const coopVisits = visits.filter((v) => idKey(v.coopId) === coopKey);
    const followUps = openFollowUps(coopVisits, checkDay);
    for (const f of followUps) {
      const day = dayFromIso(f.due);
      if (day !== null) dates.push(due('followUp', day, checkDay, fillBoth(message('mentoring', 'dueFollowUp'), () => f.followUp)));
    }
    dates.sort((a, b) => a.inDays - b.inDays);
    const visitDays = coopVisits
      .filter((v) => idKey(v.mentorId) === mentorKey)
      .map((v) => dayFromIso(v.date) as number)
      .filter((d) => d <= checkDay && (contractStart === null || d >= contractStart));
    coops.push({
      coopId: record.id,
      name: record.name,
      statuses: checks.map((check) => ({ check: check as CheckId, status: result.checks[check]!.status, label: result.checks[check]!.label, severity: result.checks[check]!.severity })),
      items,
      dates,
      followUps,
      lastVisit: visitDays.length > 0 ? isoFromDay(Math.max(...visitDays)) : null,
      visitCount: visitDays.length,
    });
  }
  // An overdue RAT or RAT report (a legal deadline) outweighs any number of overdue follow-ups.
  const urgency = (c: CoopWork): [number, number, number] => [
    c.dates.filter((d) => d.overdue).reduce((sum, d) => sum + (d.kind === 'followUp' ? 1 : 1000), 0),
    c.items.filter((i) => i.weight === 'hard').length,
    Math.min(...c.dates.map((d) => d.inDays), Number.POSITIVE_INFINITY),
  ];
  coops.sort((a, b) => {
    const [ao, ah, an] = urgency(a);
    const [bo, bh, bn] = urgency(b);
    return bo - ao || bh - ah || an - bn || a.coopId.localeCompare(b.coopId);
  });
  const all: WorkList['dates'] = coops.flatMap((c) => c.dates.map((d) => ({ ...d, coopId: c.coopId })));
  const endDay = dayFromIso(mentor?.endsOn ?? null);
  if (endDay !== null) all.push({ ...due('contractEnd', endDay, checkDay, message('mentoring', 'dueContractEnd')), coopId: '' });
  all.sort((a, b) => a.inDays - b.inDays || a.coopId.localeCompare(b.coopId));
  return {
    asOf: run.asOf,
    mentorId: mentor?.id ?? mentorId.trim(),
    mentorName: mentor?.name ?? null,
    listed: mentor !== undefined,
    contractStart: mentor?.startsOn ?? null,
    contractEnd: mentor?.endsOn ?? null,
    coops,
    dates: all,
  };
}

/** Days into a month during which the month before is the report the office wants first. */
export const REPORT_PREVIOUS_MONTH_DAYS = 10;

/**
 * The months a monthly report can be written for on `asOf` (YYYY-MM-DD): this
 * month (in progress) and the one before, and which to offer first — in the
 * first REPORT_PREVIOUS_MONTH_DAYS days the month just ended (its report is
 * what the office asks for then), later this month.
 */
export function reportMonths(asOf: string): { current: string; previous: string; chosen: string } {
  const [year, month, day] = asOf.split('-').map(Number) as [number, number, number];
  const current = `${year}-${String(month).padStart(2, '0')}`;
  const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return { current, previous, chosen: day <= REPORT_PREVIOUS_MONTH_DAYS ? previous : current };
}

/** `YYYY-MM` → first and last day numbers of that month, or null. */
export function monthBounds(month: string): { from: number; to: number } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month.trim());
  if (!match) return null;
  const from = dayFromIso(`${match[1]}-${match[2]}-01`);
  if (from === null) return null;
  const { year, month: m } = partsFromDay(from);
  const next = m === 12 ? dayFromIso(`${year + 1}-01-01`) : dayFromIso(`${year}-${String(m + 1).padStart(2, '0')}-01`);
  return { from, to: (next as number) - 1 };
}

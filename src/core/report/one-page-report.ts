/**
 * The one page the head of office reads: counts per status of every check,
 * the RAT indicator and its trend, mentor coverage and its trend, the 10
 * co-ops most needing attention with their one-line reason, what changed
 * since the last report, the deadlines of the coming month, and the rules
 * version with the parameters in force. A model only (numbers and texts in
 * both languages); `report-html.ts` prints it for A4 and `report-sheet.ts`
 * lays it out as the sheet `Laporan`.
 *
 * Pure: built from the current check (as `CheckedCoop`s with the city
 * summary), the history blocks recorded before it, and the deadlines.
 */
import { statusKey, statusLabel } from '../status-label';
import type { Bilingual, CheckId, CitySummary, IsoDate, Severity } from '../../shared/types';
import { fillBoth, message } from '../messages';
import { CHECK_IDS, PARAMETERS, STATUSES_BY_CHECK } from '../rule-data';
import type { Deadline, OverdueFollowUps } from '../deadlines';
import type { CheckedCoop } from '../history/checked-coop';
import type { HistoryBlock } from '../history/history-row';
import { changesSince, type ChangeSummary } from '../history/status-change';
import { trendSeries, type TrendPoint } from '../history/trends';
import { formatNumber } from '../format';

/** How many co-ops the attention list holds (the "10 co-ops needing attention most"). */
export const REPORT_ATTENTION_COUNT = 10;
/** Deadlines shown: the coming month. */
export const REPORT_DEADLINE_DAYS = 31;
/** Changes listed by name (worsened first); the rest are counted. */
export const REPORT_CHANGE_LINES = 8;

/**
 * Checks that put a co-op on the attention list. Readiness checks (savings and
 * loans; bank financing) are shown but do not: nearly every co-op is "not
 * ready" for years (domain.md), as on the sidebar's dashboard.
 */
const READINESS_CHECKS: ReadonlySet<string> = new Set(['savingsLoans', 'bankFinancing']);

export interface StatusCount {
  status: string;
  label: Bilingual;
  count: number;
  /** The level most co-ops with this status have (a status may be green or amber). */
  level: Severity;
}

export interface AttentionLine {
  coopId: string;
  name: string | null;
  checks: Array<{ check: CheckId; label: Bilingual; level: Severity | null }>;
  reason: Bilingual | null;
  weight: number;
}

export interface OnePageReport {
  asOf: IsoDate;
  checkedAt: string;
  rulesVersion: string;
  coopCount: number;
  checks: Array<{ check: CheckId; title: Bilingual; counts: StatusCount[] }>;
  rat: { percent: number; held: number; trend: Array<{ date: IsoDate; value: number }> };
  coverage: { percent: number; covered: number; over: string[]; under: string[]; needed: number; trend: Array<{ date: IsoDate; value: number }> };
  attention: AttentionLine[];
  changes: ChangeSummary;
  /** The coming deadlines, and the open visit follow-ups already past their date (counted: no status shows them). */
  deadlines: { days: number; items: Deadline[]; overdueFollowUps: OverdueFollowUps };
  parameters: Array<{ key: string; value: number; unit: string; note: Bilingual }>;
}

export interface ReportInput {
  current: readonly CheckedCoop[];
  summary: CitySummary;
  checkedAt: string;
  rulesVersion: string;
  parameters: Record<string, number>;
  /** Blocks recorded before this check, oldest first (`historyBlocks`). Blocks of the check date itself or later are ignored: the report compares with the previous check day. */
  history: readonly HistoryBlock[];
  /** Deadlines from the check date (see `deadlines`); those within REPORT_DEADLINE_DAYS are kept. */
  deadlines: readonly Deadline[];
  /** Open follow-ups past their date (see `deadlines`); none when absent. */
  overdueFollowUps?: OverdueFollowUps;
  /** The changes since the previous check day, when the caller has them already (else computed here). */
  changes?: ChangeSummary;
}

export function onePageReport(input: ReportInput): OnePageReport {
  const { current, summary } = input;
  const asOf = summary.asOf;
  const earlier = input.history.filter((b) => b.checkedOn < asOf);
  const previous = earlier[earlier.length - 1];
  const nowBlock: HistoryBlock = { checkedOn: asOf, checkedAt: input.checkedAt, rulesVersion: input.rulesVersion, entries: current.map((c) => c.entry) };
  const trend: TrendPoint[] = trendSeries([...earlier, nowBlock]);
  const count = summary.coopCount;
  return {
    asOf,
    checkedAt: input.checkedAt,
    rulesVersion: input.rulesVersion,
    coopCount: count,
    checks: CHECK_IDS.map((check) => ({ check, title: message('check', check), counts: statusCounts(check, current) })),
    rat: { percent: summary.ratIndicatorPercent, held: summary.ratHeldCount, trend: trend.map((p) => ({ date: p.checkedOn, value: p.ratIndicatorPercent })) },
    coverage: {
      percent: count === 0 ? 0 : Math.round((summary.coveredCount / count) * 1000) / 10,
      covered: summary.coveredCount,
      over: summary.mentorsOverLoad,
      under: summary.mentorsUnderLoad,
      needed: summary.mentorsNeeded,
      trend: trend.map((p) => ({ date: p.checkedOn, value: p.coveragePercent })),
    },
    attention: attention(current, REPORT_ATTENTION_COUNT),
    changes: input.changes ?? changesSince(previous, current),
    deadlines: { ...comingDeadlines(input.deadlines), overdueFollowUps: input.overdueFollowUps ?? { count: 0, oldest: null } },
    parameters: Object.entries(PARAMETERS.parameters).map(([key, spec]) => ({ key, value: input.parameters[key] ?? spec.default, unit: spec.unit, note: spec.note })),
  };
}

/**
 * The coming month's deadlines; when the month holds none, the first few
 * further ahead (within the calendar's horizon), so the page still says
 * what falls due next.
 */
function comingDeadlines(all: readonly Deadline[]): { days: number; items: Deadline[] } {
  const month = all.filter((d) => d.daysLeft <= REPORT_DEADLINE_DAYS);
  if (month.length > 0 || all.length === 0) return { days: REPORT_DEADLINE_DAYS, items: month };
  const items = all.slice(0, REPORT_CHANGE_LINES);
  return { days: (items[items.length - 1] as Deadline).daysLeft, items };
}

/**
 * Co-ops per status of one check, in the check's order of statuses. A status
 * whose colours have words of their own (BERBADAN HUKUM complete / papers
 * missing) is counted once per colour, green first, so the bar and its legend
 * never give one colour two meanings; a status no co-op shows keeps one entry.
 */
function statusCounts(check: CheckId, current: readonly CheckedCoop[]): StatusCount[] {
  return (STATUSES_BY_CHECK[check] ?? []).flatMap((status) => {
    const levels: Record<Severity, number> = { ok: 0, warn: 0, bad: 0 };
    let n = 0;
    for (const coop of current) {
      if (coop.entry.statuses[check] !== status) continue;
      n += 1;
      levels[coop.entry.levels[check] ?? defaultLevel(check, status)] += 1;
    }
    const split = (['ok', 'warn', 'bad'] as const).filter((l) => levels[l] > 0 && statusKey(status, l) !== status);
    if (split.length > 0) {
      // Each coloured variant on its own; any level without words of its own joins the plain status.
      const plain = (['ok', 'warn', 'bad'] as const).filter((l) => levels[l] > 0 && !split.includes(l));
      const own = split.map((l) => ({ status, label: statusLabel(status, l), count: levels[l], level: l }));
      const rest = plain.length === 0 ? [] : [{ status, label: message('status', status), count: plain.reduce((s, l) => s + levels[l], 0), level: plain.reduce((w, l) => (levels[l] > levels[w] ? l : w)) }];
      return [...own, ...rest];
    }
    const level = (['bad', 'warn', 'ok'] as const).reduce((best, l) => (levels[l] > levels[best] ? l : best), n === 0 ? defaultLevel(check, status) : 'bad');
    return [{ status, label: message('status', status), count: n, level }];
  });
}

/** The colour a status has when no co-op shows it (for an empty bar's legend): its place among the check's statuses. */
function defaultLevel(check: CheckId, status: string): Severity {
  const list = STATUSES_BY_CHECK[check] ?? [];
  const i = list.indexOf(status);
  return i === 0 ? 'ok' : i === list.length - 1 ? 'bad' : 'warn';
}

/**
 * Worst first: a red compliance check weighs 10, an amber one 1 (as on the
 * sidebar). The reason is the first reason of the worst compliance check.
 * Weights are computed for every co-op, texts only for the `count` shown.
 */
export function attention(current: readonly CheckedCoop[], count: number = Number.POSITIVE_INFINITY): AttentionLine[] {
  const rank: Record<Severity, number> = { bad: 10, warn: 1, ok: 0 };
  const compliance = CHECK_IDS.filter((check) => !READINESS_CHECKS.has(check));
  const weighed = current
    .map((coop) => ({ coop, weight: compliance.reduce((sum, check) => sum + rank[coop.entry.levels[check] ?? 'ok'], 0) }))
    .filter((w) => w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.coop.entry.coopId.localeCompare(b.coop.entry.coopId))
    .slice(0, count);
  return weighed.map(({ coop, weight }) => {
    const checks = CHECK_IDS.map((check) => {
      const status = coop.entry.statuses[check];
      return { check, label: status ? message('status', status) : { id: '', en: '' }, level: coop.entry.levels[check] ?? null };
    });
    const worst = [...checks].filter((c) => !READINESS_CHECKS.has(c.check)).sort((a, b) => (b.level ? rank[b.level] : 0) - (a.level ? rank[a.level] : 0))[0];
    const reason = worst && worst.level && worst.level !== 'ok' ? (coop.reasons[worst.check] ?? null) : null;
    // "RAT: RAT tahun buku 2025 belum diadakan" says RAT twice: a reason that starts with its check's name stands alone.
    const oneLine = (lang: keyof Bilingual, text: Bilingual, check: CheckId): string => {
      const title = message('check', check)[lang];
      return text[lang].startsWith(`${title} `) ? text[lang] : `${title}: ${text[lang]}`;
    };
    const line = reason && worst ? { id: oneLine('id', reason, worst.check), en: oneLine('en', reason, worst.check) } : null;
    return { coopId: coop.entry.coopId, name: coop.name, checks, reason: line, weight };
  });
}

/** IDs named per line of the register changes; the rest are counted. */
const REGISTER_IDS_NAMED = 10;

/**
 * Co-ops new in the register since the check compared with, and those no longer in it (removed, or their
 * ID changed): one line each, none when nothing moved. Without them a co-op could leave the page unnoticed.
 */
export function registerChanges(changes: ChangeSummary): Bilingual[] {
  if (changes.since === null) return [];
  const added = changes.coops.filter((c) => c.kind === 'new').map((c) => c.coopId);
  const line = (key: string, ids: readonly string[]): Bilingual[] => {
    if (ids.length === 0) return [];
    const named = ids.slice(0, REGISTER_IDS_NAMED);
    return [fillBoth(message('history', key), (name, lang) => ({ ids: named.join(', ') + (ids.length > named.length ? fillBoth(message('history', 'changesMoreIds'), () => String(ids.length - named.length))[lang] : '') })[name])];
  };
  return [...line('changesAdded', added), ...line('changesRemoved', changes.removed)];
}

/** "63,4% → 70,7% sejak 25/11/2025" for a trend's first and last points. */
export function trendText(trend: ReadonlyArray<{ date: IsoDate; value: number }>, lang: keyof Bilingual): string | null {
  const first = trend[0];
  const last = trend[trend.length - 1];
  if (!first || !last || trend.length < 2) return null;
  const [y, m, d] = first.date.split('-');
  return fillBoth(message('history', 'reportTrendFrom'), (name) => ({ from: `${formatNumber(first.value, lang, 1)}%`, to: `${formatNumber(last.value, lang, 1)}%`, date: `${d}/${m}/${y}` })[name])[lang];
}

/**
 * The one-page report laid out as the sheet `Laporan` (Bahasa Indonesia, the
 * workbook's language): a grid of values, colours and weights, narrow enough
 * for A4 portrait. Pure; the adapter writes it through the cell writer, so
 * every text stays text.
 */
import type { Severity } from '../../shared/types';
import { dayFromIso, displayFromDay } from '../calendar';
import { overdueFollowUpsText } from '../deadlines';
import { formatNumber } from '../format';
import { fill, fillBoth, message } from '../messages';
import { CHECK_IDS } from '../rule-data';
import { SEVERITY_COLOURS } from '../workbook/results-grid';
import { REPORT_CHANGE_LINES, registerChanges, trendText, type OnePageReport } from './one-page-report';
import { shortName } from './report-html';

export interface ReportGrid {
  values: Array<Array<string | number>>;
  backgrounds: Array<Array<string | null>>;
  fontWeights: string[][];
  columnWidths: number[];
}

const HEADING = '#f4c7c3';

export function reportGrid(report: OnePageReport): ReportGrid {
  const width = 3 + CHECK_IDS.length;
  const values: Array<Array<string | number>> = [];
  const backgrounds: Array<Array<string | null>> = [];
  const fontWeights: string[][] = [];
  const t = (key: string): string => message('history', key).id;
  const date = (iso: string): string => displayFromDay(dayFromIso(iso) as number);
  const row = (cells: Array<string | number>, options: { colours?: Array<string | null>; bold?: boolean | boolean[] } = {}): void => {
    values.push(Array.from({ length: width }, (_, c) => cells[c] ?? ''));
    backgrounds.push(Array.from({ length: width }, (_, c) => options.colours?.[c] ?? null));
    fontWeights.push(Array.from({ length: width }, (_, c) => ((Array.isArray(options.bold) ? options.bold[c] : options.bold) ? 'bold' : 'normal')));
  };
  const heading = (text: string): void => row([text.toUpperCase()], { colours: Array(width).fill(HEADING), bold: true });
  const level = (l: Severity | null): string | null => (l ? SEVERITY_COLOURS[l] : null);

  row([t('reportTitle')], { bold: true });
  row([t('reportOffice')]);
  row([fillBoth(message('history', 'reportAsOf'), (n) => ({ date: date(report.asOf), count: String(report.coopCount), time: report.checkedAt })[n]).id]);
  row([]);
  heading(t('reportChecks'));
  for (const c of report.checks) {
    row([c.title.id, ...c.counts.map((x) => `${x.label.id}: ${x.count}`)], { colours: [null, ...c.counts.map((x) => (x.count > 0 ? level(x.level) : null))], bold: [true] });
  }
  row([]);
  heading(`${t('reportRatTrend')} · ${t('reportCoverage')}`);
  const none = message('ui', 'none').id;
  row([t('reportRatTrend'), `${formatNumber(report.rat.percent, 'id', 1)}%`, fill(t('reportRatDetail'), (n) => ({ held: String(report.rat.held), count: String(report.coopCount) })[n]), '', trendText(report.rat.trend, 'id') ?? ''], { bold: [true, true] });
  row([t('reportCoverage'), `${formatNumber(report.coverage.percent, 'id', 1)}%`, fill(t('reportCoverageDetail'), (n) => ({ covered: String(report.coverage.covered), count: String(report.coopCount), over: report.coverage.over.join(', ') || none, under: report.coverage.under.join(', ') || none, needed: String(report.coverage.needed) })[n]), '', trendText(report.coverage.trend, 'id') ?? ''], { bold: [true, true] });
  row([]);
  heading(t('reportAttention'));
  row([message('ui', 'resultsColumnId').id, message('ui', 'resultsColumnName').id, ...CHECK_IDS.map((c) => message('check', c).id), t('reportReason')], { bold: true });
  for (const line of report.attention) {
    row([line.coopId, shortName(line.name), ...line.checks.map((c) => c.label.id), line.reason?.id ?? ''], { colours: [null, null, ...line.checks.map((c) => level(c.level))] });
  }
  if (report.attention.length === 0) row([t('reportNone')]);
  row([]);
  const ch = report.changes;
  heading(fill(t('reportChanges'), () => (ch.since ? date(ch.since) : '–')));
  row([ch.since ? fill(t('reportChangesCount'), (n) => ({ improved: String(ch.improved), worsened: String(ch.worsened), same: String(ch.unchanged) })[n]) : t('reportNoPrevious')], { bold: true });
  const changed = ch.coops.filter((c) => c.kind === 'worsened' || c.kind === 'improved').sort((a, b) => (a.kind === b.kind ? a.coopId.localeCompare(b.coopId) : a.kind === 'worsened' ? -1 : 1));
  for (const c of changed.slice(0, REPORT_CHANGE_LINES)) row([c.coopId, shortName(c.name), c.text.id], { colours: [null, null, SEVERITY_COLOURS[c.kind === 'worsened' ? 'bad' : 'ok']] });
  if (changed.length > REPORT_CHANGE_LINES) row([fill(t('reportMoreChanges'), () => String(changed.length - REPORT_CHANGE_LINES))]);
  for (const line of registerChanges(ch)) row([line.id]);
  row([]);
  heading(fill(t('reportDeadlines'), () => String(report.deadlines.days)));
  for (const d of report.deadlines.items) row([date(d.date), d.coopId ?? d.mentorId ?? '', d.text.id], { colours: [d.soon ? SEVERITY_COLOURS.warn : null] });
  if (report.deadlines.items.length === 0) row([fill(t('deadlineNone'), () => String(report.deadlines.days))]);
  const overdue = overdueFollowUpsText(report.deadlines.overdueFollowUps);
  if (overdue) row([overdue.id], { colours: [SEVERITY_COLOURS.warn] });
  row([]);
  heading(t('reportRules'));
  row([fill(t('reportRulesVersion'), () => report.rulesVersion)]);
  for (const p of report.parameters) row([p.key, p.value, p.note.id]);
  return { values, backgrounds, fontWeights, columnWidths: [120, 190, ...CHECK_IDS.map(() => 120), 330] };
}

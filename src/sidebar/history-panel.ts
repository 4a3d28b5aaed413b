/**
 * Ringkasan, continued: what changed since the previous check day (improved
 * and worsened co-ops, with ↑/↓ and the reason), small charts of the RAT
 * indicator, mentor coverage and each check's co-ops per colour over the
 * recorded check-alls (drawn here as SVG, nothing fetched), and the deadlines
 * of the coming days. Appended below the dashboard; texts as textContent,
 * charts as SVG made from numbers.
 */
import { LEVEL_FILL, percentLineSvg, stackedColumnsSvg } from '../core/report/svg-charts';
import type { CheckAllOutcome, SidebarHistory } from '../shared/sidebar-api';
import { el, formatNumber, pick, t } from './dom';

const DEADLINE_LINES = 8;
const h = (key: string, values: Record<string, string | number> = {}): string => t(key, values, 'history');
const date = (iso: string): string => iso.split('-').reverse().join('/');

/** IDs such as KKMP-BPP-03 or PD-01: kept on one line (a browser breaks a line after a hyphen, "PD-" / "01"). */
const ID_PATTERN = /([A-Z]{2,}(?:-[A-Z0-9]+)+)/;

/** Text with every ID in it as an unbreakable span. */
function keepingIds(text: string): Array<string | HTMLElement> {
  return text.split(ID_PATTERN).map((part, i) => (i % 2 === 1 ? el('span', { class: 'nowrap' }, part) : part));
}

/** An SVG chart (built from numbers, every text escaped) as a node: parsed as SVG, never as HTML. */
function picture(svg: string, label: string): Element {
  const chart = document.importNode(new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement, true);
  chart.setAttribute('class', 'trend-chart');
  chart.setAttribute('aria-label', label);
  return chart;
}

/**
 * The history section (id `history`), appended to `root`, or put in place of
 * the one already there. `null`: still loading (the sidebar asks for the
 * history after its first screen), shown as such.
 */
export function renderHistory(root: HTMLElement, history: SidebarHistory | null): void {
  const section = el('section', { class: 'history', id: 'history', tabindex: '-1', 'aria-busy': history ? 'false' : 'true' });
  const existing = root.querySelector('#history');
  const place = (): void => {
    if (existing) existing.replaceWith(section);
    else root.append(section);
  };
  if (!history) {
    section.append(el('p', { class: 'muted' }, t('loading')));
    place();
    return;
  }

  section.append(el('h2', {}, history.since ? h('sinceLast', { date: date(history.since) }) : h('changeFirst')));
  if (history.since) {
    section.append(el('div', { class: 'kpis' },
      el('div', { class: 'kpi' }, el('span', { class: 'kpi-value up', id: 'improved-count' }, String(history.improved)), el('span', { class: 'kpi-label' }, h('improved'))),
      el('div', { class: 'kpi' }, el('span', { class: 'kpi-value down', id: 'worsened-count' }, String(history.worsened)), el('span', { class: 'kpi-label' }, h('worsened')))));
    const list = el('ul', { class: 'changes', id: 'changes' });
    for (const change of history.changes) list.append(el('li', { class: change.kind }, el('b', {}, change.coopId), ' ', pick(change.text)));
    if (history.changes.length > 0) section.append(list);
    if (history.moreChanges > 0) section.append(el('p', { class: 'muted' }, h('moreChanges', { count: history.moreChanges })));
  }

  if (history.trend.length > 1) {
    const first = history.trend[0]!;
    // One heading over every chart below (the two lines and one chart per check), with the dates they span.
    section.append(el('h2', {}, h('sidebarTrends')), el('p', { class: 'muted' }, `${date(first.checkedOn)} – ${date(history.trend[history.trend.length - 1]!.checkedOn)}`));
    const format = (v: number): string => formatNumber(v, 1);
    section.append(
      el('h3', {}, h('trendRat')),
      picture(percentLineSvg(history.trend.map((p) => ({ date: p.checkedOn, value: p.ratIndicatorPercent })), { width: 270, height: 64, colour: '#1a73e8', label: h('reportRatTrend'), format }), h('reportRatTrend')),
      el('h3', {}, h('trendCoverage')),
      picture(percentLineSvg(history.trend.map((p) => ({ date: p.checkedOn, value: p.coveragePercent })), { width: 270, height: 64, colour: '#188038', label: h('reportCoverage'), format }), h('reportCoverage')),
    );
    // Every check the history records, in the order the server sends them (a fifth check appears by itself).
    for (const check of Object.keys(history.trend[history.trend.length - 1]!.levelCounts) as Array<keyof typeof first.levelCounts>) {
      const columns = history.trend.map((p) => (['ok', 'warn', 'bad'] as const).map((level) => ({ level, count: p.levelCounts[check]?.[level] ?? 0 })));
      section.append(el('h3', {}, h('trendCheckCoops', { check: t(check, {}, 'check') })), picture(stackedColumnsSvg(columns, { width: 270, height: 34, label: t(check, {}, 'check') }), t(check, {}, 'check')));
    }
    section.append(el('p', { class: 'muted legend-line' }, ...(['ok', 'warn', 'bad'] as const).map((level) => {
      const dot = el('span', { class: `dot ${level}`, 'aria-hidden': 'true' });
      dot.style.background = LEVEL_FILL[level];
      return el('span', {}, dot, ` ${h(level === 'ok' ? 'levelOk' : level === 'warn' ? 'levelWarn' : 'levelBad')} `);
    })));
  }

  section.append(el('h2', {}, h('reportDeadlines', { days: history.deadlineDays })));
  if (history.deadlines.length === 0) section.append(el('p', { class: 'muted' }, h('deadlineNone', { days: history.deadlineDays })));
  else {
    const list = el('ol', { class: 'deadlines', id: 'deadlines' });
    for (const d of history.deadlines.slice(0, DEADLINE_LINES)) {
      list.append(el('li', { class: d.soon ? 'soon' : '' }, el('b', {}, date(d.date)), ' · ', ...keepingIds(`${d.coopId ?? d.mentorId ?? ''} · ${pick(d.text)}`)));
    }
    section.append(list);
    if (history.deadlines.length > DEADLINE_LINES) section.append(el('p', { class: 'muted' }, h('reportMoreDeadlines', { count: history.deadlines.length - DEADLINE_LINES })));
  }
  place();
}

/** What the history did after "Periksa semua", for the outcome line: rows appended, changes, anything not recorded. */
export function historyOutcomeText(history: CheckAllOutcome['history']): string {
  if (!history) return '';
  // "0 baris ditambahkan" reads as a failure: say why nothing was added (the same statuses were already recorded today).
  const parts = [history.appended === 0 && history.problems.length === 0 ? h('outcomeNothingNew') : h('outcomeAppended', { rows: history.appended })];
  if (history.since) parts.push(h('outcomeChanges', { date: date(history.since), improved: history.improved, worsened: history.worsened }));
  return [...parts, ...history.problems.map(pick)].join(' ');
}

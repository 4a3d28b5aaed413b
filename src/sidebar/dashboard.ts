/**
 * Ringkasan: per check the count per status as a small bar chart, the RAT
 * indicator, mentor coverage, the co-ops needing attention (worst first, each
 * opening its row), the time of the last full check (and of one in progress
 * or left unfinished) and a "Periksa semua" button with progress and outcome.
 */
import type { SidebarData } from '../shared/sidebar-api';
import type { Severity } from '../shared/types';
import { el, formatNumber, pick, t } from './dom';

const CHECK_ORDER = ['legal', 'rat', 'mentor', 'savingsLoans'] as const;

export interface DashboardActions {
  checkAll(): void;
  open(coopId: string): void;
}

function chart(data: SidebarData, check: (typeof CHECK_ORDER)[number]): HTMLElement {
  // The bar shows severities (green, amber, red); the legend counts statuses, coloured by their most common severity.
  const bySeverity = new Map<Severity, number>();
  const byStatus = new Map<string, { label: string; count: number; severities: Map<Severity, number> }>();
  for (const result of data.results) {
    const outcome = result.checks[check];
    bySeverity.set(outcome.severity, (bySeverity.get(outcome.severity) ?? 0) + 1);
    const group = byStatus.get(outcome.status) ?? { label: pick(outcome.label), count: 0, severities: new Map<Severity, number>() };
    group.count += 1;
    group.severities.set(outcome.severity, (group.severities.get(outcome.severity) ?? 0) + 1);
    byStatus.set(outcome.status, group);
  }
  const total = data.results.length || 1;
  const order: Severity[] = ['ok', 'warn', 'bad'];
  const main = (g: { severities: Map<Severity, number> }): Severity => Array.from(g.severities.entries()).sort((a, b) => b[1] - a[1])[0]![0];
  const groups = Array.from(byStatus.values()).sort((a, b) => order.indexOf(main(a)) - order.indexOf(main(b)) || b.count - a.count);
  const bar = el('div', { class: 'bar', role: 'img', 'aria-label': groups.map((g) => `${g.label} ${g.count}`).join(', ') });
  for (const severity of order) {
    const count = bySeverity.get(severity) ?? 0;
    if (count === 0) continue;
    const segment = el('span', { class: `seg ${severity}` });
    segment.style.width = `${(count / total) * 100}%`;
    bar.append(segment);
  }
  const legend = el('ul', { class: 'legend' }, ...groups.map((g) => el('li', {}, el('span', { class: `dot ${main(g)}`, 'aria-hidden': 'true' }), `${g.label} `, el('b', {}, String(g.count)))));
  return el('section', { class: 'card', 'data-check': check }, el('h3', {}, t(check, {}, 'check')), bar, legend);
}

export function renderDashboard(root: HTMLElement, data: SidebarData, busy: { checking: boolean; outcome: string }, actions: DashboardActions): void {
  const s = data.summary;
  const checkButton = el('button', { type: 'button', class: 'primary', id: 'check-all' }, t('checkAllButton'));
  if (busy.checking) checkButton.setAttribute('disabled', 'true');
  checkButton.addEventListener('click', () => actions.checkAll());
  const progress = busy.checking ? el('div', { class: 'progress', role: 'progressbar', 'aria-label': t('checking') }, el('span', {})) : null;
  const status = el('p', { class: 'muted', role: 'status', 'aria-live': 'polite', id: 'check-outcome' }, busy.checking ? t('checking') : busy.outcome);

  const kpis = el(
    'div',
    { class: 'kpis' },
    el('div', { class: 'kpi' }, el('span', { class: 'kpi-value', id: 'rat-indicator' }, `${formatNumber(s.ratIndicatorPercent, 1)}%`), el('span', { class: 'kpi-label' }, t('ratIndicatorShort'))),
    el('div', { class: 'kpi' }, el('span', { class: 'kpi-value', id: 'coverage' }, `${s.coveredCount}/${s.coopCount}`), el('span', { class: 'kpi-label' }, t('coverageShort'))),
  );
  const mentors = el(
    'ul',
    { class: 'facts' },
    el('li', {}, `${t('mentorsOver')}: `, el('b', {}, s.mentorsOverLoad.join(', ') || t('none'))),
    el('li', {}, `${t('mentorsUnder')}: `, el('b', {}, s.mentorsUnderLoad.join(', ') || t('none'))),
    el('li', {}, `${t('mentorsNeeded')}: `, el('b', {}, String(s.mentorsNeeded))),
  );

  const list = el('ol', { class: 'attention', id: 'attention' });
  for (const item of data.attention) {
    const open = el('button', { type: 'button', class: 'link', 'aria-label': `${t('open')} ${item.coopId}` }, t('open'));
    open.addEventListener('click', () => actions.open(item.coopId));
    const chips = el('div', { class: 'chips' }, ...item.checks.filter((c) => c.severity !== 'ok').map((c) => el('span', { class: `chip ${c.severity}` }, pick(c.label))));
    list.append(el('li', {}, el('div', { class: 'row' }, el('span', { class: 'coop' }, el('b', {}, item.coopId), ' ', item.name ?? ''), open), chips));
  }

  const pending = data.pendingCheck;
  const pendingLine = pending
    ? el('p', { class: 'muted', id: 'pending-check' }, t(pending.abandoned ? 'pendingAbandoned' : 'pendingRunning', { done: formatNumber(pending.done), total: formatNumber(pending.total), time: pending.startedAt }))
    : null;

  root.replaceChildren(
    el('div', { class: 'toolbar' }, el('p', { class: 'muted', id: 'last-check' }, data.lastCheck ? t('lastCheck', { time: data.lastCheck }) : t('neverChecked')), checkButton),
    ...(pendingLine ? [pendingLine] : []),
    ...(progress ? [progress] : []),
    status,
    el('p', { class: 'muted' }, t('statusAsOf', { date: data.asOf.split('-').reverse().join('/') }), data.problemCount > 0 ? ` · ${t('problemsCount', { count: data.problemCount })}` : ''),
    kpis,
    mentors,
    ...CHECK_ORDER.map((check) => chart(data, check)),
    el('h2', {}, t('attention', { count: data.attention.length })),
    data.attention.length > 0 ? list : el('p', { class: 'muted' }, t('allFine')),
  );
}

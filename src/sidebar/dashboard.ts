/**
 * Ringkasan: the tiles (RAT indicator, co-ops with an active mentor, new
 * mentors needed), per check a bar whose legend names the same groups in the
 * same colours, and the co-ops needing attention — most urgent first, each
 * with its one or two most important reasons and the next step, 20 at a time
 * ("lihat semua"), filtered by kecamatan, check and status, mentor, and
 * searched by ID or name; the time of the last full check (and of one in
 * progress or left unfinished). Generic over the checks the server sends.
 */
import type { AttentionQuery } from '../core/attention';
import type { AttentionItem, AttentionPage, SidebarData } from '../shared/sidebar-api';
import { el, formatNumber, isoToDisplay, pick, t } from './dom';

export interface DashboardActions {
  checkAll(): void;
  open(coopId: string): void;
  query(query: AttentionQuery): void;
  refresh(): void;
}

export interface DashboardState {
  checking: boolean;
  outcome: string;
  /** The list as last asked for (filters, search, how many shown). */
  page: AttentionPage;
}

function legendCard(data: SidebarData, index: number): HTMLElement {
  const legend = data.legend[index] as SidebarData['legend'][number];
  const total = legend.counts.reduce((n, c) => n + c.count, 0) || 1;
  const label = (c: (typeof legend.counts)[number]): string => `${pick(c.label)} ${c.count}`;
  // One segment per legend entry, in the legend's order and colour: the picture says what the words say.
  const bar = el('div', { class: 'bar', role: 'img', 'aria-label': `${pick(legend.title)}: ${legend.counts.map(label).join(', ')}` });
  for (const c of legend.counts) {
    const segment = el('span', { class: `seg ${c.severity}`, title: label(c) });
    segment.style.width = `${(c.count / total) * 100}%`;
    bar.append(segment);
  }
  const items = legend.counts.map((c) => el('li', {}, el('span', { class: `dot ${c.severity}`, 'aria-hidden': 'true' }), `${pick(c.label)} `, el('b', {}, String(c.count))));
  return el('section', { class: 'card', 'data-check': legend.check, 'aria-labelledby': `legend-${legend.check}` }, el('h2', { id: `legend-${legend.check}` }, pick(legend.title)), bar, el('ul', { class: 'legend' }, ...items));
}

/**
 * "Aturan/parameter buku kerja berbeda dari bawaan": what the workbook
 * changes, and how many co-ops change status because of it (the list on
 * demand, in a <details>). Nothing when all rules and parameters are bundled.
 */
function rulesNotice(data: SidebarData): HTMLElement[] {
  const change = data.rulesChange;
  if (!change || change.notices.length === 0) return [];
  const list = el('ul', { class: 'facts' }, ...change.changes.map((c) => el('li', {}, `${c.coopId} ${t(c.check, {}, 'check')}: ${t(c.bundled, {}, 'status')} → ${t(c.workbook, {}, 'status')}`)));
  return [
    el(
      'section',
      { class: 'card notice', id: 'rules-notice', role: 'note' },
      el('h2', {}, t('rulesDiffer')),
      el('ul', { class: 'facts' }, ...change.notices.map((n) => el('li', {}, pick(n)))),
      el('details', {}, el('summary', {}, t('statusChangesCount', { count: change.changedCount })), list),
    ),
  ];
}

function dueText(item: { due: string | null }, asOf: string): string {
  if (item.due === null) return '';
  return item.due < asOf ? t('overdueSince', { date: isoToDisplay(item.due) }) : t('dueBy', { date: isoToDisplay(item.due) });
}

export function attentionItem(item: AttentionItem, asOf: string, open: (id: string) => void): HTMLElement {
  const button = el('button', { type: 'button', class: 'link open', 'aria-label': `${t('open')} ${item.coopId}` }, t('open'));
  button.addEventListener('click', () => open(item.coopId));
  // Each chip names its check: savings and loans and bank financing share the words BELUM SIAP.
  const chips = el('div', { class: 'chips' }, ...item.checks.filter((c) => c.severity !== 'ok').map((c) => el('span', { class: `chip ${c.severity}`, 'data-check': c.check }, el('span', { class: 'chip-check' }, `${t(c.check, {}, 'check')}: `), pick(c.label))));
  const reasons = el(
    'ul',
    { class: 'reasons' },
    ...item.reasons.map((r) =>
      el(
        'li',
        { class: r.severity },
        el('span', { class: 'why' }, pick(r.text)),
        r.next ? el('span', { class: 'next' }, el('b', {}, `${t('nextStep')}: `), pick(r.next), r.due && r.due >= asOf ? ` (${t('dueBy', { date: isoToDisplay(r.due) })})` : '') : null,
      ),
    ),
  );
  const place = [item.kelurahan, item.kecamatan].filter((x) => x).join(', ');
  return el(
    'li',
    { class: item.urgent ? 'urgent' : '', 'data-coop': item.coopId },
    el('div', { class: 'row' }, el('span', { class: 'coop' }, el('b', {}, item.coopId), ' ', item.name ?? ''), button),
    place || item.due ? el('p', { class: 'muted place' }, place, place && item.due ? ' · ' : '', item.due ? el('span', { class: item.due < asOf ? 'overdue' : '' }, dueText(item, asOf)) : '') : null,
    chips,
    reasons,
  );
}

function filters(data: SidebarData, query: AttentionQuery, actions: DashboardActions): HTMLElement {
  const select = (id: string, label: string, options: Array<[string, string]>, value: string): HTMLSelectElement => {
    const node = el('select', { id, name: id }, el('option', { value: '' }, t('filterAll')), ...options.map(([v, l]) => el('option', { value: v }, l)));
    node.value = value;
    return node;
  };
  const kecamatan = select('filter-kecamatan', 'filterKecamatan', data.kecamatan.map((k) => [k, k]), query.kecamatan ?? '');
  const statusOptions: Array<[string, string]> = data.legend.flatMap((l) => l.counts.map((c): [string, string] => [`${l.check}:${c.key}`, `${pick(l.title)}: ${pick(c.label)} (${c.count})`]));
  const status = select('filter-status', 'filterStatus', statusOptions, query.check ? `${query.check}:${query.status ?? ''}` : '');
  const mentor = select('filter-mentor', 'filterMentor', [['-', t('filterNoMentor')], ...data.mentors.map((m): [string, string] => [m.id, `${m.id} — ${m.name ?? ''}`])], query.mentor ?? '');
  const search = el('input', { type: 'search', id: 'filter-search', name: 'filter-search', autocomplete: 'off', placeholder: t('search') });
  search.value = query.search ?? '';
  const current = (): AttentionQuery => {
    const [check = '', code = ''] = status.value.split(':');
    return { kecamatan: kecamatan.value, check, status: code, mentor: mentor.value, search: search.value.trim(), offset: 0 };
  };
  for (const node of [kecamatan, status, mentor]) node.addEventListener('change', () => actions.query(current()));
  let timer: number | undefined;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => actions.query(current()), 300);
  });
  const field = (node: HTMLElement, key: string): HTMLElement => el('div', { class: 'field' }, el('label', { for: node.id }, t(key)), node);
  const active = Boolean(query.kecamatan || query.check || query.mentor || query.search);
  const clear = el('button', { type: 'button', class: 'link', id: 'clear-filters' }, t('clearFilters'));
  clear.addEventListener('click', () => actions.query({}));
  return el(
    'details',
    { class: 'filters', ...(active ? { open: 'true' } : {}) },
    el('summary', {}, t('filters')),
    field(search, 'search'),
    // One per line: side by side, 300 px cut "Balikpapan Selatan" and the mentors' names short.
    field(kecamatan, 'filterKecamatan'),
    field(mentor, 'filterMentor'),
    field(status, 'filterStatus'),
    active ? clear : null,
  );
}

export function renderDashboard(root: HTMLElement, data: SidebarData, state: DashboardState, actions: DashboardActions): void {
  const s = data.summary;
  const checkButton = el('button', { type: 'button', class: 'primary', id: 'check-all' }, t('checkAllButton'));
  if (state.checking) checkButton.setAttribute('disabled', 'true');
  checkButton.addEventListener('click', () => actions.checkAll());
  const refresh = el('button', { type: 'button', class: 'secondary', id: 'refresh' }, t('refresh'));
  refresh.addEventListener('click', () => actions.refresh());
  const progress = state.checking ? el('div', { class: 'progress', role: 'progressbar', 'aria-label': t('checking') }, el('span', {})) : null;
  const outcome = el('p', { class: 'muted', role: 'status', 'aria-live': 'polite', id: 'check-outcome' }, state.checking ? t('checking') : state.outcome);

  const kpi = (id: string, value: string, label: string): HTMLElement => el('div', { class: 'kpi' }, el('span', { class: 'kpi-value', id }, value), el('span', { class: 'kpi-label' }, label));
  const kpis = el(
    'div',
    { class: 'kpis' },
    kpi('rat-indicator', `${formatNumber(s.ratIndicatorPercent, 1)}%`, t('ratIndicatorShort')),
    kpi('coverage', `${s.coveredCount}/${s.coopCount}`, t('coverageShort')),
    kpi('mentors-needed', String(s.mentorsNeeded), t('mentorsNeededShort')),
  );
  const mentors = el(
    'ul',
    { class: 'facts' },
    el('li', {}, `${t('mentorsOver')}: `, el('b', {}, s.mentorsOverLoad.join(', ') || t('none'))),
    el('li', {}, `${t('mentorsUnder')}: `, el('b', {}, s.mentorsUnderLoad.join(', ') || t('none'))),
  );

  const page = state.page;
  const list = el('ol', { class: 'attention', id: 'attention', 'aria-labelledby': 'attention-title' }, ...page.items.map((item) => attentionItem(item, data.asOf, actions.open)));
  const shown = page.offset + page.items.length;
  const more = page.total > shown ? el('button', { type: 'button', class: 'secondary', id: 'show-more' }, shown <= 20 && page.offset === 0 ? t('showAll', { count: page.total }) : t('showMore', { count: Math.min(100, page.total - shown) })) : null;
  more?.addEventListener('click', () => actions.query({ ...page.query, offset: 0, limit: Math.min(500, shown + 100) }));
  const filtered = Boolean(page.query.kecamatan || page.query.check || page.query.mentor || page.query.search);

  const pending = data.pendingCheck;
  const pendingLine = pending
    ? el('p', { class: 'muted', id: 'pending-check' }, t(pending.abandoned ? 'pendingAbandoned' : 'pendingRunning', { done: formatNumber(pending.done), total: formatNumber(pending.total), time: pending.startedAt }))
    : null;

  root.replaceChildren(
    el('div', { class: 'toolbar' }, el('p', { class: 'muted', id: 'last-check' }, data.lastCheck ? t('lastCheck', { time: data.lastCheck }) : t('neverChecked')), el('div', { class: 'buttons' }, refresh, checkButton)),
    ...(pendingLine ? [pendingLine] : []),
    ...(progress ? [progress] : []),
    outcome,
    el('p', { class: 'muted' }, t('statusAsOf', { date: isoToDisplay(data.asOf) }), data.problemCount > 0 ? ` · ${t('problemsCount', { count: data.problemCount })}` : ''),
    kpis,
    mentors,
    ...rulesNotice(data),
    ...data.legend.map((_, i) => legendCard(data, i)),
    el('h2', { id: 'attention-title', tabindex: '-1' }, t('attention', { count: filtered ? page.total : data.attentionCount })),
    el('p', { class: 'muted' }, t('attentionOrder')),
    filters(data, page.query, actions),
    el('p', { class: 'muted', id: 'shown-count', role: 'status', 'aria-live': 'polite' }, t('shownOf', { shown, count: page.total })),
    page.items.length > 0 ? list : el('p', { class: 'muted', id: 'attention-empty' }, filtered ? t('noMatch') : t('allFine')),
    ...(more ? [more] : []),
  );
}

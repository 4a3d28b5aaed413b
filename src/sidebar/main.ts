/**
 * The sidebar: tabs for the dashboard (Ringkasan) and the four forms, in the
 * user's language (remembered on the server). It talks to the server only
 * through the typed wrapper in ./server.ts. After every save the server's
 * refreshed data redraws the dashboard and the lists, and every form keeps
 * what was typed in it.
 */
import type { FieldError, FormKind, FormSubmission, FormValues } from '../shared/forms';
import type { SidebarData } from '../shared/sidebar-api';
import type { CoopRecord, CoopResult, Lang } from '../shared/types';
import { renderDashboard } from './dashboard';
import { historyOutcomeText, renderHistory } from './history-panel';
import { byId, el, lang, pick, setLang, t } from './dom';
import { buildForm, checkLocally, setStatus, type FormHandle } from './forms';
import { callServer } from './server';
import { leaveMentorView, renderMentorView } from './mentor-view';

type Tab = 'dashboard' | FormKind | 'visits';
const TABS: ReadonlyArray<[Tab, string]> = [
  ['dashboard', 'tabDashboard'],
  ['coop', 'tabCoop'],
  ['rat', 'tabRat'],
  ['mentor', 'tabMentor'],
  ['checklist', 'tabChecklist'],
  ['visits', 'tabVisits'],
];

let data: SidebarData | null = null;
let tab: Tab = 'dashboard';
const busy = { checking: false, outcome: '' };
const handles = new Map<FormKind, FormHandle>();
/** What each form holds (typed values, the record chosen), kept across redraws. */
const kept = new Map<FormKind, { values: FormValues; editing: string | null; assigned?: string[] }>();

function showError(error: unknown): void {
  byId('status').textContent = t('serverError', { detail: error instanceof Error ? error.message : String(error) });
}

function renderChrome(): void {
  byId('title').textContent = t('sidebarTitle');
  byId('subtitle').textContent = t('sidebarSubtitle');
  byId('lang-label').textContent = t('language');
  document.querySelectorAll<HTMLButtonElement>('.lang button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang())));
  const nav = byId('tabs');
  nav.replaceChildren(
    ...TABS.map(([id, key]) => {
      const button = el('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': 'panel', 'aria-selected': String(id === tab) }, t(key, {}, id === 'visits' ? 'mentoring' : 'ui'));
      button.addEventListener('click', () => selectTab(id));
      button.addEventListener('keydown', (event) => {
        const i = TABS.findIndex(([x]) => x === id);
        const next = event.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : event.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
        if (next) {
          selectTab(next[0]);
          byId(`tab-${next[0]}`).focus();
        }
      });
      return button;
    }),
  );
}

function selectTab(next: Tab): void {
  keepForms();
  tab = next;
  renderChrome();
  renderPanel();
}

function keepForms(): void {
  if (tab === 'visits') leaveMentorView();
  for (const [kind, handle] of handles) {
    const previous = kept.get(kind);
    kept.set(kind, { editing: previous?.editing ?? null, values: handle.values(), assigned: assignedNow(kind) ?? previous?.assigned });
  }
}

function assignedNow(kind: FormKind): string[] | undefined {
  if (kind !== 'mentor') return undefined;
  return Array.from(document.querySelectorAll<HTMLInputElement>('#assigned input:checked'), (input) => input.value);
}

function renderPanel(): void {
  const panel = byId('panel');
  panel.setAttribute('aria-labelledby', `tab-${tab}`);
  handles.clear();
  if (!data) return;
  if (tab === 'dashboard') {
    renderDashboard(panel, data, busy, { checkAll, open: (id) => void callServer('openCoopFor', id).catch(showError) });
    renderHistory(panel, data);
    return;
  }
  if (tab === 'visits') {
    renderMentorView();
    return;
  }
  panel.replaceChildren(formPanel(tab, data));
}

function coopLabel(coop: CoopRecord): string {
  return `${coop.id} — ${coop.name ?? ''}`;
}

function picker(id: string, newKey: string, chooseKey: string, entries: Array<[string, string]>, current: string | null, onChange: (value: string | null) => void): HTMLElement {
  const select = el('select', { id }, ...(newKey ? [el('option', { value: '' }, t(newKey))] : [el('option', { value: '' }, t('select'))]), ...entries.map(([value, label]) => el('option', { value }, label)));
  select.value = current ?? '';
  select.addEventListener('change', () => onChange(select.value === '' ? null : select.value));
  return el('div', { class: 'field picker' }, el('label', { for: id }, t(chooseKey)), select);
}

function statusChips(result: CoopResult | undefined): HTMLElement | null {
  if (!result) return null;
  return el(
    'div',
    { class: 'statuses', id: 'statuses-now' },
    el('h3', {}, t('statusesNow')),
    el('div', { class: 'chips' }, ...(['legal', 'rat', 'mentor', 'savingsLoans'] as const).map((c) => el('span', { class: `chip ${result.checks[c].severity}` }, `${t(c, {}, 'check')}: ${pick(result.checks[c].label)}`))),
  );
}

function resultOf(id: string | null): CoopResult | undefined {
  return id === null ? undefined : data?.results.find((r) => r.coopId.toUpperCase() === id.toUpperCase());
}

function formPanel(kind: FormKind, current: SidebarData): HTMLElement {
  const state = kept.get(kind) ?? { editing: null, values: {} };
  const container = el('div', { class: 'form-panel' });
  let handle: FormHandle;
  const submit = (values: FormValues): void => save(kind, handle, values);
  const live = kind === 'checklist' ? () => scheduleReadiness(handle) : kind === 'mentor' ? () => updateLoad() : undefined;
  handle = buildForm(kind, current, submit, live);
  handles.set(kind, handle);
  const coops = current.workbook.coops;
  const choose = (editing: string | null): void => {
    kept.set(kind, { editing, values: {}, assigned: undefined });
    renderPanel();
  };
  if (kind === 'coop') {
    container.append(picker('coop-picker', 'newCoop', 'chooseCoop', coops.map((c) => [c.id, coopLabel(c)]), state.editing, choose));
  } else if (kind === 'mentor') {
    const loads = current.context.mentorLoads;
    container.append(picker('mentor-picker', 'newMentor', 'chooseMentor', current.workbook.mentors.map((m) => [m.id, `${m.id} — ${m.name ?? ''} (${loads[m.id.toUpperCase()] ?? 0})`]), state.editing, choose));
  } else if (kind === 'checklist') {
    container.append(picker('checklist-picker', '', 'chooseCoop', coops.map((c) => [c.id, coopLabel(c)]), state.editing, choose));
  }
  const record = kind === 'mentor' ? current.workbook.mentors.find((m) => m.id === state.editing) ?? null : coops.find((c) => c.id === state.editing) ?? null;
  handle.fill(record as unknown as Record<string, unknown> | null);
  for (const [field, value] of Object.entries(state.values)) {
    const input = handle.form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${field}"]`);
    if (!input) continue;
    if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
    else input.value = String(value);
  }
  if (kind === 'checklist' && state.editing === null) handle.form.setAttribute('hidden', 'true');
  // The mentor's assignments belong to the form: they come before its Save button.
  if (kind === 'mentor') handle.form.insertBefore(assignmentList(current, state), handle.form.querySelector('.actions'));
  container.append(handle.form);
  if (kind === 'checklist' && state.editing !== null) container.append(el('div', { class: 'readiness', id: 'readiness', role: 'status', 'aria-live': 'polite' }));
  if (kind === 'coop' || kind === 'checklist') {
    const chips = statusChips(resultOf(state.editing));
    if (chips) container.append(chips);
  }
  if (kind === 'mentor') queueMicrotask(updateLoad);
  if (kind === 'checklist' && state.editing !== null) queueMicrotask(() => scheduleReadiness(handle));
  return container;
}

function assignmentList(current: SidebarData, state: { editing: string | null; assigned?: string[] }): HTMLElement {
  const mentorKey = state.editing?.toUpperCase() ?? null;
  const chosen = new Set(state.assigned ?? current.workbook.coops.filter((c) => mentorKey !== null && c.mentorId?.trim().toUpperCase() === mentorKey).map((c) => c.id));
  const list = el('fieldset', { class: 'assigned', id: 'assigned' }, el('legend', {}, t('assignedCoops')));
  for (const coop of current.workbook.coops) {
    const id = `assign-${coop.id}`;
    const box = el('input', { type: 'checkbox', id, value: coop.id });
    box.checked = chosen.has(coop.id);
    box.addEventListener('change', updateLoad);
    const now = coop.mentorId ? ` (${t('currentMentor', { mentor: coop.mentorId })})` : '';
    list.append(el('div', { class: 'field check' }, box, el('label', { for: id }, `${coop.id} ${coop.name?.replace(/^Koperasi Kelurahan Merah Putih /, '') ?? ''}${now}`)));
  }
  return el('div', {}, el('p', { class: 'load', id: 'load-counter', role: 'status', 'aria-live': 'polite' }), el('p', { class: 'error', id: 'mentor-assigned-error', 'aria-live': 'polite' }), list);
}

function updateLoad(): void {
  const counter = document.getElementById('load-counter');
  if (!counter || !data) return;
  const load = document.querySelectorAll('#assigned input:checked').length;
  counter.textContent = t('loadCounter', { load, max: data.context.mentorMaxLoad });
  counter.classList.toggle('over', load > data.context.mentorMaxLoad);
}

let readinessTimer: number | undefined;
function scheduleReadiness(handle: FormHandle): void {
  window.clearTimeout(readinessTimer);
  readinessTimer = window.setTimeout(() => showReadiness(handle), 250);
}

function showReadiness(handle: FormHandle): void {
  const target = document.getElementById('readiness');
  const editing = kept.get('checklist')?.editing ?? null;
  const record = data?.workbook.coops.find((c) => c.id === editing);
  if (!target || !data || !record) return;
  const local = checkLocally({ kind: 'checklist', editing, values: handle.values() }, data);
  handle.showErrors(local.errors);
  if (local.errors.length > 0) return;
  const edited: CoopRecord = { ...record, ...(local.values as Partial<CoopRecord>) };
  callServer('previewChecks', {
    asOf: data.asOf,
    coops: [edited],
    meetings: data.workbook.meetings,
    mentors: data.workbook.mentors,
    cityMentorIds: data.workbook.coops.map((c) => c.mentorId),
  }).then((run) => {
    const result = run.results[0]?.checks.savingsLoans;
    if (!result) return;
    target.replaceChildren(
      el('p', { class: `readiness-line ${result.severity}` }, t('readiness', { met: result.itemsMet, total: result.itemsTotal, status: pick(result.label) })),
      ...(result.reasons.length > 0 ? [el('h3', {}, t('missingItems')), el('ul', {}, ...result.reasons.map((r) => el('li', {}, pick(r.text))))] : []),
    );
  }, showError);
}

function save(kind: FormKind, handle: FormHandle, values: FormValues): void {
  if (!data) return;
  const state = kept.get(kind) ?? { editing: null, values: {} };
  const submission: FormSubmission = { kind, editing: state.editing, values, ...(kind === 'mentor' ? { assigned: assignedNow('mentor') ?? [] } : {}) };
  const local = checkLocally(submission, data);
  handle.showErrors(local.errors, local.warnings);
  if (local.errors.length > 0) {
    setStatus(handle.form, t('notSaved', {}, 'form'), 'bad');
    return;
  }
  setStatus(handle.form, '', 'busy');
  callServer('saveSidebarForm', submission).then(
    (outcome) => {
      if (!outcome.ok || !outcome.refreshed) {
        handle.showErrors(outcome.errors, outcome.warnings);
        setStatus(handle.form, pick(outcome.message), 'bad');
        return;
      }
      data = outcome.refreshed;
      const savedId = kind === 'rat' ? null : kind === 'checklist' ? state.editing : String(values.id ?? '').trim() || state.editing;
      keepForms();
      kept.set(kind, { editing: savedId, values: kind === 'rat' ? {} : values, assigned: submission.assigned });
      renderPanel();
      const form = handles.get(kind)?.form;
      if (form) setStatus(form, pick(outcome.message), 'ok');
      handles.get(kind)?.showErrors([], outcome.warnings as FieldError[]);
    },
    (error) => {
      setStatus(handle.form, error instanceof Error ? error.message : String(error), 'bad');
    },
  );
}

/** "Periksa semua": a big workbook needs several executions, so the sidebar calls again until it is complete. */
function checkAll(): void {
  busy.checking = true;
  busy.outcome = '';
  renderPanel();
  const step = (): Promise<void> =>
    callServer('runCheckAll').then((outcome) => {
      if (!outcome.complete) {
        const status = document.getElementById('check-outcome');
        if (status) status.textContent = t('checkingProgress', { done: outcome.done, total: outcome.total });
        return step();
      }
      busy.outcome = `${t('checkAllDone', { count: outcome.coopCount, problems: outcome.problemCount })} ${historyOutcomeText(outcome.history)}`.trim();
      return undefined;
    });
  step()
    .then(() => callServer('getSidebarData'))
    .then(
      (fresh) => {
        busy.checking = false;
        data = fresh;
        renderPanel();
      },
      (error) => {
        busy.checking = false;
        busy.outcome = error instanceof Error ? error.message : String(error);
        renderPanel();
      },
    );
}

function start(): void {
  renderChrome();
  byId('status').textContent = t('loading');
  document.querySelectorAll<HTMLButtonElement>('.lang button').forEach((button) => {
    button.addEventListener('click', () => {
      const next: Lang = button.dataset.lang === 'en' ? 'en' : 'id';
      keepForms();
      setLang(next);
      renderChrome();
      renderPanel();
      callServer('setLanguage', next).catch(showError);
    });
  });
  callServer('getSidebarData').then((fresh) => {
    data = fresh;
    setLang(fresh.lang);
    byId('status').textContent = '';
    renderChrome();
    renderPanel();
  }, showError);
}

start();

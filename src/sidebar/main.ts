/**
 * The sidebar: tabs for the dashboard (Ringkasan) and the four forms, in the
 * user's language (remembered on the server). It talks to the server only
 * through the typed wrapper in ./server.ts. After every save the server's
 * refreshed data redraws the dashboard and the lists, and every form keeps
 * what was typed in it.
 */
import { assignmentChanges } from '../core/forms/form-shown';
import type { FieldError, FormKind, FormSubmission, FormValues, SaveAnswers, SaveOutcome } from '../shared/forms';
import type { SidebarData } from '../shared/sidebar-api';
import type { CoopRecord, CoopResult, Lang } from '../shared/types';
import { renderDashboard } from './dashboard';
import { historyOutcomeText, renderHistory } from './history-panel';
import { byId, el, lang, pick, setLang, t } from './dom';
import { buildForm, changedFields, checkLocally, clearQuestion, setStatus, showQuestion, shownRecord, type FormHandle } from './forms';
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
/** What each form holds (the fields the person changed, the record chosen), kept across redraws. */
const kept = new Map<FormKind, { values: FormValues; editing: string | null; assigned?: string[] }>();

/** The record a form edits, as loaded (a RAT is chosen by its place in the list). */
function recordOf(kind: FormKind, editing: string | null, current: SidebarData | null = data): Record<string, unknown> | null {
  if (editing === null || !current) return null;
  const found =
    kind === 'mentor' ? current.workbook.mentors.find((m) => m.id === editing) : kind === 'rat' ? current.workbook.meetings[Number(editing)] : current.workbook.coops.find((c) => c.id === editing);
  return (found as unknown as Record<string, unknown> | undefined) ?? null;
}

/** Only the fields that differ from the record: the rest follow the sheet when the data is refreshed. */
function changedValues(kind: FormKind, editing: string | null, values: FormValues): FormValues {
  const fields = changedFields(kind, recordOf(kind, editing), values);
  return Object.fromEntries(fields.map((field) => [field, values[field] as string | boolean]));
}

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
    const editing = previous?.editing ?? null;
    kept.set(kind, { editing, values: changedValues(kind, editing, handle.values()), assigned: assignedNow(kind) ?? previous?.assigned });
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
    el('div', { class: 'chips' }, ...(data?.checks ?? Object.keys(result.checks)).flatMap((c) => {
      const outcome = result.checks[c];
      return outcome ? [el('span', { class: `chip ${outcome.severity}` }, `${t(c, {}, 'check')}: ${pick(outcome.label)}`)] : [];
    })),
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
  } else if (kind === 'rat') {
    const meetings = current.workbook.meetings.map((m, i): [string, string] => [String(i), `${m.coopId} — ${m.bookYear ?? '?'} — ${m.heldOn ? m.heldOn.split('-').reverse().join('/') : '-'}`]);
    container.append(picker('rat-picker', 'newRat', 'chooseRat', meetings, state.editing, choose));
  }
  handle.fill(recordOf(kind, state.editing, current));
  for (const [field, value] of Object.entries(state.values)) {
    const input = handle.form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${field}"]`);
    if (!input) continue;
    if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
    else input.value = String(value);
  }
  if (kind === 'checklist' && state.editing === null) handle.form.setAttribute('hidden', 'true');
  if (kind === 'rat' && state.editing !== null) {
    const remove = el('button', { type: 'button', id: 'rat-remove', class: 'danger' }, t('removeRat'));
    remove.addEventListener('click', () => removeMeeting(handle));
    handle.form.querySelector('.actions')?.append(remove);
  }
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

/**
 * A save sends, for an edit, only the fields the person changed, each with
 * what the form showed; for a new record, every field. The server may ask a
 * question first (ID rename, second RAT, removal): the same save is sent
 * again with the answer. If a field changed in the sheet meanwhile, nothing is
 * saved: the form keeps what was typed, says which field changed, and takes
 * the sheet's new values for the fields the person did not touch.
 */
function save(kind: FormKind, handle: FormHandle, values: FormValues, answers?: SaveAnswers): void {
  if (!data) return;
  const state = kept.get(kind) ?? { editing: null, values: {} };
  const record = recordOf(kind, state.editing);
  const shownAll = shownRecord(kind, record);
  const changed = state.editing === null ? Object.keys(values) : changedFields(kind, record, values);
  const sent: FormValues = Object.fromEntries(changed.map((field) => [field, values[field] as string | boolean]));
  const submission: FormSubmission = { kind, editing: state.editing, values: sent, ...(answers ? { answers } : {}) };
  if (state.editing !== null) submission.shown = kind === 'rat' ? shownAll : Object.fromEntries(changed.map((field) => [field, shownAll[field] as string | boolean]));
  if (kind === 'mentor') {
    const ticked = assignedNow('mentor') ?? [];
    const mentorId = String(values.id ?? '').trim() || (state.editing ?? '');
    submission.assigned = ticked;
    submission.assignments = assignmentChanges(data.workbook.coops, state.editing, mentorId, ticked);
  }
  const local = checkLocally(submission, data);
  handle.showErrors(local.errors, local.warnings);
  if (local.errors.length > 0) {
    setStatus(handle.form, t('notSaved', {}, 'form'), 'bad');
    return;
  }
  if (state.editing !== null && changed.length === 0 && (submission.assignments ?? []).length === 0) {
    setStatus(handle.form, t('noChange', {}, 'form'), 'ok');
    return;
  }
  send(kind, handle, submission, values);
}

function removeMeeting(handle: FormHandle): void {
  const state = kept.get('rat');
  if (!data || !state || state.editing === null) return;
  send('rat', handle, { kind: 'rat', editing: state.editing, values: {}, shown: shownRecord('rat', recordOf('rat', state.editing)), remove: true }, handle.values());
}

function send(kind: FormKind, handle: FormHandle, submission: FormSubmission, typed: FormValues): void {
  const state = kept.get(kind) ?? { editing: null, values: {} };
  clearQuestion(handle.form);
  setStatus(handle.form, '', 'busy');
  callServer('saveSidebarForm', submission).then(
    (outcome) => {
      if (outcome.question) {
        setStatus(handle.form, '', 'ok');
        showQuestion(
          handle.form,
          pick(outcome.question.text),
          outcome.question.options.map((option) => ({
            label: pick(option.label),
            choose: () => (option.answers ? send(kind, handle, { ...submission, answers: option.answers }, typed) : setStatus(handle.form, t('notSaved', {}, 'form'), 'bad')),
          })),
        );
        return;
      }
      if (!outcome.ok || !outcome.refreshed) {
        if (outcome.current) takeSheetValues(kind, handle, state.editing, typed, outcome);
        handle.showErrors(outcome.errors, outcome.warnings);
        setStatus(handle.form, pick(outcome.message), 'bad');
        return;
      }
      data = outcome.refreshed;
      const savedId = kind === 'rat' ? null : kind === 'checklist' ? state.editing : String(typed.id ?? '').trim() || state.editing;
      keepForms();
      kept.set(kind, { editing: savedId, values: {}, assigned: undefined });
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

/**
 * After a conflict: the sheet's values become what the form compares with,
 * the fields the person did not change show the sheet's new values, and what
 * the person typed stays (saving again then replaces the sheet's value, knowingly).
 */
function takeSheetValues(kind: FormKind, handle: FormHandle, editing: string | null, typed: FormValues, outcome: SaveOutcome): void {
  const before = shownRecord(kind, recordOf(kind, editing));
  data = outcome.current ?? data;
  const after = shownRecord(kind, recordOf(kind, editing));
  for (const [field, value] of Object.entries(typed)) {
    if (value === before[field] && after[field] !== undefined) handle.set(field, after[field] as string | boolean);
  }
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

/**
 * The sidebar: tabs for the dashboard (Ringkasan) and the four forms, in the
 * user's language (remembered on the server). It talks to the server only
 * through the typed wrapper in ./server.ts. "Buka" opens a co-op's own view
 * inside the dashboard tab. The co-op chosen in one form is kept for the
 * others; typed edits are never discarded without asking; after every action
 * the keyboard focus goes to what changed (never to the page's body).
 */
import type { AttentionQuery } from '../core/attention';
import { assignmentChanges } from '../core/forms/form-shown';
import type { FieldError, FormKind, FormSubmission, FormValues, SaveAnswers } from '../shared/forms';
import type { AttentionPage, CheckAllState, CoopView, SidebarData, SidebarHistory } from '../shared/sidebar-api';
import type { CoopRecord, Lang, Mentor, RatMeeting } from '../shared/types';
import { renderCoopView } from './coop-view';
import { renderDashboard } from './dashboard';
import { historyOutcomeText, renderHistory } from './history-panel';
import { byId, el, lang, pick, setLang, t } from './dom';
import { buildForm, changedFields, checkLocally, clearQuestion, coopChoiceLabel, setStatus, showQuestion, shownRecord, type FormHandle } from './forms';
import { callServer } from './server';
import { pendingKey, watchChecks } from './check-watch';
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

interface FormState {
  /** The record being edited (co-op or mentor ID), null for a new one. */
  editing: string | null;
  /** What is typed now (kept across redraws and tabs). */
  values: FormValues;
  /** What the form showed when it was filled: a difference is an unsaved edit. */
  shown: FormValues;
  assigned?: string[];
  /**
   * Fields typed while the record was still loading, with what the form showed
   * then (blank, or an older copy): the save compares the sheet with that, not
   * with the record that arrived later, so a value the person never saw is
   * never overwritten without the conflict message.
   */
  seenWhenTyped?: FormValues;
  /** The full record being edited: a co-op (fetched with its view) or a RAT row of the chosen co-op. */
  record?: CoopRecord | RatMeeting | null;
  /** RAT form: the co-op whose meetings the picker lists. */
  coop?: string | null;
  /** Where the confirmation of the last save is kept until the form changes. */
  confirmation?: { text: string; kind: 'ok' | 'bad' };
  /** The mentor form: the co-ops assigned when it was filled. */
  shownAssigned?: string[];
}

let data: SidebarData | null = null;
/** Changes, trends and deadlines: asked for after the first screen (null while loading). */
let history: SidebarHistory | null = null;
let tab: Tab = 'dashboard';
let view: CoopView | null = null;
let page: AttentionPage | null = null;
const busy = { checking: false, outcome: '' };
const handles = new Map<FormKind, FormHandle>();
const kept = new Map<FormKind, FormState>();
/** The co-op last chosen anywhere: the other co-op forms start with it. */
let chosenCoop: string | null = null;

function showError(error: unknown): void {
  const status = byId('status');
  status.textContent = t('serverError', { detail: error instanceof Error ? error.message : String(error) });
  status.focus();
}

function renderChrome(): void {
  document.title = t('docTitle');
  byId('title').textContent = t('sidebarTitle');
  byId('subtitle').textContent = t('sidebarSubtitle');
  byId('lang-label').textContent = t('language');
  document.querySelectorAll<HTMLButtonElement>('.lang button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === lang())));
  const nav = byId('tabs');
  nav.replaceChildren(
    ...TABS.map(([id, key]) => {
      const selected = id === tab;
      const button = el('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': 'panel', 'aria-selected': String(selected), tabindex: selected ? '0' : '-1' }, t(key, {}, id === 'visits' ? 'mentoring' : 'ui'));
      button.addEventListener('click', () => selectTab(id, true));
      button.addEventListener('keydown', (event) => {
        const i = TABS.findIndex(([x]) => x === id);
        const next = event.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : event.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
        if (next) {
          event.preventDefault();
          selectTab(next[0], true);
        }
      });
      return button;
    }),
  );
}

function selectTab(next: Tab, focusTab: boolean): void {
  keepForms();
  if (next !== tab && next !== 'dashboard' && next !== 'visits') preselect(next);
  tab = next;
  renderChrome();
  renderPanel();
  // The tab strip was drawn again: focus the selected tab, never the page's body.
  if (focusTab) byId(`tab-${next}`).focus();
}

/** A co-op form with nothing chosen starts with the co-op chosen elsewhere. */
function preselect(kind: FormKind): void {
  const state = kept.get(kind);
  if (kind === 'mentor' || chosenCoop === null) return;
  if (kind === 'rat') {
    if (!state || (state.coop !== chosenCoop && !dirty(kind))) chooseRatCoop(chosenCoop);
    return;
  }
  if (!state || (state.editing !== chosenCoop && !dirty(kind))) choose(kind, chosenCoop, false);
}

/** Keeps what each form holds: only the fields typed over (the rest follow the sheet when the data is refreshed). */
function keepForms(): void {
  if (tab === 'visits') leaveMentorView();
  for (const [kind, handle] of handles) {
    const previous = kept.get(kind) ?? { editing: null, values: {}, shown: {} };
    const values = handle.values();
    const typed = Object.fromEntries(Object.entries(values).filter(([field, value]) => String(value) !== String(previous.shown[field] ?? (typeof value === 'boolean' ? false : ''))));
    kept.set(kind, { ...previous, values: typed, assigned: assignedNow(kind) ?? previous.assigned });
  }
}

/** The record a form edits, as loaded. */
function recordOf(kind: FormKind, state: FormState | undefined): Record<string, unknown> | null {
  if (!state || state.editing === null) return null;
  if (kind === 'mentor') return (data?.mentors.find((m) => m.id === state.editing) ?? null) as unknown as Record<string, unknown> | null;
  return (state.record ?? null) as unknown as Record<string, unknown> | null;
}

function assignedNow(kind: FormKind): string[] | undefined {
  if (kind !== 'mentor') return undefined;
  return Array.from(document.querySelectorAll<HTMLInputElement>('#assigned input:checked'), (input) => input.value);
}

/** True when the form holds edits not saved (typed values differ from what it showed). */
function dirty(kind: FormKind): boolean {
  const state = kept.get(kind);
  const handle = handles.get(kind);
  const values = handle ? handle.values() : state?.values;
  if (!state || !values) return false;
  const differs = Object.keys(values).some((field) => String(values[field] ?? '') !== String(state.shown[field] ?? (typeof values[field] === 'boolean' ? false : '')));
  const assigned = handle ? assignedNow(kind) : state.assigned;
  return differs || (kind === 'mentor' && state.assigned !== undefined && assigned !== undefined && assigned.join() !== (state.shownAssigned ?? []).join());
}

function renderPanel(): void {
  const panel = byId('panel');
  panel.setAttribute('aria-labelledby', `tab-${tab}`);
  handles.clear();
  if (!data) return;
  if (tab === 'dashboard') {
    if (view) {
      renderCoopView(panel, view, data.asOf, {
        back: () => {
          view = null;
          renderPanel();
          const again = document.querySelector<HTMLElement>(`#attention li[data-coop="${CSS.escape(lastOpened ?? '')}"] button.open`);
          (again ?? byId('attention-title'))?.focus();
        },
        edit: (kind, coopId) => {
          chosenCoop = coopId;
          selectTab(kind, true);
        },
      });
      return;
    }
    renderDashboard(panel, data, { ...busy, page: page ?? data.attention }, { checkAll, open: openView, query: runQuery, refresh });
    renderHistory(panel, history);
    // The history part sits below the attention list: a link at the top leads to it (and moves the focus there).
    const jump = el('a', { href: '#history', class: 'jump', id: 'jump-history' }, t('jumpToHistory', {}, 'history'));
    jump.addEventListener('click', (event) => {
      event.preventDefault();
      const target = document.getElementById('history');
      target?.scrollIntoView();
      target?.focus();
    });
    panel.prepend(el('p', { class: 'jump-line' }, jump));
    return;
  }
  if (tab === 'visits') {
    renderMentorView();
    return;
  }
  panel.replaceChildren(formPanel(tab, data));
}

let lastOpened: string | null = null;
function openView(coopId: string): void {
  lastOpened = coopId;
  chosenCoop = coopId;
  callServer('getCoopView', coopId).then((fresh) => {
    view = fresh;
    renderPanel();
    byId('coop-view-title').focus();
  }, showError);
}

function runQuery(query: AttentionQuery): void {
  const active = document.activeElement?.id ?? null;
  callServer('getAttention', query).then((fresh) => {
    page = fresh;
    renderPanel();
    // Focus stays where the person was (the filter just used), or goes to the list's heading.
    const again = active ? document.getElementById(active) : null;
    (again ?? byId('attention-title')).focus();
  }, showError);
}

/** Asks for the history after the data it belongs to; draws it in place when the dashboard is showing. */
function loadHistory(): void {
  history = null;
  callServer('getSidebarHistory').then((fresh) => {
    history = fresh;
    const panel = document.getElementById('panel');
    if (tab === 'dashboard' && !view && panel && panel.querySelector('#history')) renderHistory(panel, history);
  }, showError);
}

function refresh(): void {
  callServer('getSidebarData').then((fresh) => {
    data = fresh;
    loadHistory();
    page = null;
    busy.outcome = t('refreshed');
    renderPanel();
    byId('check-outcome').focus();
  }, showError);
}

function picker(id: string, newKey: string, chooseKey: string, entries: Array<[string, string]>, current: string | null, onChange: (value: string | null) => void): HTMLElement {
  const select = el('select', { id }, ...(newKey ? [el('option', { value: '' }, t(newKey))] : [el('option', { value: '' }, t('select'))]), ...entries.map(([value, label]) => el('option', { value }, label)));
  select.value = current ?? '';
  select.addEventListener('change', () => onChange(select.value === '' ? null : select.value));
  return el('div', { class: 'field picker' }, el('label', { for: id }, t(chooseKey)), select);
}

function statusChips(current: CoopView | null): HTMLElement | null {
  if (!current) return null;
  return el(
    'div',
    { class: 'statuses', id: 'statuses-now' },
    el('h2', {}, t('statusesNow')),
    el('div', { class: 'chips' }, ...(data?.checks ?? Object.keys(current.result.checks)).flatMap((c) => {
      const outcome = current.result.checks[c];
      return outcome ? [el('span', { class: `chip ${outcome.severity}` }, `${t(c, {}, 'check')}: ${pick(current.labels[c] ?? outcome.label)}`)] : [];
    })),
  );
}

const views = new Map<string, CoopView>();

/** Chooses the record a form edits, asking first when typed edits would be lost. */
function choose(kind: FormKind, editing: string | null, ask = true): boolean {
  if (ask && dirty(kind) && !window.confirm(t('unsavedConfirm', { form: t(TABS.find(([x]) => x === kind)?.[1] ?? '') }))) return false;
  if (kind !== 'mentor' && editing !== null) chosenCoop = editing;
  if (kind === 'mentor' || editing === null) {
    kept.set(kind, { editing, values: {}, shown: {}, assigned: undefined, record: null });
    return true;
  }
  const showing = views.get(editing)?.record ?? null;
  kept.set(kind, { editing, values: {}, shown: {}, record: showing });
  callServer('getCoopView', editing).then((fresh) => {
    views.set(editing, fresh);
    // Whatever was typed while the record loaded stays, over the record's values.
    if (tab === kind) keepForms();
    const state = kept.get(kind);
    if (state?.editing !== editing) return;
    // ... and is saved against what the form showed when it was typed.
    const seen = shownRecord(kind, showing as unknown as Record<string, unknown> | null);
    const seenWhenTyped: FormValues = Object.fromEntries(Object.entries(state.values).map(([field, value]) => [field, (seen[field] ?? (typeof value === 'boolean' ? false : '')) as string | boolean]));
    kept.set(kind, { ...state, record: fresh.record, shown: {}, seenWhenTyped });
    if (tab === kind) {
      // Drawing the form again must not lose the focus: it stays on the same control, else goes to the picker.
      const active = document.activeElement?.id ?? '';
      renderPanel();
      ((active && document.getElementById(active)) || byId(`${kind}-picker`))?.focus();
    }
  }, showError);
  return true;
}

/** The RAT form's co-op: its meetings are listed to edit or remove one; a new RAT is for it. */
function chooseRatCoop(coopId: string | null): void {
  kept.set('rat', { editing: null, values: coopId ? { coopId } : {}, shown: {}, coop: coopId, record: null });
  if (coopId === null) return;
  chosenCoop = coopId;
  const after = (): void => {
    if (tab !== 'rat') return;
    const active = document.activeElement?.id ?? '';
    renderPanel();
    ((active && document.getElementById(active)) || byId('rat-coop-picker'))?.focus();
  };
  if (views.has(coopId)) return;
  callServer('getCoopView', coopId).then((fresh) => {
    views.set(coopId, fresh);
    after();
  }, showError);
}

function chooseMeeting(index: string | null): boolean {
  const state = kept.get('rat') ?? { editing: null, values: {}, shown: {} };
  if (dirty('rat') && !window.confirm(t('unsavedConfirm', { form: t('tabRat') }))) return false;
  const meetings = state.coop ? views.get(state.coop)?.meetings ?? [] : [];
  const record = index === null ? null : meetings[Number(index)] ?? null;
  kept.set('rat', { editing: index, values: index === null && state.coop ? { coopId: state.coop } : {}, shown: {}, coop: state.coop ?? null, record });
  return true;
}

function formPanel(kind: FormKind, current: SidebarData): HTMLElement {
  const state = kept.get(kind) ?? { editing: null, values: {}, shown: {} };
  const container = el('div', { class: 'form-panel' });
  let handle: FormHandle;
  const submit = (values: FormValues): void => save(kind, handle, values);
  const live = kind === 'checklist' ? () => scheduleReadiness(handle) : kind === 'mentor' ? () => updateLoad() : undefined;
  handle = buildForm(kind, current, submit, live);
  handles.set(kind, handle);
  const onPick = (editing: string | null): void => {
    if (!choose(kind, editing)) {
      (byId(`${kind}-picker`) as HTMLSelectElement).value = state.editing ?? '';
      return;
    }
    renderPanel();
    byId(`${kind}-picker`)?.focus();
  };
  const coopEntries = current.coops.map((c): [string, string] => [c.id, coopChoiceLabel(c)]);
  if (kind === 'coop') container.append(picker('coop-picker', 'newCoop', 'chooseCoop', coopEntries, state.editing, onPick));
  else if (kind === 'mentor') {
    const loads = current.context.mentorLoads;
    container.append(picker('mentor-picker', 'newMentor', 'chooseMentor', current.mentors.map((m) => [m.id, `${m.id} — ${m.name ?? ''} (${loads[m.id.toUpperCase()] ?? 0})`]), state.editing, onPick));
  } else if (kind === 'checklist') container.append(picker('checklist-picker', '', 'chooseCoop', coopEntries, state.editing, onPick));
  else if (kind === 'rat') {
    container.append(
      picker('rat-coop-picker', '', 'chooseCoop', coopEntries, state.coop ?? null, (coop) => {
        if (dirty('rat') && !window.confirm(t('unsavedConfirm', { form: t('tabRat') }))) {
          (byId('rat-coop-picker') as HTMLSelectElement).value = state.coop ?? '';
          return;
        }
        chooseRatCoop(coop);
        renderPanel();
        byId('rat-coop-picker').focus();
      }),
    );
    const meetings = state.coop ? views.get(state.coop)?.meetings ?? [] : [];
    if (state.coop) {
      const entries = meetings.map((m, i): [string, string] => [String(i), `${m.coopId} — ${m.bookYear ?? '?'} — ${m.heldOn ? m.heldOn.split('-').reverse().join('/') : '-'}`]);
      container.append(
        picker('rat-picker', 'newRat', 'chooseRat', entries, state.editing, (index) => {
          if (!chooseMeeting(index)) {
            (byId('rat-picker') as HTMLSelectElement).value = state.editing ?? '';
            return;
          }
          renderPanel();
          byId('rat-picker').focus();
        }),
      );
    }
  }

  handle.fill(recordOf(kind, state));
  // What the form shows before any typing: the baseline for "unsaved edits".
  if (Object.keys(state.shown).length === 0) state.shown = { ...handle.values(), ...(kind === 'rat' ? state.values : {}) };
  for (const [field, value] of Object.entries(state.values)) {
    const input = handle.form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${field}"]`);
    if (!input) continue;
    if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
    else input.value = String(value);
  }
  kept.set(kind, state);
  if (kind === 'checklist' && state.editing === null) handle.form.setAttribute('hidden', 'true');
  if (kind === 'rat' && state.editing !== null) {
    const remove = el('button', { type: 'button', id: 'rat-remove', class: 'secondary danger' }, t('removeRat'));
    remove.addEventListener('click', () => removeMeeting(handle));
    handle.form.querySelector('.actions')?.insertBefore(remove, handle.form.querySelector('.form-status'));
  }
  if (kind === 'mentor') handle.form.insertBefore(assignmentList(current, state), handle.form.querySelector('.actions'));
  container.append(handle.form);
  if (state.confirmation) setStatus(handle.form, state.confirmation.text, state.confirmation.kind);
  if (kind === 'checklist' && state.editing !== null) container.append(el('div', { class: 'readiness', id: 'readiness', role: 'status', 'aria-live': 'polite' }));
  if ((kind === 'coop' || kind === 'checklist') && state.editing) {
    const chips = statusChips(views.get(state.editing) ?? null);
    if (chips) container.append(chips);
  }
  if (kind === 'mentor') queueMicrotask(updateLoad);
  if (kind === 'checklist' && state.editing !== null) queueMicrotask(() => scheduleReadiness(handle));
  return container;
}

function assignmentList(current: SidebarData, state: FormState): HTMLElement {
  const mentorKey = state.editing?.toUpperCase() ?? null;
  const mine = (c: { mentorId: string | null }): boolean => mentorKey !== null && c.mentorId?.trim().toUpperCase() === mentorKey;
  const chosen = new Set(state.assigned ?? current.coops.filter(mine).map((c) => c.id));
  if (state.shownAssigned === undefined) state.shownAssigned = Array.from(chosen);
  const list = el('fieldset', { class: 'assigned', id: 'assigned' }, el('legend', {}, t('assignedCoops')));
  // This mentor's co-ops first, then co-ops without an active mentor, then the rest.
  const rank = (c: SidebarData['coops'][number]): number => (chosen.has(c.id) ? 0 : !c.mentorActive ? 1 : 2);
  const ordered = current.coops.slice().sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
  for (const coop of ordered) {
    const id = `assign-${coop.id}`;
    const box = el('input', { type: 'checkbox', id, value: coop.id });
    box.checked = chosen.has(coop.id);
    box.addEventListener('change', updateLoad);
    const now = coop.mentorId && !mine(coop) ? ` (${coop.mentorActive ? t('currentMentor', { mentor: coop.mentorId }) : t('currentMentorEnded', { mentor: coop.mentorId })})` : '';
    list.append(el('div', { class: 'field check', 'data-search': `${coop.id} ${coop.name ?? ''} ${coop.kelurahan ?? ''}`.toLowerCase() }, box, el('label', { for: id }, `${coopChoiceLabel(coop)}${now}`)));
  }
  const search = el('input', { type: 'search', id: 'assign-search', autocomplete: 'off', placeholder: t('searchCoop') });
  const count = el('span', { class: 'muted', id: 'assign-count', role: 'status', 'aria-live': 'polite' });
  search.addEventListener('input', () => {
    const text = search.value.trim().toLowerCase();
    let n = 0;
    list.querySelectorAll<HTMLElement>('.field.check').forEach((row) => {
      const match = text === '' || (row.dataset.search ?? '').includes(text);
      row.hidden = !match;
      if (match) n += 1;
    });
    count.textContent = text === '' ? '' : t('matches', { count: n });
  });
  return el(
    'div',
    {},
    el('p', { class: 'load', id: 'load-counter', role: 'status', 'aria-live': 'polite' }),
    el('p', { class: 'error', id: 'mentor-assigned-error', 'aria-live': 'polite' }),
    el('div', { class: 'field' }, el('label', { for: 'assign-search' }, t('searchCoop')), search, count),
    list,
  );
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

/** Where each missing savings-and-loans item is fixed: a field of this form, or of the co-op form. */
const GAP_FIELDS: Record<string, [FormKind, string]> = {
  'sp.capital': ['checklist', 'spCapital'],
  'sp.separate-books': ['checklist', 'separateBooks'],
  'sp.work-plan': ['checklist', 'workPlan3y'],
  'sp.competent-manager': ['checklist', 'competentManager'],
  'sp.office': ['checklist', 'office'],
  'sp.audited-report': ['checklist', 'auditedReport'],
  'sp.licence': ['checklist', 'spLicence'],
  'sp.nib': ['coop', 'nib'],
  'sp.nik': ['coop', 'nikKoperasi'],
  'sp.bank-account': ['coop', 'bankAccount'],
  'sp.members': ['coop', 'members'],
  'sp.legal-entity': ['coop', 'skAhuNumber'],
  'sp.mentor': ['coop', 'mentorId'],
  'sp.rat': ['rat', 'bookYear'],
};

function showReadiness(handle: FormHandle): void {
  const target = document.getElementById('readiness');
  const state = kept.get('checklist');
  const editing = state?.editing ?? null;
  const record = state?.record;
  const current = editing ? views.get(editing) : undefined;
  if (!target || !data || !record || !current) return;
  const local = checkLocally({ kind: 'checklist', editing, values: handle.values() }, data, record as unknown as Record<string, unknown>);
  handle.showErrors(local.errors);
  if (local.errors.length > 0) return;
  const edited: CoopRecord = { ...(record as CoopRecord), ...(local.values as Partial<CoopRecord>) };
  callServer('previewChecks', {
    asOf: data.asOf,
    coops: [edited],
    meetings: current.meetings,
    mentors: data.mentors as Mentor[],
    cityMentorIds: data.coops.map((c) => c.mentorId),
  }).then((run) => {
    const result = run.results[0]?.checks.savingsLoans;
    if (!result) return;
    const gap = (message: string, text: string): HTMLElement => {
      const place = GAP_FIELDS[message];
      if (!place) return el('li', {}, text);
      const link = el('button', { type: 'button', class: 'link gap', 'data-field': `${place[0]}-${place[1]}` }, text);
      link.addEventListener('click', () => {
        if (place[0] !== 'checklist') {
          chosenCoop = editing;
          selectTab(place[0], false);
        }
        const field = document.getElementById(`${place[0]}-${place[1]}`);
        field?.focus();
      });
      return el('li', {}, link);
    };
    target.replaceChildren(
      el('p', { class: `readiness-line ${result.severity}` }, t('readiness', { met: result.itemsMet, total: result.itemsTotal, status: pick(result.label) })),
      ...(result.reasons.length > 0 ? [el('h2', {}, t('missingItems')), el('ul', {}, ...result.reasons.map((r) => gap(r.message, pick(r.text))))] : []),
    );
  }, showError);
}

/** The confirmation: what was saved, and the co-op's statuses now. */
function confirmation(kind: FormKind, values: FormValues, savedId: string | null, fresh: CoopView | null): string {
  const coop = fresh ? `${fresh.record.id}` : String(values.coopId ?? savedId ?? '');
  const what =
    kind === 'rat' ? t('savedRat', { coop, year: String(values.bookYear ?? '') }) : kind === 'mentor' ? t('savedMentor', { mentor: savedId ?? '' }) : kind === 'checklist' ? t('savedChecklist', { coop }) : t('savedCoop', { coop });
  const statuses = fresh ? ` ${t('savedStatuses', { statuses: Object.entries(fresh.result.checks).map(([c, o]) => `${t(c, {}, 'check')} ${pick(fresh.labels[c] ?? o.label)}`).join(', ') })}` : '';
  return `${t('savedWhat', { what })}${statuses}`;
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
  const state = kept.get(kind) ?? { editing: null, values: {}, shown: {} };
  const record = recordOf(kind, state);
  const shownAll = shownRecord(kind, record);
  const changed = state.editing === null ? Object.keys(values) : changedFields(kind, record, values);
  const sent: FormValues = Object.fromEntries(changed.map((field) => [field, values[field] as string | boolean]));
  const submission: FormSubmission = { kind, editing: state.editing, values: sent, ...(answers ? { answers } : {}) };
  if (state.editing !== null) submission.shown = kind === 'rat' ? shownAll : Object.fromEntries(changed.map((field) => [field, (state.seenWhenTyped?.[field] ?? shownAll[field]) as string | boolean]));
  if (kind === 'mentor') {
    const ticked = assignedNow('mentor') ?? [];
    const mentorId = String(values.id ?? '').trim() || (state.editing ?? '');
    submission.assigned = ticked;
    submission.assignments = assignmentChanges(data.coops, state.editing, mentorId, ticked);
  }
  const local = checkLocally(submission, data, record);
  handle.showErrors(local.errors, local.warnings);
  if (local.errors.length > 0) {
    setStatus(handle.form, t('notSaved', {}, 'form'), 'bad');
    return;
  }
  if (state.editing !== null && changed.length === 0 && (submission.assignments ?? []).length === 0) {
    setStatus(handle.form, t('noChange', {}, 'form'), 'ok');
    handle.form.querySelector<HTMLElement>('.form-status')?.focus();
    return;
  }
  send(kind, handle, submission, values);
}

function removeMeeting(handle: FormHandle): void {
  const state = kept.get('rat');
  if (!data || !state || state.editing === null) return;
  send('rat', handle, { kind: 'rat', editing: state.editing, values: {}, shown: shownRecord('rat', recordOf('rat', state)), remove: true }, handle.values());
}

function send(kind: FormKind, handle: FormHandle, submission: FormSubmission, typed: FormValues): void {
  const state = kept.get(kind) ?? { editing: null, values: {}, shown: {} };
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
            choose: () => {
              if (option.answers) send(kind, handle, { ...submission, answers: option.answers }, typed);
              else {
                setStatus(handle.form, t('notSaved', {}, 'form'), 'bad');
                handle.form.querySelector<HTMLElement>('.form-status')?.focus();
              }
            },
          })),
        );
        return;
      }
      if (!outcome.ok || !outcome.refreshed) {
        if (outcome.current) takeSheetValues(kind, handle, state, typed, outcome.current);
        handle.showErrors(outcome.errors, outcome.warnings);
        setStatus(handle.form, pick(outcome.message), 'bad');
        if (outcome.errors.length === 0) handle.form.querySelector<HTMLElement>('.form-status')?.focus();
        return;
      }
      data = outcome.refreshed;
      page = null;
      views.clear();
      loadHistory();
      const coopOf = kind === 'rat' ? String(typed.coopId ?? state.coop ?? '') : kind === 'checklist' ? state.editing : String(typed.id ?? '').trim() || state.editing;
      const savedId = kind === 'mentor' ? String(typed.id ?? '').trim() || state.editing : coopOf;
      const finish = (fresh: CoopView | null): void => {
        if (fresh && coopOf) views.set(coopOf, fresh);
        keepForms();
        const text = submission.remove ? pick(outcome.message) : confirmation(kind, typed, savedId, fresh);
        if (kind === 'rat') kept.set(kind, { editing: null, values: coopOf ? { coopId: coopOf } : {}, shown: {}, coop: coopOf || null, record: null, confirmation: { text, kind: 'ok' } });
        else kept.set(kind, { editing: savedId, values: {}, shown: {}, assigned: undefined, record: fresh?.record ?? null, confirmation: { text, kind: 'ok' } });
        if (kind !== 'mentor' && coopOf) chosenCoop = coopOf;
        if (tab !== kind) return;
        renderPanel();
        handles.get(kind)?.showErrors([], outcome.warnings as FieldError[]);
        // The confirmation is in the sticky bar beside Save: in view, and it takes the focus.
        handles.get(kind)?.form.querySelector<HTMLElement>('.form-status')?.focus();
      };
      if (kind === 'mentor' || !coopOf) finish(null);
      else callServer('getCoopView', coopOf).then(finish, () => finish(null));
    },
    (error) => {
      setStatus(handle.form, error instanceof Error ? error.message : String(error), 'bad');
      handle.form.querySelector<HTMLElement>('.form-status')?.focus();
    },
  );
}

/**
 * After a conflict: the sheet's values become what the form compares with,
 * the fields the person did not change show the sheet's new values, and what
 * the person typed stays (saving again then replaces the sheet's value, knowingly).
 */
function takeSheetValues(kind: FormKind, handle: FormHandle, state: FormState, typed: FormValues, current: SidebarData): void {
  const before = shownRecord(kind, recordOf(kind, state));
  data = current;
  // The conflict has been shown: from now on the sheet's values are what the person has seen.
  delete state.seenWhenTyped;
  const live = kept.get(kind);
  if (live) delete live.seenWhenTyped;
  const apply = (record: Record<string, unknown> | null): void => {
    const after = shownRecord(kind, record);
    for (const [field, value] of Object.entries(typed)) {
      if (value === before[field] && after[field] !== undefined) handle.set(field, after[field] as string | boolean);
    }
  };
  if (kind === 'mentor') {
    apply(recordOf(kind, state));
    return;
  }
  if ((kind === 'coop' || kind === 'checklist') && state.editing !== null) {
    callServer('getCoopView', state.editing).then((fresh) => {
      views.set(state.editing as string, fresh);
      state.record = fresh.record;
      apply(fresh.record as unknown as Record<string, unknown>);
    }, showError);
  }
}

/** "Periksa semua": a big workbook needs several executions, so the sidebar calls again until it is complete. */
function checkAll(): void {
  busy.checking = true;
  busy.outcome = '';
  renderPanel();
  byId('check-outcome').setAttribute('tabindex', '-1');
  byId('check-outcome').focus();
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
  const done = (): void => {
    busy.checking = false;
    renderPanel();
    const outcome = document.getElementById('check-outcome');
    outcome?.setAttribute('tabindex', '-1');
    outcome?.focus();
  };
  step()
    .then(() => callServer('getSidebarData'))
    .then(
      (fresh) => {
        data = fresh;
        page = null;
        loadHistory();
        done();
      },
      (error) => {
        busy.outcome = error instanceof Error ? error.message : String(error);
        done();
      },
    );
}

/**
 * New results (or a run started, moved on or left) noticed by the watch:
 * the dashboard's list redraws at once, filters kept and focus where it was;
 * on a form or a co-op's view, where a redraw would move what the person is
 * working on, a notice with "Muat ulang" appears above the panel instead.
 */
function checkChanged(state: CheckAllState, results: boolean): void {
  if (!data) return;
  if (!results) {
    data = { ...data, pendingCheck: state.pending };
    if (tab === 'dashboard' && !view) redrawKeepingFocus();
    return;
  }
  if (tab === 'dashboard' && !view) {
    reloadData(t('newResultsLoaded', { time: state.lastCheck ?? '' }));
    return;
  }
  // Already said for these results: drawing it again would take the focus off its button.
  if (byId('new-results').dataset.stamp === (state.checkStamp ?? '')) return;
  const reload = el('button', { type: 'button', class: 'secondary', id: 'new-results-reload' }, t('refresh'));
  reload.addEventListener('click', () => {
    keepForms();
    reloadData(t('refreshed'));
  });
  byId('new-results').dataset.stamp = state.checkStamp ?? '';
  byId('new-results').replaceChildren(el('p', {}, t('newResultsNotice', { time: state.lastCheck ?? '' }), ' ', reload));
}

/** Draws the panel again; focus goes back to the element it was on (by id), or stays in the panel. */
function redrawKeepingFocus(): void {
  const active = document.activeElement;
  const id = active && active !== document.body ? active.id : '';
  const inPanel = active ? byId('panel').contains(active) : false;
  renderPanel();
  const again = id ? document.getElementById(id) : null;
  if (again) again.focus();
  else if (inPanel) document.getElementById('check-outcome')?.focus();
}

/** Asks for the sidebar's data again (and the filtered page, if one is shown), then redraws. */
function reloadData(said: string): void {
  const query = page?.query ?? null;
  // From the notice's button: that button goes away, so the focus goes to where the outcome is said.
  const fromNotice = byId('new-results').contains(document.activeElement);
  callServer('getSidebarData').then((fresh) => {
    data = fresh;
    loadHistory();
    byId('new-results').replaceChildren();
    delete byId('new-results').dataset.stamp;
    const done = (): void => {
      busy.outcome = said;
      redrawKeepingFocus();
      if (!fromNotice) return;
      const outcome = tab === 'dashboard' && !view ? document.getElementById('check-outcome') : null;
      if (outcome) {
        outcome.setAttribute('tabindex', '-1');
        outcome.focus();
        return;
      }
      const status = byId('status');
      status.textContent = said;
      status.focus();
    };
    if (query === null) {
      page = null;
      done();
      return;
    }
    callServer('getAttention', query).then((fresh) => {
      page = fresh;
      done();
    }, showError);
  }, showError);
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
      button.focus();
      callServer('setLanguage', next).catch(showError);
    });
  });
  callServer('getSidebarData').then((fresh) => {
    data = fresh;
    loadHistory();
    setLang(fresh.lang);
    byId('status').textContent = '';
    renderChrome();
    renderPanel();
    watchChecks({
      read: () => callServer('getCheckAllState'),
      shown: () => ({ checkStamp: data?.checkStamp ?? null, pendingKey: pendingKey(data?.pendingCheck ?? null) }),
      busy: () => busy.checking,
      changed: checkChanged,
    });
  }, showError);
}

start();

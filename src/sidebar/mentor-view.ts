/**
 * The sidebar's mentor view ("Kunjungan" tab): pick a mentor, record a visit
 * in the form at the top (co-op, date — today by default —, activity, notes,
 * follow-up and its deadline; the mentor's own co-ops first, so a visit takes
 * a few taps), then the mentor's work list: the next dates (overdue ones in
 * red), and per co-op its statuses, last visit, open follow-ups and unmet
 * requirements with the next step. Buttons write this month's report and the
 * year-end evaluation as sheets.
 *
 * Its own file (main.ts only routes the tab here). Texts come from
 * rules/messages.json (table `mentoring`); every text goes in as textContent.
 */
import { validateVisit } from '../core/mentoring/visit-validation';
import type { CoopWork, MentorViewData, OpenFollowUp, VisitSubmission } from '../shared/mentoring';
import { monthName } from '../core/mentoring/report-grids';
import { reportMonths } from '../core/mentoring/work-list';
import { byId, el, isoToDisplay, lang, pick, t } from './dom';
import { callServer } from './server';

const VISIT_FIELDS: ReadonlyArray<keyof VisitSubmission> = ['coopId', 'date', 'activity', 'notes', 'followUp', 'followUpDue'];
const SHOWN_ITEMS = 3;
const SHOWN_DATES = 6;

let view: MentorViewData | null = null;
let mentorId: string | null = null;
/** What is typed in the visit form, kept across redraws (tab changes, language). */
let typed: Partial<VisitSubmission> = {};
let statusLine: { text: string; kind: 'ok' | 'bad' | 'busy' | '' } = { text: '', kind: '' };

const m = (key: string, values: Record<string, string | number> = {}): string => t(key, values, 'mentoring');
const NAME_PREFIX = /^Koperasi Kelurahan Merah Putih /;
const shortName = (name: string | null): string => (name ?? '').replace(NAME_PREFIX, 'KKMP ');
const showDate = (iso: string | null): string => (iso ? iso.split('-').reverse().join('/') : '');

function panel(): HTMLElement {
  return byId('panel');
}

function fail(error: unknown): void {
  statusLine = { text: error instanceof Error ? error.message : String(error), kind: 'bad' };
  render();
}

/** Draws the view into the sidebar's panel; loads the data on first use. */
export function renderMentorView(): void {
  if (!view) {
    panel().replaceChildren(el('p', { class: 'muted' }, t('loading')));
    callServer('getMentorView', mentorId).then((data) => {
      view = data;
      render();
    }, fail);
    return;
  }
  render();
}

function choose(id: string | null): void {
  keepTyped();
  mentorId = id;
  statusLine = { text: '', kind: '' };
  panel().setAttribute('aria-busy', 'true');
  callServer('getMentorView', id).then((data) => {
    view = data;
    panel().removeAttribute('aria-busy');
    render();
  }, fail);
}

function keepTyped(): void {
  const form = document.getElementById('visit-form') as HTMLFormElement | null;
  if (!form) return;
  for (const field of VISIT_FIELDS) {
    const input = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${field}"]`);
    if (input) typed[field] = input.value;
  }
}

function render(): void {
  if (!view) return;
  const data = view;
  const select = el('select', { id: 'work-mentor' }, el('option', { value: '' }, t('select')), ...data.mentors.map((x) => el('option', { value: x.id }, `${x.id} — ${x.name ?? ''} (${x.load})`)));
  select.value = mentorId ?? '';
  select.addEventListener('change', () => choose(select.value === '' ? null : select.value));
  const parts: HTMLElement[] = [el('div', { class: 'field picker' }, el('label', { for: 'work-mentor' }, m('chooseMentorWork')), select)];
  if (data.work && mentorId) {
    parts.push(visitForm(data));
    parts.push(reportButtons());
    parts.push(workList(data));
  } else parts.push(recapButton());
  panel().replaceChildren(...parts);
}

function visitForm(data: MentorViewData): HTMLElement {
  const form = el('form', { class: 'form visit-form', id: 'visit-form', novalidate: 'true' });
  const own = new Set(data.work?.coops.map((c) => c.coopId));
  const field = (name: keyof VisitSubmission, labelKey: string, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, required = false): HTMLElement => {
    input.id = `visit-${name}`;
    input.setAttribute('name', name);
    const error = el('p', { class: 'error', id: `visit-${name}-error`, 'aria-live': 'polite' });
    input.setAttribute('aria-describedby', error.id);
    if (required) input.setAttribute('aria-required', 'true');
    return el('div', { class: 'field', 'data-field': name }, el('label', { for: input.id }, m(labelKey), required ? ' *' : ''), input, error);
  };
  const coop = el('select', {}, el('option', { value: '' }, t('select')), ...data.coops.map((c) => el('option', { value: c.id }, `${own.has(c.id) ? '' : '· '}${c.id} ${shortName(c.name)}`)));
  // Dates typed and shown as dd/mm/yyyy, as in the sheets and the other forms (a native date input follows the browser's locale: mm/dd/yyyy in many).
  const dateInput = (): HTMLInputElement => el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: 'dd/mm/yyyy', 'data-kind': 'date' });
  const date = dateInput();
  const activity = el('select', {}, el('option', { value: '' }, t('select')), ...data.activities.map((a) => el('option', { value: a }, a)));
  const notes = el('textarea', { rows: '2' });
  const followUp = el('input', { type: 'text', autocomplete: 'off' });
  const due = dateInput();
  coop.value = typed.coopId ?? '';
  date.value = typed.date ?? isoToDisplay(data.asOf);
  activity.value = typed.activity ?? '';
  notes.value = typed.notes ?? '';
  followUp.value = typed.followUp ?? '';
  due.value = typed.followUpDue ?? '';
  const status = el('p', { class: `form-status ${statusLine.kind}`, id: 'visit-status', role: 'status', 'aria-live': 'polite' }, statusLine.text);
  const save = el('button', { type: 'submit', class: 'primary', id: 'visit-save' }, m('visitSave'));
  form.append(
    el('h2', {}, m('visitForm')),
    field('coopId', 'visitCoop', coop, true),
    el('div', { class: 'two' }, field('date', 'visitDate', date, true), field('activity', 'visitActivity', activity)),
    field('notes', 'visitNotes', notes),
    field('followUp', 'visitFollowUp', followUp),
    field('followUpDue', 'visitFollowUpDue', due),
    el('div', { class: 'actions' }, save),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitVisit(form, data);
  });
  return form;
}

function showErrors(form: HTMLFormElement, errors: Array<{ field: string; text: { id: string; en: string } }>, warnings: Array<{ field: string; text: { id: string; en: string } }> = []): void {
  form.querySelectorAll('.error').forEach((node) => {
    node.textContent = '';
    node.classList.remove('warn');
  });
  form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
  for (const w of warnings) {
    const node = form.querySelector(`#visit-${w.field}-error`);
    if (node) {
      node.textContent = pick(w.text);
      node.classList.add('warn');
    }
  }
  for (const e of errors) {
    const node = form.querySelector(`#visit-${e.field}-error`);
    if (node) node.textContent = pick(e.text);
    form.querySelector(`#visit-${e.field}`)?.setAttribute('aria-invalid', 'true');
  }
  if (errors[0]) form.querySelector<HTMLElement>(`#visit-${errors[0].field}`)?.focus();
}

function submitVisit(form: HTMLFormElement, data: MentorViewData): void {
  keepTyped();
  const submission: VisitSubmission = {
    mentorId: mentorId ?? '',
    coopId: typed.coopId ?? '',
    date: typed.date ?? '',
    activity: typed.activity ?? '',
    notes: typed.notes ?? '',
    followUp: typed.followUp ?? '',
    followUpDue: typed.followUpDue ?? '',
  };
  const local = validateVisit(submission, data.context);
  showErrors(form, local.errors, local.warnings);
  const status = form.querySelector('#visit-status') as HTMLElement;
  const button = form.querySelector('#visit-save') as HTMLButtonElement;
  if (local.errors.length > 0) {
    status.textContent = m('visitNotSaved');
    status.className = 'form-status bad';
    return;
  }
  button.disabled = true;
  status.textContent = t('saving');
  status.className = 'form-status busy';
  callServer('saveVisitForm', submission).then(
    (outcome) => {
      button.disabled = false;
      if (!outcome.ok || !outcome.refreshed) {
        showErrors(form, outcome.errors, outcome.warnings);
        status.textContent = pick(outcome.message);
        status.className = 'form-status bad';
        return;
      }
      view = outcome.refreshed;
      // A saved visit clears the form but keeps the date: the next visit is usually the same day.
      typed = { date: submission.date };
      statusLine = { text: [pick(outcome.message), ...outcome.warnings.map((w) => pick(w.text))].join(' '), kind: 'ok' };
      render();
    },
    (error) => {
      button.disabled = false;
      status.textContent = error instanceof Error ? error.message : String(error);
      status.className = 'form-status bad';
    },
  );
}

/** Runs a report button's call and says which sheet it wrote (or why not) in `status`. */
function runReport(button: HTMLButtonElement, status: HTMLElement, call: () => Promise<{ sheet: string }>): void {
  button.disabled = true;
  status.textContent = t('saving');
  call().then(
    (outcome) => {
      button.disabled = false;
      status.textContent = m('reportWritten', { sheet: outcome.sheet });
      status.className = 'form-status ok';
    },
    (error) => {
      button.disabled = false;
      status.textContent = error instanceof Error ? error.message : String(error);
      status.className = 'form-status bad';
    },
  );
}

/**
 * The month a report is for: this month (in progress) or the one before —
 * the report the office wants in the first days of a month is last month's,
 * so then that one is chosen (see reportMonths).
 */
function monthPicker(): HTMLSelectElement {
  const { current, previous, chosen } = reportMonths((view as MentorViewData).asOf);
  const select = el('select', { id: 'report-month' }) as HTMLSelectElement;
  for (const value of [current, previous]) select.append(el('option', { value }, monthName(value, lang())));
  select.value = chosen;
  return select;
}

function monthField(select: HTMLSelectElement): HTMLElement {
  return el('div', { class: 'field' }, el('label', { for: 'report-month' }, m('reportMonthPick')), select);
}

/** With no mentor chosen: the coordinator's recap of every mentor for the chosen month. */
function recapButton(): HTMLElement {
  const status = el('p', { class: 'form-status', id: 'report-status', role: 'status', 'aria-live': 'polite' });
  const month = monthPicker();
  const recap = el('button', { type: 'button', class: 'secondary', id: 'monthly-recap' }, m('recapButton'));
  recap.addEventListener('click', () => runReport(recap, status, () => callServer('writeMentorMonthlyReport', null, month.value)));
  return el('div', { class: 'report-buttons' }, monthField(month), recap, status);
}

function reportButtons(): HTMLElement {
  const status = el('p', { class: 'form-status', id: 'report-status', role: 'status', 'aria-live': 'polite' });
  const run = (button: HTMLButtonElement, call: () => Promise<{ sheet: string }>): void => runReport(button, status, call);
  const month = monthPicker();
  const monthly = el('button', { type: 'button', class: 'secondary', id: 'monthly-report' }, m('monthlyButton'));
  const evaluation = el('button', { type: 'button', class: 'secondary', id: 'evaluation' }, m('evaluationButton'));
  monthly.addEventListener('click', () => run(monthly, () => callServer('writeMentorMonthlyReport', mentorId, month.value)));
  evaluation.addEventListener('click', () => run(evaluation, () => callServer('writeMentorEvaluation', mentorId as string)));
  return el('div', { class: 'report-buttons' }, monthField(month), el('div', { class: 'row' }, monthly, evaluation), status);
}

function workList(data: MentorViewData): HTMLElement {
  const work = data.work!;
  const container = el('section', { class: 'work', id: 'work-list', 'aria-label': m('workListTitle', { mentor: work.mentorId }) });
  container.append(el('h2', {}, m('workListTitle', { mentor: `${work.mentorId} — ${work.mentorName ?? ''}` })));
  if (work.coops.length === 0) {
    container.append(el('p', { class: 'muted' }, m('workListNone')));
    return container;
  }
  const when = (inDays: number, overdue: boolean): string => (overdue ? m('overdue', { days: -inDays }) : inDays === 0 ? m('today') : m('inDays', { days: inDays }));
  container.append(
    el('h3', {}, m('nextDates')),
    el(
      'ul',
      { class: 'dates', id: 'next-dates' },
      ...work.dates.slice(0, SHOWN_DATES).map((d) => el('li', { class: d.overdue ? 'overdue' : '' }, el('b', {}, showDate(d.date)), ` ${d.coopId ? `${d.coopId} · ` : ''}${pick(d.label)} (${when(d.inDays, d.overdue)})`)),
    ),
  );
  const list = el('ol', { class: 'coops' });
  for (const coop of work.coops) list.append(coopCard(coop, when));
  container.append(list);
  return container;
}

function coopCard(coop: CoopWork, when: (inDays: number, overdue: boolean) => string): HTMLElement {
  const record = el('button', { type: 'button', class: 'link' }, m('visitForm'));
  record.addEventListener('click', () => {
    const select = document.getElementById('visit-coopId') as HTMLSelectElement | null;
    if (select) {
      select.value = coop.coopId;
      select.focus();
      select.scrollIntoView({ block: 'center' });
    }
  });
  const items = coop.items.map((i) =>
    el(
      'li',
      { class: i.weight, 'data-checks': i.checks.join(' ') },
      el('span', { class: 'weight' }, m(i.weight === 'hard' ? 'weightHard' : 'weightSoft')),
      ` ${pick(i.reason)} `,
      // Every check flagging this gap (one item for a blank NIB, not three).
      el('span', { class: 'checks' }, `(${i.checks.map((c) => t(c, {}, 'check')).join(', ')})`),
      el('br'),
      el('span', { class: 'step' }, `→ ${pick(i.nextStep)}`),
    ),
  );
  const follow = coop.followUps.map((f) => {
    const done = el('button', { type: 'button', class: 'link done', 'data-row': String(f.row) }, m('followUpDoneButton'));
    done.addEventListener('click', () => markDone(done, f));
    return el('li', { class: f.overdue ? 'overdue' : '' }, `${m('dueFollowUp', { text: f.followUp })}${f.due ? ` — ${showDate(f.due)}` : ''}${f.overdue ? ` (${when(-f.daysOverdue, true)})` : ''} `, done);
  });
  const card = el(
    'li',
    { class: 'card work-coop', 'data-coop': coop.coopId },
    el('div', { class: 'row' }, el('b', { class: 'coop' }, `${coop.coopId} ${shortName(coop.name)}`), record),
    el('div', { class: 'chips' }, ...coop.statuses.map((s) => el('span', { class: `chip ${s.severity}` }, `${t(s.check, {}, 'check')}: ${pick(s.label)}`))),
    el('p', { class: 'muted' }, coop.lastVisit ? m('lastVisit', { date: showDate(coop.lastVisit), count: coop.visitCount }) : m('neverVisited')),
  );
  if (follow.length > 0) card.append(el('ul', { class: 'follow-ups' }, ...follow));
  if (items.length === 0) card.append(el('p', { class: 'ok-line' }, m('workListAllMet')));
  else {
    card.append(el('ul', { class: 'items' }, ...items.slice(0, SHOWN_ITEMS)));
    if (items.length > SHOWN_ITEMS) {
      const more = el('details', {}, el('summary', {}, `+${items.length - SHOWN_ITEMS}`), el('ul', { class: 'items' }, ...items.slice(SHOWN_ITEMS)));
      card.append(more);
    }
  }
  return card;
}

/** "Selesai" beside a follow-up: the server writes Ya in that row's Tindak Lanjut Selesai cell, after checking the row is still that visit. */
function markDone(button: HTMLButtonElement, f: OpenFollowUp): void {
  keepTyped();
  button.disabled = true;
  callServer('markFollowUpDoneFor', { row: f.row, mentorId: f.mentorId, coopId: f.coopId, visitDate: f.visitDate, followUp: f.followUp }).then((outcome) => {
    if (outcome.ok && outcome.refreshed) view = outcome.refreshed;
    statusLine = { text: pick(outcome.message), kind: outcome.ok ? 'ok' : 'bad' };
    render();
  }, fail);
}

/** Before the panel is redrawn for another tab or language: keep what was typed. */
export function leaveMentorView(): void {
  keepTyped();
}

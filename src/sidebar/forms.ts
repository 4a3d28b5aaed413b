/**
 * The data-entry forms, drawn from the shared field table (src/core/forms):
 * a co-op (identity, legal papers), a RAT, a mentor with the co-ops assigned,
 * the savings-and-loans checklist. Each is checked as it is typed with the
 * same validation the server runs; the server's answer is shown the same way,
 * next to the field. What a person typed stays in the form on any error.
 */
import { FORM_FIELDS, REQUIRED_FIELDS } from '../core/forms/form-fields';
import { shownRecord } from '../core/forms/form-shown';
import { validateForm, type FormCheck } from '../core/forms/form-validation';
import { BALIKPAPAN, KECAMATAN_NAMES, KELURAHAN_NAMES } from '../core/workbook/balikpapan';
import { OUTLET_STATUSES, type ColumnSpec } from '../core/workbook/columns';
import type { FieldError, FormKind, FormSubmission, FormValues } from '../shared/forms';
import type { SidebarData } from '../shared/sidebar-api';
import { el, pick, t } from './dom';

export interface FormHandle {
  form: HTMLFormElement;
  values(): FormValues;
  fill(record: Record<string, unknown> | null): void;
  /** Sets one field as the form shows it (text, or ticked for a tick box). */
  set(field: string, value: string | boolean): void;
  showErrors(errors: FieldError[], warnings?: FieldError[]): void;
}

function inputFor(kind: FormKind, column: ColumnSpec, data: SidebarData): HTMLInputElement | HTMLSelectElement {
  const id = `${kind}-${column.field}`;
  const options = (list: readonly string[]): HTMLSelectElement =>
    el('select', { id, name: column.field }, el('option', { value: '' }, t('select')), ...list.map((value) => el('option', { value }, value)));
  if (kind === 'rat' && column.field === 'coopId') {
    const select = options([]);
    for (const c of data.coops) select.append(el('option', { value: c.id }, coopChoiceLabel(c)));
    return select;
  }
  switch (column.list) {
    case 'kecamatan':
      return options(KECAMATAN_NAMES);
    case 'kelurahan':
      return options(KELURAHAN_NAMES);
    case 'outletStatus':
      return options(OUTLET_STATUSES);
    case 'mentorIds': {
      const select = options([]);
      for (const m of data.mentors) select.append(el('option', { value: m.id }, `${m.id} — ${m.name ?? ''}`));
      return select;
    }
    default:
      break;
  }
  if (column.kind === 'yesno') return el('input', { id, name: column.field, type: 'checkbox' });
  // Dates typed and shown as dd/mm/yyyy, the way the sheets and every message write them (the reader accepts the same text as a cell).
  if (column.kind === 'date') return el('input', { id, name: column.field, type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: 'dd/mm/yyyy', 'data-kind': 'date' });
  const numeric = ['integer', 'amount', 'percent', 'year', 'number'].includes(column.kind);
  return el('input', { id, name: column.field, type: 'text', autocomplete: 'off', ...(numeric ? { inputmode: 'decimal' } : {}), ...(column.kind === 'amount' ? { 'data-kind': 'amount', placeholder: 'Rp 0' } : {}) });
}

/** A co-op as pickers show it: ID, short name and kelurahan. */
export function coopChoiceLabel(c: { id: string; name: string | null; kelurahan: string | null }): string {
  const name = (c.name ?? '').replace(/^Koperasi Kelurahan Merah Putih /, 'KKMP ');
  return `${c.id} — ${name}${c.kelurahan && !name.includes(c.kelurahan) ? ` (${c.kelurahan})` : ''}`;
}

export function buildForm(kind: FormKind, data: SidebarData, onSubmit: (values: FormValues) => void, onInput?: () => void): FormHandle {
  const form = el('form', { class: 'form', novalidate: 'true', 'data-form': kind });
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  for (const column of FORM_FIELDS[kind]) {
    const input = inputFor(kind, column, data);
    inputs.set(column.field, input);
    const required = REQUIRED_FIELDS[kind].includes(column.field);
    if (required) input.setAttribute('aria-required', 'true');
    const error = el('p', { class: 'error', id: `${input.id}-error`, 'aria-live': 'polite' });
    input.setAttribute('aria-describedby', error.id);
    const label = el('label', { for: input.id }, t(`${kind}.${column.field}`, {}, 'label'), required ? ' *' : '');
    const field = el('div', { class: `field ${input instanceof HTMLInputElement && input.type === 'checkbox' ? 'check' : ''}`, 'data-field': column.field });
    if (input instanceof HTMLInputElement && input.type === 'checkbox') field.append(input, label, error);
    else field.append(label, input, error);
    form.append(field);
    if (onInput) input.addEventListener(input instanceof HTMLInputElement && input.type !== 'checkbox' ? 'input' : 'change', onInput);
    // A message about a value goes once the value is changed (the next save checks again).
    input.addEventListener(input instanceof HTMLInputElement && input.type !== 'checkbox' ? 'input' : 'change', () => {
      if (input.getAttribute('aria-invalid') !== 'true') return;
      input.removeAttribute('aria-invalid');
      error.textContent = '';
      // The last marked field changed: "check the marked fields" would point at nothing.
      const status = form.querySelector('.form-status');
      if (!form.querySelector('[aria-invalid="true"]') && status?.textContent === t('notSaved', {}, 'form')) {
        status.textContent = '';
        status.className = 'form-status';
      }
    });
  }
  // Kelurahan follows kecamatan: only the chosen kecamatan's kelurahan are offered.
  const kecamatan = inputs.get('kecamatan');
  const kelurahan = inputs.get('kelurahan');
  if (kecamatan instanceof HTMLSelectElement && kelurahan instanceof HTMLSelectElement) {
    const follow = (): void => {
      const allowed = BALIKPAPAN.find(([k]) => k === kecamatan.value)?.[1] ?? null;
      for (const option of Array.from(kelurahan.options)) option.hidden = option.value !== '' && allowed !== null && !allowed.includes(option.value) && option.value !== kelurahan.value;
      if (allowed !== null && kelurahan.value !== '' && !allowed.includes(kelurahan.value)) kelurahan.value = '';
    };
    kecamatan.addEventListener('change', follow);
    form.addEventListener('pantau:filled', follow);
  }
  // A field's message slot: inside the form, or beside it (the mentor's assignment list).
  const errorFor = (field: string): HTMLElement | null => form.querySelector(`#${kind}-${field}-error`) ?? document.getElementById(`${kind}-${field}-error`);
  const handle: FormHandle = {
    form,
    values: () => {
      const values: FormValues = {};
      for (const [field, input] of inputs) values[field] = input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value;
      return values;
    },
    fill: (record) => {
      const shown = shownRecord(kind, record);
      for (const field of inputs.keys()) handle.set(field, shown[field] ?? '');
      handle.showErrors([]);
      form.dispatchEvent(new Event('pantau:filled'));
    },
    set: (field, value) => {
      const input = inputs.get(field);
      if (!input) return;
      if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value === true;
      else if (input instanceof HTMLSelectElement && value !== '' && !Array.from(input.options).some((o) => o.value === String(value))) {
        input.append(el('option', { value: String(value) }, String(value)));
        input.value = String(value);
      } else input.value = String(value);
    },
    showErrors: (errors, warnings = []) => {
      document.querySelectorAll(`.error[id^="${kind}-"]`).forEach((node) => {
        node.textContent = '';
        node.classList.remove('warn');
      });
      form.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
      for (const warning of warnings) {
        const node = errorFor(warning.field);
        if (node) {
          node.textContent = pick(warning.text);
          node.classList.add('warn');
        }
      }
      for (const error of errors) {
        const node = errorFor(error.field);
        if (node) node.textContent = pick(error.text);
        inputs.get(error.field)?.setAttribute('aria-invalid', 'true');
      }
      // Focus the first field in the form's order that has an error.
      const wrong = new Set(errors.map((e) => e.field));
      const first = Array.from(inputs.entries()).find(([field]) => wrong.has(field))?.[1];
      first?.focus();
    },
  };
  const submit = el('button', { type: 'submit', class: 'primary' }, t('save'));
  // The outcome sits in the sticky bar beside Save, so it stays in view whatever the scroll.
  const status = el('p', { class: 'form-status', role: 'status', 'aria-live': 'polite', tabindex: '-1' });
  form.append(el('div', { class: 'actions' }, submit, status));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(handle.values());
  });
  return handle;
}

export { changedFields, shownRecord } from '../core/forms/form-shown';

/**
 * Checks a submission in the browser first (nothing goes to the server on an
 * error), with the values as the server will read them.
 * @param record the record being edited as loaded (a co-op with its view; a
 *   mentor from `data.mentors` when not given), so checks across fields see the
 *   unchanged ones
 */
export function checkLocally(submission: FormSubmission, data: SidebarData, record: Record<string, unknown> | null = null): FormCheck {
  const editing = submission.editing;
  const current =
    editing === null || submission.kind === 'rat'
      ? null
      : record ?? (submission.kind === 'mentor' ? ((data.mentors.find((m) => m.id === editing) as unknown as Record<string, unknown> | undefined) ?? null) : null);
  return validateForm(submission, data.context, current);
}

/** A question the server asked before saving, with one button per answer, shown above the form's Save button. */
export function showQuestion(form: HTMLFormElement, text: string, options: Array<{ label: string; choose: () => void }>): void {
  clearQuestion(form);
  const buttons = options.map((option, i) => {
    const button = el('button', { type: 'button', class: i === 0 ? 'primary' : '' }, option.label);
    button.addEventListener('click', () => {
      clearQuestion(form);
      option.choose();
    });
    return button;
  });
  const box = el('div', { class: 'question', role: 'alertdialog', 'aria-live': 'assertive' }, el('p', {}, text), el('div', { class: 'actions' }, ...buttons));
  form.insertBefore(box, form.querySelector('.actions'));
  buttons[0]?.focus();
}

export function clearQuestion(form: HTMLFormElement): void {
  form.querySelectorAll('.question').forEach((node) => node.remove());
}

export function setStatus(form: HTMLFormElement, text: string, kind: 'ok' | 'bad' | 'busy'): void {
  const node = form.querySelector('.form-status');
  if (node) {
    node.textContent = text;
    node.className = `form-status ${kind}`;
  }
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
  if (button) {
    button.disabled = kind === 'busy';
    button.textContent = kind === 'busy' ? t('saving') : t('save');
  }
}

/**
 * The sidebar's client code: shows the rules in force and the statuses of each
 * check, in the user's language (remembered on the server). Everything from the
 * server is written with textContent, never as HTML.
 */
import messages from '../../rules/messages.json';
import type { RulesOverview } from '../shared/sidebar-api';
import type { Lang } from '../shared/types';
import { callServer } from './server';

type Table = Record<string, { id: string; en: string }>;
const ui = messages.ui as Table;
const words = messages.word as Table;

let lang: Lang = 'id';

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function text(key: string): string {
  return (ui[key] ?? { id: key, en: key })[lang];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, content?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (content !== undefined) node.textContent = content;
  if (className) node.className = className;
  return node;
}

function formatNumber(value: number): string {
  return value.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
}

/** "6 bulan", "Rp 500.000.000", "50%": a parameter's value with its unit, in the interface language. */
function withUnit(value: number, unit: string): string {
  const template = words[`unit.${unit}`]?.[lang] ?? `{n} ${unit}`;
  return template.replace('{n}', formatNumber(value));
}

/** The sidebar's own words, shown at once (before, or without, an answer from the server). */
function renderLabels(): void {
  document.documentElement.lang = lang;
  byId('title').textContent = text('sidebarTitle');
  byId('subtitle').textContent = text('sidebarSubtitle');
  byId('lang-label').textContent = text('language');
  byId('statuses-heading').textContent = text('statuses');
  byId('parameters-heading').textContent = text('parameters');
  byId('th-key').textContent = text('parameterKey');
  byId('th-value').textContent = text('parameterValue');
  byId('version-label').textContent = text('rulesVersion');
  document.querySelectorAll<HTMLButtonElement>('.lang button').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  });
}

function render(overview: RulesOverview): void {
  lang = overview.lang;
  renderLabels();
  byId('version').textContent = overview.rulesVersion;

  const checks = byId('checks');
  checks.replaceChildren(
    ...overview.checks.map((check) => {
      const box = el('div', undefined, 'check');
      box.append(el('h3', check.title[lang]));
      const chips = el('div', undefined, 'chips');
      chips.append(...check.statuses.map((status) => el('span', status.label[lang], 'chip')));
      box.append(chips);
      return box;
    }),
  );

  const body = byId<HTMLTableElement>('parameters').tBodies[0] as HTMLTableSectionElement;
  body.replaceChildren(
    ...overview.parameters.map((parameter) => {
      const row = el('tr');
      const name = el('td');
      name.append(el('code', parameter.key), el('small', parameter.note[lang]));
      row.append(name, el('td', withUnit(parameter.value, parameter.unit), 'value'));
      return row;
    }),
  );
  byId('status').textContent = '';
}

function showError(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  byId('status').textContent = text('serverError').replace('{detail}', detail);
}

function start(): void {
  renderLabels();
  byId('status').textContent = text('loading');
  document.querySelectorAll<HTMLButtonElement>('.lang button').forEach((button) => {
    button.addEventListener('click', () => {
      callServer('setLanguage', button.dataset.lang === 'en' ? 'en' : 'id').then(render, showError);
    });
  });
  callServer('getRulesOverview').then(render, showError);
}

start();

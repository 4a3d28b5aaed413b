/**
 * Small DOM helpers for the sidebar. Every text goes in with textContent (never
 * innerHTML), so a co-op named `<img src=x onerror=alert(1)>` shows as text.
 * Texts come from rules/messages.json in the current language.
 */
import messages from '../../rules/messages.json';
import type { Bilingual, Lang } from '../shared/types';

type Table = Record<string, Bilingual>;
const TABLES = messages as unknown as Record<string, Table>;

let language: Lang = 'id';

export function setLang(lang: Lang): void {
  language = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return language;
}

/** A message in the current language, with `{name}` placeholders filled. */
export function t(key: string, values: Record<string, string | number> = {}, table = 'ui'): string {
  const text = TABLES[table]?.[key]?.[language] ?? key;
  return text.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function pick(text: Bilingual): string {
  return text[language];
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string | null>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child !== null) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: decimals });
}

/** `YYYY-MM-DD` as officers write it, `dd/mm/yyyy` ('' for none). */
export function isoToDisplay(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}/${m}/${y}` : iso;
}

/** An amount as `Rp 600.000.000` (Indonesian grouping, as the sheets show it). */
export function rupiah(value: number): string {
  return `Rp ${Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/**
 * Shows values the way staff read them: `Rp 120.000.000`, `30/06/2026`,
 * `33,3%`, `147 hari` in Bahasa Indonesia; `Rp 120,000,000`, `147 days` in
 * English. Units come from the fact catalogue and rules/parameters.json.
 */
import type { Json, Lang } from '../shared/types';
import { displayFromDay } from './calendar';
import { fill, message } from './messages';

export type Unit =
  | 'date' | 'rupiah' | 'percent' | 'count' | 'days' | 'year' | 'boolean' | 'text'
  | 'months' | 'years' | 'co-ops' | 'members';

export function formatNumber(value: number, lang: Lang, maxDecimals = 2): string {
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(value * factor) / factor;
  const [whole = '0', decimals = ''] = Math.abs(rounded).toFixed(maxDecimals).split('.');
  const fraction = decimals.replace(/0+$/, '');
  const group = lang === 'id' ? '.' : ',';
  const decimal = lang === 'id' ? ',' : '.';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

export function formatValue(value: Json | undefined, unit: Unit, lang: Lang): string {
  if (value === null || value === undefined || value === '') return message('word', 'blank')[lang];
  if (typeof value === 'boolean') return message('word', value ? 'yes' : 'no')[lang];
  if (typeof value !== 'number') return String(value);
  switch (unit) {
    case 'date':
      return displayFromDay(value);
    case 'rupiah':
      return `Rp ${formatNumber(value, lang, 0)}`;
    case 'percent':
      return `${formatNumber(value, lang, 1)}%`;
    case 'days':
      return Math.abs(value) === 1
        ? message('word', 'oneDay')[lang]
        : fill(message('word', 'days')[lang], () => formatNumber(value, lang, 0));
    case 'year':
      return String(value);
    default:
      return formatNumber(value, lang);
  }
}

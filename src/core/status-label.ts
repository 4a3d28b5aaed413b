/**
 * A status as people read it, where one status code covers two colours: a
 * legal entity with every follow-up paper (green) and one with papers missing
 * (amber) are both BERBADAN HUKUM, and must not look the same on any bar,
 * legend or chip (issue 16: one meaning per colour and word). The words come
 * from the message table's `statusVariant` section (`CODE.level`), else the
 * plain `status` text.
 */
import type { Bilingual, Severity } from '../shared/types';
import { hasMessage, message } from './messages';

const variants = new Map<string, boolean>();

/** True when `CODE.level` has words of its own in `statusVariant`. */
export function hasVariant(key: string): boolean {
  let known = variants.get(key);
  if (known === undefined) variants.set(key, (known = hasMessage('statusVariant', key)));
  return known;
}

/** What to count a status under: `CODE.level` where that has its own words, else the code. */
export function statusKey(status: string, severity: Severity): string {
  const variant = `${status}.${severity}`;
  return hasVariant(variant) ? variant : status;
}

/** The words for a status at a colour level (both languages). */
export function statusLabel(status: string, severity: Severity): Bilingual {
  const variant = `${status}.${severity}`;
  return hasVariant(variant) ? message('statusVariant', variant) : message('status', status);
}

/**
 * What every subcommand of the command line reads the same way: the language
 * asked for (found before anything else, so every message can use it) and a
 * date as the sheets accept one (the core's cell reader, not a second parser).
 */
import { readCell } from '../core/workbook/cell-values';
import type { Lang } from '../shared/types';
import { XLSX_CELL_CONTEXT } from './xlsx-workbook';

/** The language of `--lang id|en` or `--lang=en` anywhere in the arguments (last wins; default id). */
export function languageOf(args: readonly string[]): Lang {
  let lang: Lang = 'id';
  args.forEach((arg, i) => {
    const value = arg === '--lang' ? args[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'id' || value === 'en') lang = value;
  });
  return lang;
}

/** A check date as the sheets accept it — 15/06/2026, 2026-06-15, 15 Juni 2026 — as YYYY-MM-DD, or null. */
export function checkDate(text: string): string | null {
  const read = readCell('date', text, XLSX_CELL_CONTEXT);
  return 'value' in read && typeof read.value === 'string' ? read.value : null;
}

/**
 * Looks up texts in the message tables (rules/messages.json) and fills their
 * `{placeholders}`. Every word the add-on shows comes through here, in both
 * languages; code never carries user-facing string literals of its own.
 */
import type { Bilingual } from '../shared/types';
import { MESSAGES, type MessagesFile } from './rule-data';

export type MessageSection = keyof MessagesFile;

/** Each table as a Map, built once: own keys only (`constructor` or `__proto__` are no message), and a fast look-up on the per-co-op path. */
const TABLES = new Map<MessageSection, Map<string, Bilingual>>();
function table(section: MessageSection): Map<string, Bilingual> {
  let found = TABLES.get(section);
  if (!found) {
    found = new Map(Object.entries(MESSAGES[section]));
    TABLES.set(section, found);
  }
  return found;
}

export function message(section: MessageSection, key: string): Bilingual {
  const found = table(section).get(key);
  if (!found) throw new Error(`messages: no ${section} message '${key}' in rules/messages.json`);
  return found;
}

export function hasMessage(section: MessageSection, key: string): boolean {
  return table(section).has(key);
}

/** Replaces `{name}` with `values(name)`; a name it cannot fill stays as written. */
export function fill(template: string, values: (name: string) => string | undefined): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => values(name) ?? whole);
}

/** A message in both languages with the same values (already per language). */
export function fillBoth(text: Bilingual, values: (name: string, lang: keyof Bilingual) => string | undefined): Bilingual {
  return {
    id: fill(text.id, (name) => values(name, 'id')),
    en: fill(text.en, (name) => values(name, 'en')),
  };
}

/** The placeholder names a template uses. */
export function placeholders(template: string): string[] {
  return Array.from(template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g), (m) => m[1] as string);
}

/** An error's message, also for errors from another realm or thrown as plain values. */
export function errorText(error: unknown): string {
  const text = (error as { message?: unknown } | null)?.message;
  return typeof text === 'string' ? text : String(error);
}

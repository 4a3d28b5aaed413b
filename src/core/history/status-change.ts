/**
 * What changed for each co-op since the previous check-all: per check, ↑
 * (better), ↓ (worse) or → (another status at the same level), with the
 * reason for a worse status. "Better" and "worse" follow the colour level a
 * status rule gives (green > amber > red), because statuses of one check are
 * not ordered by themselves: SELESAI → BELUM JATUH TEMPO in January is a new
 * book year (→), not a decline, while BELUM JATUH TEMPO turning amber three
 * months before the deadline is (↓).
 *
 * A co-op counts as worsened when any check went down, as improved when some
 * check went up and none down; → alone counts as unchanged.
 */
import type { Bilingual, CheckId, Severity } from '../../shared/types';
import { fillBoth, message } from '../messages';
import { idKey } from '../id-key';
import { CHECK_IDS } from '../rule-data';
import type { CheckedCoop } from './checked-coop';
import type { HistoryBlock, HistoryEntry } from './history-row';

export type Direction = 'up' | 'down' | 'side';

export interface CheckChange {
  check: CheckId;
  from: string;
  to: string;
  fromLevel: Severity | null;
  toLevel: Severity | null;
  direction: Direction;
  /** Why the new status, for a change down (the check's first reason now). */
  reason: Bilingual | null;
}

export type ChangeKind = 'improved' | 'worsened' | 'unchanged' | 'new';

export interface CoopChange {
  coopId: string;
  name: string | null;
  kind: ChangeKind;
  changes: CheckChange[];
  /** One line for a cell or the sidebar, e.g. "↓ RAT: BELUM JATUH TEMPO → TERLAMBAT (…)". */
  text: Bilingual;
}

export interface ChangeSummary {
  /** Check date of the block compared with; null when there is none (first check). */
  since: string | null;
  sinceTime: string | null;
  improved: number;
  worsened: number;
  unchanged: number;
  added: number;
  /** Co-ops of the block compared with that are not in the current check (removed from the register, or their ID changed), in that block's order. */
  removed: string[];
  /** One per co-op of the current check, in its order. */
  coops: CoopChange[];
}

const LEVEL_RANK: Readonly<Record<Severity, number>> = { ok: 0, warn: 1, bad: 2 };

/** Compares one co-op's previous entry (if any) with its current state. */
export function coopChange(previous: HistoryEntry | undefined, current: CheckedCoop): CoopChange {
  const { entry } = current;
  const h = (key: string): Bilingual => message('history', key);
  if (!previous) return { coopId: entry.coopId, name: current.name, kind: 'new', changes: [], text: h('changeNew') };
  const changes: CheckChange[] = [];
  for (const check of CHECK_IDS) {
    const from = previous.statuses[check];
    const to = entry.statuses[check];
    if (from === undefined || to === undefined) continue;
    const fromLevel = previous.levels[check];
    const toLevel = entry.levels[check];
    const rank = (level: Severity | undefined): number => (level === undefined ? 1 : LEVEL_RANK[level]);
    const delta = fromLevel === undefined || toLevel === undefined ? 0 : rank(toLevel) - rank(fromLevel);
    if (from === to && delta === 0) continue;
    const direction: Direction = delta < 0 ? 'up' : delta > 0 ? 'down' : 'side';
    changes.push({ check, from, to, fromLevel: fromLevel ?? null, toLevel: toLevel ?? null, direction, reason: direction === 'down' ? (current.reasons[check] ?? null) : null });
  }
  const kind: ChangeKind = changes.some((c) => c.direction === 'down') ? 'worsened' : changes.some((c) => c.direction === 'up') ? 'improved' : 'unchanged';
  return { coopId: entry.coopId, name: current.name, kind, changes, text: changes.length === 0 ? h('changeNone') : joinBoth(changes.map(changeText)) };
}

/** "↓ RAT: BELUM JATUH TEMPO → TERLAMBAT (reason)" in both languages. */
export function changeText(change: CheckChange): Bilingual {
  const key = change.direction === 'up' ? 'changeUp' : change.direction === 'down' ? 'changeDown' : 'changeSide';
  const check = message('check', change.check);
  const from = message('status', change.from);
  const to = message('status', change.to);
  const levelName = (level: Severity | null): Bilingual => message('history', level === 'ok' ? 'levelOk' : level === 'warn' ? 'levelWarn' : 'levelBad');
  // Same status, other colour (e.g. BERBADAN HUKUM once the follow-up papers are complete): name the colours.
  const line = change.from === change.to
    ? fillBoth(message('history', 'changeLevel'), (name, lang) => ({ arrow: change.direction === 'up' ? '↑' : '↓', check: check[lang], status: to[lang], from: levelName(change.fromLevel)[lang], to: levelName(change.toLevel)[lang] })[name])
    : fillBoth(message('history', key), (name, lang) => ({ check: check[lang], from: from[lang], to: to[lang] })[name]);
  if (!change.reason) return line;
  const reason = change.reason;
  return fillBoth(message('history', 'changeReason'), (name, lang) => ({ change: line[lang], reason: reason[lang] })[name]);
}

function joinBoth(texts: Bilingual[]): Bilingual {
  return { id: texts.map((t) => t.id).join('; '), en: texts.map((t) => t.en).join('; ') };
}

/**
 * Every co-op of the current check compared with the block before it.
 * @param previous the last block recorded before this check (undefined: first check)
 */
export function changesSince(previous: HistoryBlock | undefined, current: readonly CheckedCoop[]): ChangeSummary {
  // IDs compared as everywhere in the workbook (./id-key.ts): 'kkmp–bpp-01 ' is KKMP-BPP-01.
  const before = new Map((previous?.entries ?? []).map((entry) => [idKey(entry.coopId), entry]));
  const now = new Set(current.map((coop) => idKey(coop.entry.coopId)));
  const coops = current.map((coop) => coopChange(previous ? before.get(idKey(coop.entry.coopId)) : undefined, coop));
  const count = (kind: ChangeKind): number => coops.filter((c) => c.kind === kind).length;
  return {
    since: previous?.checkedOn ?? null,
    sinceTime: previous?.checkedAt ?? null,
    improved: count('improved'),
    worsened: count('worsened'),
    unchanged: count('unchanged'),
    added: previous ? count('new') : 0,
    removed: (previous?.entries ?? []).filter((entry) => !now.has(idKey(entry.coopId))).map((entry) => entry.coopId),
    coops,
  };
}

/** Changes between two recorded blocks (no reasons: history keeps none). */
export function changesBetween(previous: HistoryBlock | undefined, next: HistoryBlock): ChangeSummary {
  return changesSince(previous, next.entries.map((entry) => ({ entry, name: null, reasons: {} })));
}

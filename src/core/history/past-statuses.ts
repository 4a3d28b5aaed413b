/**
 * Statuses of the co-ops on a past date, read back from the history — for the
 * mentors' monthly report and evaluations (issue 17) and anyone asking "where
 * did this co-op stand on 15 March?".
 */
import type { IsoDate } from '../../shared/types';
import { idKey } from '../id-key';
import { historyBlocks, type HistoryBlock, type HistoryEntry } from './history-row';

/**
 * The last check-all recorded on or before `date`, or null when the history
 * starts later. Of several checks on one date, the last written counts.
 *
 * @param entries the rows of `Riwayat` (see `readHistory`), any order of blocks
 * @param date YYYY-MM-DD
 * @returns the block: its check date and time, rules version and one entry per
 *   co-op (statuses, levels, score); co-ops not in the register then are absent
 */
export function checkOn(entries: readonly HistoryEntry[], date: IsoDate): HistoryBlock | null {
  let found: HistoryBlock | null = null;
  for (const block of historyBlocks(entries)) if (block.checkedOn <= date) found = block;
  return found;
}

/**
 * One co-op's recorded statuses on `date` (IDs compared as everywhere in the
 * workbook, ../id-key.ts), or null when it was not checked by then.
 */
export function coopStatusOn(entries: readonly HistoryEntry[], coopId: string, date: IsoDate): HistoryEntry | null {
  const key = idKey(coopId);
  return checkOn(entries, date)?.entries.find((entry) => idKey(entry.coopId) === key) ?? null;
}

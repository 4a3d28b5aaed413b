/**
 * A co-op's statuses on a past day, for the monthly report (start and end of
 * the month) and the year-end evaluation (start of the contract).
 *
 * The one place to switch when the history log (`Riwayat`, issue 18) lands:
 * until then there is no record of past statuses, so this gives the statuses
 * of the check run *now* and says so (`source: 'now'`), and every report shows
 * that note rather than pretending to know the past. Evaluating today's
 * records on a past date would be wrong (a RAT held later would count as held
 * then), so that is not done.
 */
import type { StatusSource } from '../../shared/mentoring';
import type { CheckRun, CoopResult, IsoDate } from '../../shared/types';
import { idKey } from '../city-index';

export interface StatusesOnDay {
  source: StatusSource;
  /** Co-op key (see idKey) → its results on that day. */
  byCoop: Map<string, CoopResult>;
}

export function statusesOn(now: CheckRun, day: IsoDate): StatusesOnDay {
  void day; // issue 18: read the co-op's statuses on `day` from the history log here.
  return { source: 'now', byCoop: new Map(now.results.map((r) => [idKey(r.coopId) as string, r])) };
}

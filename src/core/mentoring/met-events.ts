/**
 * Requirements met during a period, read from the dated facts the workbook
 * already holds: a founding deed signed, an SK AHU issued, a RAT held, a RAT
 * report that reached the office. Used by the monthly report ("requirements
 * met this month") and the evaluation ("met during the contract").
 */
import type { MetEvent } from '../../shared/mentoring';
import type { CoopRecord, RatMeeting } from '../../shared/types';
import { dayFromIso } from '../calendar';
import { idKey } from '../city-index';
import { fillBoth, message } from '../messages';

/** Events of `coops` dated from `fromDay` to `toDay` inclusive, by date. */
export function metEvents(coops: readonly CoopRecord[], meetings: readonly RatMeeting[], fromDay: number, toDay: number): MetEvent[] {
  const events: MetEvent[] = [];
  const within = (iso: string | null): iso is string => {
    const day = dayFromIso(iso);
    return day !== null && day >= fromDay && day <= toDay;
  };
  const keys = new Set(coops.map((c) => idKey(c.id)));
  for (const coop of coops) {
    if (within(coop.deedDate)) events.push({ coopId: coop.id, date: coop.deedDate, kind: 'deed', label: message('mentoring', 'eventDeed') });
    if (within(coop.skAhuDate)) events.push({ coopId: coop.id, date: coop.skAhuDate, kind: 'skAhu', label: message('mentoring', 'eventSkAhu') });
  }
  for (const meeting of meetings) {
    if (!keys.has(idKey(meeting.coopId))) continue;
    const year = String(meeting.bookYear ?? '');
    if (within(meeting.heldOn)) events.push({ coopId: meeting.coopId, date: meeting.heldOn, kind: 'ratHeld', label: fillBoth(message('mentoring', 'eventRatHeld'), () => year) });
    if (within(meeting.reportedOn)) events.push({ coopId: meeting.coopId, date: meeting.reportedOn, kind: 'ratReported', label: fillBoth(message('mentoring', 'eventRatReported'), () => year) });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.coopId.localeCompare(b.coopId));
}

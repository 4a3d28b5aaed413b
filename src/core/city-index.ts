/**
 * Indexes built once per run over all co-ops, meetings and mentors, so that
 * cross-row facts (a mentor's load, a co-op's meetings, where the RAT log
 * starts) are looked up per co-op instead of scanned per co-op.
 */
import type { CheckInput, Mentor, RatMeeting } from '../shared/types';
import { dayFromIso } from './calendar';
import { idKey } from './id-key';

/** How IDs are matched (see id-key.ts): `PD - 03`, `pd-03` and `ＰＤ–03` are one ID. */
export { idKey };

export interface CityIndex {
  /** Meetings per co-op key, then per book year. */
  meetings: Map<string, Map<number, RatMeeting[]>>;
  /** The first book year in the RAT log: years before it are unknown, not missed. */
  logStartYear: number | null;
  /** Mentors by key (first row wins; duplicates are input problems). */
  mentors: Map<string, Mentor>;
  /** Co-ops referring to each mentor key. */
  mentorLoads: Map<string, number>;
}

export function buildCityIndex(input: CheckInput): CityIndex {
  const meetings = new Map<string, Map<number, RatMeeting[]>>();
  let logStartYear: number | null = null;
  for (const meeting of input.meetings) {
    const key = idKey(meeting.coopId);
    if (key === null || meeting.bookYear === null) continue;
    let byYear = meetings.get(key);
    if (!byYear) meetings.set(key, (byYear = new Map()));
    const list = byYear.get(meeting.bookYear);
    if (list) list.push(meeting);
    else byYear.set(meeting.bookYear, [meeting]);
    if (logStartYear === null || meeting.bookYear < logStartYear) logStartYear = meeting.bookYear;
  }
  const mentors = new Map<string, Mentor>();
  for (const mentor of input.mentors) {
    const key = idKey(mentor.id);
    if (key !== null && !mentors.has(key)) mentors.set(key, mentor);
  }
  const mentorLoads = new Map<string, number>();
  for (const mentorId of input.cityMentorIds ?? input.coops.map((coop) => coop.mentorId)) {
    const key = idKey(mentorId);
    if (key !== null) mentorLoads.set(key, (mentorLoads.get(key) ?? 0) + 1);
  }
  if (input.ratLogStartYear !== undefined) logStartYear = input.ratLogStartYear;
  return { meetings, logStartYear, mentors, mentorLoads };
}

/** The meetings of one co-op for one book year that were actually held (have a valid date). */
export function heldMeetings(index: CityIndex, coopKey: string, bookYear: number): RatMeeting[] {
  const list = index.meetings.get(coopKey)?.get(bookYear) ?? [];
  return list.filter((m) => dayFromIso(m.heldOn) !== null);
}

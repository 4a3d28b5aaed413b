/**
 * The facts the rules see for one co-op: values read from its record, and
 * facts derived once per co-op per run — the RAT book year, its deadline and
 * days past it, attendance and quorum, report delay, consecutive years without
 * RAT, the mentor's contract and load. Dates become day numbers, because
 * json-rules-engine's operators compare numbers.
 *
 * The check date is an input: nothing here reads a clock.
 */
import type { CoopRecord, RatMeeting } from '../shared/types';
import { addMonths, dayFromIso, dayFromParts, endOfMonthAfter, partsFromDay } from './calendar';
import { heldMeetings, idKey, type CityIndex } from './city-index';
import { COLUMN_FACTS } from './fact-catalogue';
import type { ParameterValues } from './parameters';

export type FactValue = number | boolean | string | null;
export type Facts = Record<string, FactValue>;

export function deriveFacts(record: CoopRecord, index: CityIndex, params: ParameterValues, checkDay: number): Facts {
  const checkYear = partsFromDay(checkDay).year;
  const coopKey = idKey(record.id) ?? '';
  const deedDay = dayFromIso(record.deedDate);
  const skAhuDay = dayFromIso(record.skAhuDate);
  const nib = text(record.nib);
  const foundingDay = deedDay ?? skAhuDay;
  const foundingYear = foundingDay === null ? null : partsFromDay(foundingDay).year;

  // RAT: the last closed book year, or the founding year for a co-op founded since.
  const deadlineMonths = params.ratDeadlineMonths as number;
  const ratBookYear = foundingYear === null ? checkYear - 1 : Math.max(checkYear - 1, foundingYear);
  const ratDueDay = endOfMonthAfter(ratBookYear, 12, deadlineMonths);
  const meeting = pickMeeting(heldMeetings(index, coopKey, ratBookYear), record, params);
  const ratHeldDay = meeting ? dayFromIso(meeting.heldOn) : null;
  const ratHeld = ratHeldDay !== null;
  const attendance = meeting ? attendancePercent(meeting, record) : null;
  const quorum = quorumPercent(record, params);
  const ratQuorate = ratHeld && attendance !== null && attendance > quorum;
  const reportedDay = meeting ? dayFromIso(meeting.reportedOn) : null;
  const ratReported = ratHeld && reportedDay !== null;
  const reportDueDay = ratHeldDay === null ? null : addMonths(ratHeldDay, params.ratReportDueMonths as number);

  // Mentor
  const mentorKey = idKey(record.mentorId);
  const mentor = mentorKey === null ? undefined : index.mentors.get(mentorKey);
  const mentorStartDay = mentor ? dayFromIso(mentor.startsOn) : null;
  const mentorEndDay = mentor ? dayFromIso(mentor.endsOn) : null;
  const mentorActive =
    mentor !== undefined &&
    (mentorStartDay === null || mentorStartDay <= checkDay) &&
    (mentorEndDay === null || mentorEndDay >= checkDay);

  const facts: Facts = {
    checkDay,
    hasDeed: text(record.deedNumber) !== null || deedDay !== null,
    deedDay,
    hasSkAhu: text(record.skAhuNumber) !== null || skAhuDay !== null,
    skAhuDay,
    nibPresent: nib !== null,
    nibDigitCount: nib === null ? 0 : nib.replace(/\D/g, '').length,
    npwpPresent: text(record.npwp) !== null,
    nikPresent: text(record.nikKoperasi) !== null,
    bankAccount: record.bankAccount,
    simkopdesAccount: record.simkopdesAccount,

    ratBookYear,
    ratBookYearEndDay: dayFromParts(ratBookYear, 12, 31),
    ratDueDay,
    ratWarningDay: addMonths(ratDueDay, -(params.ratEarlyWarningMonths as number)),
    ratDaysPastDue: checkDay - ratDueDay,
    ratHeld,
    ratHeldDay,
    ratAttendancePercent: attendance,
    ratQuorumPercent: quorum,
    ratQuorate,
    ratHeldQuorate: ratQuorate,
    ratReported,
    ratReportedDay: reportedDay,
    ratReportDueDay: reportDueDay,
    ratReportDaysLate: ratReported && reportDueDay !== null ? (reportedDay as number) - reportDueDay : null,
    ratMissedYears: missedYears(index, coopKey, foundingYear, checkDay, deadlineMonths, (year) => heldMeetings(index, coopKey, year).some((m) => isQuorate(m, record, params))),

    mentorId: text(record.mentorId),
    mentorAssigned: mentorKey !== null,
    mentorListed: mentor !== undefined,
    mentorStartDay,
    mentorEndDay,
    mentorActive,
    mentorLoad: mentorKey === null ? 0 : (index.mentorLoads.get(mentorKey) ?? 0),

    members: record.members,
    spCapital: record.spCapital,
    separateBooks: record.separateBooks,
    workPlan3y: record.workPlan3y,
    spLicence: record.spLicence,
    competentManager: record.competentManager,
    office: record.office,
    auditedReport: record.auditedReport,
  };
  // Every other register column, as fact-catalogue.ts names it (a new check's columns need no code here).
  for (const fact of COLUMN_FACTS) {
    const value = record[fact.field] as unknown;
    facts[fact.name] = fact.present ? text(typeof value === 'string' ? value : null) !== null : ((value ?? null) as FactValue);
  }
  return facts;
}

function text(value: string | null): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function quorumPercent(record: CoopRecord, params: ParameterValues): number {
  return record.ratQuorumPercent ?? (params.ratDefaultQuorumPercent as number);
}

function attendancePercent(meeting: RatMeeting, record: CoopRecord): number | null {
  const members = meeting.members ?? record.members;
  if (meeting.membersPresent === null || members === null || members <= 0) return null;
  return (meeting.membersPresent / members) * 100;
}

/**
 * When a book year has several held meetings (a second call after a meeting
 * without quorum is common), the quorate one counts; among equals, the latest.
 */
function pickMeeting(held: RatMeeting[], record: CoopRecord, params: ParameterValues): RatMeeting | null {
  let best: RatMeeting | null = null;
  let bestScore = -Infinity;
  for (const meeting of held) {
    const quorate = isQuorate(meeting, record, params);
    const score = (quorate ? 1e9 : 0) + (dayFromIso(meeting.heldOn) as number);
    if (score > bestScore) {
      best = meeting;
      bestScore = score;
    }
  }
  return best;
}

/** Held with quorum: attendance above the co-op's quorum (unknown attendance is not quorate). One definition for the RAT status, the indicator, savings and loans and the years missed. */
function isQuorate(meeting: RatMeeting, record: CoopRecord, params: ParameterValues): boolean {
  const attendance = attendancePercent(meeting, record);
  return attendance !== null && attendance > quorumPercent(record, params);
}

/**
 * Consecutive book years, counting back from the latest one already past its
 * deadline, with no meeting held with quorum (a meeting without quorum is no RAT). Years before the co-op was founded, or before
 * the RAT log starts, are not known to be missed and are not counted.
 */
function missedYears(index: CityIndex, coopKey: string, foundingYear: number | null, checkDay: number, deadlineMonths: number, heldWithQuorum: (year: number) => boolean): number {
  const checkYear = partsFromDay(checkDay).year;
  let year = checkYear - 1;
  while (endOfMonthAfter(year, 12, deadlineMonths) >= checkDay) year -= 1;
  const bounds = [foundingYear, index.logStartYear].filter((y): y is number => y !== null);
  const lowest = bounds.length > 0 ? Math.max(...bounds) : year;
  let count = 0;
  for (; year >= lowest; year -= 1) {
    if (heldWithQuorum(year)) break;
    count += 1;
  }
  return count;
}

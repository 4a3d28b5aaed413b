/**
 * Follow-ups from the visit log: what a mentor promised to do after a visit
 * (`Tindak Lanjut`) and by when (`Tenggat Tindak Lanjut`). A follow-up stays
 * open until the optional column `Tindak Lanjut Selesai` says "Ya"; it is
 * overdue once its deadline is before the day asked about (on the deadline
 * day itself it is not yet late, like the RAT deadline).
 *
 * The log does not record *when* a follow-up was done, so a follow-up marked
 * done counts as done for every day asked about.
 */
import type { OpenFollowUp, Visit } from '../../shared/mentoring';
import { dayFromIso } from '../calendar';

/** Open follow-ups of `visits` as of day `onDay` (visits after that day are not yet made), overdue first, then by deadline. */
export function openFollowUps(visits: readonly Visit[], onDay: number): OpenFollowUp[] {
  const open: OpenFollowUp[] = [];
  for (const visit of visits) {
    const text = visit.followUp?.trim() ?? '';
    const visitDay = dayFromIso(visit.date);
    if (text === '' || visit.followUpDone === true || visitDay === null || visitDay > onDay) continue;
    const dueDay = dayFromIso(visit.followUpDue);
    const overdue = dueDay !== null && dueDay < onDay;
    open.push({
      coopId: visit.coopId,
      mentorId: visit.mentorId,
      visitDate: visit.date,
      followUp: text,
      due: visit.followUpDue,
      overdue,
      daysOverdue: overdue ? onDay - (dueDay as number) : 0,
      row: visit.row,
    });
  }
  return open.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (dayFromIso(a.due) ?? Infinity) - (dayFromIso(b.due) ?? Infinity) || a.row - b.row);
}

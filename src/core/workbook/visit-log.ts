/**
 * Reads the mentors' visit log, the sheet `Kunjungan` (one row per visit), with
 * the same header matching, cell reading and problem reporting as every other
 * table. The sheet is optional: a workbook without it has no visits and no
 * problem. What it reports, each with sheet, row and column: unreadable cells,
 * a blank mentor or co-op ID or date (row not used), a co-op not in the
 * register (row not used), a mentor not in `Pendamping` (visit kept), an
 * activity outside the short list (counted as "Lainnya"; the cell is never
 * changed), a follow-up deadline before the visit.
 */
import type { Visit } from '../../shared/mentoring';
import type { IsoDate, Problem } from '../../shared/types';
import { dayFromIso, displayFromDay } from '../calendar';
import { idKey } from '../city-index';
import type { CellContext } from './cell-values';
import { SHEETS, VISIT_ACTIVITIES, VISIT_COLUMNS } from './columns';
import { normaliseLabel } from './header-matching';
import { locatedProblem, readRows } from './table-reader';
import { headerTable, type SheetValues } from './workbook-reader';

export interface VisitLogKnown {
  /** Co-op keys of the register (see idKey). */
  coops: ReadonlySet<string | null>;
  /** Mentor keys of `Pendamping`. */
  mentors: ReadonlySet<string | null>;
  /** False when there is no `Pendamping` sheet: then unlisted mentors are not reported again. */
  mentorsRead: boolean;
}

/** The activity of the short list a typed text names (case and spaces ignored), or null. */
export function visitActivity(typed: string | null): (typeof VISIT_ACTIVITIES)[number] | null {
  const key = normaliseLabel(typed);
  return VISIT_ACTIVITIES.find((a) => normaliseLabel(a) === key) ?? null;
}

export function readVisitLog(sheet: SheetValues | undefined, context: CellContext, known: VisitLogKnown, problems: Problem[]): Visit[] {
  if (!sheet) return [];
  const table = headerTable(sheet, VISIT_COLUMNS, problems);
  if (!table) return [];
  const visits: Visit[] = [];
  for (const row of readRows(table, VISIT_COLUMNS, context, problems)) {
    const v = row.values;
    const location = { sheet: sheet.name, row: row.row };
    const mentorId = typeof v.mentorId === 'string' ? v.mentorId : null;
    const coopId = typeof v.coopId === 'string' ? v.coopId : null;
    if (idKey(mentorId) === null) {
      problems.push(locatedProblem('warning', location, 'blankId', { label: VISIT_COLUMNS[0]!.label }));
      continue;
    }
    if (idKey(coopId) === null) {
      problems.push(locatedProblem('warning', location, 'blankId', { label: VISIT_COLUMNS[1]!.label }));
      continue;
    }
    if (!known.coops.has(idKey(coopId))) {
      problems.push(locatedProblem('warning', location, 'visitUnknownCoop', { id: coopId as string }));
      continue;
    }
    const date = typeof v.date === 'string' ? v.date : null;
    if (date === null) {
      // An unreadable date was reported by readRows already; a blank one is reported here.
      if (!row.unreadable.includes('date')) problems.push(locatedProblem('warning', location, 'visitNoDate', {}));
      continue;
    }
    if (known.mentorsRead && !known.mentors.has(idKey(mentorId))) problems.push(locatedProblem('warning', location, 'visitUnlistedMentor', { id: mentorId as string }));
    const typedActivity = typeof v.activity === 'string' ? v.activity : null;
    const activity = visitActivity(typedActivity);
    if (typedActivity !== null && activity === null) {
      problems.push(locatedProblem('warning', location, 'visitUnknownActivity', { value: typedActivity, list: VISIT_ACTIVITIES.join(', ') }));
    }
    const followUpDue = typeof v.followUpDue === 'string' ? v.followUpDue : null;
    if (followUpDue !== null && (dayFromIso(followUpDue) as number) < (dayFromIso(date) as number)) {
      problems.push(locatedProblem('warning', location, 'visitDueBeforeVisit', { due: displayFromDay(dayFromIso(followUpDue) as number), date: displayFromDay(dayFromIso(date) as number) }));
    }
    visits.push({
      mentorId: (mentorId as string).trim(),
      coopId: (coopId as string).trim(),
      date,
      activity: activity ?? (typedActivity === null ? null : 'Lainnya'),
      notes: typeof v.notes === 'string' ? v.notes : null,
      followUp: typeof v.followUp === 'string' ? v.followUp : null,
      followUpDue,
      followUpDone: typeof v.followUpDone === 'boolean' ? v.followUpDone : null,
      row: row.row,
    });
  }
  return visits;
}

/**
 * Visits dated after the check date `asOf`. No view counts them (a visit
 * cannot have been made yet; most are a mistyped year), so each is reported
 * with its row instead of vanishing from the counts. The reader knows no check
 * date; every path that checks adds these through `problemsOnDate`.
 */
export function futureVisitProblems(visits: readonly Visit[], asOf: IsoDate): Problem[] {
  const checkDay = dayFromIso(asOf) as number;
  return visits
    .filter((v) => (dayFromIso(v.date) as number) > checkDay)
    .map((v) => locatedProblem('warning', { sheet: SHEETS.visits, row: v.row, column: VISIT_COLUMNS.find((c) => c.field === 'date')?.label ?? null }, 'visitAfterCheckDate', { date: displayFromDay(dayFromIso(v.date) as number), checkDate: displayFromDay(checkDay) }));
}

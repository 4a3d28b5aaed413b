/**
 * What the sidebar's mentor view shows: the mentors to pick from (with their
 * load), the chosen mentor's work list and latest visits, and what the visit
 * form needs to check its input. One read of the workbook, one check run.
 */
import { idKey } from '../core/city-index';
import { coopsOf, mentorWorkList } from '../core/mentoring/work-list';
import { VISIT_ACTIVITIES } from '../core/workbook/columns';
import { checkInputFrom, type WorkbookRead } from '../core/workbook/workbook-reader';
import type { MentorViewData, VisitContext } from '../shared/mentoring';
import type { CheckRun } from '../shared/types';
import { checkWorkbook } from './check-all';

const RECENT_VISITS = 5;

export function visitContext(run: CheckRun, read: WorkbookRead): VisitContext {
  const mentorCoops: Record<string, string[]> = {};
  for (const coop of read.coops) {
    const key = idKey(coop.mentorId);
    if (key !== null) (mentorCoops[key] ??= []).push(coop.id);
  }
  return { today: run.asOf, coopIds: read.coops.map((c) => c.id), mentorIds: read.mentors.map((m) => m.id), mentorCoops };
}

/** The view from a read and a run already made (after a save, the save's own). */
export function mentorViewFrom(run: CheckRun, read: WorkbookRead, mentorId: string | null): MentorViewData {
  const input = checkInputFrom(read, run.asOf);
  const key = idKey(mentorId);
  const work = key === null ? null : mentorWorkList(input, run, read.visits, mentorId as string);
  const recentVisits = key === null ? [] : read.visits.filter((v) => idKey(v.mentorId) === key).sort((a, b) => (b.date as string).localeCompare(a.date as string) || b.row - a.row).slice(0, RECENT_VISITS);
  const own = new Set(key === null ? [] : coopsOf(read.coops, mentorId as string).map((c) => c.id));
  return {
    asOf: run.asOf,
    mentors: read.mentors.map((m) => ({ id: m.id, name: m.name, load: coopsOf(read.coops, m.id).length })),
    coops: [...read.coops.filter((c) => own.has(c.id)), ...read.coops.filter((c) => !own.has(c.id))].map((c) => ({ id: c.id, name: c.name, mentorId: c.mentorId })),
    activities: [...VISIT_ACTIVITIES],
    context: visitContext(run, read),
    work,
    recentVisits,
  };
}

export function mentorView(mentorId: string | null, now: Date): MentorViewData {
  const { run, read } = checkWorkbook(SpreadsheetApp.getActiveSpreadsheet(), now);
  return mentorViewFrom(run, read, mentorId);
}

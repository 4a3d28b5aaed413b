/**
 * What the sidebar shows when it opens: the statuses checked live from the
 * workbook (one read per sheet), the dashboard's attention list, the time of
 * the last "Periksa semua", and what the forms need to check their input.
 */
import { idKey } from '../core/city-index';
import { CHECK_IDS } from '../core/rule-data';
import { SHEETS } from '../core/workbook/columns';
import { resultsHeader } from '../core/workbook/results-grid';
import { message } from '../core/messages';
import type { FormContext } from '../shared/forms';
import type { AttentionItem, SidebarData } from '../shared/sidebar-api';
import type { CheckRun, CoopRecord, CoopResult, Lang } from '../shared/types';
import { checkWorkbook, pendingCheck } from './check-all';
import { sidebarHistory } from './sidebar-history';

export function sidebarData(lang: Lang, now: Date): SidebarData {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { run, read } = checkWorkbook(spreadsheet, now);
  return {
    lang,
    asOf: run.asOf,
    rulesVersion: run.rulesVersion,
    summary: run.summary,
    attention: attentionList(run.results),
    lastCheck: lastCheckTime(spreadsheet),
    pendingCheck: pendingCheck(now),
    problemCount: run.problems.length,
    workbook: { coops: read.coops, meetings: read.meetings, mentors: read.mentors, problems: run.problems },
    context: formContext(run, read.coops),
    results: run.results,
    checks: CHECK_IDS.slice(),
    rulesChange: run.rulesChange ?? { notices: [], changedCount: 0, changes: [] },
    history: sidebarHistory(spreadsheet, run, read),
  };
}

/**
 * Co-ops needing attention, worst first: red checks count 10, amber 1. Only
 * the compliance checks weigh (legal status, RAT, mentor): savings and loans
 * are "not ready" for nearly every co-op for years (domain.md), so readiness is
 * shown on the list but does not put a co-op on it.
 */
const ATTENTION_CHECKS: ReadonlySet<string> = new Set(['legal', 'rat', 'mentor']);

export function attentionList(results: readonly CoopResult[]): AttentionItem[] {
  return results
    .map((result) => {
      const checks = CHECK_IDS.map((check) => ({ check, label: result.checks[check]!.label, severity: result.checks[check]!.severity }));
      const weight = checks.filter((c) => ATTENTION_CHECKS.has(c.check)).reduce((sum, c) => sum + (c.severity === 'bad' ? 10 : c.severity === 'warn' ? 1 : 0), 0);
      return { coopId: result.coopId, name: result.name, checks, weight };
    })
    .filter((item) => item.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.coopId.localeCompare(b.coopId));
}

export function formContext(run: CheckRun, coops: readonly CoopRecord[]): FormContext {
  const loads: Record<string, number> = {};
  for (const m of run.summary.mentorLoads) loads[idKey(m.mentorId) as string] = m.load;
  const coopMentors: Record<string, string | null> = {};
  const coopMembers: Record<string, number | null> = {};
  for (const coop of coops) {
    const key = idKey(coop.id) as string;
    coopMentors[key] = idKey(coop.mentorId);
    coopMembers[key] = coop.members;
  }
  return {
    today: run.asOf,
    coopIds: coops.map((c) => c.id),
    mentorIds: run.summary.mentorLoads.filter((m) => m.listed).map((m) => m.mentorId),
    mentorLoads: loads,
    coopMentors,
    coopMembers,
    mentorMaxLoad: run.parameters.mentorMaxLoad as number,
  };
}

/** The check time "Periksa semua" wrote in its summary block beside the results, read once. */
function lastCheckTime(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string | null {
  const sheet = spreadsheet.getSheetByName(SHEETS.results);
  if (!sheet || sheet.getLastRow() === 0) return null;
  const side = resultsHeader().length + 1;
  const label = message('ui', 'resultsColumnTime').id;
  const row = sheet.getDataRange().getValues().find((cells) => cells[side] === label);
  const value = row?.[side + 1];
  return typeof value === 'string' && value !== '' ? value : null;
}

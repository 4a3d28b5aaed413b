/**
 * What the sidebar shows, built from the sidebar model (./sidebar-model.ts):
 * the first screen (summary, legends, the first page of the attention list
 * with reasons and next steps, what the pickers and forms need), further
 * pages of the list for a filter or search, and one co-op's own view. Reasons
 * are made only for the co-ops shown, by checking those again.
 */
import { statusKey, statusLabel } from '../core/status-label';
import { attentionCount, READINESS_CHECKS, selectCoops, type AttentionQuery, type CoopDigest } from '../core/attention';
import { idKey } from '../core/city-index';
import { hasMessage, message } from '../core/messages';
import { CHECK_IDS, STATUSES_BY_CHECK } from '../core/rule-data';
import { dayFromIso } from '../core/calendar';
import { SHEETS } from '../core/workbook/columns';
import { resultsHeader } from '../core/workbook/results-grid';
import type { FormContext } from '../shared/forms';
import type { AttentionItem, AttentionPage, CheckLegend, CoopChoice, CoopView, SidebarData } from '../shared/sidebar-api';
import type { Bilingual, CheckResult, CoopResult, Lang, Mentor, Severity } from '../shared/types';
import { pendingCheck } from './check-all';
import { byUrgency, loadModel, recheck, summaryOf, type LoadedModel, type SidebarModel } from './sidebar-model';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Items per page of the attention list ("lihat semua" shows more). */
export const PAGE_SIZE = 20;
/** Reasons shown under each item. */
const REASONS_PER_ITEM = 2;

export function sidebarData(lang: Lang, now: Date): SidebarData {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return sidebarDataFrom(spreadsheet, loadModel(spreadsheet, now), lang, now);
}

export function sidebarDataFrom(spreadsheet: Spreadsheet, loaded: LoadedModel, lang: Lang, now: Date): SidebarData {
  const { model } = loaded;
  const summary = summaryOf(model);
  const sorted = byUrgency(model);
  return {
    lang,
    asOf: model.asOf,
    rulesVersion: model.rulesVersion,
    summary,
    legend: legendOf(model),
    attentionCount: attentionCount(sorted, model.asOf),
    attention: page(spreadsheet, loaded, {}, sorted),
    lastCheck: lastCheckTime(spreadsheet),
    pendingCheck: pendingCheck(now),
    problemCount: model.problems.length,
    coops: choicesOf(model),
    mentors: model.mentors,
    kecamatan: Array.from(new Set(model.coops.map((d) => d.kecamatan).filter((k): k is string => k !== null && k !== ''))).sort(),
    context: formContext(model, summary.mentorLoads),
    checks: CHECK_IDS.slice(),
    rulesChange: model.rulesChange,
  };
}

/** A page of the attention list for a query (filters, search, paging). */
export function attentionPage(query: AttentionQuery, now: Date): AttentionPage {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return page(spreadsheet, loadModel(spreadsheet, now), query);
}

function page(spreadsheet: Spreadsheet, loaded: LoadedModel, query: AttentionQuery, sorted?: CoopDigest[]): AttentionPage {
  const { model } = loaded;
  // The list without filters is the sorted digests up to the first co-op that is fine.
  const selected = sorted && Object.keys(query).length === 0 ? sorted.slice(0, attentionCount(sorted, model.asOf)) : selectCoops(model.coops, model.asOf, query);
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = Math.min(500, Math.max(1, Math.floor(query.limit ?? PAGE_SIZE)));
  const shown = selected.slice(offset, offset + limit);
  const { results } = recheck(spreadsheet, loaded.sheets, model, shown.map((d) => d.id));
  const byKey = new Map(results.map((r) => [idKey(r.coopId) as string, r]));
  return { query, total: selected.length, offset, items: shown.map((d) => itemOf(d, byKey.get(idKey(d.id) as string) ?? null, model)) };
}

function itemOf(digest: CoopDigest, result: CoopResult | null, model: SidebarModel): AttentionItem {
  const checks = Object.entries(digest.checks).map(([check, [status, severity]]) => ({ check, label: statusLabel(status, severity), severity }));
  const rank = (s: Severity): number => (s === 'bad' ? 0 : s === 'warn' ? 1 : 2);
  const reasons = result
    ? (Object.entries(result.checks) as Array<[string, CheckResult]>)
        .filter(([check, outcome]) => !READINESS_CHECKS.has(check) && outcome.severity !== 'ok')
        .flatMap(([check, outcome]) => outcome.reasons.map((r) => ({ check, severity: r.severity, text: r.text, next: r.next, due: r.due })))
        .sort((a, b) => rank(a.severity) - rank(b.severity) || (a.due ?? '9999').localeCompare(b.due ?? '9999'))
        .slice(0, REASONS_PER_ITEM)
    : [];
  const urgent = Object.entries(digest.checks).some(([check, [, s]]) => !READINESS_CHECKS.has(check) && s === 'bad') || (digest.due !== null && digest.due < model.asOf);
  return { coopId: digest.id, name: digest.name, kelurahan: digest.kelurahan, kecamatan: digest.kecamatan, mentorId: digest.mentorId, checks, reasons, urgent, due: digest.due };
}

/** A status's words: with its variant (`statusVariant`) when the rules give it more than one severity. */
function legendOf(model: SidebarModel): CheckLegend[] {
  const checks = CHECK_IDS.filter((c) => !model.coops[0] || c in model.coops[0].checks);
  const order: Severity[] = ['ok', 'warn', 'bad'];
  return checks.map((check) => {
    const counts = new Map<string, { status: string; severity: Severity; count: number }>();
    for (const digest of model.coops) {
      const outcome = digest.checks[check];
      if (!outcome) continue;
      const [status, severity] = outcome;
      const key = statusKey(status, severity);
      const entry = counts.get(key) ?? { status, severity, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
    const statusOrder = (STATUSES_BY_CHECK as Record<string, readonly string[]>)[check] ?? [];
    return {
      check,
      title: hasMessage('check', check) ? message('check', check) : { id: check, en: check },
      counts: Array.from(counts.entries())
        .map(([key, c]) => ({ key, status: c.status, severity: c.severity, label: statusLabel(c.status, c.severity), count: c.count }))
        .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status)),
    };
  });
}

function mentorActive(mentor: Mentor | undefined, asOf: string): boolean {
  if (!mentor) return false;
  const day = dayFromIso(asOf) as number;
  const start = dayFromIso(mentor.startsOn);
  const end = dayFromIso(mentor.endsOn);
  return (start === null || start <= day) && (end === null || end >= day);
}

function choicesOf(model: SidebarModel): CoopChoice[] {
  const active = new Map<string, boolean>();
  for (const m of model.mentors) {
    const key = idKey(m.id);
    if (key !== null && !active.has(key)) active.set(key, mentorActive(m, model.asOf));
  }
  return model.coops.map((d) => ({ id: d.id, name: d.name, kelurahan: d.kelurahan, kecamatan: d.kecamatan, mentorId: d.mentorId, mentorActive: active.get(idKey(d.mentorId) ?? '') ?? false }));
}

export function formContext(model: SidebarModel, loads: ReadonlyArray<{ mentorId: string; load: number; listed: boolean }>): FormContext {
  const mentorLoads: Record<string, number> = {};
  for (const m of loads) mentorLoads[idKey(m.mentorId) as string] = m.load;
  const coopMentors: Record<string, string | null> = {};
  const coopMembers: Record<string, number | null> = {};
  for (const coop of model.coops) {
    const key = idKey(coop.id) as string;
    coopMentors[key] = idKey(coop.mentorId);
    coopMembers[key] = coop.members;
  }
  return {
    today: model.asOf,
    coopIds: model.coops.map((c) => c.id),
    mentorIds: loads.filter((m) => m.listed).map((m) => m.mentorId),
    mentorLoads,
    coopMentors,
    coopMembers,
    mentorMaxLoad: model.parameters.mentorMaxLoad as number,
  };
}

/** One co-op's view; its row (or co-op sheet) is selected at the same time. */
export function coopView(coopId: string, now: Date): CoopView {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const loaded = loadModel(spreadsheet, now);
  const { model } = loaded;
  const key = idKey(coopId);
  const digest = model.coops.find((d) => idKey(d.id) === key);
  if (!digest) throw new Error(`${message('ui', 'coopSheetUnknown').id.replace('{id}', coopId)}`);
  const { results, read } = recheck(spreadsheet, loaded.sheets, model, [digest.id]);
  const result = results[0] as CoopResult;
  const record = read.coops[0] as CoopView['record'];
  const mentor = model.mentors.find((m) => idKey(m.id) === idKey(record.mentorId)) ?? null;
  const origin = digest.origin;
  const sheet = origin ? spreadsheet.getSheetByName(origin.sheet) : null;
  if (sheet && origin) {
    spreadsheet.setActiveSheet(sheet);
    spreadsheet.setActiveRange(sheet.getRange(origin.row, 1, 1, Math.max(1, sheet.getLastColumn())));
  }
  const labels: Record<string, Bilingual> = {};
  for (const [check, outcome] of Object.entries(result.checks) as Array<[string, CheckResult]>) labels[check] = statusLabel(outcome.status, outcome.severity);
  return {
    record,
    result,
    meetings: read.meetings.filter((m) => idKey(m.coopId) === key).sort((a, b) => (b.bookYear ?? 0) - (a.bookYear ?? 0)),
    mentor,
    mentorActive: mentorActive(mentor ?? undefined, model.asOf),
    origin,
    labels,
  };
}

/** The check time "Periksa semua" wrote in its summary block beside the results, read once. */
function lastCheckTime(spreadsheet: Spreadsheet): string | null {
  const sheet = spreadsheet.getSheetByName(SHEETS.results);
  if (!sheet || sheet.getLastRow() === 0) return null;
  const side = resultsHeader().length + 1;
  const label = message('ui', 'resultsColumnTime').id;
  const rows = Math.min(sheet.getLastRow(), 40);
  const width = Math.min(sheet.getLastColumn(), side + 2);
  if (width <= side) return null;
  const row = sheet.getRange(1, 1, rows, width).getValues().find((cells) => cells[side] === label);
  const value = row?.[side + 1];
  return typeof value === 'string' && value !== '' ? value : null;
}

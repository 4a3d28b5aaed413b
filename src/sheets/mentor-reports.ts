/**
 * Writes the mentors' reports as sheets the add-on owns: the monthly report of
 * a mentor (`Laporan PD-03 2026-10`), the coordinator's recap
 * (`Rekap Pendamping 2026-10`) and the year-end evaluation (`Evaluasi PD-03`).
 * A sheet of that name is rewritten only when it is one of these reports (its
 * A1 holds the report's title); a person's own sheet of that name is left
 * alone and the write refused. Values go through `writeValues` (texts stay
 * text) in one call, under the document lock; then bold for headings.
 */
import { recordedHistory } from './history';
import { errorText, fill, message } from '../core/messages';
import { evaluateMentor } from '../core/mentoring/evaluation';
import { monthlyRecap, monthlyReport, reportMonthProblem } from '../core/mentoring/monthly-report';
import { evaluationGrid, monthlyRecapGrid, monthlyReportGrid, type ReportGrid } from '../core/mentoring/report-grids';
import { isKnownMentor, monthBounds } from '../core/mentoring/work-list';
import { checkInputFrom, type WorkbookRead } from '../core/workbook/workbook-reader';
import type { ReportSheetOutcome } from '../shared/mentoring';
import type { Lang } from '../shared/types';
import { writeValues } from './cell-writer';
import { checkWorkbook } from './check-all';
import { withDocumentLock } from './document-lock';
import { ensureSize } from './grid-writer';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const BOLD: ReadonlySet<string> = new Set(['title', 'section', 'header', 'signature']);

export function monthlyReportSheetName(mentorId: string | null, month: string): string {
  return mentorId === null ? `Rekap Pendamping ${month}` : `Laporan ${mentorId.trim()} ${month}`;
}

export function evaluationSheetName(mentorId: string): string {
  return `Evaluasi ${mentorId.trim()}`;
}

/** The report sheet: created, or an earlier report of that name; never a person's own sheet. */
function ownedSheet(name: string, titleKey: string): Sheet {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = spreadsheet.getSheetByName(name);
  if (!existing) return spreadsheet.insertSheet(name);
  const a1 = existing.getLastRow() === 0 ? '' : existing.getRange(1, 1).getValue();
  const titles = Object.values(message('mentoring', titleKey));
  if (a1 !== '' && !titles.includes(a1 as string)) throw new Error(fill(message('mentoring', 'reportSheetTaken').id, () => name));
  return existing;
}

function writeReport(sheet: Sheet, grid: ReportGrid): void {
  const width = Math.max(1, ...grid.rows.map((r) => r.length), sheet.getLastColumn());
  const height = Math.max(grid.rows.length, sheet.getLastRow());
  const values = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => grid.rows[r]?.[c] ?? ''));
  ensureSize(sheet, height, width);
  const range = sheet.getRange(1, 1, height, width);
  writeValues(range, values);
  range.setFontWeights(values.map((row, r) => row.map(() => (BOLD.has(grid.styles[r] ?? '') ? 'bold' : 'normal'))) as GoogleAppsScript.Spreadsheet.FontWeight[][]);
  sheet.setColumnWidth(1, 220);
  for (let c = 2; c <= Math.min(width, 8); c += 1) sheet.setColumnWidth(c, 170);
}

/**
 * The monthly report of `mentorId` (or, with null, the coordinator's recap of every mentor) for `month` (`YYYY-MM`).
 * @throws Error naming the sheet when a person's own sheet has that name, or the month is not YYYY-MM
 */
export function writeMonthlyReportSheet(mentorId: string | null, month: string, lang: Lang, now: Date): ReportSheetOutcome {
  if (!monthBounds(month)) throw new Error(fill(message('mentoring', 'cliBadMonth')[lang], () => month));
  return withDocumentLock(() => {
    const { run, read } = checkWorkbook(SpreadsheetApp.getActiveSpreadsheet(), now);
    const notReportable = reportMonthProblem(month, run.asOf);
    if (notReportable) throw new Error(notReportable[lang]);
    if (mentorId !== null) knownOrThrow(read, mentorId, lang);
    const input = checkInputFrom(read, run.asOf);
    const monthKey = month.trim();
    if (mentorId === null) return write(monthlyReportSheetName(null, monthKey), 'reportRecapTitle', monthlyRecapGrid(monthlyRecap(input, run, read.visits, monthKey, recordedHistory(SpreadsheetApp.getActiveSpreadsheet())), monthKey, lang));
    const report = monthlyReport(input, run, read.visits, mentorId, monthKey, recordedHistory(SpreadsheetApp.getActiveSpreadsheet()));
    // Named by the ID as listed (not as typed), so "pd-03" and "PD-03" write the same sheet.
    return write(monthlyReportSheetName(report.mentorId, monthKey), 'reportTitle', monthlyReportGrid(report, lang));
  });
}

/**
 * The year-end evaluation of `mentorId` as a sheet.
 * @throws Error when the mentor is in neither `Pendamping` nor `Koperasi`, or a person's own sheet has the name
 */
export function writeEvaluationSheet(mentorId: string, lang: Lang, now: Date): ReportSheetOutcome {
  return withDocumentLock(() => {
    const { run, read } = checkWorkbook(SpreadsheetApp.getActiveSpreadsheet(), now);
    knownOrThrow(read, mentorId, lang);
    const evaluation = evaluateMentor(checkInputFrom(read, run.asOf), run, read.visits, mentorId, recordedHistory(SpreadsheetApp.getActiveSpreadsheet()));
    return write(evaluationSheetName(evaluation.mentorId), 'evaluationTitle', evaluationGrid(evaluation, lang));
  });
}

/** A report for a mentor nobody lists (or a blank ID) would be a sheet about no one: refused, naming the ID. */
function knownOrThrow(read: WorkbookRead, mentorId: string, lang: Lang): void {
  if (!isKnownMentor(read.mentors, read.coops, mentorId)) throw new Error(fill(message('mentoring', 'cliUnknownMentor')[lang], () => mentorId));
}

function write(name: string, titleKey: string, grid: ReportGrid): ReportSheetOutcome {
  const sheet = ownedSheet(name, titleKey);
  try {
    writeReport(sheet, grid);
  } catch (error) {
    throw new Error(fill(message('ui', 'resultsNotWritten').id, (n) => ({ sheet: name, detail: errorText(error) })[n]));
  }
  SpreadsheetApp.getActiveSpreadsheet().setActiveSheet(sheet); // show the report just written
  return { sheet: name, rows: grid.rows.length };
}

/**
 * The monthly report, the coordinator's recap, the year-end evaluation and
 * the work list laid out as grids of cells — the one layout the add-on's
 * sheets, the command line's .xlsx and its printable HTML all use. Each row
 * carries a style (title, section heading, table header, body, note, space to
 * write in, signature) that each writer renders in its own way.
 *
 * The monthly report follows what an office prints and signs: the heading
 * (mentor, month, co-ops), sections A–E (visits; statuses at the start and end
 * of the month; requirements met; open follow-ups; the mentor's own summary,
 * left blank to write in), then the place, date and two signature blocks.
 */
import type { MentorEvaluation, MonthlyRecapLine, MonthlyReport, WorkList } from '../../shared/mentoring';
import type { Bilingual, Lang } from '../../shared/types';
import { dayFromIso, displayFromDay } from '../calendar';
import { formatNumber } from '../format';
import { fill, message } from '../messages';
import { REGISTER_COLUMNS } from '../workbook/columns';

export type RowStyle = 'title' | 'section' | 'header' | 'body' | 'note' | 'blank' | 'writeIn' | 'signature';

export interface ReportGrid {
  rows: Array<Array<string | number>>;
  styles: RowStyle[];
}

const MONTHS: Record<Lang, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** `2026-10` → "Oktober 2026". */
export function monthName(month: string, lang: Lang): string {
  const [y, m] = month.split('-');
  return `${MONTHS[lang][Number(m) - 1] ?? m} ${y}`;
}

/** ISO → dd/mm/yyyy ('' for none). */
export function showDate(iso: string | null): string {
  const day = dayFromIso(iso);
  return day === null ? '' : displayFromDay(day);
}

class GridBuilder {
  readonly grid: ReportGrid = { rows: [], styles: [] };
  constructor(private readonly lang: Lang) {}
  t(key: string, values: Record<string, string> = {}): string {
    return fill(message('mentoring', key)[this.lang], (n) => values[n]);
  }
  pick(text: Bilingual): string {
    return text[this.lang];
  }
  add(style: RowStyle, ...cells: Array<string | number>): void {
    this.grid.rows.push(cells);
    this.grid.styles.push(style);
  }
  table(header: string[], rows: Array<Array<string | number>>): void {
    this.add('header', ...header);
    if (rows.length === 0) this.add('note', this.t('reportNone'));
    for (const row of rows) this.add('body', ...row);
    this.add('blank');
  }
}

export function monthlyReportGrid(report: MonthlyReport, lang: Lang): ReportGrid {
  const g = new GridBuilder(lang);
  const names = new Map(report.coops.map((c) => [c.coopId, c.name ?? '']));
  const coopText = (id: string): string => `${id} ${(names.get(id) ?? '').replace(/^Koperasi Kelurahan Merah Putih /, 'KKMP ')}`.trim();
  g.add('title', g.t('reportTitle'));
  g.add('body', g.t('reportMentor'), `${report.mentorId} — ${report.mentorName ?? ''}`);
  g.add('body', g.t('reportMonth'), monthName(report.month, lang));
  g.add('body', g.t('reportPeriod'), `${showDate(report.from)} – ${showDate(report.to)}`);
  g.add('body', g.t('reportCoops'), report.coops.map((c) => c.coopId).join(', '));
  g.add('blank');
  g.add('section', g.t('reportVisits'));
  g.table(
    [g.t('colDate'), g.t('colCoop'), g.t('colActivity'), g.t('colNotes'), g.t('colFollowUp'), g.t('colDue')],
    report.visits.map((v) => [showDate(v.date), coopText(v.coopId), v.activity ?? '', v.notes ?? '', v.followUp ?? '', showDate(v.followUpDue)]),
  );
  g.add('section', g.t('reportStatuses'));
  g.add('note', report.statusSource === 'now' ? g.t('reportStatusesNow') : g.t('reportStatusesFrom', { start: showDate(report.startCheckedOn), end: showDate(report.endCheckedOn) }));
  const checks = report.coops[0]?.end.map((s) => s.check) ?? [];
  g.table(
    [g.t('colCoop'), ...checks.flatMap((c) => [`${message('check', c)[lang]} (${g.t('reportStart')})`, `${message('check', c)[lang]} (${g.t('reportEnd')})`])],
    report.coops.map((c) => [coopText(c.coopId), ...checks.flatMap((check) => [g.pick(c.start.find((s) => s.check === check)?.label ?? { id: '', en: '' }), g.pick(c.end.find((s) => s.check === check)?.label ?? { id: '', en: '' })])]),
  );
  g.add('section', g.t('reportMet'));
  g.table([g.t('colDate'), g.t('colCoop'), g.t('colEvent')], report.met.map((e) => [showDate(e.date), coopText(e.coopId), g.pick(e.label)]));
  g.add('section', g.t('reportOpen'));
  g.table(
    [g.t('colCoop'), g.t('colFollowUp'), g.t('colDate'), g.t('colDue'), g.t('colOverdue')],
    report.openFollowUps.map((f) => [coopText(f.coopId), f.followUp, showDate(f.visitDate), showDate(f.due), f.overdue ? g.t('overdue', { days: String(f.daysOverdue) }) : '']),
  );
  g.add('section', g.t('reportSummary'));
  for (let i = 0; i < 5; i += 1) g.add('writeIn', '');
  g.add('blank');
  g.add('body', '', '', '', g.t('reportPlaceDate', { date: showDate(report.to) }));
  g.add('signature', g.t('reportSignMentor'), '', '', g.t('reportSignOffice'));
  g.add('blank');
  g.add('blank');
  g.add('signature', report.mentorName ?? report.mentorId, '', '', '(............................................)');
  return g.grid;
}

export function monthlyRecapGrid(lines: readonly MonthlyRecapLine[], month: string, lang: Lang): ReportGrid {
  const g = new GridBuilder(lang);
  g.add('title', g.t('reportRecapTitle'));
  g.add('body', g.t('reportMonth'), monthName(month, lang));
  g.add('blank');
  g.table(
    [g.t('colMentor'), g.t('colName'), g.t('colCoops'), g.t('colVisits'), g.t('colCoopsVisited'), g.t('colMet'), g.t('colOpen'), g.t('colOverdue')],
    lines.map((l) => [l.mentorId, l.mentorName ?? '', l.coops, l.visits, l.coopsVisited, l.met, l.openFollowUps, l.overdueFollowUps]),
  );
  const sum = (f: (l: MonthlyRecapLine) => number): number => lines.reduce((s, l) => s + f(l), 0);
  g.add('header', g.t('colTotal'), '', sum((l) => l.coops), sum((l) => l.visits), sum((l) => l.coopsVisited), sum((l) => l.met), sum((l) => l.openFollowUps), sum((l) => l.overdueFollowUps));
  return g.grid;
}

export function evaluationGrid(evaluation: MentorEvaluation, lang: Lang): ReportGrid {
  const g = new GridBuilder(lang);
  const band = message('ui', evaluation.loadBand === 'under' ? 'loadUnder' : evaluation.loadBand === 'over' ? 'loadOver' : 'loadWithin')[lang];
  g.add('title', g.t('evaluationTitle'));
  g.add('body', g.t('reportMentor'), `${evaluation.mentorId} — ${evaluation.mentorName ?? ''}`);
  g.add('body', g.t('reportPeriod'), `${showDate(evaluation.from)} – ${showDate(evaluation.to)}`);
  const n = (value: number | null | undefined): string => formatNumber(value ?? 0, lang, 1);
  if (evaluation.score === null) {
    g.add('section', g.pick(evaluation.gradeLabel));
    g.add('note', g.t('evaluationNotScored'));
  } else {
    g.add('section', g.t('evaluationScore', { score: n(evaluation.score), grade: g.pick(evaluation.gradeLabel) }));
    g.add('note', g.t('evaluationParts', { requirements: n(evaluation.requirementsPercent), weight: n(evaluation.criteria.evalRequirementsWeightPercent), visits: n(evaluation.visitsPercent) }));
  }
  g.add('note', g.t('evaluationLoad', { load: String(evaluation.load), band }));
  g.add('note', evaluation.statusSource === 'now' ? g.t('evaluationStatusesNow') : g.t('evaluationStatusesFrom', { start: showDate(evaluation.startCheckedOn) }));
  g.add('blank');
  const checks = evaluation.coops[0]?.end.map((s) => s.check) ?? [];
  g.table(
    [g.t('colCoop'), g.t('colName'), ...checks.flatMap((c) => [`${message('check', c)[lang]} (${g.t('reportStart')})`, `${message('check', c)[lang]} (${g.t('reportEnd')})`]), g.t('colItems'), g.t('colMet'), g.t('colVisitsExpected')],
    evaluation.coops.map((c) => [
      c.coopId,
      c.name ?? '',
      ...checks.flatMap((check) => [g.pick(c.start.find((s) => s.check === check)?.label ?? { id: '', en: '' }), g.pick(c.end.find((s) => s.check === check)?.label ?? { id: '', en: '' })]),
      `${c.itemsMet}/${c.itemsTotal}`,
      c.met.map((e) => `${showDate(e.date)} ${g.pick(e.label)}`).join('; '),
      `${c.visits}/${c.visitsExpected}`,
    ]),
  );
  g.add('section', g.t('evaluationCriteria'));
  for (const [key, value] of Object.entries(evaluation.criteria)) g.add('body', key, value);
  return g.grid;
}

/** The work list as a table: one row per unmet requirement and per open follow-up, co-ops most urgent first. */
export function workListGrid(work: WorkList, lang: Lang): ReportGrid {
  const g = new GridBuilder(lang);
  g.add('header', REGISTER_COLUMNS[0]!.label, g.t('colName'), g.t('colWeight'), g.t('colItem'), g.t('colChecks'), g.t('colDue'), g.t('colStep'));
  for (const coop of work.coops) {
    const name = (coop.name ?? '').replace(/^Koperasi Kelurahan Merah Putih /, 'KKMP ');
    for (const f of coop.followUps) {
      g.add('body', coop.coopId, name, g.t('colFollowUp'), f.followUp, '', showDate(f.due), f.overdue ? g.t('overdue', { days: String(f.daysOverdue) }) : '');
    }
    for (const item of coop.items) {
      const checks = item.checks.map((check) => g.pick(message('check', check))).join(', ');
      g.add('body', coop.coopId, name, g.t(item.weight === 'hard' ? 'weightHard' : 'weightSoft'), g.pick(item.reason), checks, showDate(item.due), g.pick(item.nextStep));
    }
  }
  return g.grid;
}

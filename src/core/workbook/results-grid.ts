/**
 * The sheet `Hasil Pemeriksaan` as one grid of values, backgrounds and font
 * weights: one row per co-op (one status per check, reasons, check time, rules
 * version), and beside it a summary block, counts per status, a colour legend
 * and the input problems. Built as a whole so the add-on writes it in a
 * constant number of Range calls, whatever the number of co-ops.
 *
 * Values are plain: a text is the text itself. Protecting it when it reaches
 * a sheet (so Sheets never parses it as a number, date or formula) is the one
 * cell writer's job (src/sheets/cell-writer.ts); an .xlsx string cell needs none.
 */
import type { CheckId, CheckResult, CheckRun, CoopResult, Problem, RulesChange, Severity, StatusChange, StatusCode } from '../../shared/types';
import { MAX_LISTED_CHANGES } from '../check-run';
import { displayFromDay } from '../calendar';
import { dayFromIso } from '../calendar';
import { fill, message } from '../messages';
import { CHECKS, CHECK_IDS, MESSAGES, STATUSES_BY_CHECK } from '../rule-data';
import { REGISTER_COLUMNS } from './columns';

export type GridValue = string | number;

export interface Grid {
  values: GridValue[][];
  backgrounds: Array<Array<string | null>>;
  fontWeights: string[][];
  /** Columns of the main table (the rest is the side blocks). */
  tableColumns: number;
}

/** Where a results sheet came from, beyond its date, time, rules version and count. */
export interface Provenance {
  /** "bawaan" or the checks whose rules came from the workbook's Aturan sheet. */
  rulesSource: string;
  /** The fingerprint of the one reading every row comes from (core/fingerprint). */
  fingerprint: string;
}

export const SEVERITY_COLOURS: Readonly<Record<Severity, string>> = { ok: '#d9ead3', warn: '#fff2cc', bad: '#f4cccc' };
const TITLE_COLOUR = '#e8eaed';

/** Checks whose "items met / total" has a column of its own (rules/checks.json `score`). */
const SCORED: readonly string[] = CHECKS.filter((check) => check.score).map((check) => check.id);

/** Column widths (1-based column → pixels) of the results table: names and reasons wide. */
export function resultColumnWidths(): Record<number, number> {
  const widths: Record<number, number> = { 1: 120, 2: 280 };
  const reasonsFrom = 3 + CHECK_IDS.length + SCORED.length;
  CHECK_IDS.forEach((_, i) => {
    widths[reasonsFrom + i] = 360;
  });
  widths[reasonsFrom + CHECK_IDS.length] = 160;
  return widths;
}

export function resultsHeader(): string[] {
  const ui = (key: string): string => message('ui', key).id;
  return [
    ui('resultsColumnId'),
    ui('resultsColumnName'),
    ...CHECK_IDS.map((check) => message('check', check).id),
    ...SCORED.map((check) => fill(ui('resultsColumnScoreOf'), () => message('check', check).id)),
    ...CHECK_IDS.map((check) => fill(ui('resultsColumnReasons'), () => message('check', check).id)),
    ui('resultsColumnUnreadable'),
    ui('resultsColumnTime'),
    ui('resultsColumnVersion'),
    // Filled after the check-all by the history (src/sheets/history.ts): ↑/↓ since the previous check.
    message('history', 'columnChange').id,
  ];
}

/**
 * Builds the grid row by row as results arrive (see runChecksEach), so a run
 * keeps rows of text, not results with their reasons in two languages.
 */
export class ResultsGridBuilder {
  private readonly table: GridValue[][] = [resultsHeader()];
  private readonly tableColours: Array<Array<string | null>>;
  private readonly tableColumns = this.table[0]!.length;

  constructor(private readonly checkedAt: string) {
    this.tableColours = [this.table[0]!.map(() => TITLE_COLOUR)];
  }

  /** The co-op rows so far (without the header) with their four status colours after them, to stage between executions. */
  stagedRows(): GridValue[][] {
    return this.table.slice(1).map((row, i) => [...row, ...(this.tableColours[i + 1] as Array<string | null>).slice(2, 2 + CHECK_IDS.length).map((c) => c ?? ''), this.rowChanges[i] ?? '']);
  }

  /** Rows staged by an earlier execution (as `stagedRows` gave them). */
  addStaged(rows: readonly GridValue[][]): void {
    for (const row of rows) {
      this.table.push(row.slice(0, this.tableColumns));
      const colours = row.slice(this.tableColumns, this.tableColumns + CHECK_IDS.length).map((c) => (c === '' ? null : String(c)));
      this.tableColours.push([null, null, ...colours, ...Array<null>(this.tableColumns - 2 - CHECK_IDS.length).fill(null)]);
      this.noteChanges(decodeChanges(String(row[this.tableColumns + CHECK_IDS.length] ?? ''), String(row[0] ?? '').replace(/^'/, '')));
    }
  }

  /** Status changes because of the workbook's rules, per row (encoded for staging), counted as rows come. */
  private readonly rowChanges: string[] = [];
  private readonly changes: StatusChange[] = [];
  private changedCount = 0;
  private tracked = false;

  private noteChanges(changes: readonly StatusChange[]): void {
    this.tracked = true;
    this.rowChanges.push(encodeChanges(changes));
    if (changes.length === 0) return;
    this.changedCount += 1;
    for (const c of changes) if (this.changes.length < MAX_LISTED_CHANGES) this.changes.push(c);
  }

  /**
   * @param changes the co-op's statuses that differ from the bundled rules'
   *   (runChecksEach gives them); omitted, the run's own `rulesChange` is shown.
   */
  add(result: CoopResult, rulesVersion: string, changes?: readonly StatusChange[]): void {
    if (changes) this.noteChanges(changes);
    const checks = CHECK_IDS.map((check) => result.checks[check] as CheckResult);
    const unreadable = Array.from(new Set(checks.flatMap((c) => c.unreadable))).map(registerLabel);
    this.table.push([
      result.coopId,
      result.name ?? '',
      ...checks.map((c) => c.label.id),
      ...SCORED.map((check) => `${result.checks[check]!.itemsMet}/${result.checks[check]!.itemsTotal}`),
      ...checks.map((c) => c.reasons.map((r) => `• ${r.text.id}`).join('\n')),
      unreadable.join(', '),
      this.checkedAt,
      rulesVersion,
      '',
    ]);
    this.tableColours.push([null, null, ...checks.map((c) => SEVERITY_COLOURS[c.severity]), ...Array<null>(this.tableColumns - 2 - checks.length).fill(null)]);
  }

  /**
   * The whole sheet. `provenance` (Periksa semua) adds where the rows came
   * from: the rules' source and the fingerprint of the one reading they share.
   */
  build(run: Pick<CheckRun, 'asOf' | 'rulesVersion' | 'summary' | 'problems' | 'rulesChange'>, provenance?: Provenance): Grid {
    const ui = (key: string): string => message('ui', key).id;
    const { table, tableColours, tableColumns, checkedAt } = this;
    const side: GridValue[][] = [];
    const sideColours: Array<Array<string | null>> = [];
    const sideBold: boolean[] = [];
    const add = (cells: GridValue[], colour: string | null = null, bold = false): void => {
      side.push(cells);
      sideColours.push([colour, colour, colour]);
      sideBold.push(bold);
    };
    const s = run.summary;
    add([ui('blockSummary'), '', ''], TITLE_COLOUR, true);
    add([ui('checkDate'), displayFromDay(dayFromIso(run.asOf) as number), '']);
    add([ui('resultsColumnTime'), checkedAt, '']);
    add([ui('coopCount'), s.coopCount, '']);
    add([ui('ratIndicator'), s.ratIndicatorPercent, `${s.ratHeldCount}/${s.coopCount}`]);
    add([ui('coverage'), s.coveredCount, `${s.coveredCount}/${s.coopCount}`]);
    add([ui('mentorsOver'), s.mentorsOverLoad.join(', ') || ui('none'), '']);
    add([ui('mentorsUnder'), s.mentorsUnderLoad.join(', ') || ui('none'), '']);
    add([ui('mentorsNeeded'), s.mentorsNeeded, '']);
    add([ui('rulesVersion'), run.rulesVersion, '']);
    if (provenance) {
      add([ui('rulesSource'), provenance.rulesSource, '']);
      add([ui('fingerprint'), provenance.fingerprint, ui('fingerprintNote')]);
    }
    add(['', '', '']);
    add([ui('blockStatusCounts'), '', ''], TITLE_COLOUR, true);
    for (const check of CHECK_IDS) {
      for (const status of STATUSES_BY_CHECK[check] ?? []) add([message('check', check).id, message('status', status).id, s.statusCounts[check]?.[status] ?? 0]);
    }
    add(['', '', '']);
    // Counted row by row (also over parts staged between executions), so a run in parts writes what one run writes.
    const change = run.rulesChange && this.tracked ? { notices: run.rulesChange.notices, changedCount: this.changedCount, changes: this.changes } : run.rulesChange;
    for (const cells of rulesChangeBlock(change)) add(cells.values, cells.colour, cells.bold);
    add([ui('blockLegend'), '', ''], TITLE_COLOUR, true);
    add([ui('legendOk'), '', ''], SEVERITY_COLOURS.ok);
    add([ui('legendWarn'), '', ''], SEVERITY_COLOURS.warn);
    add([ui('legendBad'), '', ''], SEVERITY_COLOURS.bad);
    add(['', '', '']);
    add([ui('blockProblems'), '', ''], TITLE_COLOUR, true);
    add([ui('problemSeverity'), ui('problemWhere'), ui('problemText')], null, true);
    if (run.problems.length === 0) add([ui('none'), '', '']);
    for (const problem of run.problems) add(problemRow(problem));

    // The side block goes beside the table, in the same rows (the table's own arrays are extended, not copied).
    const width = tableColumns + 1 + 3;
    const height = Math.max(table.length, side.length);
    const fontWeights: string[][] = [];
    for (let r = 0; r < height; r += 1) {
      const row = table[r] ?? (table[r] = Array<GridValue>(tableColumns).fill(''));
      row.push('', ...(side[r] ?? ['', '', '']));
      const colours = tableColours[r] ?? (tableColours[r] = Array<string | null>(tableColumns).fill(null));
      colours.push(null, ...(sideColours[r] ?? [null, null, null]));
      fontWeights.push(Array.from({ length: width }, (_, c) => ((r === 0 && c < tableColumns) || (c > tableColumns && sideBold[r]) ? 'bold' : 'normal')));
    }
    return { values: table, backgrounds: tableColours, fontWeights, tableColumns };
  }
}

export function buildResultsGrid(run: CheckRun, checkedAt: string): Grid {
  const builder = new ResultsGridBuilder(checkedAt);
  for (const result of run.results) builder.add(result, run.rulesVersion);
  return builder.build(run);
}

/**
 * The side block "Aturan & parameter buku kerja": what the workbook changes in
 * the rules and parameters, how many co-ops change status because of it, and
 * each change (bundled → in force). One line "all bundled" when nothing changes.
 */
function rulesChangeBlock(change: RulesChange | undefined): Array<{ values: GridValue[]; colour: string | null; bold: boolean }> {
  const ui = (key: string): string => message('ui', key).id;
  const rows: Array<{ values: GridValue[]; colour: string | null; bold: boolean }> = [{ values: [ui('blockRulesInForce'), '', ''], colour: TITLE_COLOUR, bold: true }];
  if (!change || change.notices.length === 0) rows.push({ values: [ui('rulesBundledOnly'), '', ''], colour: null, bold: false });
  else {
    for (const notice of change.notices) rows.push({ values: [notice.id, '', ''], colour: SEVERITY_COLOURS.warn, bold: false });
    rows.push({ values: [fill(ui('statusChangesCount'), () => String(change.changedCount)), change.changedCount, ''], colour: null, bold: true });
    for (const c of change.changes) {
      rows.push({ values: [c.coopId, message('check', c.check).id, `${message('status', c.bundled).id} → ${message('status', c.workbook).id}`], colour: null, bold: false });
    }
  }
  rows.push({ values: ['', '', ''], colour: null, bold: false });
  return rows;
}

/** A row's status changes as one staged cell: `check:bundled>workbook` joined by `|`. */
function encodeChanges(changes: readonly StatusChange[]): string {
  return changes.map((c) => `${c.check}:${c.bundled}>${c.workbook}`).join('|');
}

function decodeChanges(text: string, coopId: string): StatusChange[] {
  if (text === '') return [];
  return text.split('|').map((part) => {
    const [check, rest] = part.split(':') as [string, string];
    const [bundled, workbook] = (rest ?? '').split('>') as [string, string];
    return { coopId, check, bundled, workbook };
  });
}

/** Cells of a row staged between executions: the table's, one colour per check, and the row's status changes. */
export function stagedRowWidth(): number {
  return resultsHeader().length + CHECK_IDS.length + 1;
}

/** The status codes of a results row, one per check, from the labels it shows (from column C). */
export function statusesOfRow(row: readonly GridValue[]): Record<CheckId, StatusCode> {
  const byLabel = new Map(Object.entries(MESSAGES.status).map(([code, label]) => [label.id, code as StatusCode]));
  const out = {} as Record<CheckId, StatusCode>;
  CHECK_IDS.forEach((check, i) => {
    out[check] = byLabel.get(String(row[2 + i])) as StatusCode;
  });
  return out;
}

/** A register field's label as staff see it in the Koperasi sheet. */
function registerLabel(field: string): string {
  return REGISTER_COLUMNS.find((column) => column.field === field)?.label ?? field;
}

function problemRow(problem: Problem): GridValue[] {
  const severity = message('ui', problem.severity === 'error' ? 'severityError' : 'severityWarning').id;
  return [severity, problem.where, problem.text.id];
}

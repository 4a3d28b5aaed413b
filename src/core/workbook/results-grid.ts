/**
 * The sheet `Hasil Pemeriksaan` as one grid of values, backgrounds and font
 * weights: one row per co-op (four statuses, reasons, check time, rules
 * version), and beside it a summary block, counts per status, a colour legend
 * and the input problems. Built as a whole so the add-on writes it in a
 * constant number of Range calls, whatever the number of co-ops.
 *
 * The grid holds texts as they are: the add-on's cell writer
 * (src/sheets/cell-writer.ts) stores every string as text, so a name that
 * begins with "=" never becomes a formula, and staged rows read back equal.
 */
import type { CheckId, CheckRun, CoopResult, Problem, Severity, StatusCode } from '../../shared/types';
import { displayFromDay } from '../calendar';
import { dayFromIso } from '../calendar';
import { fill, message } from '../messages';
import { CHECK_IDS, MESSAGES, STATUSES_BY_CHECK } from '../rule-data';
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

/** Text that Sheets must not read as a formula (for writers that do not go through the cell writer). */
export function asText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

export function resultsHeader(): string[] {
  const ui = (key: string): string => message('ui', key).id;
  return [
    ui('resultsColumnId'),
    ui('resultsColumnName'),
    ...CHECK_IDS.map((check) => message('check', check).id),
    ui('resultsColumnScore'),
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
 *
 * @param text how a text cell is held: as it is by default — the add-on's cell
 *   writer stores every string as text in Sheets, and an .xlsx string cell is
 *   never read as a formula.
 */
export class ResultsGridBuilder {
  private readonly table: GridValue[][] = [resultsHeader()];
  private readonly tableColours: Array<Array<string | null>>;
  private readonly tableColumns = this.table[0]!.length;

  constructor(private readonly checkedAt: string, private readonly text: (value: string) => string = (value) => value) {
    this.tableColours = [this.table[0]!.map(() => TITLE_COLOUR)];
  }

  /** The co-op rows so far (without the header) with their four status colours after them, to stage between executions. */
  stagedRows(): GridValue[][] {
    return this.table.slice(1).map((row, i) => [...row, ...(this.tableColours[i + 1] as Array<string | null>).slice(2, 2 + CHECK_IDS.length).map((c) => c ?? '')]);
  }

  /** Rows staged by an earlier execution (as `stagedRows` gave them). */
  addStaged(rows: readonly GridValue[][]): void {
    for (const row of rows) {
      this.table.push(row.slice(0, this.tableColumns));
      const colours = row.slice(this.tableColumns, this.tableColumns + CHECK_IDS.length).map((c) => (c === '' ? null : String(c)));
      this.tableColours.push([null, null, ...colours, ...Array<null>(this.tableColumns - 2 - CHECK_IDS.length).fill(null)]);
    }
  }

  add(result: CoopResult, rulesVersion: string): void {
    const text = this.text;
    const checks = CHECK_IDS.map((check) => result.checks[check]);
    const unreadable = Array.from(new Set(checks.flatMap((c) => c.unreadable))).map(registerLabel);
    this.table.push([
      text(result.coopId),
      text(result.name ?? ''),
      ...checks.map((c) => c.label.id),
      `${result.checks.savingsLoans.itemsMet}/${result.checks.savingsLoans.itemsTotal}`,
      ...checks.map((c) => text(c.reasons.map((r) => `• ${r.text.id}`).join('\n'))),
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
  build(run: Pick<CheckRun, 'asOf' | 'rulesVersion' | 'summary' | 'problems'>, provenance?: Provenance): Grid {
    const ui = (key: string): string => message('ui', key).id;
    const { table, tableColours, tableColumns, checkedAt, text } = this;
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
      for (const status of STATUSES_BY_CHECK[check]) add([message('check', check).id, message('status', status).id, s.statusCounts[check][status as keyof (typeof s.statusCounts)[typeof check]] ?? 0]);
    }
    add(['', '', '']);
    add([ui('blockLegend'), '', ''], TITLE_COLOUR, true);
    add([ui('legendOk'), '', ''], SEVERITY_COLOURS.ok);
    add([ui('legendWarn'), '', ''], SEVERITY_COLOURS.warn);
    add([ui('legendBad'), '', ''], SEVERITY_COLOURS.bad);
    add(['', '', '']);
    add([ui('blockProblems'), '', ''], TITLE_COLOUR, true);
    add([ui('problemSeverity'), ui('problemWhere'), ui('problemText')], null, true);
    if (run.problems.length === 0) add([ui('none'), '', '']);
    for (const problem of run.problems) add(problemRow(problem, text));

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

export function buildResultsGrid(run: CheckRun, checkedAt: string, text: (value: string) => string = (value) => value): Grid {
  const builder = new ResultsGridBuilder(checkedAt, text);
  for (const result of run.results) builder.add(result, run.rulesVersion);
  return builder.build(run);
}

/** The four status codes of a results row, from the labels it shows (columns C–F). */
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

function problemRow(problem: Problem, text: (value: string) => string): GridValue[] {
  const severity = message('ui', problem.severity === 'error' ? 'severityError' : 'severityWarning').id;
  return [severity, text(problem.where), text(problem.text.id)];
}

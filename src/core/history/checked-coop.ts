/**
 * One co-op as a check-all left it, in the shape history, changes and the
 * one-page report share: its history entry, its name, and the first reason of
 * each check (the one-line "why" leadership reads). Made from a check result
 * (command line, sidebar) or from the rows of `Hasil Pemeriksaan` as
 * "Periksa semua" built them (the add-on, which streams results and keeps
 * only those rows).
 */
import type { Bilingual, CheckId, CoopResult, IsoDate, Severity } from '../../shared/types';
import { fill, message } from '../messages';
import { CHECK_IDS, MESSAGES, STATUSES_BY_CHECK } from '../rule-data';
import { SEVERITY_COLOURS, resultsHeader, type Grid } from '../workbook/results-grid';
import { entryFromResult, type HistoryEntry } from './history-row';

export interface CheckedCoop {
  entry: HistoryEntry;
  name: string | null;
  /** The first reason per check that has one. From Hasil Pemeriksaan only the Indonesian text exists: both languages carry it. */
  reasons: Partial<Record<CheckId, Bilingual>>;
}

/**
 * A co-op read from a results row. Its first reason per check is read from the
 * row only when asked: a national check-all has 82,780 rows, and only worse
 * changes and the ten co-ops on the report need their reason. (A class, so
 * 82,780 of them share one getter and keep a compact shape.)
 */
class ResultsRowCoop implements CheckedCoop {
  private memo: CheckedCoop['reasons'] | null = null;

  constructor(
    readonly entry: HistoryEntry,
    readonly name: string | null,
    private readonly row: ReadonlyArray<string | number>,
    private readonly reasonColumns: ReadonlyArray<readonly [CheckId, number]>,
  ) {}

  get reasons(): CheckedCoop['reasons'] {
    if (this.memo) return this.memo;
    const reasons: CheckedCoop['reasons'] = {};
    for (const [check, column] of this.reasonColumns) {
      if (this.entry.statuses[check] === undefined) continue;
      const line = String(this.row[column] ?? '').replace(/^'/, '').split('\n').find((l) => l.trim() !== '');
      if (!line) continue;
      const text = line.replace(/^•\s*/, '').trim();
      reasons[check] = { id: text, en: text };
    }
    return (this.memo = reasons);
  }
}

export function checkedFromResult(result: CoopResult, checkedOn: IsoDate, checkedAt: string, rulesVersion: string): CheckedCoop {
  const reasons: CheckedCoop['reasons'] = {};
  for (const check of CHECK_IDS) {
    const first = result.checks[check]?.reasons[0];
    if (first) reasons[check] = first.text;
  }
  return { entry: entryFromResult(result, checkedOn, checkedAt, rulesVersion), name: result.name, reasons };
}

/**
 * The co-ops of a results grid (as `ResultsGridBuilder.build` made it): columns
 * found by their header labels, statuses by their labels per check, levels by
 * the status cells' colours, the first "• " line of each reasons cell.
 */
export function checkedFromResultsGrid(grid: Pick<Grid, 'values' | 'backgrounds' | 'tableColumns'>, checkedOn: IsoDate, checkedAt: string, rulesVersion: string): CheckedCoop[] {
  const header = resultsHeader();
  const col = (label: string): number => header.indexOf(label);
  const idCol = col(message('ui', 'resultsColumnId').id);
  const nameCol = col(message('ui', 'resultsColumnName').id);
  // The history keeps the savings-and-loans score (its column 'Skor Simpan Pinjam').
  const scoreCol = col(fill(message('ui', 'resultsColumnScoreOf').id, () => message('check', 'savingsLoans').id));
  const reasonsLabel = message('ui', 'resultsColumnReasons').id;
  const levelByColour = new Map<string, Severity>(Object.entries(SEVERITY_COLOURS).map(([level, colour]) => [colour, level as Severity]));
  const codeByLabel = new Map(CHECK_IDS.map((check) => [check, new Map((STATUSES_BY_CHECK[check] ?? []).map((code) => [MESSAGES.status[code]?.id, code]))]));
  const columns = CHECK_IDS.map((check) => {
    const title = message('check', check).id;
    return { check, status: col(title), reason: col(reasonsLabel.replace('{check}', title)), codes: codeByLabel.get(check) };
  });
  const reasonColumns = columns.map((c) => [c.check, c.reason] as const);
  const out: CheckedCoop[] = [];
  for (let r = 1; r < grid.values.length; r += 1) {
    const row = grid.values[r] as Array<string | number>;
    const coopId = String(row[idCol] ?? '').replace(/^'/, '');
    if (coopId === '') continue;
    const entry: HistoryEntry = { checkedOn, checkedAt, coopId, statuses: {}, levels: {}, score: String(row[scoreCol] ?? ''), rulesVersion };
    for (const c of columns) {
      const code = c.status < 0 ? undefined : c.codes?.get(String(row[c.status] ?? ''));
      if (!code) continue;
      entry.statuses[c.check] = code as HistoryEntry['statuses'][CheckId];
      const level = levelByColour.get(String(grid.backgrounds[r]?.[c.status] ?? ''));
      if (level) entry.levels[c.check] = level;
    }
    out.push(new ResultsRowCoop(entry, nameCol < 0 ? null : String(row[nameCol] ?? '').replace(/^'/, '') || null, row, reasonColumns));
  }
  return out;
}

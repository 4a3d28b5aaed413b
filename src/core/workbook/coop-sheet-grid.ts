/**
 * A co-op sheet: `PROFIL KOPERASI` in A1, the co-op's data as label/value
 * rows (the register's labels), then — from the `HASIL PEMERIKSAAN` row down,
 * the part the add-on owns — its four statuses with their reasons.
 */
import type { CoopResult } from '../../shared/types';
import { fill, message } from '../messages';
import { CHECK_IDS } from '../rule-data';
import { COOP_SHEET_MARKER, COOP_SHEET_RESULTS_MARKER, REGISTER_COLUMNS, headerText } from './columns';
import { SEVERITY_COLOURS, type Grid } from './results-grid';

/** The profile rows: A1 marker, then one row per register column with the value as typed (cell values: text, number, boolean, Date). */
export function profileRows(cells: ReadonlyMap<string, unknown>): Array<Array<string | number | boolean | Date>> {
  return [
    [COOP_SHEET_MARKER, ''],
    ...REGISTER_COLUMNS.map((column) => [headerText(column), (cells.get(column.field) as string | number | boolean | Date | null | undefined) ?? '']),
  ];
}

export function coopResultsGrid(result: CoopResult, checkedAt: string, rulesVersion: string): Grid {
  const checked = fill(message('ui', 'coopSheetChecked').id, (name) => ({ time: checkedAt, version: rulesVersion })[name]);
  const values: Array<Array<string | number>> = [[COOP_SHEET_RESULTS_MARKER, checked, '']];
  const backgrounds: Array<Array<string | null>> = [['#e8eaed', '#e8eaed', '#e8eaed']];
  const fontWeights: string[][] = [['bold', 'normal', 'normal']];
  for (const check of CHECK_IDS) {
    const outcome = result.checks[check];
    const score = check === 'savingsLoans' ? ` (${outcome.itemsMet}/${outcome.itemsTotal})` : '';
    values.push([message('check', check).id, `${outcome.label.id}${score}`, outcome.reasons.map((r) => `• ${r.text.id}`).join('\n')]);
    backgrounds.push([null, SEVERITY_COLOURS[outcome.severity], null]);
    fontWeights.push(['bold', 'bold', 'normal']);
  }
  return { values, backgrounds, fontWeights, tableColumns: 3 };
}

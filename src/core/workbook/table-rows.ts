/**
 * Records laid out as the contract's tables, the way staff fill them: header
 * labels with their units, yes/no as "Ya"/"Tidak", dates as date cells (how a
 * date cell is made depends on where it goes: a Sheets Date at local midnight,
 * or an .xlsx date). Used by the sample workbook generator and by tests.
 */
import { message } from '../messages';
import { headerText, type ColumnSpec } from './columns';

export function tableRows<T>(columns: ReadonlyArray<ColumnSpec>, items: readonly T[], dateCell: (iso: string) => unknown): unknown[][] {
  const yes = message('ui', 'yes').id;
  const no = message('ui', 'no').id;
  const cell = (column: ColumnSpec, value: unknown): unknown => {
    if (value === null || value === undefined) return '';
    if (column.kind === 'date') return dateCell(value as string);
    if (column.kind === 'yesno') return value ? yes : no;
    return value;
  };
  return [columns.map(headerText), ...items.map((item) => columns.map((c) => cell(c, (item as Record<string, unknown>)[c.field])))];
}

/**
 * The optional sheet `Kunjungan` (mentors' visit log, shared/workbook.md): one
 * row per visit. Only what the deadline calendar needs is read — who visited
 * whom, when, the follow-up and its deadline — with the same header matching
 * and cell readers as every other sheet, so an unreadable date is reported
 * with its sheet, row and column.
 */
import type { IsoDate, Problem } from '../../shared/types';
import type { CellContext } from './cell-values';
import type { ColumnSpec } from './columns';
import { SHEETS } from './columns';
import { columnLetter, matchHeader } from './header-matching';
import { locatedProblem, readRows, type TableSource } from './table-reader';
import type { SheetValues } from './workbook-reader';

export interface Visit {
  mentorId: string | null;
  coopId: string;
  visitedOn: IsoDate | null;
  activity: string | null;
  followUp: string | null;
  followUpDue: IsoDate | null;
}

export const VISIT_COLUMNS: ReadonlyArray<ColumnSpec<keyof Visit>> = [
  { field: 'mentorId', label: 'ID Pendamping', synonyms: ['Pendamping'], kind: 'text' },
  { field: 'coopId', label: 'ID Koperasi', synonyms: ['Kode Koperasi'], kind: 'text', required: true },
  { field: 'visitedOn', label: 'Tanggal', synonyms: ['Tanggal Kunjungan'], kind: 'date' },
  { field: 'activity', label: 'Kegiatan', kind: 'text' },
  { field: 'followUp', label: 'Tindak Lanjut', kind: 'text' },
  { field: 'followUpDue', label: 'Tenggat Tindak Lanjut', synonyms: ['Tenggat'], kind: 'date' },
];

/** The visits of the `Kunjungan` sheet, or none when the workbook has no such sheet (it is optional). */
export function readVisits(sheets: readonly SheetValues[], context: CellContext): { visits: Visit[]; problems: Problem[] } {
  const sheet = sheets.find((s) => s.name === SHEETS.visits);
  const problems: Problem[] = [];
  if (!sheet) return { visits: [], problems };
  const match = matchHeader(sheet.values, VISIT_COLUMNS);
  if (!match) {
    problems.push(locatedProblem('warning', { sheet: sheet.name }, 'noHeader', { label: 'ID Koperasi' }));
    return { visits: [], problems };
  }
  const start = match.headerIndex + 1;
  const source: TableSource<keyof Visit> = {
    sheet: sheet.name,
    rows: sheet.values.slice(start),
    columnIndex: match.columns,
    rowNumber: (i) => start + i + 1,
    locate: (i, field, label) => ({ sheet: sheet.name, row: start + i + 1, column: `${label} (${columnLetter(match.columns.get(field) as number)})` }),
  };
  const visits = readRows(source, VISIT_COLUMNS, context, problems)
    .map((row) => ({
      mentorId: (row.values.mentorId as string | null) ?? null,
      coopId: (row.values.coopId as string | null) ?? '',
      visitedOn: (row.values.visitedOn as string | null) ?? null,
      activity: (row.values.activity as string | null) ?? null,
      followUp: (row.values.followUp as string | null) ?? null,
      followUpDue: (row.values.followUpDue as string | null) ?? null,
    }))
    .filter((visit) => visit.coopId !== '');
  return { visits, problems };
}

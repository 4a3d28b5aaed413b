/**
 * `=KKMP_TUGAS(pendamping; koperasi; rat; daftar pendamping; kunjungan; tanggal)`:
 * a mentor's work list as a formula that spills — one row per open follow-up
 * and per unmet requirement, co-ops most urgent first (see
 * src/core/mentoring/work-list.ts). Ranges are read by the same workbook
 * reader as the check of the whole workbook (so a bad cell is reported the
 * same way), the `Parameter`/`Aturan` sheets are honoured, and the mentor's
 * load is counted from the whole `Koperasi` sheet. Read-only.
 */
import { runChecks } from '../core/check-run';
import { fill, message } from '../core/messages';
import { isKnownMentor, mentorWorkList } from '../core/mentoring/work-list';
import { workListGrid } from '../core/mentoring/report-grids';
import { SHEETS, VISIT_COLUMNS } from '../core/workbook/columns';
import { cityMentorIds, formulaInput, isMissing, ownTable, type Cell, type RangeArg } from './custom-functions';

export function workListFormula(pendamping: unknown, koperasi: RangeArg, rat: RangeArg, daftarPendamping: RangeArg, kunjungan?: RangeArg, tanggal?: unknown): Cell[][] {
  const mentorId = typeof pendamping === 'string' ? pendamping.trim() : '';
  if (mentorId === '') throw new Error(message('mentoring', 'chooseMentorWork').id);
  const kunjunganSheet = isMissing(kunjungan) ? [] : [{ name: SHEETS.visits, values: ownTable(kunjungan, VISIT_COLUMNS, 'kunjungan', true) }];
  // Read as every formula reads (the spreadsheet's locale and the check date decide how typed dates are read).
  const { input: read, visits, zone } = formulaInput(koperasi, rat, daftarPendamping, tanggal, kunjunganSheet, { mentorsNeeded: true });
  if (!isKnownMentor(read.mentors, read.coops, mentorId)) throw new Error(fill(message('mentoring', 'cliUnknownMentor').id, () => mentorId));
  const input = { ...read, cityMentorIds: cityMentorIds(zone) };
  const run = runChecks(input);
  const rows = workListGrid(mentorWorkList(input, run, visits, mentorId), 'id').rows as Cell[][];
  if (rows.length === 1) rows.push([message('mentoring', 'workListNone').id, '', '', '', '', '']);
  return rows;
}

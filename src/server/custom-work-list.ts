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
import { MEETING_COLUMNS, MENTOR_COLUMNS, REGISTER_COLUMNS, SHEETS, VISIT_COLUMNS } from '../core/workbook/columns';
import { checkInputFrom, readWorkbook } from '../core/workbook/workbook-reader';
import { cellContext } from '../sheets/spreadsheet-reader';
import { ARG, checkDate, cityMentorIds, isMissing, ownTable, settingSheets, table, timeZone, withHeader, type Cell, type RangeArg } from './custom-functions';

export function workListFormula(pendamping: unknown, koperasi: RangeArg, rat: RangeArg, daftarPendamping: RangeArg, kunjungan?: RangeArg, tanggal?: unknown): Cell[][] {
  const mentorId = typeof pendamping === 'string' ? pendamping.trim() : '';
  if (mentorId === '') throw new Error(message('mentoring', 'chooseMentorWork').id);
  const zone = timeZone();
  const asOf = checkDate(tanggal, zone);
  const register = withHeader(table(koperasi, ARG.koperasi), null, REGISTER_COLUMNS, ARG.koperasi);
  const read = readWorkbook(
    [
      { name: SHEETS.register, values: register.values },
      { name: SHEETS.meetings, values: ownTable(rat, MEETING_COLUMNS, ARG.rat, false) },
      { name: SHEETS.mentors, values: ownTable(daftarPendamping, MENTOR_COLUMNS, ARG.pendamping, true) },
      ...(isMissing(kunjungan) ? [] : [{ name: SHEETS.visits, values: ownTable(kunjungan, VISIT_COLUMNS, 'kunjungan', true) }]),
      ...settingSheets(),
    ],
    cellContext(zone),
  );
  if (!isKnownMentor(read.mentors, read.coops, mentorId)) throw new Error(fill(message('mentoring', 'cliUnknownMentor').id, () => mentorId));
  const input = { ...checkInputFrom(read, asOf), cityMentorIds: cityMentorIds(zone) };
  const run = runChecks(input);
  const rows = workListGrid(mentorWorkList(input, run, read.visits, mentorId), 'id').rows as Cell[][];
  if (rows.length === 1) rows.push([message('mentoring', 'workListNone').id, '', '', '', '', '']);
  return rows;
}

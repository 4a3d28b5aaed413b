/**
 * A year of fortnightly "Periksa semua" on the sample, from 25 November 2025
 * to the sample date 24 November 2026 (27 checks, one every 14 days, as the
 * mayor's task force meets), recorded in the sample's `Riwayat` sheet.
 *
 * Not invented statuses: for each check date the register is rebuilt as it
 * stood that day from the readable timeline below and the dates already in
 * the sample (RAT meetings and their reports, mentors' contracts, deeds), and
 * the real checks are run on it. So the history moves the way the year did:
 * mentors start in January, follow-up papers arrive in waves after the
 * office's OSS and ODS clinics, RAT meetings from March, the deadline passes
 * on 30 June, PD-06's contract ends on 31 October.
 */
import { isoFromDay, dayFromIso } from '../src/core/calendar';
import { runChecks } from '../src/core/check-run';
import { checkedFromResult } from '../src/core/history/checked-coop';
import type { HistoryEntry } from '../src/core/history/history-row';
import type { CheckInput, CoopRecord } from '../src/shared/types';
import { SAMPLE_AS_OF, balikpapanSample } from './balikpapan-data';

/** The first recorded check, and the days between checks. */
export const HISTORY_START = '2025-11-25';
export const HISTORY_EVERY_DAYS = 14;

type PaperField = 'nib' | 'npwp' | 'nikKoperasi' | 'bankAccount' | 'simkopdesAccount';

/**
 * When the follow-up papers of the KKMP (numbered 1–34 as in the register)
 * reached the register. Before its date a paper the co-op holds today is not
 * recorded yet (yes/no fields read "Tidak").
 */
export const PAPER_ARRIVALS: ReadonlyArray<{ field: PaperField; on: string; kkmp: [number, number] }> = [
  { field: 'bankAccount', on: '2025-12-08', kkmp: [1, 17] },
  { field: 'bankAccount', on: '2026-01-12', kkmp: [18, 34] },
  { field: 'nib', on: '2025-12-15', kkmp: [1, 12] },
  { field: 'nib', on: '2026-02-16', kkmp: [13, 24] },
  { field: 'nib', on: '2026-05-11', kkmp: [25, 34] },
  { field: 'npwp', on: '2026-01-19', kkmp: [1, 17] },
  { field: 'npwp', on: '2026-04-13', kkmp: [18, 34] },
  { field: 'simkopdesAccount', on: '2026-03-02', kkmp: [1, 34] },
  // NIK koperasi comes after the RAT is reported through ODS (domain.md).
  { field: 'nikKoperasi', on: '2026-06-15', kkmp: [1, 20] },
  { field: 'nikKoperasi', on: '2026-08-17', kkmp: [21, 27] },
  { field: 'nikKoperasi', on: '2026-11-16', kkmp: [28, 34] },
];


/** The check dates: every 14 days from HISTORY_START up to the sample date. */
export function historyDates(): string[] {
  const dates: string[] = [];
  const last = dayFromIso(SAMPLE_AS_OF) as number;
  for (let day = dayFromIso(HISTORY_START) as number; day <= last; day += HISTORY_EVERY_DAYS) dates.push(isoFromDay(day));
  return dates;
}

function kkmpNumber(record: CoopRecord): number | null {
  const match = /^KKMP-BPP-(\d+)$/.exec(record.id);
  return match ? Number(match[1]) : null;
}

/** The sample as it stood on `date`: co-ops founded later are absent, papers and meetings not yet there are blank. */
export function sampleOn(date: string): CheckInput {
  const sample = balikpapanSample();
  const coops = sample.coops
    .filter((coop) => coop.deedDate === null || coop.deedDate <= date)
    .map((coop) => {
      const n = kkmpNumber(coop);
      if (n === null) return coop;
      const record = { ...coop };
      for (const arrival of PAPER_ARRIVALS) {
        if (n < arrival.kkmp[0] || n > arrival.kkmp[1] || arrival.on <= date) continue;
        if (arrival.field === 'bankAccount' || arrival.field === 'simkopdesAccount') record[arrival.field] = record[arrival.field] === null ? null : false;
        else record[arrival.field] = null;
      }
      return record;
    });
  const meetings = sample.meetings
    .filter((m) => m.heldOn !== null && m.heldOn <= date)
    .map((m) => ({ ...m, reportedOn: m.reportedOn !== null && m.reportedOn <= date ? m.reportedOn : null }));
  return { asOf: date, coops, meetings, mentors: sample.mentors };
}

/** Every recorded check's rows, oldest first, as `Riwayat` holds them (checks at 09:00). */
export function sampleHistory(): HistoryEntry[] {
  return historyDates().flatMap((date) => {
    const run = runChecks(sampleOn(date));
    const checkedAt = `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)} 09:00`;
    return run.results.map((result) => checkedFromResult(result, date, checkedAt, run.rulesVersion).entry);
  });
}

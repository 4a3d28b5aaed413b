/**
 * A year of mentor visits for the sample workbook's `Kunjungan` sheet, readable
 * and deterministic: the 7 mentors of examples/balikpapan-data.ts visit their
 * co-ops from the start of their contract (PD-07 from February; PD-06's
 * contract ended in October) to the sample's check date, about twice a month
 * each, on working days. What they work on follows the season and each
 * co-op's gaps: RAT preparation before the 30 June deadline, legal papers
 * (NIB, NIK, SK AHU) where missing, bookkeeping and business plans the rest
 * of the year. Most follow-ups are marked done; some recent ones are open,
 * a few past their deadline — as in a real office.
 *
 * PD-01 carries six co-ops and visits them less often; PD-05 is the most
 * regular. Nothing here is real data.
 */
import type { Visit } from '../src/shared/mentoring';
import type { CoopRecord } from '../src/shared/types';
import { dayFromIso, isoFromDay, partsFromDay } from '../src/core/calendar';
import { MENTORS, SAMPLE_AS_OF, balikpapanSample } from './balikpapan-data';

/** Visits per co-op per month, by mentor (a mentor with more co-ops has less time for each). */
const RHYTHM: Readonly<Record<string, number>> = { 'PD-01': 1, 'PD-02': 2, 'PD-03': 2, 'PD-04': 2, 'PD-05': 2, 'PD-06': 1, 'PD-07': 2 };

type Plan = { activity: string; notes: string; followUp: string | null };

/** What a visit is about, from the month and the co-op's gaps. */
function planFor(coop: CoopRecord, month: number, turn: number): Plan {
  if (month >= 2 && month <= 5 && turn % 2 === 0) {
    return { activity: 'Persiapan RAT', notes: 'Menyusun jadwal RAT, undangan anggota dan laporan pertanggungjawaban pengurus.', followUp: 'Kirim undangan RAT ke semua anggota' };
  }
  if (coop.skAhuNumber === null && turn % 3 === 0) {
    return { activity: 'Perizinan', notes: 'Menanyakan perkembangan pengesahan SK AHU ke notaris.', followUp: 'Minta salinan bukti pengajuan AHU dari notaris' };
  }
  if (coop.nib === null && turn % 3 === 1) return { activity: 'Perizinan', notes: 'Mendampingi pengurus mendaftar NIB di OSS.', followUp: 'Unggah dokumen pendirian ke OSS' };
  if (coop.nikKoperasi === null && turn % 3 === 2) return { activity: 'Perizinan', notes: 'Menyiapkan berkas pengajuan NIK koperasi melalui ODS.', followUp: 'Lengkapi laporan RAT di ODS untuk NIK' };
  const rest: Plan[] = [
    { activity: 'Pembukuan', notes: 'Memeriksa buku kas dan simpanan wajib anggota bulan lalu.', followUp: 'Rekap simpanan wajib per anggota' },
    { activity: 'Rencana usaha', notes: 'Membahas rencana usaha gerai sembako dan kemitraan Bulog.', followUp: 'Susun proyeksi penjualan 3 bulan' },
    { activity: 'Tata kelola', notes: 'Rapat pengurus dan pengawas: pembagian tugas dan notulen.', followUp: null },
    { activity: 'Pembukuan', notes: 'Melatih bendahara membuat neraca dan laporan laba rugi sederhana.', followUp: 'Buat neraca percobaan bulan ini' },
    { activity: 'Rencana usaha', notes: 'Menyusun proposal usaha untuk pembiayaan bank (PMK 49/2025).', followUp: 'Lengkapi proposal usaha' },
    { activity: 'Lainnya', notes: 'Sosialisasi keanggotaan di kantor kelurahan.', followUp: null },
  ];
  return rest[(turn + month) % rest.length] as Plan;
}

/** A working day (Monday to Friday) on or after the given day. */
function workingDay(day: number): number {
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
}

export function sampleVisits(): Visit[] {
  const { coops } = balikpapanSample();
  const asOf = dayFromIso(SAMPLE_AS_OF) as number;
  const visits: Omit<Visit, 'row'>[] = [];
  MENTORS.forEach((mentor, m) => {
    const mine = coops.filter((c) => c.mentorId === mentor.id);
    const start = dayFromIso(mentor.startsOn) as number;
    const end = Math.min(dayFromIso(mentor.endsOn) as number, asOf);
    const perMonth = RHYTHM[mentor.id] ?? 1;
    mine.forEach((coop, c) => {
      let turn = 0;
      // Visits spread over each month: the co-op's place in the mentor's round gives its days.
      for (let day = start; day <= end; ) {
        const { year, month } = partsFromDay(day);
        for (let k = 0; k < perMonth; k += 1) {
          const visitDay = workingDay((dayFromIso(`${year}-${String(month).padStart(2, '0')}-01`) as number) + 3 + ((c * 3 + m + k * 14) % 24));
          if (visitDay < start || visitDay > end) continue;
          // PD-01 skips one month in three; everyone misses the odd visit.
          if ((mentor.id === 'PD-01' && (month + c) % 3 === 0) || (month * 7 + c * 5 + k + m) % 11 === 0) continue;
          const plan = planFor(coop, month, turn);
          turn += 1;
          const dueDay = plan.followUp ? visitDay + 14 : null;
          // Follow-ups are done, except recent ones and the odd forgotten one.
          // A follow-up not done yet is left blank, as staff do.
          const done = dueDay === null ? false : dueDay < asOf - 30 ? (turn * 7 + c * 3 + m) % 29 !== 0 : dueDay < asOf - 10 ? (turn + c) % 5 !== 0 : dueDay < asOf ? (turn + c) % 2 === 0 : false;
          visits.push({
            mentorId: mentor.id,
            coopId: coop.id,
            date: isoFromDay(visitDay),
            activity: plan.activity,
            notes: plan.notes,
            followUp: plan.followUp,
            followUpDue: dueDay === null ? null : isoFromDay(dueDay),
            followUpDone: done ? true : null,
          });
        }
        day = (dayFromIso(month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`) as number);
      }
    });
  });
  visits.sort((a, b) => (a.date as string).localeCompare(b.date as string) || a.mentorId.localeCompare(b.mentorId) || a.coopId.localeCompare(b.coopId));
  return visits.map((v, i) => ({ ...v, row: i + 2 }));
}

/**
 * The monthly report and the coordinator's recap on small, readable inputs:
 * which visits belong to the month, requirements met in it (dated facts),
 * follow-ups open at its end, and where the start/end statuses come from.
 */
import { runChecks } from '../../../src/core/check-run';
import { monthlyRecap, monthlyReport, reportMonthProblem } from '../../../src/core/mentoring/monthly-report';
import { monthlyReportGrid, monthlyRecapGrid } from '../../../src/core/mentoring/report-grids';
import type { Visit } from '../../../src/shared/mentoring';
import type { CheckInput } from '../../../src/shared/types';
import { coop, input, meeting, mentor } from '../../support/records';

const visit = (overrides: Partial<Visit> = {}): Visit => ({
  mentorId: 'PD-01', coopId: 'KKMP-BPP-01', date: '2026-10-02', activity: 'Pembukuan', notes: 'Cek kas', followUp: null, followUpDue: null, followUpDone: null, row: 2, ...overrides,
});

function report(parts: Partial<CheckInput>, visits: Visit[], month = '2026-10', mentorId = 'PD-01') {
  const data = input(parts);
  return monthlyReport(data, runChecks(data), visits, mentorId, month);
}

describe('the monthly report', () => {
  test("holds the mentor's visits of the month only, by date", () => {
    const visits = [
      visit({ date: '2026-10-20', row: 2 }),
      visit({ date: '2026-10-01', row: 3 }),
      visit({ date: '2026-09-30', row: 4 }),
      visit({ date: '2026-11-01', row: 5 }),
      visit({ mentorId: 'PD-02', date: '2026-10-05', row: 6 }),
    ];
    const r = report({}, visits);
    expect(r.visits.map((v) => v.date)).toEqual(['2026-10-01', '2026-10-20']);
    expect(r).toMatchObject({ from: '2026-10-01', to: '2026-10-31', coopsVisited: 1, statusSource: 'now' });
  });

  test('requirements met in the month come from dated facts: RAT held, report received, SK AHU, deed', () => {
    const r = report(
      { coops: [coop({ deedDate: '2026-10-03', skAhuDate: '2026-10-20' })], meetings: [meeting({ bookYear: 2025, heldOn: '2026-10-10', reportedOn: '2026-10-28' })] },
      [],
    );
    expect(r.met.map((e) => [e.date, e.kind, e.label.id])).toEqual([
      ['2026-10-03', 'deed', 'Akta pendirian'],
      ['2026-10-10', 'ratHeld', 'RAT tahun buku 2025 dilaksanakan'],
      ['2026-10-20', 'skAhu', 'SK AHU terbit'],
      ['2026-10-28', 'ratReported', 'Laporan RAT tahun buku 2025 sampai ke Dinas'],
    ]);
  });

  test('follow-ups open at the end of the month, overdue ones first', () => {
    const visits = [
      visit({ followUp: 'Rekap simpanan', followUpDue: '2026-10-15', row: 2 }),
      visit({ followUp: 'Neraca', followUpDue: '2026-11-15', row: 3 }),
      visit({ followUp: 'Sudah', followUpDue: '2026-10-10', followUpDone: true, row: 4 }),
    ];
    const r = report({}, visits);
    expect(r.openFollowUps.map((f) => [f.followUp, f.overdue, f.daysOverdue])).toEqual([['Rekap simpanan', true, 16], ['Neraca', false, 0]]);
  });

  test('the current month ends at the check date; a co-op visited but not assigned is shown too', () => {
    const r = report({ coops: [coop(), coop({ id: 'LAIN', mentorId: 'PD-02' })] }, [visit({ coopId: 'LAIN', date: '2026-11-03' })], '2026-11');
    expect(r.to).toBe('2026-11-24');
    expect(r.coops.map((c) => c.coopId)).toEqual(['KKMP-BPP-01', 'LAIN']);
  });

  test('a month that is not YYYY-MM is refused', () => {
    expect(() => report({}, [], 'Okt 2026')).toThrow("Bulan 'Okt 2026' tidak terbaca");
  });

  test.each<[string, string, string | null]>([
    ['2026-11', '2026-11-24', null],
    ['2026-11', '2026-11-01', null],
    ['2026-10', '2026-11-24', null],
    ['2026-12', '2026-11-30', 'Bulan 2026-12 belum dimulai pada tanggal pemeriksaan 30/11/2026; laporan bulanan hanya untuk bulan yang sudah berjalan.'],
    ['2027-05', '2026-12-01', 'Bulan 2027-05 belum dimulai pada tanggal pemeriksaan 01/12/2026; laporan bulanan hanya untuk bulan yang sudah berjalan.'],
    [' 2027-01 ', '2026-12-31', 'Bulan 2027-01 belum dimulai pada tanggal pemeriksaan 31/12/2026; laporan bulanan hanya untuk bulan yang sudah berjalan.'],
    ['2026-13', '2026-11-24', "Bulan '2026-13' tidak terbaca; tulis YYYY-MM, misalnya 2026-10."],
    ['2026-00', '2026-11-24', "Bulan '2026-00' tidak terbaca; tulis YYYY-MM, misalnya 2026-10."],
  ])('month %s on check date %s: %s', (month, asOf, problem) => {
    expect(reportMonthProblem(month, asOf)?.id ?? null).toBe(problem);
  });

  test('a month not begun by the check date is refused, not reported with follow-ups "overdue" on a day to come', () => {
    expect(() => report({}, [visit({ followUp: 'Kirim undangan', followUpDue: '2026-11-01' })], '2027-05')).toThrow('Bulan 2027-05 belum dimulai');
  });

  test('the printed layout: heading, sections A–E, space to write, place, date and two signatures', () => {
    const r = report({}, [visit()]);
    const grid = monthlyReportGrid(r, 'id');
    const firsts = grid.rows.map((row) => row[0]);
    expect(firsts[0]).toBe('LAPORAN BULANAN PENDAMPING KOPERASI');
    for (const section of ['A. Kunjungan bulan ini', 'B. Status koperasi awal dan akhir bulan', 'C. Syarat terpenuhi bulan ini', 'D. Tindak lanjut terbuka', 'E. Ringkasan pendamping (diisi pendamping)']) {
      expect(grid.styles[firsts.indexOf(section)]).toBe('section');
    }
    expect(grid.styles.filter((s) => s === 'writeIn')).toHaveLength(5);
    expect(grid.rows.flat()).toEqual(expect.arrayContaining(['Balikpapan, 31/10/2026', 'Pendamping,', 'Mengetahui, Kepala Bidang Koperasi', 'Pendamping Satu', '02/10/2026']));
    expect(monthlyReportGrid(r, 'en').rows[0]![0]).toBe("MENTOR'S MONTHLY REPORT");
  });
});

describe("the coordinator's recap", () => {
  test('one line per listed mentor, then any mentor only the register names, with the totals', () => {
    const data = input({ coops: [coop(), coop({ id: 'B', mentorId: 'PD-02' }), coop({ id: 'C', mentorId: 'PD-09' })], mentors: [mentor(), mentor({ id: 'PD-02', name: 'Dua' })] });
    const visits = [visit(), visit({ coopId: 'B', mentorId: 'PD-02', row: 3 }), visit({ coopId: 'B', mentorId: 'PD-02', date: '2026-10-09', followUp: 'x', followUpDue: '2026-10-12', row: 4 })];
    const lines = monthlyRecap(data, runChecks(data), visits, '2026-10');
    expect(lines.map((l) => [l.mentorId, l.coops, l.visits, l.coopsVisited, l.openFollowUps, l.overdueFollowUps])).toEqual([
      ['PD-01', 1, 1, 1, 0, 0],
      ['PD-02', 1, 2, 1, 1, 1],
      ['PD-09', 1, 0, 0, 0, 0],
    ]);
    const grid = monthlyRecapGrid(lines, '2026-10', 'id');
    expect(grid.rows.at(-1)).toEqual(['Jumlah', '', 3, 3, 2, 0, 1, 1]);
  });
});

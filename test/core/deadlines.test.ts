/**
 * The deadline calendar: what falls due between the check date and N days
 * later, with dates from the same derived facts the RAT check uses.
 */
import { deadlineTable, deadlines } from '../../src/core/deadlines';
import { coop, meeting, mentor } from '../support/records';

const input = (asOf: string, extra: Partial<Parameters<typeof deadlines>[0]> = {}) => ({ asOf, coops: [coop({ id: 'A', mentorId: 'PD-01' }), coop({ id: 'B', mentorId: null })], meetings: [], mentors: [mentor({ id: 'PD-01', name: null, endsOn: '2026-07-31' })], ...extra });

describe('deadline calendar', () => {
  test('RAT deadline of the book year owed, marked soon inside the early-warning months', () => {
    const list = deadlines(input('2026-04-15')).deadlines;
    expect(list.filter((d) => d.kind === 'rat').map((d) => [d.date, d.coopId, d.daysLeft, d.soon, d.text.id])).toEqual([
      ['2026-06-30', 'A', 76, true, 'Batas RAT tahun buku 2025'],
      ['2026-06-30', 'B', 76, true, 'Batas RAT tahun buku 2025'],
    ]);
    expect(deadlines(input('2026-04-15'), { days: 60 }).deadlines.filter((d) => d.kind === 'rat')).toEqual([]);
  });

  test('a quorate RAT removes the RAT deadline; its report is due a month after the meeting', () => {
    const list = deadlines(input('2026-04-15', { meetings: [meeting({ coopId: 'A', bookYear: 2025, heldOn: '2026-04-10', membersPresent: 20, members: 25, reportedOn: null })] })).deadlines;
    expect(list.map((d) => [d.kind, d.coopId ?? d.mentorId, d.date])).toEqual([
      ['ratReport', 'A', '2026-05-10'],
      ['rat', 'B', '2026-06-30'],
    ]);
    expect(list[0]!.text.id).toBe('Laporan RAT (rapat 10/04/2026) harus sampai ke Dinas');
  });

  test('mentor contracts ending and open visit follow-ups; nothing done, before the check date or after the window', () => {
    const visit = { mentorId: 'PD-01', activity: 'Pembukuan', notes: null, followUpDone: null, row: 2 };
    const visits = [
      { ...visit, coopId: 'B', date: '2026-07-01', followUp: 'Buku kas', followUpDue: '2026-07-20' },
      { ...visit, coopId: 'A', date: '2026-06-01', followUp: 'Lewat', followUpDue: '2026-07-09' },
      { ...visit, coopId: 'A', date: '2026-07-02', followUp: 'Sudah dikerjakan', followUpDue: '2026-07-15', followUpDone: true },
    ];
    const result = deadlines(input('2026-07-10'), { days: 30, visits });
    expect(result.days).toBe(30);
    expect(result.deadlines.map((d) => [d.date, d.kind, d.text.id])).toEqual([
      ['2026-07-20', 'followUp', 'Tindak lanjut PD-01: Buku kas'],
      ['2026-07-31', 'mentorEnd', 'Kontrak pendamping PD-01 berakhir (1 koperasi)'],
    ]);
    expect(deadlineTable(result.deadlines, 'en')).toEqual([
      ['Date', 'Days left', 'Kind', 'Co-op ID', 'Name', 'Detail'],
      ['20/07/2026', '10', 'Follow-up', 'B', 'Koperasi Kelurahan Merah Putih Graha Indah', 'Follow-up by PD-01: Buku kas'],
      ['31/07/2026', '21', 'Mentor', 'PD-01', '', "Mentor PD-01's contract ends (1 co-ops)"],
    ]);
  });

  test('the default window is the parameter deadlineHorizonDays; a workbook may change it', () => {
    expect(deadlines(input('2026-04-15')).days).toBe(90);
    expect(deadlines(input('2026-04-15', { parameterOverrides: [{ key: 'deadlineHorizonDays', value: 30, source: 'Parameter' }] })).days).toBe(30);
    expect(() => deadlines(input('15/04/2026'))).toThrow("check date '15/04/2026' is not a date");
  });

  test('open follow-ups whose date has passed are not in the coming days, but they are counted, never dropped in silence', () => {
    const visit = { mentorId: 'PD-01', activity: 'Pembukuan', notes: null, followUpDone: null, row: 2 };
    const visits = [
      { ...visit, coopId: 'A', date: '2026-05-01', followUp: 'Neraca', followUpDue: '2026-05-20' },
      { ...visit, coopId: 'B', date: '2026-06-01', followUp: 'Buku kas', followUpDue: '2026-07-09' },
      { ...visit, coopId: 'A', date: '2026-06-01', followUp: 'Selesai', followUpDue: '2026-06-09', followUpDone: true },
      { ...visit, coopId: 'B', date: '2026-07-01', followUp: 'Akan datang', followUpDue: '2026-07-20' },
    ];
    const result = deadlines(input('2026-07-10'), { days: 30, visits });
    expect(result.deadlines.every((d) => d.daysLeft >= 0)).toBe(true);
    expect(result.overdueFollowUps).toEqual({ count: 2, oldest: '2026-05-20' });
    expect(deadlines(input('2026-07-10'), { days: 30 }).overdueFollowUps).toEqual({ count: 0, oldest: null });
  });
});


/**
 * The Riwayat row format: header, rows written and read back (a property over
 * arbitrary statuses and levels), a check added later gets its column at the
 * right, unrecognised headers are refused, blocks, repeats, the size limit
 * and the cell budget written in the README.
 */
import fc from 'fast-check';
import { CHECK_IDS, STATUSES_BY_CHECK } from '../../../src/core/rule-data';
import { capProblem, headerFor, historyBlocks, historyCellBudget, historyHeader, historyRow, readHistory, sameAsLast, type HistoryEntry } from '../../../src/core/history/history-row';
import { XLSX_CELL_CONTEXT } from '../../../src/cli/xlsx-workbook';
import type { CheckId, Severity, StatusCode } from '../../../src/shared/types';

const entry = (overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
  checkedOn: '2026-07-05', checkedAt: '05/07/2026 14:00', coopId: 'KKMP-BPP-01',
  statuses: { legal: 'BERBADAN_HUKUM', rat: 'SELESAI', mentor: 'TERDAMPINGI', savingsLoans: 'BELUM_SIAP' },
  levels: { legal: 'warn', rat: 'ok', mentor: 'ok', savingsLoans: 'bad' },
  score: '9/14', rulesVersion: 'r-1', ...overrides,
});

describe('history rows', () => {
  test('a row holds date, time, ID, one status label per check, score, level letters and version', () => {
    expect(historyHeader()).toEqual(['Tanggal Periksa', 'Waktu Periksa', 'ID Koperasi', 'Legalitas', 'RAT', 'Pendampingan', 'Simpan pinjam', 'Pembiayaan bank', 'Skor Simpan Pinjam', 'Tingkat (H/K/M)', 'Versi Aturan']);
    // An entry without a bank-financing status (as recorded before that check existed): an empty cell and '-' for its level.
    expect(historyRow(entry(), historyHeader())).toEqual(['2026-07-05', '05/07/2026 14:00', 'KKMP-BPP-01', 'BERBADAN HUKUM', 'SELESAI', 'TERDAMPINGI', 'BELUM SIAP', '', '9/14', 'KHHM-', 'r-1']);
  });

  test('any entry written and read back is the same entry', () => {
    const level = fc.constantFrom<Severity>('ok', 'warn', 'bad');
    const checks = fc.record(Object.fromEntries(CHECK_IDS.map((c) => [c, fc.tuple(fc.constantFrom(...(STATUSES_BY_CHECK[c] ?? [])), level)])) as Record<CheckId, fc.Arbitrary<[string, Severity]>>);
    fc.assert(fc.property(checks, fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ''), fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (byCheck, id, date) => {
      const e = entry({ coopId: id, checkedOn: date.toISOString().slice(0, 10), statuses: {}, levels: {} });
      for (const c of CHECK_IDS) {
        e.statuses[c] = byCheck[c]![0] as StatusCode;
        e.levels[c] = byCheck[c]![1];
      }
      const read = readHistory([historyHeader(), historyRow(e, historyHeader())], XLSX_CELL_CONTEXT, 'Riwayat');
      expect(read.problems).toEqual([]);
      expect(read.entries).toEqual([e]);
    }), { numRuns: 300 });
  });

  test('an existing header missing a check gets that column at the right; older rows read it as not recorded', () => {
    const old = historyHeader().filter((label) => label !== 'Simpan pinjam');
    const layout = headerFor(old, 'Riwayat');
    expect(layout).toEqual({ header: [...old, 'Simpan pinjam'], added: ['Simpan pinjam'] });
    const oldEntry = entry({ statuses: { legal: 'BELUM', rat: 'TERLAMBAT', mentor: 'TANPA_PENDAMPING' }, levels: { legal: 'bad', rat: 'bad', mentor: 'bad' } });
    const rows = [('header' in layout ? layout.header : []), [...historyRow(oldEntry, old), ''], historyRow(entry({ checkedOn: '2026-07-19' }), 'header' in layout ? layout.header : [])];
    const read = readHistory(rows, XLSX_CELL_CONTEXT, 'Riwayat').entries;
    expect(read[0]).toEqual(oldEntry);
    expect(read[1]).toEqual(entry({ checkedOn: '2026-07-19' }));
  });

  test('a header it does not recognise is refused, so nothing is written under it', () => {
    const layout = headerFor(['Catatan', 'Isi'], 'Riwayat');
    expect('problem' in layout && layout.problem.text.id).toMatch(/^Sheet 'Riwayat': judul kolom tidak dikenali \('Tanggal Periksa' tidak ada\)/);
    expect(readHistory([['Catatan', 'Isi'], ['x', 'y']], XLSX_CELL_CONTEXT, 'Riwayat')).toEqual({ entries: [], problems: [] });
  });

  test('an unreadable row is skipped and reported with its row', () => {
    const read = readHistory([historyHeader(), historyRow(entry({ checkedOn: 'kemarin' }), historyHeader()), historyRow(entry(), historyHeader())], XLSX_CELL_CONTEXT, 'Riwayat');
    expect(read.entries).toHaveLength(1);
    expect(read.problems.map((p) => p.text.id)).toEqual(['sheet Riwayat, baris 2: baris riwayat tidak terbaca (Tanggal Periksa); baris dilewati.']);
  });

  test('blocks group one check-all; a same-day repeat with equal rows records nothing new', () => {
    const a = [entry(), entry({ coopId: 'KKMP-BPP-02' })];
    const b = a.map((e) => ({ ...e, checkedAt: '05/07/2026 15:00' }));
    const blocks = historyBlocks([...a, ...b]);
    expect(blocks.map((x) => [x.checkedAt, x.entries.length])).toEqual([['05/07/2026 14:00', 2], ['05/07/2026 15:00', 2]]);
    expect(sameAsLast(blocks[0], b)).toBe(true);
    expect(sameAsLast(blocks[0], [b[0]!, { ...b[1]!, score: '10/14' }])).toBe(false);
    expect(sameAsLast(blocks[0], b.map((e) => ({ ...e, checkedOn: '2026-07-06' })))).toBe(false);
  });

  test('rows sorted or shuffled by hand still make one block per check-all, in date order', () => {
    const ids = ['KKMP-BPP-01', 'KKMP-BPP-02', 'KKMP-BPP-03'];
    const checks = [['2026-06-20', '20/06/2026 14:00'], ['2026-07-05', '05/07/2026 09:00'], ['2026-07-05', '05/07/2026 14:00']] as const;
    const written = checks.flatMap(([checkedOn, checkedAt]) => ids.map((coopId) => entry({ coopId, checkedOn, checkedAt })));
    const byId = [...written].sort((a, b) => a.coopId.localeCompare(b.coopId));
    const byDateDescending = [...written].reverse();
    for (const rows of [written, byId, byDateDescending]) {
      const blocks = historyBlocks(rows);
      expect(blocks.map((b) => [b.checkedOn, b.checkedAt, b.entries.map((e) => e.coopId).sort()])).toEqual(checks.map(([on, at]) => [on, at, ids]));
    }
  });

  test('a check date typed by hand is read as the sheets read dates; a file re-saved month-first is read month-first', () => {
    const rows = (dates: unknown[]) => [historyHeader(), ...dates.map((d, i) => [d, ...historyRow(entry({ coopId: `KKMP-BPP-0${i + 1}` }), historyHeader()).slice(1)])];
    const dayFirst = readHistory(rows(['05/07/2026', '5 Juli 2026', '2026-07-05', new Date(Date.UTC(2026, 6, 5)), '19/07/2026']), XLSX_CELL_CONTEXT, 'Riwayat');
    expect(dayFirst.problems).toEqual([]);
    expect(dayFirst.entries.map((e) => e.checkedOn)).toEqual(['2026-07-05', '2026-07-05', '2026-07-05', '2026-07-05', '2026-07-19']);
    // Excel in a month-first locale writes 7/5/2026 and 7/19/2026: the column shows which way it reads.
    const monthFirst = readHistory(rows(['7/5/2026', '7/19/2026', '8/2/2026']), XLSX_CELL_CONTEXT, 'Riwayat');
    expect(monthFirst.entries.map((e) => e.checkedOn)).toEqual(['2026-07-05', '2026-07-19', '2026-08-02']);
    expect(monthFirst.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(monthFirst.problems[0]!.text.id).toContain('bulan/hari');
  });

  test('columns moved by hand: each status and its colour stay with their check', () => {
    const e = entry({ statuses: { legal: 'BERBADAN_HUKUM', rat: 'TERLAMBAT', mentor: 'PENDAMPING_BERLEBIH', savingsLoans: 'SIAP', bankFinancing: 'BELUM_SIAP' }, levels: { legal: 'warn', rat: 'bad', mentor: 'warn', savingsLoans: 'ok', bankFinancing: 'bad' } });
    const header = historyHeader();
    const row = historyRow(e, header);
    // Legalitas and RAT swapped, and the version moved to the front.
    const order = [10, 0, 1, 2, 4, 3, 5, 6, 7, 8, 9];
    const moved = readHistory([order.map((i) => header[i]), order.map((i) => row[i])], XLSX_CELL_CONTEXT, 'Riwayat');
    expect(moved.entries).toEqual([e]);
    // Rows written after the move read the same.
    const movedHeader = order.map((i) => header[i] as string);
    expect(readHistory([movedHeader, historyRow(e, movedHeader)], XLSX_CELL_CONTEXT, 'Riwayat').entries).toEqual([e]);
  });

  test('statuses and colour letters typed in lower case are read', () => {
    const row = historyRow(entry(), historyHeader()).map((cell) => cell.toLowerCase());
    row[2] = 'KKMP-BPP-01';
    expect(readHistory([historyHeader(), row], XLSX_CELL_CONTEXT, 'Riwayat').entries).toEqual([entry()]);
  });

  test('109 co-ops weekly for ten years stay far inside Sheets\' 10 million cells (the README figure)', () => {
    expect(historyCellBudget(109, 52, 10, 10)).toEqual({ rows: 56_681, cells: 566_810, percentOfSheetsLimit: 5.7 });
    // The header of rules/checks.json's five checks: 11 columns.
    expect(historyCellBudget(109, 52, 10)).toEqual({ rows: 56_681, cells: 623_491, percentOfSheetsLimit: 6.2 });
    expect(historyCellBudget(109, 52, 10, 11)).toEqual({ rows: 56_681, cells: 623_491, percentOfSheetsLimit: 6.2 });
    expect(capProblem(56_681, 109, 10, 2_000_000, 'Riwayat')).toBeNull();
    expect(capProblem(199_950, 109, 10, 2_000_000, 'Riwayat')?.text.id).toContain('batas 2000000 sel');
  });
});

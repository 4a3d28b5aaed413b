/**
 * Change since the previous check: ↑/↓ by colour level, → for another status
 * at the same level, the reason for a worse status, and how co-ops are counted.
 */
import { changesSince, coopChange } from '../../../src/core/history/status-change';
import type { CheckedCoop } from '../../../src/core/history/checked-coop';
import type { HistoryEntry } from '../../../src/core/history/history-row';

const entry = (statuses: HistoryEntry['statuses'], levels: HistoryEntry['levels'], coopId = 'KKMP-BPP-01'): HistoryEntry => ({ checkedOn: '2026-07-05', checkedAt: '', coopId, statuses, levels, score: '', rulesVersion: '' });
const now = (e: HistoryEntry, reasons: CheckedCoop['reasons'] = {}): CheckedCoop => ({ entry: e, name: null, reasons });

describe('change since the previous check', () => {
  test.each([
    ['up: red to green', { mentor: 'TANPA_PENDAMPING', l: 'bad' }, { mentor: 'TERDAMPINGI', l: 'ok' }, 'improved', '↑ Pendampingan: TANPA PENDAMPING → TERDAMPINGI'],
    ['down: amber to red', { mentor: 'PENDAMPING_BERLEBIH', l: 'warn' }, { mentor: 'TANPA_PENDAMPING', l: 'bad' }, 'worsened', '↓ Pendampingan: PENDAMPING BERLEBIH → TANPA PENDAMPING (Belum ada pendamping.)'],
    ['side: a new book year is not a decline', { rat: 'SELESAI', l: 'ok' }, { rat: 'BELUM_JATUH_TEMPO', l: 'ok' }, 'unchanged', '→ RAT: SELESAI → BELUM JATUH TEMPO'],
    ['same status, colour better', { legal: 'BERBADAN_HUKUM', l: 'warn' }, { legal: 'BERBADAN_HUKUM', l: 'ok' }, 'improved', '↑ Legalitas: BERBADAN HUKUM (kuning → hijau)'],
    ['unchanged', { rat: 'TERLAMBAT', l: 'bad' }, { rat: 'TERLAMBAT', l: 'bad' }, 'unchanged', '= tidak berubah'],
  ] as const)('%s', (_, before, after, kind, text) => {
    const check = Object.keys(before).find((k) => k !== 'l') as 'mentor';
    const previous = entry({ [check]: (before as Record<string, string>)[check] } as HistoryEntry['statuses'], { [check]: before.l });
    const current = entry({ [check]: (after as Record<string, string>)[check] } as HistoryEntry['statuses'], { [check]: after.l });
    const change = coopChange(previous, now(current, { mentor: { id: 'Belum ada pendamping.', en: 'No mentor yet.' } }));
    expect([change.kind, change.text.id]).toEqual([kind, text]);
  });

  test('one check up and another down counts as worsened; a co-op not checked before is new', () => {
    const previous = entry({ legal: 'DALAM_PROSES', rat: 'SELESAI' }, { legal: 'warn', rat: 'ok' });
    const mixed = coopChange(previous, now(entry({ legal: 'BERBADAN_HUKUM', rat: 'TERLAMBAT' }, { legal: 'ok', rat: 'bad' })));
    expect(mixed.kind).toBe('worsened');
    expect(mixed.text.id).toBe('↑ Legalitas: DALAM PROSES → BERBADAN HUKUM; ↓ RAT: SELESAI → TERLAMBAT');
    const summary = changesSince(
      { checkedOn: '2026-06-20', checkedAt: '', rulesVersion: '', entries: [previous] },
      [now(entry({ legal: 'BERBADAN_HUKUM', rat: 'SELESAI' }, { legal: 'ok', rat: 'ok' })), now(entry({}, {}, 'KOP-BARU'))],
    );
    expect([summary.since, summary.improved, summary.worsened, summary.unchanged, summary.added]).toEqual(['2026-06-20', 1, 0, 0, 1]);
    expect(summary.coops[1]!.text.id).toBe('baru: belum ada di riwayat');
  });

  test('a co-op in the previous check but no longer in the register is named, not dropped in silence', () => {
    const previous = { checkedOn: '2026-06-20', checkedAt: '', rulesVersion: '', entries: [entry({}, {}, 'KKMP-BPP-01'), entry({}, {}, 'KKMP-BPP-02'), entry({}, {}, 'KKMP-BPP-03')] };
    const summary = changesSince(previous, [now(entry({}, {}, 'kkmp-bpp-01 ')), now(entry({}, {}, 'KKMP-BPP-3'))]);
    expect(summary.removed).toEqual(['KKMP-BPP-02', 'KKMP-BPP-03']);
    expect(summary.added).toBe(1);
    expect(changesSince(undefined, [now(entry({}, {}))]).removed).toEqual([]);
  });
});


/**
 * What comes first on the dashboard and how the list narrows: urgency from
 * the statuses and the due date, the order, and the filters and search.
 */
import { attentionCount, selectCoops, sortByUrgency, urgency, type CoopDigest } from '../../src/core/attention';
import type { Severity } from '../../src/shared/types';

const ASOF = '2026-11-24';
function digest(id: string, checks: Partial<Record<'legal' | 'rat' | 'mentor' | 'savingsLoans', Severity>>, more: Partial<CoopDigest> = {}): CoopDigest {
  const all = { legal: 'ok', rat: 'ok', mentor: 'ok', savingsLoans: 'bad', ...checks } as Record<string, Severity>;
  return { id, name: `Koperasi ${id}`, kelurahan: 'Damai', kecamatan: 'Balikpapan Kota', mentorId: 'PD-01', members: 20, checks: Object.fromEntries(Object.entries(all).map(([c, s]) => [c, [s === 'ok' ? 'OK' : 'X', s]])), due: null, origin: null, ...more };
}

describe('urgency', () => {
  test.each<[string, CoopDigest, 0 | 1 | 2]>([
    ['all fine (savings and loans not ready does not count)', digest('A', {}), 2],
    ['a red compliance check', digest('A', { legal: 'bad' }), 0],
    ['amber, nothing due', digest('A', { rat: 'warn' }), 1],
    ['amber, due later', digest('A', { rat: 'warn' }, { due: '2026-12-31' }), 1],
    ['amber, due date passed: overdue', digest('A', { rat: 'warn' }, { due: '2026-11-23' }), 0],
    ['amber, due today: not yet overdue', digest('A', { rat: 'warn' }, { due: ASOF }), 1],
  ])('%s', (_name, d, expected) => {
    expect(urgency(d, ASOF)).toBe(expected);
  });

  test('order: red (more red first), then overdue, then due soonest; fine co-ops last', () => {
    const list = [
      digest('fine', {}),
      digest('amber-later', { rat: 'warn' }, { due: '2027-01-10' }),
      digest('amber-soon', { rat: 'warn' }, { due: '2026-12-01' }),
      digest('overdue', { rat: 'warn' }, { due: '2026-06-30' }),
      digest('one-red', { mentor: 'bad' }),
      digest('two-red', { mentor: 'bad', legal: 'bad' }),
    ];
    expect(sortByUrgency(list, ASOF).map((d) => d.id)).toEqual(['two-red', 'one-red', 'overdue', 'amber-soon', 'amber-later', 'fine']);
    expect(attentionCount(list, ASOF)).toBe(5);
  });
});

describe('filters and search', () => {
  const list = [
    digest('KKMP-01', { rat: 'bad' }, { kecamatan: 'Balikpapan Timur', name: 'KKMP Manggar', mentorId: null }),
    digest('KKMP-02', { legal: 'warn' }, { kecamatan: 'Balikpapan Utara', name: 'KKMP Graha Indah', mentorId: 'pd-02 ' }),
    digest('KKMP-03', {}, { kecamatan: 'Balikpapan Utara', name: 'KKMP Batu Ampar' }),
  ];
  const ids = (q: object): string[] => selectCoops(list, ASOF, q).map((d) => d.id);

  test.each<[string, object, string[]]>([
    ['no filter: the co-ops needing attention', {}, ['KKMP-01', 'KKMP-02']],
    ['kecamatan', { kecamatan: 'Balikpapan Utara' }, ['KKMP-02']],
    ['a check and its status (any co-op)', { check: 'legal', status: 'X.warn' }, ['KKMP-02']],
    ['a check without status: those not fine in it', { check: 'rat' }, ['KKMP-01']],
    ['no mentor', { mentor: '-' }, ['KKMP-01']],
    ['a mentor, any case and spaces', { mentor: 'PD-02' }, ['KKMP-02']],
    ['search by name finds a co-op that is fine too', { search: 'batu ampar' }, ['KKMP-03']],
    ['search by ID', { search: 'kkmp-01' }, ['KKMP-01']],
    ['nothing matches', { search: 'zzz' }, []],
  ])('%s', (_name, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });
});

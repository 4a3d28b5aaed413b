/**
 * The work list: unmet requirements in the order a mentor should take them
 * (hard before soft, then nearest deadline), next steps for every bundled
 * requirement, the dates to plan for, and overdue follow-ups from the log.
 */
import { runChecks } from '../../../src/core/check-run';
import { openFollowUps } from '../../../src/core/mentoring/follow-ups';
import { coopsOf, isKnownMentor, mentorWorkList, monthBounds, reportMonths } from '../../../src/core/mentoring/work-list';
import { hasMessage } from '../../../src/core/messages';
import { BUNDLED_RULE_SETS, MESSAGES } from '../../../src/core/rule-data';
import { dayFromIso } from '../../../src/core/calendar';
import type { Visit } from '../../../src/shared/mentoring';
import type { CheckInput } from '../../../src/shared/types';
import { coop, input, meeting, mentor } from '../../support/records';

const visit = (overrides: Partial<Visit> = {}): Visit => ({
  mentorId: 'PD-01', coopId: 'KKMP-BPP-01', date: '2026-11-02', activity: 'Pembukuan', notes: null, followUp: null, followUpDue: null, followUpDone: null, row: 2, ...overrides,
});

function work(parts: Partial<CheckInput>, visits: Visit[] = [], mentorId = 'PD-01') {
  const data = input(parts);
  return mentorWorkList(data, runChecks(data), visits, mentorId);
}

describe('the work list', () => {
  test('a co-op meeting every requirement has no items; the next RAT and the contract end are its dates', () => {
    const list = work({});
    expect(list.coops).toHaveLength(1);
    expect(list.coops[0]!.items).toEqual([]);
    expect(list.dates.map((d) => [d.kind, d.date, d.overdue])).toEqual([
      ['contractEnd', '2026-12-31', false],
      ['ratDue', '2027-06-30', false],
    ]);
  });

  test('items: hard before soft, then the nearest deadline; each with its next step and due date', () => {
    const list = work({ coops: [coop({ nib: null, bankAccount: false, mentorId: 'PD-01' })], meetings: [] });
    const items = list.coops[0]!.items;
    expect(items[0]).toMatchObject({ check: 'rat', rule: 'rat.held-by-deadline', weight: 'hard', due: '2026-06-30' });
    expect(items.map((i) => i.weight)).toEqual([...items.map((i) => i.weight)].sort((a, b) => Number(a === 'soft') - Number(b === 'soft')));
    const hard = items.filter((i) => i.weight === 'hard').map((i) => i.due);
    const dated = hard.filter((d) => d !== null);
    expect(hard.slice(0, dated.length)).toEqual(dated); // dated ones before undated ones
    expect(items.find((i) => i.rule === 'legal.nib')!.nextStep.id).toBe('Daftarkan koperasi di OSS, lalu isi NIB (13 digit).');
    expect(list.coops[0]!.dates[0]).toMatchObject({ kind: 'ratDue', date: '2026-06-30', overdue: true, inDays: -147 });
  });

  test('every bundled requirement has its next step in both languages, in one table (`next`) only', () => {
    const ids = BUNDLED_RULE_SETS.flatMap((s) => s.rules).flatMap((r) => (r.event.type === 'requirement' ? [r.event.params.message] : []));
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) expect([id, hasMessage('next', id)]).toEqual([id, true]);
    // No second wording of the same steps for the mentors (issue 17 had one per rule).
    expect(Object.keys(MESSAGES.mentoring).filter((key) => key.startsWith('nextStep.') && key !== 'nextStep.generic')).toEqual([]);
  });

  test('the step of each item is the one shown under its reason in the sidebar and the printed report, values filled', () => {
    const data = input({ coops: [coop({ nib: null, bankAccount: false, members: 5 })], meetings: [meeting({ heldOn: '2026-10-31', reportedOn: null })] });
    const run = runChecks(data);
    const list = mentorWorkList(data, run, [], 'PD-01');
    const reasons = Object.values(run.results[0]!.checks).flatMap((c) => c!.reasons);
    for (const item of list.coops[0]!.items) {
      const reason = reasons.find((r) => r.rule === item.rule)!;
      expect([item.rule, item.nextStep]).toEqual([item.rule, reason.next]);
    }
    const members = list.coops[0]!.items.find((i) => i.rule === 'sp.members')!;
    expect(members.nextStep.id).toMatch(/^Tambah anggota sampai paling sedikit \d+/);
    expect(members.nextStep.id).not.toContain('{');
  });

  test('a requirement without a step of its own (a workbook rule set may add one) says to follow its reason up', () => {
    const data = input({ coops: [coop({ office: false })] });
    const run = runChecks(data);
    const reason = run.results[0]!.checks.savingsLoans!.reasons.find((r) => r.rule === 'sp.office')!;
    reason.next = null;
    const item = mentorWorkList(data, run, [], 'PD-01').coops[0]!.items.find((i) => i.rule === 'sp.office')!;
    expect(item.nextStep.id).toBe(`Tindak lanjuti: ${reason.text.id}`);
  });

  test.each<[string, Parameters<typeof coop>[0], string[], string[]]>([
    ['a blank NIB: Legalitas, Simpan pinjam and Pembiayaan bank flag it once', { nib: null }, ['legal', 'savingsLoans', 'bankFinancing'], ['legal.nib', 'sp.nib', 'bf.nib']],
    ['no bank account', { bankAccount: false }, ['legal', 'savingsLoans', 'bankFinancing'], ['legal.bank-account', 'sp.bank-account', 'bf.bank-account']],
    ['no SK AHU', { skAhuNumber: null, skAhuDate: null }, ['legal', 'savingsLoans', 'bankFinancing'], ['legal.sk-ahu', 'sp.legal-entity', 'bf.legal-entity']],
    ['no NPWP', { npwp: null }, ['legal', 'bankFinancing'], ['legal.npwp', 'bf.npwp']],
  ])('one gap, one item naming every check: %s', (_name, change, checks, rules) => {
    const list = work({ coops: [coop(change)] });
    const items = list.coops[0]!.items;
    const gap = items.filter((i) => i.checks.length > 1);
    expect(gap.map((i) => [i.checks, i.rules])).toEqual([[checks, rules]]);
    // Hard if any check holds it hard (NIB is soft for Legalitas, hard for savings and loans).
    expect(gap[0]!.weight).toBe('hard');
    // Nothing else is listed twice, and no rule is lost.
    const allRules = items.flatMap((i) => i.rules);
    expect(new Set(allRules).size).toBe(allRules.length);
    const run = runChecks(input({ coops: [coop(change)] }));
    expect(allRules.sort()).toEqual(Object.values(run.results[0]!.checks).flatMap((c) => c!.reasons.map((r) => r.rule)).sort());
  });

  test('two mistakes of one check in one field stay two items (a SK AHU dated before the deed and in the future)', () => {
    const list = work({ coops: [coop({ deedDate: '2027-03-01', skAhuDate: '2027-02-01' })] });
    const rules = list.coops[0]!.items.map((i) => i.rules);
    expect(rules).toContainEqual(['legal.deed-before-sk']);
    expect(rules.flat()).toEqual(expect.arrayContaining(['legal.deed-before-sk', 'legal.sk-not-future']));
    expect(rules.find((r) => r.includes('legal.sk-not-future'))).not.toContain('legal.deed-before-sk');
  });

  test('a RAT held but not reported: the report is due one month (ratReportDueMonths) after the meeting', () => {
    const list = work({ meetings: [meeting({ heldOn: '2026-10-31', reportedOn: null })] });
    expect(list.coops[0]!.dates.find((d) => d.kind === 'ratReportDue')).toMatchObject({ date: '2026-11-30', overdue: false, inDays: 6 });
    const two = work({ meetings: [meeting({ heldOn: '2026-10-31', reportedOn: null })], parameterOverrides: [{ key: 'ratReportDueMonths', value: 2, source: 't' }] });
    expect(two.coops[0]!.dates.find((d) => d.kind === 'ratReportDue')!.date).toBe('2026-12-31');
  });

  test('a follow-up past its deadline appears, overdue, and puts the co-op first', () => {
    const coops = [coop({ id: 'A' }), coop({ id: 'B' })];
    const visits = [visit({ coopId: 'B', followUp: 'Kirim neraca', followUpDue: '2026-11-20' }), visit({ coopId: 'A', followUp: 'Rapat pengurus', followUpDue: '2026-11-30', row: 3 })];
    const list = work({ coops, meetings: [meeting({ coopId: 'A' }), meeting({ coopId: 'B' })] }, visits);
    expect(list.coops.map((c) => c.coopId)).toEqual(['B', 'A']);
    expect(list.coops[0]!.followUps[0]).toMatchObject({ followUp: 'Kirim neraca', overdue: true, daysOverdue: 4 });
    expect(list.dates[0]).toMatchObject({ kind: 'followUp', coopId: 'B', overdue: true, label: { id: 'Tindak lanjut: Kirim neraca' } });
    expect(list.coops[1]!.followUps[0]).toMatchObject({ overdue: false });
  });

  test('a follow-up marked done, one on its deadline day and one from a later visit are not overdue', () => {
    const f = openFollowUps(
      [
        visit({ followUp: 'Selesai', followUpDue: '2026-11-01', followUpDone: true }),
        visit({ followUp: 'Hari ini', followUpDue: '2026-11-24', row: 3 }),
        visit({ followUp: 'Nanti', date: '2026-11-25', followUpDue: '2026-11-26', row: 4 }),
        visit({ followUp: '  ', followUpDue: '2026-11-01', row: 5 }),
      ],
      dayFromIso('2026-11-24') as number,
    );
    expect(f.map((x) => [x.followUp, x.overdue])).toEqual([['Hari ini', false]]);
  });

  test('visits count from the contract start; IDs match ignoring case and spaces', () => {
    const list = work({ mentors: [mentor({ startsOn: '2026-03-01' })] }, [visit({ date: '2026-02-10' }), visit({ mentorId: ' pd-01 ', date: '2026-03-10', row: 3 }), visit({ mentorId: 'PD-02', date: '2026-04-10', row: 4 })], 'pd-01');
    expect(list.coops[0]).toMatchObject({ visitCount: 1, lastVisit: '2026-03-10' });
    expect(list.mentorId).toBe('PD-01');
  });

  test('a mentor with no co-ops has an empty list; an unlisted one says so', () => {
    expect(work({}, [], 'PD-09')).toMatchObject({ coops: [], listed: false, mentorName: null });
    expect(coopsOf([coop({ mentorId: ' pd-01' })], 'PD-01')).toHaveLength(1);
  });

  test.each<[string, string, boolean]>([
    ['listed', 'PD-01', true],
    ['listed, other case and spaces', '  pd-01 ', true],
    ['only named by a co-op', 'PD-07', true],
    ['neither', 'PD-09', false],
    ['empty (co-ops without a mentor must not make it known)', '', false],
    ['blank', '   ', false],
  ])('a mentor ID %s: known %s', (_name, id, known) => {
    const coops = [coop({ mentorId: null }), coop({ id: 'KKMP-BPP-02', mentorId: 'PD-07' })];
    expect(isKnownMentor([mentor()], coops, id)).toBe(known);
  });

  test.each([
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2026-12', '2026-12-01', '2026-12-31'],
  ])('month %s runs from %s to %s', (month, from, to) => {
    expect(monthBounds(month)).toEqual({ from: dayFromIso(from), to: dayFromIso(to) });
  });

  test.each(['2026-13', '2026-1', 'Oktober', ''])('"%s" is not a month', (month) => {
    expect(monthBounds(month)).toBeNull();
  });
});

describe('the month a monthly report is offered for', () => {
  test.each([
    ['2026-12-01', '2026-12', '2026-11', '2026-11'],
    ['2026-12-10', '2026-12', '2026-11', '2026-11'],
    ['2026-12-11', '2026-12', '2026-11', '2026-12'],
    ['2026-11-24', '2026-11', '2026-10', '2026-11'],
    ['2027-01-03', '2027-01', '2026-12', '2026-12'],
  ])('on %s: this month %s, the one before %s, offered first %s', (asOf, current, previous, chosen) => {
    expect(reportMonths(asOf)).toEqual({ current, previous, chosen });
  });
});

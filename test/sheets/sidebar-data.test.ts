/**
 * The sidebar's server side in the sandbox: the first screen (summary,
 * legends that match the bars, the attention list most urgent first with
 * reasons and next steps), filters and search, one co-op's view, and the
 * cached model — which after every kind of save must equal a full check of
 * the workbook as it now is.
 */
import { balikpapanSample } from '../../examples/balikpapan-data';
import { syntheticInput } from '../../examples/synthetic-data';
import { runChecks } from '../../src/core/check-run';
import { urgency, type CoopDigest } from '../../src/core/attention';
import type { FormSubmission, SaveOutcome } from '../../src/shared/forms';
import type { AttentionPage, CoopView, SidebarData, WorkbookData } from '../../src/shared/sidebar-api';
import { editSubmission, mentorSubmission, type Opened } from '../support/form-submissions';
import { loadBundle, type Sandbox } from '../support/apps-script-sandbox';
import { workbookFrom } from '../support/workbook-fixture';

const NOW = new Date('2026-11-24T06:00:00Z');
const sample = (): Sandbox => loadBundle({ spreadsheet: workbookFrom(balikpapanSample()), now: NOW });

/** What must not depend on the cache: the summary, the legends, the list's order and the statuses. */
function picture(data: SidebarData): unknown {
  return { summary: data.summary, legend: data.legend, attentionCount: data.attentionCount, first: data.attention.items.map((i) => [i.coopId, i.checks, i.reasons]), problems: data.problemCount, coops: data.coops };
}

describe('first screen', () => {
  const sandbox = sample();
  const data = sandbox.run('getSidebarData') as SidebarData;
  const expected = runChecks(balikpapanSample());

  test('counts equal a full check; every legend entry is one bar segment of the same colour', () => {
    expect(data.summary.statusCounts).toEqual(expected.summary.statusCounts);
    for (const legend of data.legend) expect(legend.counts.reduce((n, c) => n + c.count, 0)).toBe(41);
    const legal = data.legend.find((l) => l.check === 'legal')!;
    // A legal entity with follow-up papers missing is told apart from one complete.
    expect(legal.counts.map((c) => [c.key, c.severity])).toEqual(expect.arrayContaining([['BERBADAN_HUKUM.ok', 'ok'], ['BERBADAN_HUKUM.warn', 'warn']]));
    expect(legal.counts.find((c) => c.key === 'BERBADAN_HUKUM.warn')!.label.id).toBe('BERBADAN HUKUM, dokumen lanjutan belum lengkap');
  });

  test('the first page holds 20 items, most urgent first, each with one or two reasons and a next step', () => {
    expect(data.attention.items).toHaveLength(20);
    expect(data.attention.total).toBe(data.attentionCount);
    const urgent = data.attention.items.map((i) => i.urgent);
    expect(urgent.indexOf(false) === -1 || urgent.slice(urgent.indexOf(false)).every((u) => !u)).toBe(true);
    for (const item of data.attention.items) {
      expect(item.reasons.length).toBeGreaterThanOrEqual(1);
      expect(item.reasons.length).toBeLessThanOrEqual(2);
      expect(item.reasons[0]!.next).not.toBeNull();
    }
    const overdue = data.attention.items.find((i) => i.reasons.some((r) => r.text.id.includes('sudah lewat')));
    expect(overdue?.urgent).toBe(true);
  });

  test('reasons on the list are the reasons of a full check', () => {
    for (const item of data.attention.items) {
      const full = expected.results.find((r) => r.coopId === item.coopId)!;
      const all = Object.values(full.checks).flatMap((c) => c.reasons.map((r) => r.text.id));
      for (const reason of item.reasons) expect(all).toContain(reason.text.id);
    }
  });

  test('no reasons for every co-op: the first screen stays small', () => {
    expect(JSON.stringify(data).length).toBeLessThan(60_000);
  });
});

describe('filters and search', () => {
  const sandbox = sample();
  const query = (q: object): AttentionPage => sandbox.run('getAttention', q) as AttentionPage;

  test('by kecamatan, check and status, mentor, and search by ID or name', () => {
    const timur = query({ kecamatan: 'Balikpapan Timur', limit: 100 });
    expect(timur.items.length).toBeGreaterThan(0);
    expect(timur.items.every((i) => i.kecamatan === 'Balikpapan Timur')).toBe(true);
    const late = query({ check: 'rat', status: 'TERLAMBAT', limit: 100 });
    expect(late.total).toBe(runChecks(balikpapanSample()).summary.statusCounts.rat.TERLAMBAT);
    expect(late.items.every((i) => i.checks.find((c) => c.check === 'rat')!.label.id === 'TERLAMBAT')).toBe(true);
    const none = query({ mentor: '-', limit: 100 });
    expect(none.items.every((i) => i.mentorId === null)).toBe(true);
    expect(query({ search: 'manggar baru' }).items.map((i) => i.coopId)).toEqual(['KKMP-BPP-02']);
    expect(query({ search: 'kkmp-bpp-02' }).items.map((i) => i.coopId)).toEqual(['KKMP-BPP-02']);
    expect(query({ search: 'tidak ada koperasi ini' }).total).toBe(0);
  });

  test('pages: offset and limit', () => {
    const all = query({ limit: 100 });
    const second = query({ offset: 20, limit: 20 });
    expect(second.items.map((i) => i.coopId)).toEqual(all.items.slice(20, 40).map((i) => i.coopId));
  });
});

describe('co-op view', () => {
  test('every check with all its reasons, RAT history and mentor; the row is selected', () => {
    const sandbox = sample();
    const view = sandbox.run('getCoopView', 'KKMP-BPP-02') as CoopView;
    const full = runChecks(balikpapanSample()).results.find((r) => r.coopId === 'KKMP-BPP-02')!;
    expect(view.result).toEqual(full);
    expect(view.record.id).toBe('KKMP-BPP-02');
    expect(view.origin).toEqual({ sheet: 'Koperasi', row: 3 });
    expect(sandbox.spreadsheet.getActiveSheet()?.getName()).toBe('Koperasi');
    expect(view.meetings.every((m) => m.coopId === 'KKMP-BPP-02')).toBe(true);
  });
});

describe('the cached model', () => {
  test('a second open checks nothing: the same picture from the cache', () => {
    const sandbox = sample();
    const first = sandbox.run('getSidebarData') as SidebarData;
    const again = sandbox.run('getSidebarData') as SidebarData;
    expect(picture(again)).toEqual(picture(first));
  });

  test('a cell changed by hand is seen at once', () => {
    const sandbox = sample();
    sandbox.run('getSidebarData');
    const register = sandbox.spreadsheet.getSheetByName('Koperasi')!;
    const mentorColumn = (register.dump()[0] as unknown[]).indexOf('Pendamping') + 1;
    register.getRange(3, mentorColumn).setValue('');
    const after = sandbox.run('getSidebarData') as SidebarData;
    sandbox.cache.documentCache.clear();
    expect(picture(after)).toEqual(picture(sandbox.run('getSidebarData') as SidebarData));
  });

  // Built as the sidebar sends them (issue 12's protocol: an edit sends the changed fields with what the form showed).
  const saves: Array<[string, (opened: Opened) => FormSubmission]> = [
    ['a co-op edited (mentor moved)', (o) => editSubmission(o, 'coop', 'KKMP-BPP-05', { name: 'KKMP Lima', mentorId: 'PD-01' })],
    ['a co-op renamed', (o) => editSubmission(o, 'coop', 'KKMP-BPP-06', { id: 'KKMP-BPP-06B', name: 'KKMP Enam' }, { answers: { renameId: true } })],
    ['a new co-op', () => ({ kind: 'coop', editing: null, values: { id: 'KKMP-BPP-35', name: 'KKMP Baru', kecamatan: 'Balikpapan Kota', kelurahan: 'Damai', mentorId: 'PD-02' } })],
    ['a RAT', () => ({ kind: 'rat', editing: null, values: { coopId: 'KKMP-BPP-03', bookYear: '2025', heldOn: '2026-08-20', membersPresent: '12', members: '18', reportedOn: '2026-09-05' } })],
    ['a mentor with assignments', (o) => mentorSubmission(o, 'PD-02', { name: 'Mentor Dua', startsOn: '2026-01-01', endsOn: '2027-12-31' }, ['KKMP-BPP-10', 'KKMP-BPP-11', 'KKMP-BPP-12'])],
    ['the checklist', (o) => editSubmission(o, 'checklist', 'KKMP-BPP-02', { spCapital: '600.000.000', separateBooks: true, office: true })],
  ];
  test.each(saves)('after %s the picture equals a full check', (_name, build) => {
    const sandbox = sample();
    sandbox.run('getSidebarData');
    const outcome = sandbox.run('saveSidebarForm', build({ workbook: sandbox.run('getWorkbookData') as WorkbookData })) as SaveOutcome;
    expect(outcome.errors).toEqual([]);
    expect(outcome.ok).toBe(true);
    const incremental = outcome.refreshed as SidebarData;
    // The model the save stored is the one the next open finds: nothing is checked (nothing stored) again.
    const cache = sandbox.cache.documentCache;
    const putAll = jest.spyOn(cache, 'putAll');
    expect(picture(sandbox.run('getSidebarData') as SidebarData)).toEqual(picture(incremental));
    expect(putAll).not.toHaveBeenCalled();
    putAll.mockRestore();
    sandbox.cache.documentCache.clear();
    const full = sandbox.run('getSidebarData') as SidebarData;
    expect(picture(incremental)).toEqual(picture(full));
  });
});

describe('at 1,200 co-ops', () => {
  test('the list is ordered by urgency and a search finds one co-op among 1,200', () => {
    const input = syntheticInput(1200);
    const sandbox = loadBundle({ spreadsheet: workbookFrom(input), now: NOW });
    const data = sandbox.run('getSidebarData') as SidebarData;
    expect(data.summary.coopCount).toBe(1200);
    expect(data.attention.items).toHaveLength(20);
    const target = input.coops[777]!;
    const found = sandbox.run('getAttention', { search: target.id }) as AttentionPage;
    expect(found.items.map((i) => i.coopId)).toEqual([target.id]);
    const digest = (i: AttentionPage['items'][number]): CoopDigest => ({ id: i.coopId, name: i.name, kelurahan: null, kecamatan: null, mentorId: null, members: null, checks: Object.fromEntries(i.checks.map((c) => [c.check, ['', c.severity]])), due: i.due, origin: null });
    const ranks = data.attention.items.map((i) => urgency(digest(i), data.asOf));
    expect(ranks).toEqual(ranks.slice().sort());
  });
});

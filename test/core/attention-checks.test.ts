/**
 * Which checks put a co-op on the attention list is data (rules/checks.json
 * `attention`, validated by rules/schema/checks.schema.json): a check added
 * to the data, or a flag changed there, is handled by the sidebar's order and
 * the one-page report with no change of code.
 */
import bundledChecks from '../../rules/checks.json';
import bankFinancing from '../../rules/bank-financing-readiness.json';
import bundledMessages from '../../rules/messages.json';
import { checkSpecs } from '../../src/core/rule-data';
import type { CheckRun, CoopResult } from '../../src/shared/types';
import { coop, input, meeting } from '../support/records';

type Manifest = typeof bundledChecks;
interface Loaded {
  run: CheckRun;
  urgencyOf(coopId: string): number;
  onList(coopId: string): boolean;
  reportOn(coopId: string): boolean;
}

const NEW_CHECK = 'localFinancing';
const NEW_RULE_FILE = 'local-financing-readiness.json';

/** A sixth check, as staff would add it: its manifest entry, a rule file (here bank financing's rules under a new id) and its name. */
function withNewCheck(attention: boolean): Manifest {
  const entry = { id: NEW_CHECK, rules: NEW_RULE_FILE, statuses: ['SIAP', 'BELUM_SIAP'], score: true, attention, needs: [], names: ['pembiayaan daerah'] };
  return { ...bundledChecks, checks: [...bundledChecks.checks, entry] } as Manifest;
}

/** The core modules loaded afresh over `manifest`, then run over `coops`. */
function loadWith(manifest: Manifest, coops = [coop({ id: 'FINE' }), coop({ id: 'NO-MAYOR', mayorApproval: false })]): Loaded {
  let loaded: Loaded | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../rules/checks.json', () => manifest);
    jest.doMock(`../../rules/${NEW_RULE_FILE}`, () => ({ ...bankFinancing, check: NEW_CHECK }), { virtual: true });
    jest.doMock('../../rules/messages.json', () => ({ ...bundledMessages, check: { ...bundledMessages.check, [NEW_CHECK]: { id: 'Pembiayaan daerah', en: 'Local financing' } } }));
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { runChecks } = require('../../src/core/check-run') as typeof import('../../src/core/check-run');
    const { digestOf, urgency, selectCoops } = require('../../src/core/attention') as typeof import('../../src/core/attention');
    const { attention } = require('../../src/core/report/one-page-report') as typeof import('../../src/core/report/one-page-report');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const run = runChecks(input({ coops, meetings: coops.map((c) => meeting({ coopId: c.id })) }));
    const digests = run.results.map((r: CoopResult) => digestOf(r, { kelurahan: null, kecamatan: null, mentorId: 'PD-01', members: 25 }, null));
    const listed = selectCoops(digests, run.asOf, {}).map((d) => d.id);
    const checked = run.results.map((r) => ({
      entry: { checkedOn: run.asOf, checkedAt: '', coopId: r.coopId, statuses: Object.fromEntries(Object.entries(r.checks).map(([c, o]) => [c, o.status])), levels: Object.fromEntries(Object.entries(r.checks).map(([c, o]) => [c, o.severity])), score: '', rulesVersion: '' },
      name: r.name,
      reasons: {},
    }));
    const reported = attention(checked as unknown as Parameters<typeof attention>[0]).map((line) => line.coopId);
    loaded = {
      run,
      urgencyOf: (id) => urgency(digests.find((d) => d.id === id)!, run.asOf),
      onList: (id) => listed.includes(id),
      reportOn: (id) => reported.includes(id),
    };
  });
  return loaded!;
}

describe('a check counts for the attention list as rules/checks.json says', () => {
  test('bundled: readiness checks (savings and loans, bank financing) show but do not put a co-op on the list', () => {
    const bundled = loadWith(bundledChecks);
    expect(bundled.run.results.find((r) => r.coopId === 'NO-MAYOR')!.checks.bankFinancing!.severity).toBe('bad');
    expect([bundled.urgencyOf('NO-MAYOR'), bundled.onList('NO-MAYOR'), bundled.reportOn('NO-MAYOR')]).toEqual([2, false, false]);
    expect([bundled.urgencyOf('FINE'), bundled.onList('FINE'), bundled.reportOn('FINE')]).toEqual([2, false, false]);
  });

  test('the flag changed in the data: bank financing counting puts the co-op missing the mayor’s approval first', () => {
    const flipped = { ...bundledChecks, checks: bundledChecks.checks.map((c) => (c.id === 'bankFinancing' ? { ...c, attention: true } : c)) } as Manifest;
    const loaded = loadWith(flipped);
    expect([loaded.urgencyOf('NO-MAYOR'), loaded.onList('NO-MAYOR'), loaded.reportOn('NO-MAYOR')]).toEqual([0, true, true]);
    expect(loaded.onList('FINE')).toBe(false);
  });

  test.each([
    [true, 0, true],
    [false, 2, false],
  ])('a sixth check added to the data with attention %s: urgency %i, on the list %s', (attention, urgency, listed) => {
    const loaded = loadWith(withNewCheck(attention));
    const result = loaded.run.results.find((r) => r.coopId === 'NO-MAYOR')!;
    expect([result.checks[NEW_CHECK]!.status, result.checks[NEW_CHECK]!.severity]).toEqual(['BELUM_SIAP', 'bad']);
    expect([loaded.urgencyOf('NO-MAYOR'), loaded.onList('NO-MAYOR'), loaded.reportOn('NO-MAYOR')]).toEqual([urgency, listed, listed]);
    expect(loaded.onList('FINE')).toBe(false);
  });
});

describe('rules/checks.json is checked against its schema', () => {
  test('the bundled manifest matches', () => {
    expect(checkSpecs(bundledChecks).map((c) => [c.id, c.attention])).toEqual([
      ['legal', true],
      ['rat', true],
      ['mentor', true],
      ['savingsLoans', false],
      ['bankFinancing', false],
    ]);
  });

  test.each<[string, (entry: Record<string, unknown>) => void, RegExp]>([
    ['a check without `attention`', (e) => delete e.attention, /\/checks\/5: must have required property 'attention'/],
    ['`attention` as text', (e) => (e.attention = 'ya'), /\/checks\/5\/attention: must be boolean/],
    ['an unknown property', (e) => (e.urgent = true), /\/checks\/5: must NOT have additional properties/],
  ])('%s is refused with the place named', (_name, change, message) => {
    const manifest = withNewCheck(true) as unknown as { checks: Array<Record<string, unknown>> };
    change(manifest.checks[5]!);
    expect(() => checkSpecs(manifest)).toThrow(message);
  });
});

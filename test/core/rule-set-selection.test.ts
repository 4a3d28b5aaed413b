/**
 * Rule sets supplied from outside: used only after they have proven
 * themselves (validation, a trial run, every rule case passing), otherwise
 * reported and the bundled rule set stays in force — changing a rule changes
 * the outcome without touching code, and a broken one never crashes a run.
 */
import { runChecks } from '../../src/core/check-run';
import { readRuleCases } from '../../src/core/rule-cases';
import { selectRuleSets, trialRecords } from '../../src/core/rule-set-selection';
import { BUNDLED_RULE_SETS } from '../../src/core/rule-data';
import { createCheckEngine, runCheckSync } from '../../src/core/check-engine';
import { defaultParameters } from '../../src/core/parameters';
import { buildCityIndex } from '../../src/core/city-index';
import { deriveFacts } from '../../src/core/derived-facts';
import { dayFromIso } from '../../src/core/calendar';
import savingsLoans from '../../rules/savings-loans-readiness.json';
import legalStatus from '../../rules/legal-status.json';
import { coop, input } from '../support/records';
import type { RuleCase } from '../../src/shared/types';

const where = 'sheet Aturan, sel B2';
const CONTEXT = { dateToIso: (d: Date) => d.toISOString().slice(0, 10) };

/** Cases as the office writes them in the sheet Uji Aturan. */
function sheetCases(rows: unknown[][]): RuleCase[] {
  const read = readRuleCases('Uji Aturan', rows, CONTEXT);
  expect(read.problems).toEqual([]);
  return read.cases;
}

describe('rule sets supplied from outside', () => {
  const relaxed = JSON.parse(JSON.stringify(savingsLoans));
  relaxed.rules = relaxed.rules.filter((r: { name: string }) => r.name !== 'sp.capital');
  const data = input({ coops: [coop({ spCapital: 1 })] });

  test('a rule set that breaks a bundled case is refused with the case named', () => {
    const run = runChecks({ ...data, ruleSetOverrides: [{ text: JSON.stringify(relaxed), source: where }] });
    expect(run.problems.map((p) => p.text.id)).toEqual([
      "sheet Aturan, sel B2: aturan '-', -: kasus uji 'modal simpan pinjam kurang (sheet rules/cases.json, baris 11)' gagal: Simpan pinjam: ditemukan SIAP, diharapkan BELUM SIAP; aturan bawaan tetap dipakai.",
    ]);
    expect(run.results[0]!.checks.savingsLoans.status).toBe('BELUM_SIAP');
  });

  test('the office restates that case in Uji Aturan: the rule set is accepted and changes the outcome, and the run says so', () => {
    const ruleCases = sheetCases([
      ['Nama Kasus', 'Modal Simpan Pinjam', 'Harapan Simpan Pinjam'],
      ['modal simpan pinjam kurang', 100_000_000, 'SIAP'],
    ]);
    expect(runChecks(data).results[0]!.checks.savingsLoans.status).toBe('BELUM_SIAP');
    const run = runChecks({ ...data, ruleCases, ruleSetOverrides: [{ text: JSON.stringify(relaxed), source: where }] });
    expect(run.problems).toEqual([]);
    expect(run.results[0]!.checks.savingsLoans.status).toBe('SIAP');
    expect(run.results[0]!.checks.savingsLoans.itemsTotal).toBe(13);
    expect(run.rulesChange!.notices.map((n) => n.id)).toEqual(['Aturan Simpan pinjam dari sheet Aturan, sel B2']);
    expect(run.rulesChange!.changedCount).toBe(1);
    expect(run.rulesChange!.changes).toEqual([{ coopId: 'KKMP-BPP-01', check: 'savingsLoans', bundled: 'BELUM_SIAP', workbook: 'SIAP' }]);
  });

  test('a workbook case the rules in force fail is reported with found and expected', () => {
    const ruleCases = sheetCases([
      ['Nama Kasus', 'NIB', 'Harapan Legalitas', 'Harapan Pembiayaan Bank'],
      ['NIB kosong tetap siap dibiayai', '-', 'BERBADAN HUKUM', 'SIAP'],
    ]);
    const run = runChecks({ ...data, ruleCases });
    expect(run.problems.map((p) => p.text.id)).toEqual([
      "sheet Uji Aturan, baris 2: kasus uji 'NIB kosong tetap siap dibiayai' gagal dengan aturan yang berlaku — Pembiayaan bank: ditemukan BELUM SIAP, diharapkan SIAP.",
    ]);
  });

  test('a parameter changed by the workbook is named with its bundled value, and the co-ops it changes are counted', () => {
    const run = runChecks({ ...input(), parameterOverrides: [{ key: 'spMinMembers', value: 30, source: 'sheet Parameter, baris 4' }] });
    expect(run.rulesChange!.notices.map((n) => n.id)).toEqual(['Parameter spMinMembers = 30, bawaan 20 (sheet Parameter, baris 4)']);
    expect(run.rulesChange!.changedCount).toBe(1);
    expect(runChecks(input()).rulesChange).toEqual({ notices: [], changedCount: 0, changes: [] });
  });

  test('a status rule set with no last-resort status is refused by the trial run (case 09 of the shared cases)', () => {
    const noFallback = JSON.parse(JSON.stringify(legalStatus));
    noFallback.rules = noFallback.rules.filter((r: { event: { params: { status?: string } } }) => r.event.params.status !== 'BELUM');
    const { ruleSets, problems } = selectRuleSets([{ text: JSON.stringify(noFallback), source: where }], { params: defaultParameters() });
    expect(ruleSets).toEqual(BUNDLED_RULE_SETS);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.text.id).toMatch(/tidak ada aturan status yang berlaku untuk/);
  });

  test('the trial records reach every status and every requirement rule of the bundled rules', () => {
    const params = defaultParameters();
    const statuses = new Set<string>();
    const failed = new Set<string>();
    for (const ruleSet of BUNDLED_RULE_SETS) {
      const engine = createCheckEngine(ruleSet, params);
      for (const { input: trial, record } of trialRecords()) {
        const facts = deriveFacts(record, buildCityIndex(trial), params, dayFromIso(trial.asOf)!);
        const result = runCheckSync(engine, facts, record);
        statuses.add(`${ruleSet.check}:${result.status}`);
        for (const reason of result.reasons) failed.add(reason.rule);
      }
    }
    for (const ruleSet of BUNDLED_RULE_SETS) {
      for (const rule of ruleSet.rules) {
        if (rule.event.type === 'status') expect(statuses).toContain(`${ruleSet.check}:${rule.event.params.status}`);
        else expect([rule.name, failed.has(rule.name)]).toEqual([rule.name, true]);
      }
    }
  });

  test('malformed JSON is reported and the bundled rules stay', () => {
    const { ruleSets, problems } = selectRuleSets([{ text: '{ "check": "rat", ', source: where }]);
    expect(ruleSets).toEqual(BUNDLED_RULE_SETS);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.text.id).toMatch(/^sheet Aturan, sel B2: aturan '-', -: bukan JSON yang sah \(.+\); aturan bawaan tetap dipakai\.$/);
  });

  test('an unknown operator is reported, the run goes on with the bundled rules', () => {
    const broken = JSON.parse(JSON.stringify(savingsLoans));
    broken.rules[4].conditions.all[0].operator = 'atLeast';
    const run = runChecks({ ...input({ coops: [coop({ spCapital: 1 })] }), ruleSetOverrides: [{ text: JSON.stringify(broken), source: where }] });
    expect(run.problems.map((p) => p.text.id)).toEqual(["sheet Aturan, sel B2: aturan 'sp.capital', conditions.all[0].operator: operator 'atLeast' tidak dikenal; aturan bawaan tetap dipakai."]);
    expect(run.results[0]!.checks.savingsLoans.status).toBe('BELUM_SIAP');
  });

  test('a co-op the rules give no status is a problem on that co-op; the others are still checked', () => {
    const noFallback = JSON.parse(JSON.stringify(legalStatus));
    noFallback.rules = noFallback.rules.filter((r: { event: { params: { status?: string } } }) => r.event.params.status !== 'BELUM');
    const bare = coop({ id: 'KOP-KOSONG', deedNumber: null, deedDate: null, skAhuNumber: null, skAhuDate: null });
    const run = runChecks({ ...input({ coops: [coop(), bare] }) }, { ruleSets: [noFallback, ...BUNDLED_RULE_SETS.slice(1)] });
    expect(run.results.map((r) => r.checks.legal.status)).toEqual(['BERBADAN_HUKUM', 'TIDAK_DAPAT_DIPERIKSA']);
    expect(run.results[1]!.checks.legal.severity).toBe('bad');
    expect(run.results[1]!.checks.rat.status).toBe('TERLAMBAT');
    expect(run.problems).toHaveLength(1);
    expect(run.problems[0]!.text.id).toMatch(/^rules\/legal-status.json: pemeriksaan Legalitas untuk koperasi KOP-KOSONG tidak menghasilkan status/);
  });
});

/**
 * A malformed rule set is rejected with a message naming the file or sheet,
 * the rule and the field — never a crash; the bundled rule sets are valid.
 */
import { validateRuleSetData } from '../../src/core/rule-set-validation';
import { BUNDLED_RULE_SETS, RULE_SET_FILES } from '../../src/core/rule-data';
import legal from '../../rules/legal-status.json';

const copy = (): typeof legal => JSON.parse(JSON.stringify(legal));
const where = 'sheet Aturan, sel A2';

describe('rule set validation', () => {
  test.each(BUNDLED_RULE_SETS.map((s) => [RULE_SET_FILES[s.check] as string, s] as const))('%s is valid', (file, ruleSet) => {
    expect(validateRuleSetData(ruleSet, file, ruleSet.check)).toEqual([]);
  });

  const cases: Array<[string, (r: ReturnType<typeof copy>) => unknown, string]> = [
    ['unknown operator', (r) => ((r.rules[0]!.conditions.all![0] as { operator: string }).operator = 'biggerThan', r), "sheet Aturan, sel A2: aturan 'legal.deed', conditions.all[0].operator: operator 'biggerThan' tidak dikenal; aturan bawaan tetap dipakai."],
    ['unknown fact', (r) => ((r.rules[1]!.conditions.all![0] as { fact: string }).fact = 'punyaSk', r), "sheet Aturan, sel A2: aturan 'legal.sk-ahu', conditions.all[0].fact: fakta 'punyaSk' tidak dikenal; aturan bawaan tetap dipakai."],
    ['missing event', (r) => (delete (r.rules[2] as Partial<(typeof r.rules)[number]>).event, r), "sheet Aturan, sel A2: aturan 'legal.nib', -: tidak sesuai skema (must have required property 'event'); aturan bawaan tetap dipakai."],
    ['status of another check', (r) => ((r.rules[11]!.event.params as { status: string }).status = 'SIAP', r), "sheet Aturan, sel A2: aturan 'legal.status.entity-complete', event.params.status: status 'SIAP' bukan status pemeriksaan ini (BERBADAN_HUKUM, DALAM_PROSES, BELUM); aturan bawaan tetap dipakai."],
    ['unknown message', (r) => ((r.rules[0]!.event.params as { message: string }).message = 'legal.tidak-ada', r), "sheet Aturan, sel A2: aturan 'legal.deed', event.params.message: pesan 'legal.tidak-ada' tidak ada di rules/messages.json; aturan bawaan tetap dipakai."],
    ['requirement below status priority', (r) => ((r.rules[0]!.priority = 2), r), "sheet Aturan, sel A2: aturan 'legal.deed', priority: aturan persyaratan perlu prioritas ≥ 100; aturan bawaan tetap dipakai."],
    ['duplicate rule name', (r) => ((r.rules[1]!.name = 'legal.deed'), r), "sheet Aturan, sel A2: aturan 'legal.deed', name: nama aturan dipakai dua kali; aturan bawaan tetap dipakai."],
    ['not an object at all', () => 'hello', "sheet Aturan, sel A2: aturan '-', -: tidak sesuai skema (must be object); aturan bawaan tetap dipakai."],
  ];

  test.each(cases)('%s', (_name, mutate, text) => {
    const problems = validateRuleSetData(mutate(copy()), where, 'legal');
    expect(problems.map((p) => p.text.id)).toContain(text);
    expect(problems.every((p) => p.severity === 'error' && p.where === where)).toBe(true);
  });

  test('the wrong check for the file', () => {
    const problems = validateRuleSetData(copy(), 'rules/rat-completion.json', 'rat');
    expect(problems[0]!.text.en).toBe("rules/rat-completion.json: rule '-', check: must be 'rat', found 'legal'; the bundled rules stay in force.");
  });
});

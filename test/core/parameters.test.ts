/**
 * Parameters: defaults from rules/parameters.json, overrides that pass the
 * parameter-values schema, and clear messages (with the default kept) for the rest.
 */
import { defaultParameters, resolveParameters } from '../../src/core/parameters';
import { PARAMETERS } from '../../src/core/rule-data';
import type { ParameterOverride } from '../../src/shared/types';

const at = (key: string, value: unknown, row = 4): ParameterOverride => ({ key, value: value as ParameterOverride['value'], source: `sheet Parameter, baris ${row}` });

describe('parameters', () => {
  test('defaults match the domain', () => {
    expect(defaultParameters()).toMatchObject({ ratDeadlineMonths: 6, ratEarlyWarningMonths: 3, ratDefaultQuorumPercent: 50, mentorMinLoad: 4, mentorMaxLoad: 5, spMinCapital: 500_000_000, spMinMembers: 20 });
  });

  test('a valid override replaces the default', () => {
    const { values, problems } = resolveParameters([at('spMinCapital', 100_000_000), at('mentorMaxLoad', 15)]);
    expect(values.spMinCapital).toBe(100_000_000);
    expect(values.mentorMaxLoad).toBe(15);
    expect(problems).toEqual([]);
  });

  test.each([
    ['ratDeadlineMonths', 'enam', "sheet Parameter, baris 4: nilai 'enam' untuk parameter 'ratDeadlineMonths' bukan angka; nilai bawaan 6 tetap dipakai."],
    ['ratDeadlineMonths', 6.5, "sheet Parameter, baris 4: nilai '6.5' untuk parameter 'ratDeadlineMonths' harus bilangan bulat; nilai bawaan 6 tetap dipakai."],
    ['spMinCapital', -5, "sheet Parameter, baris 4: nilai '-5' untuk parameter 'spMinCapital' di bawah minimum 0; nilai bawaan 500000000 tetap dipakai."],
    ['ratDeadlineMonths', 24, "sheet Parameter, baris 4: nilai '24' untuk parameter 'ratDeadlineMonths' di atas maksimum 12; nilai bawaan 6 tetap dipakai."],
    ['ratDefaultQuorumPercent', null, "sheet Parameter, baris 4: nilai 'null' untuk parameter 'ratDefaultQuorumPercent' bukan angka; nilai bawaan 50 tetap dipakai."],
  ])('%s = %p is rejected with a message and the default stays', (key, value, text) => {
    const { values, problems } = resolveParameters([at(key, value)]);
    expect(values[key]).toBe(defaultParameters()[key]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.text.id).toBe(text);
    expect(problems[0]!.where).toBe('sheet Parameter, baris 4');
  });

  test('an unknown key is reported and ignored', () => {
    const { problems } = resolveParameters([at('batasModal', 1, 7)]);
    expect(problems[0]!.text.id).toBe("sheet Parameter, baris 7: parameter 'batasModal' tidak dikenal; diabaikan.");
    expect(problems[0]!.text.en).toBe("sheet Parameter, baris 7: unknown parameter 'batasModal'; ignored.");
  });

  test('min load above max load: both defaults stay, with a message', () => {
    const { values, problems } = resolveParameters([at('mentorMinLoad', 9, 5), at('mentorMaxLoad', 6, 6)]);
    expect([values.mentorMinLoad, values.mentorMaxLoad]).toEqual([4, 5]);
    expect(problems[0]!.text.id).toBe('sheet Parameter, baris 6: mentorMinLoad (9) harus ≤ mentorMaxLoad (6); nilai bawaan keduanya tetap dipakai.');
  });

  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('prototype-named key %s is an unknown key', (key) => {
    const { values, problems } = resolveParameters([at(key, 3)]);
    expect(problems.map((p) => p.text.id)).toEqual([`sheet Parameter, baris 4: parameter '${key}' tidak dikenal; diabaikan.`]);
    expect(values).toEqual(defaultParameters());
  });

  test('a duplicate key is reported and the first row holds (no longer the last, silently)', () => {
    const { values, problems } = resolveParameters([at('spMinMembers', 25, 4), at('spMinMembers', 30, 9)]);
    expect(values.spMinMembers).toBe(25);
    expect(problems.map((p) => p.text.id)).toEqual(["sheet Parameter, baris 9: parameter 'spMinMembers' sudah diisi di sheet Parameter, baris 4; baris ini diabaikan."]);
  });

  test('dated rows (Berlaku mulai): the one in force on the check date holds; one dated later is not in force yet', () => {
    const rows: ParameterOverride[] = [
      { ...at('ratDeadlineMonths', 6, 4), from: '2025-01-01', legalSource: 'Permenkop 19/2015' },
      { ...at('ratDeadlineMonths', 3, 5), from: '2026-02-01', legalSource: 'Surat Dinas 2026' },
    ];
    expect(resolveParameters(rows, '2025-12-31')).toEqual({ values: { ...defaultParameters('2025-12-31'), ratDeadlineMonths: 6 }, problems: [] });
    expect(resolveParameters(rows, '2026-02-01').values.ratDeadlineMonths).toBe(3);
    expect(resolveParameters(rows.slice(1), '2026-01-31').values.ratDeadlineMonths).toBe(6);
  });

  test('two rows for one key with the same date are a duplicate', () => {
    const rows: ParameterOverride[] = [{ ...at('spMinMembers', 25, 4), from: '2026-01-01' }, { ...at('spMinMembers', 30, 5), from: '2026-01-01' }];
    expect(resolveParameters(rows, '2026-06-01').problems).toHaveLength(1);
  });

  test('a bundled parameter with dated changes gives the value in force on the check date', () => {
    const spec = PARAMETERS.parameters.ratDeadlineMonths!;
    spec.changes = [{ from: '2026-03-01', value: 3, source: 'contoh' }];
    try {
      expect(defaultParameters('2026-02-28').ratDeadlineMonths).toBe(6);
      expect(defaultParameters('2026-03-01').ratDeadlineMonths).toBe(3);
      expect(resolveParameters([], '2026-12-01').values.ratDeadlineMonths).toBe(3);
    } finally {
      delete spec.changes;
    }
  });
});

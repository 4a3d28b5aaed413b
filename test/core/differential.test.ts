/**
 * The synchronous entry path against json-rules-engine as published: for a
 * generated corpus, results through SyncPromise (what Apps Script runs) equal
 * those of `await engine.run()` with native Promises and the real eventemitter2.
 */
import { buildCityIndex } from '../../src/core/city-index';
import { createCheckEngine, runCheckAsync, runCheckSync } from '../../src/core/check-engine';
import { deriveFacts } from '../../src/core/derived-facts';
import { prepareRun } from '../../src/core/check-run';
import { BUNDLED_RULE_SETS, CHECK_IDS } from '../../src/core/rule-data';
import { generateInput } from '../support/corpus';
import { loadNativeEngine } from '../support/native-engine';

const nativeEngine = loadNativeEngine();

describe('synchronous path equals native await engine.run()', () => {
  test.each([1, 2, 3, 4, 5])('corpus seed %i (120 co-ops)', async (seed) => {
    const input = generateInput(seed, 120);
    const prepared = prepareRun(input);
    const native = BUNDLED_RULE_SETS.map((ruleSet) => createCheckEngine(ruleSet, prepared.params, nativeEngine));
    const index = buildCityIndex(input);
    let compared = 0;
    for (const record of input.coops) {
      const facts = deriveFacts(record, index, prepared.params, prepared.checkDay);
      for (let i = 0; i < native.length; i += 1) {
        const sync = runCheckSync(prepared.engines[i]!, facts, record);
        const viaPromise = runCheckAsync(native[i]!, facts, record);
        expect(viaPromise).toBeInstanceOf(Promise);
        expect(sync).toEqual(await viaPromise);
        compared += 1;
      }
    }
    expect(compared).toBe(120 * CHECK_IDS.length);
  });

  test('the native engine really is asynchronous (so the comparison means something)', () => {
    const prepared = prepareRun({ asOf: '2026-11-24' });
    const engine = createCheckEngine(BUNDLED_RULE_SETS[0]!, prepared.params, nativeEngine);
    const input = generateInput(9, 1);
    const facts = deriveFacts(input.coops[0]!, buildCityIndex(input), prepared.params, prepared.checkDay);
    expect(() => runCheckSync(engine, facts, input.coops[0]!)).toThrow(/expected a synchronous result/);
  });
});

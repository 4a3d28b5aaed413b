/**
 * The rule table through the built bundle: each case sent to the
 * google.script.run target `previewChecks` in the Apps Script sandbox gives
 * exactly what the core gives in Node.
 */
import { runChecks } from '../../src/core/check-run';
import type { CheckRun } from '../../src/shared/types';
import { loadBundle } from '../support/apps-script-sandbox';
import { ALL_CASES, toInput } from '../core/rule-cases';
import { expectMatches } from '../core/check-run.test';

describe('rule table in the Apps Script sandbox', () => {
  const sandbox = loadBundle();

  test.each(ALL_CASES.map((c) => [c[0].name, c] as const))('%s', (_name, [situation, expected]) => {
    const data = toInput(situation);
    const inSandbox = sandbox.run('previewChecks', data) as CheckRun;
    expect(inSandbox).toEqual(JSON.parse(JSON.stringify(runChecks(data))));
    expectMatches(inSandbox.results[0]!.checks[expected.check]!, expected);
  });
});

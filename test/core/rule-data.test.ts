/**
 * The data files of rules/ hold together: schemas accept them, every parameter
 * has a unit, range and source, every text exists in both languages, and
 * every placeholder names a fact, a parameter, {found} or {required}.
 */
import { validateMessagesFile, validateParametersFile } from '../../src/generated/schema-validators';
import { RECORD_FACTS, factSpec } from '../../src/core/fact-catalogue';
import { hasMessage, placeholders } from '../../src/core/messages';
import { MESSAGES, PARAMETERS, STATUSES_BY_CHECK } from '../../src/core/rule-data';
import parametersFile from '../../rules/parameters.json';
import messagesFile from '../../rules/messages.json';

describe('rules/ data files', () => {
  test('parameters.json and messages.json match their schemas', () => {
    expect(validateParametersFile(parametersFile) ? [] : validateParametersFile.errors).toEqual([]);
    expect(validateMessagesFile(messagesFile) ? [] : validateMessagesFile.errors).toEqual([]);
  });

  test('every default lies in its own range and has a source', () => {
    for (const [key, spec] of Object.entries(PARAMETERS.parameters)) {
      expect([key, spec.default >= spec.min && spec.default <= spec.max]).toEqual([key, true]);
      expect(spec.source.length).toBeGreaterThan(5);
    }
  });

  test('mentor load bounds allow the national 7–15', () => {
    expect(PARAMETERS.parameters.mentorMaxLoad!.max).toBeGreaterThanOrEqual(15);
    expect(PARAMETERS.parameters.mentorMinLoad!.max).toBeGreaterThanOrEqual(7);
  });

  test('every status has a label in both languages', () => {
    for (const statuses of Object.values(STATUSES_BY_CHECK)) for (const status of statuses) expect(hasMessage('status', status)).toBe(true);
  });

  test('every fact names a field that has a label', () => {
    for (const [name, spec] of Object.entries(RECORD_FACTS)) expect([name, hasMessage('field', spec.field)]).toEqual([name, true]);
  });

  test('every reason placeholder is a fact, a parameter, {found} or {required}', () => {
    for (const [key, text] of Object.entries(MESSAGES.reason)) {
      for (const name of [...placeholders(text.id), ...placeholders(text.en)]) {
        expect([key, name, name === 'found' || name === 'required' || factSpec(name) !== undefined]).toEqual([key, name, true]);
      }
      expect(placeholders(text.id).sort()).toEqual(placeholders(text.en).sort());
    }
  });
});

describe('parameter units', () => {
  test('every parameter unit has words in both languages', () => {
    for (const spec of Object.values(PARAMETERS.parameters)) expect([spec.unit, hasMessage('word', `unit.${spec.unit}`)]).toEqual([spec.unit, true]);
  });
});

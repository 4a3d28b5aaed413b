/**
 * The google.script.run rules the sandbox enforces.
 */
import { toClientValue } from './client-value';

describe('toClientValue', () => {
  test('passes JSON-safe values through as copies', () => {
    const value = { a: [1, 'x', true, null], b: { c: 2 } };
    const copy = toClientValue(value);
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
  });

  test.each([
    [{ when: new Date() }, 'result.when is a Date (the client would receive null)'],
    [{ f: () => 1 }, 'result.f is a function'],
    [{ list: [1, undefined] }, 'result.list[1] is undefined'],
    [{ n: NaN }, 'result.n is NaN, which JSON cannot carry'],
    [{ m: new Map() }, 'result.m is a Map object, not a plain object'],
    [undefined, 'result is undefined'],
  ])('rejects %p', (value, message) => {
    expect(() => toClientValue(value, 'result')).toThrow(message);
  });

  test('rejects cycles', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => toClientValue(a, 'result')).toThrow('result.self is a circular reference');
  });
});

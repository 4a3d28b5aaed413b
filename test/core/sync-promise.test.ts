/**
 * SyncPromise: settles at once, chains, adopts thenables, rejects, and
 * `settleSync` reads the value or says why it cannot.
 */
import { SyncPromise, settleSync } from '../../src/core/sync-promise';

describe('SyncPromise', () => {
  test('then runs at once on a settled promise', () => {
    const seen: number[] = [];
    SyncPromise.resolve(1).then((v) => seen.push(v));
    expect(seen).toEqual([1]);
  });

  test('chains values and adopts returned SyncPromises and foreign thenables', () => {
    const foreign = { then: (ok: (v: number) => void) => ok(5) };
    const result = SyncPromise.resolve(1)
      .then((v) => SyncPromise.resolve(v + 1))
      .then((v) => (v === 2 ? (foreign as unknown as PromiseLike<number>) : v))
      .then((v) => v * 2);
    expect(settleSync(result, 'chain')).toBe(10);
  });

  test('all keeps order and rejects on the first rejection', () => {
    expect(settleSync(SyncPromise.all([1, SyncPromise.resolve(2), 3]), 'all')).toEqual([1, 2, 3]);
    expect(settleSync(SyncPromise.all([]), 'empty')).toEqual([]);
    expect(() => settleSync(SyncPromise.all([1, SyncPromise.reject(new Error('boom'))]), 'all')).toThrow('boom');
  });

  test('errors thrown in executors and handlers become rejections; catch recovers', () => {
    const failed = new SyncPromise<number>(() => {
      throw new Error('executor');
    });
    expect(() => settleSync(failed, 'x')).toThrow('executor');
    expect(settleSync(failed.catch(() => 7), 'x')).toBe(7);
    const handlerError = SyncPromise.resolve(1).then(() => {
      throw new Error('handler');
    });
    expect(() => settleSync(handlerError, 'x')).toThrow('handler');
  });

  test('finally runs on both outcomes and keeps the value', () => {
    const calls: string[] = [];
    expect(settleSync(SyncPromise.resolve(3).finally(() => calls.push('ok')), 'f')).toBe(3);
    expect(() => settleSync(SyncPromise.reject(new Error('no')).finally(() => calls.push('bad')), 'f')).toThrow('no');
    expect(calls).toEqual(['ok', 'bad']);
  });

  test('a promise resolved with itself rejects', () => {
    let resolveSelf: (v: unknown) => void = () => undefined;
    const p: SyncPromise<unknown> = new SyncPromise((ok) => {
      resolveSelf = ok;
    });
    resolveSelf(p);
    expect(() => settleSync(p, 'self')).toThrow(TypeError);
  });

  test('settleSync refuses native Promises and pending SyncPromises', () => {
    expect(() => settleSync(Promise.resolve(1), 'native')).toThrow('native: expected a synchronous result, got an asynchronous Promise');
    expect(() => settleSync(new SyncPromise(() => undefined), 'pending')).toThrow('pending: did not settle synchronously');
  });
});

/**
 * The stand-in for eventemitter2: what json-rules-engine calls, including
 * Babel-style inheritance through `.call(this)`.
 */
import EventEmitter from '../../src/core/event-emitter';
import { settleSync } from '../../src/core/sync-promise';

describe('EventEmitter', () => {
  test('can be inherited ES5-style, as the engine does', () => {
    function Child(this: { kind: string }) {
      (EventEmitter as unknown as (this: unknown) => void).call(this);
      this.kind = 'child';
    }
    Child.prototype = Object.create(EventEmitter.prototype);
    const child = new (Child as unknown as new () => InstanceType<typeof EventEmitter> & { kind: string })();
    const seen: unknown[] = [];
    child.on('x', (v) => seen.push(v));
    expect(child.emit('x', 1)).toBe(true);
    expect(seen).toEqual([1]);
  });

  test('emitAsync settles synchronously with the listeners\' results', () => {
    const emitter = new EventEmitter();
    emitter.on('e', (a) => (a as number) + 1);
    emitter.on('e', (a) => (a as number) * 10);
    expect(settleSync(emitter.emitAsync('e', 2), 'emitAsync')).toEqual([3, 20]);
    expect(settleSync(emitter.emitAsync('none'), 'emitAsync')).toEqual([]);
  });

  test('listeners can be removed', () => {
    const emitter = new EventEmitter();
    const listener = (): void => undefined;
    emitter.on('e', listener);
    emitter.removeListener('e', listener);
    expect(emitter.emit('e')).toBe(false);
    emitter.on('e', listener).on('f', listener);
    emitter.removeAllListeners();
    expect(emitter.listeners('f')).toEqual([]);
  });
});

/**
 * The event emitter json-rules-engine inherits from, in place of eventemitter2.
 *
 * Why: eventemitter2 reads `setTimeout` when it loads, which Apps Script lacks,
 * so the bundled engine would throw before any rule ran. The engine only needs
 * `on`, `emit`, `emitAsync` and listener removal. Written as an ES5 constructor
 * because the engine's Babel output calls its parent class with `.call(this)`.
 */
import { SyncPromise } from './sync-promise';

type Listener = (...args: unknown[]) => unknown;

interface EventEmitter {
  _listeners: Map<string, Listener[]>;
  on(event: string, listener: Listener): EventEmitter;
  addListener(event: string, listener: Listener): EventEmitter;
  removeListener(event: string, listener: Listener): EventEmitter;
  off(event: string, listener: Listener): EventEmitter;
  removeAllListeners(event?: string): EventEmitter;
  listeners(event: string): Listener[];
  emit(event: string, ...args: unknown[]): boolean;
  emitAsync(event: string, ...args: unknown[]): SyncPromise<unknown[]>;
}

interface EventEmitterConstructor {
  new (): EventEmitter;
  (this: EventEmitter): void;
  prototype: EventEmitter;
}

const EventEmitter = function EventEmitter(this: EventEmitter): void {
  this._listeners = new Map();
} as unknown as EventEmitterConstructor;

EventEmitter.prototype.on = function on(this: EventEmitter, event, listener) {
  // Instances built by Object.create skip the constructor; create the map lazily.
  if (!this._listeners) this._listeners = new Map();
  const list = this._listeners.get(event);
  if (list) list.push(listener);
  else this._listeners.set(event, [listener]);
  return this;
};
EventEmitter.prototype.addListener = EventEmitter.prototype.on;

EventEmitter.prototype.removeListener = function removeListener(this: EventEmitter, event, listener) {
  const list = this._listeners?.get(event);
  if (list) {
    const index = list.indexOf(listener);
    if (index >= 0) list.splice(index, 1);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(this: EventEmitter, event) {
  if (event === undefined) this._listeners?.clear();
  else this._listeners?.delete(event);
  return this;
};

EventEmitter.prototype.listeners = function listeners(this: EventEmitter, event) {
  return (this._listeners?.get(event) ?? []).slice();
};

EventEmitter.prototype.emit = function emit(this: EventEmitter, event, ...args) {
  const list = this._listeners?.get(event);
  if (!list || list.length === 0) return false;
  list.slice().forEach((listener) => listener.apply(this, args));
  return true;
};

EventEmitter.prototype.emitAsync = function emitAsync(this: EventEmitter, event, ...args) {
  const list = this._listeners?.get(event);
  if (!list || list.length === 0) return SyncPromise.resolve([]);
  return SyncPromise.all(list.slice().map((listener) => listener.apply(this, args)));
};

export default EventEmitter;
export { EventEmitter, EventEmitter as EventEmitter2 };

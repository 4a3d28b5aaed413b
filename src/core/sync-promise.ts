/**
 * A minimal synchronous thenable that stands in for `Promise` inside
 * json-rules-engine (see build/sync-engine-binding.cjs).
 *
 * Why: json-rules-engine only returns Promises, and Apps Script entry points
 * (custom functions, google.script.run targets, menu actions) must return their
 * final value synchronously. A SyncPromise runs its callbacks at once when it is
 * already settled, so a whole `engine.run()` settles before it returns and
 * `settleSync` can read the value. It implements only what the engine uses:
 * `new`, `then`, `catch`, `finally`, `resolve`, `reject`, `all`.
 */

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;
type State = typeof PENDING | typeof FULFILLED | typeof REJECTED;

type Resolve<T> = (value: T | PromiseLike<T>) => void;
const NO_EXECUTOR = (): void => undefined;
type Reject = (reason?: unknown) => void;

export class SyncPromise<T> implements PromiseLike<T> {
  private state: State = PENDING;
  private value: unknown = undefined;
  private adopting = false;
  private waiting: Array<() => void> | null = null;

  constructor(executor: (resolve: Resolve<T>, reject: Reject) => void) {
    try {
      executor(
        (value) => this.resolveWith(value),
        (reason) => this.settle(REJECTED, reason),
      );
    } catch (error) {
      this.settle(REJECTED, error);
    }
  }

  static resolve<U>(value: U | PromiseLike<U>): SyncPromise<U> {
    if (value instanceof SyncPromise) return value as SyncPromise<U>;
    if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
      return new SyncPromise<U>((resolve) => resolve(value));
    }
    return SyncPromise.settled<U>(FULFILLED, value);
  }

  static reject<U = never>(reason?: unknown): SyncPromise<U> {
    return SyncPromise.settled<U>(REJECTED, reason);
  }

  /** A promise already settled, made without an executor (the engine makes millions). */
  private static settled<U>(state: State, value: unknown): SyncPromise<U> {
    const promise = new SyncPromise<U>(NO_EXECUTOR);
    promise.state = state;
    promise.value = value;
    return promise;
  }

  static all<U>(items: ReadonlyArray<U | PromiseLike<U>>): SyncPromise<U[]> {
    // The common case here: every item already settled, collected in one pass.
    const values = new Array<U>(items.length);
    let i = 0;
    for (; i < items.length; i += 1) {
      const item = items[i];
      if (item instanceof SyncPromise) {
        if (item.state === REJECTED) return item as unknown as SyncPromise<U[]>;
        if (item.state === PENDING) break;
        values[i] = item.value as U;
      } else if (item !== null && (typeof item === 'object' || typeof item === 'function') && typeof (item as { then?: unknown }).then === 'function') {
        break;
      } else values[i] = item as U;
    }
    if (i === items.length) return SyncPromise.settled<U[]>(FULFILLED, values);
    return new SyncPromise<U[]>((resolve, reject) => {
      const values = new Array<U>(items.length);
      let remaining = items.length;
      if (remaining === 0) {
        resolve(values);
        return;
      }
      items.forEach((item, index) => {
        SyncPromise.resolve(item).then((value) => {
          values[index] = value;
          remaining -= 1;
          if (remaining === 0) resolve(values);
        }, reject);
      });
    });
  }

  then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): SyncPromise<R1 | R2> {
    if (this.state !== PENDING) {
      // Settled: run the handler now, with no executor or closure to allocate.
      const handler = this.state === FULFILLED ? onFulfilled : onRejected;
      if (typeof handler !== 'function') return SyncPromise.settled<R1 | R2>(this.state, this.value);
      try {
        return SyncPromise.resolve((handler as (v: unknown) => R1 | R2 | PromiseLike<R1 | R2>)(this.value));
      } catch (error) {
        return SyncPromise.settled<R1 | R2>(REJECTED, error);
      }
    }
    return new SyncPromise<R1 | R2>((resolve, reject) => {
      const run = (): void => {
        const handler = this.state === FULFILLED ? onFulfilled : onRejected;
        if (typeof handler !== 'function') {
          if (this.state === FULFILLED) resolve(this.value as R1);
          else reject(this.value);
          return;
        }
        try {
          resolve((handler as (v: unknown) => R1 | R2)(this.value));
        } catch (error) {
          reject(error);
        }
      };
      if (this.state === PENDING) (this.waiting ??= []).push(run);
      else run();
    });
  }

  catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): SyncPromise<T | R> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): SyncPromise<T> {
    return this.then(
      (value) => {
        onFinally?.();
        return value;
      },
      (reason) => {
        onFinally?.();
        throw reason;
      },
    );
  }

  /** The settled state, for `settleSync`: never read by the engine. */
  inspect(): { settled: boolean; rejected: boolean; value: unknown } {
    return { settled: this.state !== PENDING, rejected: this.state === REJECTED, value: this.value };
  }

  private resolveWith(value: unknown): void {
    if (this.state !== PENDING || this.adopting) return;
    if (value === this) {
      this.settle(REJECTED, new TypeError('SyncPromise resolved with itself'));
      return;
    }
    if (value instanceof SyncPromise && value.state !== PENDING) {
      this.settle(value.state, value.value);
      return;
    }
    if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
      let then: unknown;
      try {
        then = (value as { then?: unknown }).then;
      } catch (error) {
        this.settle(REJECTED, error);
        return;
      }
      if (typeof then === 'function') {
        this.adopting = true;
        let called = false;
        try {
          then.call(
            value,
            (inner: unknown) => {
              if (called) return;
              called = true;
              this.adopting = false;
              this.resolveWith(inner);
            },
            (reason: unknown) => {
              if (called) return;
              called = true;
              this.adopting = false;
              this.settle(REJECTED, reason);
            },
          );
        } catch (error) {
          if (!called) {
            called = true;
            this.adopting = false;
            this.settle(REJECTED, error);
          }
        }
        return;
      }
    }
    this.settle(FULFILLED, value);
  }

  private settle(state: State, value: unknown): void {
    if (this.state !== PENDING) return;
    this.state = state;
    this.value = value;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.forEach((run) => run());
  }
}

/**
 * Reads the value of a thenable that must already be settled. Throws the
 * rejection reason, or an error naming `what` if the thenable is still pending
 * (a native Promise or an asynchronous fact slipped into the engine).
 */
export function settleSync<T>(thenable: PromiseLike<T>, what: string): T {
  if (!(thenable instanceof SyncPromise)) {
    throw new Error(`${what}: expected a synchronous result, got an asynchronous Promise`);
  }
  const { settled, rejected, value } = (thenable as SyncPromise<T>).inspect();
  if (!settled) throw new Error(`${what}: did not settle synchronously`);
  if (rejected) throw value;
  return value as T;
}

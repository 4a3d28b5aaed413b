/**
 * What google.script.run can carry between the server and the sidebar:
 * primitives, null, and plain objects and arrays of them. A Date, a function,
 * undefined, a class instance or a cycle breaks the call (a Date in a return
 * value makes the client receive null), so the sandbox rejects them, naming
 * where in the value they are, and returns the copy the client would get.
 */
export class ClientValueError extends Error {}

export function toClientValue(value: unknown, where = 'value'): unknown {
  check(value, where, new Set());
  return JSON.parse(JSON.stringify(value));
}

function check(value: unknown, where: string, seen: Set<object>): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ClientValueError(`${where} is ${value}, which JSON cannot carry`);
    return;
  }
  if (value === undefined) throw new ClientValueError(`${where} is undefined`);
  if (typeof value === 'function') throw new ClientValueError(`${where} is a function`);
  if (typeof value !== 'object') throw new ClientValueError(`${where} is a ${typeof value}`);
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') throw new ClientValueError(`${where} is a Date (the client would receive null)`);
  if (seen.has(value)) throw new ClientValueError(`${where} is a circular reference`);
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, `${where}[${i}]`, seen));
  } else {
    const proto = Object.getPrototypeOf(value);
    const plain = proto === null || (proto.constructor?.name === 'Object' && Object.getPrototypeOf(proto) === null);
    if (!plain) throw new ClientValueError(`${where} is a ${proto?.constructor?.name ?? 'non-plain'} object, not a plain object`);
    for (const [key, item] of Object.entries(value)) check(item, `${where}.${key}`, seen);
  }
  seen.delete(value);
}

/**
 * Serialises everything that writes to the workbook (check-all, co-op sheets,
 * form saves) with the document lock, and says "busy, try again" clearly when
 * another run holds it.
 */
import { message } from '../core/messages';

const WAIT_MS = 10_000;

export class BusyError extends Error {}

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(WAIT_MS)) throw new BusyError(message('ui', 'busy').id);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

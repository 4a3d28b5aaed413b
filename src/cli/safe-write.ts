/**
 * Writing a file so that no failure harms one: the target is checked before
 * any work (not the input under any name, its folder exists, it is not a
 * folder), then the bytes go to a temporary file in the target's own folder
 * (same file system, so the rename is atomic), are flushed to disk, and only
 * then renamed over the target. A failed write (disk full, permission,
 * crash) leaves the target as it was and no temporary file behind.
 */
import { closeSync, constants, accessSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Why a target cannot be written: a code the caller turns into a message in the user's language. */
export class TargetError extends Error {
  constructor(readonly reason: 'sameAsInput' | 'isFolder' | 'noFolder' | 'notWritable' | 'notXlsx' | 'notReport', readonly target: string) {
    super(`${reason}: ${target}`);
  }
}

/** True when both paths name one file (same device and inode: symlinks, `..`, hard links, letter case all seen through). */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Checks, before anything is computed, that `target` can be written without
 * touching `input`: an .xlsx (or, for a report, also .html/.htm). Throws
 * TargetError.
 */
export function checkTarget(target: string, input: string, kind: 'xlsx' | 'report' = 'xlsx'): void {
  const extension = path.extname(target).toLowerCase();
  if (kind === 'xlsx' && extension !== '.xlsx') throw new TargetError('notXlsx', target);
  if (kind === 'report' && !['.xlsx', '.html', '.htm'].includes(extension)) throw new TargetError('notReport', target);
  if (sameFile(target, input)) throw new TargetError('sameAsInput', target);
  let existing: ReturnType<typeof statSync> | null = null;
  try {
    existing = statSync(target);
  } catch {
    existing = null;
  }
  if (existing?.isDirectory()) throw new TargetError('isFolder', target);
  const folder = path.dirname(path.resolve(target));
  let folderStat: ReturnType<typeof statSync>;
  try {
    folderStat = statSync(folder);
  } catch {
    throw new TargetError('noFolder', target);
  }
  if (!folderStat.isDirectory()) throw new TargetError('noFolder', target);
  try {
    accessSync(folder, constants.W_OK);
    if (existing) accessSync(target, constants.W_OK);
  } catch {
    throw new TargetError('notWritable', target);
  }
}

/** The file operations used, replaceable in tests to simulate a full disk. */
export interface FileOps {
  open(file: string): number;
  write(fd: number, bytes: Uint8Array, offset: number): number;
  fsync(fd: number): void;
  close(fd: number): void;
  rename(from: string, to: string): void;
  unlink(file: string): void;
}

export const NODE_FILE_OPS: FileOps = {
  open: (file) => openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644),
  write: (fd, bytes, offset) => writeSync(fd, bytes, offset, bytes.length - offset),
  fsync: (fd) => fsyncSync(fd),
  close: (fd) => closeSync(fd),
  rename: (from, to) => renameSync(from, to),
  unlink: (file) => unlinkSync(file),
};

/**
 * Writes `bytes` to `target` through a temporary file in the same folder and
 * a rename. On any error the temporary file is removed and the error thrown;
 * `target` is then exactly as it was.
 */
export function writeFileAtomically(target: string, bytes: Uint8Array, ops: FileOps = NODE_FILE_OPS): void {
  const folder = path.dirname(path.resolve(target));
  const temp = path.join(folder, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  const fd = ops.open(temp);
  let renamed = false;
  try {
    try {
      for (let offset = 0; offset < bytes.length; ) {
        const written = ops.write(fd, bytes, offset);
        if (!(written > 0)) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
        offset += written;
      }
      ops.fsync(fd);
    } finally {
      ops.close(fd);
    }
    ops.rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        ops.unlink(temp);
      } catch {
        // already gone
      }
    }
  }
}

/**
 * File errors as plain reasons in the user's language, never Node's English
 * text: a system error (by its code) and an output target that cannot be
 * written (./safe-write.ts's TargetError). Shared by every subcommand.
 */
import { fill, message } from '../core/messages';
import type { Lang } from '../shared/types';
import type { TargetError } from './safe-write';

const ui = (key: string, lang: Lang, values: Record<string, string> = {}): string => fill(message('ui', key)[lang], (name) => values[name]);

/** Why a file could not be read or written, from the error's code (ENOENT, EACCES, ENOSPC, …). */
export function fileProblem(error: unknown): (lang: Lang) => string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const key = code === 'ENOENT' || code === 'ENOTDIR' ? 'cliFileMissing'
    : code === 'EISDIR' ? 'cliFileFolder'
    : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'cliFileDenied'
    : code === 'ENOSPC' || code === 'EDQUOT' ? 'cliOutDiskFull'
    : 'cliFileOther';
  return (lang) => ui(key, lang, { detail: code ?? (error instanceof Error ? error.name : 'unknown') });
}

const TARGET_MESSAGES: Record<TargetError['reason'], string> = {
  sameAsInput: 'cliOutSameAsInput',
  notXlsx: 'cliOutNotXlsx',
  notReport: 'cliOutNotReport',
  isFolder: 'cliOutFolder',
  noFolder: 'cliOutNoFolder',
  notWritable: 'cliOutNotWritable',
};

/** The message for an --out that cannot be written. */
export function targetProblem(error: TargetError, lang: Lang): string {
  return ui(TARGET_MESSAGES[error.reason], lang, { file: error.target });
}

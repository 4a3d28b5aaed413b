/**
 * A progress bar on a terminal for long runs: `Memeriksa [#####-----] 50% 41.390/82.780`,
 * redrawn in place on standard error; nothing when output is not a terminal.
 */
import { formatNumber } from '../core/format';
import type { Lang } from '../shared/types';

const WIDTH = 30;

export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string, lang: Lang): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (done, total) => {
    const filled = Math.round((done / total) * WIDTH);
    const percent = Math.floor((done / total) * 100);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(percent).padStart(3)}% ${formatNumber(done, lang)}/${formatNumber(total, lang)}${done === total ? '\n' : ''}`);
  };
}

/**
 * The progress bar: drawn in place on a terminal, absent when piped.
 */
import { progressBar } from '../../src/cli/progress';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WritableStream & { isTTY: boolean; writes: string[] };
}

describe('progressBar', () => {
  test('draws on a terminal and ends with a newline', () => {
    const tty = stream(true);
    const tick = progressBar(tty, 'Memeriksa', 'id')!;
    tick(41390, 82780);
    tick(82780, 82780);
    expect(tty.writes).toEqual([
      `\rMemeriksa [${'#'.repeat(15)}${'-'.repeat(15)}]  50% 41.390/82.780`,
      `\rMemeriksa [${'#'.repeat(30)}] 100% 82.780/82.780\n`,
    ]);
  });

  test('is silent when not a terminal', () => {
    expect(progressBar(stream(false), 'Memeriksa', 'id')).toBeUndefined();
  });
});

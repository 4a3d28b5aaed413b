/**
 * The command line run in-process as a test drives it: `main` with its
 * standard output and error captured as text, at a fixed clock.
 */
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

function sink(): Writable & { text: string } {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      stream.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

/** A runner of `pantau-kkmp …` at `now`: resolves to the exit status and what was written to each stream. */
export function cliAt(now: Date): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    const out = sink();
    const err = sink();
    const code = await main(args, out, err, now);
    return { code, out: out.text, err: err.text };
  };
}

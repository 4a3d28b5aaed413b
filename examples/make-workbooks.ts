/**
 * Writes example workbooks: the Balikpapan sample from the readable data in
 * examples/balikpapan-data.ts (`npm run sample` regenerates the committed
 * examples/balikpapan.xlsx), or a synthetic workbook of N co-ops for
 * benchmarks. Never writes without being told where (--out), never replaces
 * an existing file unless told to (--force), and writes through a temporary
 * file and a rename, so a failure leaves the old file whole.
 *
 *   node lib/make-workbooks.cjs --sample --out FILE [--force]
 *   node lib/make-workbooks.cjs --synthetic N --out FILE [--force]
 *   node lib/make-workbooks.cjs --help
 */
import { existsSync } from 'node:fs';
import { inputWorkbook } from '../src/cli/xlsx-workbook';
import { writeFileAtomically } from '../src/cli/safe-write';
import { balikpapanSample } from './balikpapan-data';
import { sampleWorkbook } from './sample-workbook';
import { syntheticInput } from './synthetic-data';

type Out = NodeJS.WritableStream;

export const MAKE_WORKBOOKS_USAGE = `Usage:
  node lib/make-workbooks.cjs --sample --out FILE [--force]        the Balikpapan sample (npm run sample: examples/balikpapan.xlsx)
  node lib/make-workbooks.cjs --synthetic N --out FILE [--force]   a synthetic workbook of N co-ops (benchmarks)
  node lib/make-workbooks.cjs --help                               this text
An existing FILE is replaced only with --force.`;

/** Runs the generator; returns the exit status (0 written or help, 2 usage error or refused). */
export async function makeWorkbooks(args: string[], out: Out, err: Out): Promise<number> {
  const fail = (text: string): number => {
    err.write(`${text}\n${MAKE_WORKBOOKS_USAGE}\n`);
    return 2;
  };
  if (args.includes('--help') || args.includes('-h')) {
    out.write(`${MAKE_WORKBOOKS_USAGE}\n`);
    return 0;
  }
  let sample = false;
  let synthetic: number | null = null;
  let target: string | null = null;
  let force = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--sample') sample = true;
    else if (arg === '--force') force = true;
    else if (arg === '--synthetic' || arg === '--out') {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return fail(`${arg} needs a value.`);
      i += 1;
      if (arg === '--out') target = value;
      else {
        synthetic = Number(value);
        if (!Number.isSafeInteger(synthetic) || synthetic < 1) return fail(`--synthetic ${value}: give a whole number of co-ops, 1 or more.`);
      }
    } else return fail(`Unknown argument: ${arg}`);
  }
  if (sample === (synthetic !== null)) return fail('Choose one of --sample or --synthetic N.');
  if (target === null) return fail('Say where to write with --out FILE.');
  if (existsSync(target) && !force) return fail(`${target} exists; add --force to replace it.`);
  const input = synthetic !== null ? syntheticInput(synthetic) : balikpapanSample();
  const bytes = new Uint8Array(await (synthetic !== null ? inputWorkbook(input) : sampleWorkbook()).xlsx.writeBuffer());
  writeFileAtomically(target, bytes);
  out.write(`${target}: ${input.coops.length} co-ops, ${input.meetings.length} RAT rows, ${input.mentors.length} mentors\n`);
  return 0;
}

if (require.main === module) {
  makeWorkbooks(process.argv.slice(2), process.stdout, process.stderr).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

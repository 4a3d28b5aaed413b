/**
 * `npm run sample`: writes examples/balikpapan.xlsx from the readable data in
 * examples/balikpapan-data.ts. `node lib/make-workbooks.cjs --synthetic N --out
 * FILE` writes a synthetic workbook of N co-ops for benchmarks (not committed).
 */
import path from 'node:path';
import { inputWorkbook } from '../src/cli/xlsx-workbook';
import { balikpapanSample } from './balikpapan-data';
import { sampleWorkbook } from './sample-workbook';
import { syntheticInput } from './synthetic-data';

async function main(args: string[]): Promise<void> {
  const at = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const synthetic = at('--synthetic');
  const out = at('--out') ?? path.join('examples', 'balikpapan.xlsx');
  const input = synthetic ? syntheticInput(Number(synthetic)) : balikpapanSample();
  await (synthetic ? inputWorkbook(input) : sampleWorkbook()).xlsx.writeFile(out);
  console.log(`${out}: ${input.coops.length} co-ops, ${input.meetings.length} RAT rows, ${input.mentors.length} mentors`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

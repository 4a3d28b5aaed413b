/**
 * The workbook generator (examples/make-workbooks.ts) writes only where it is
 * told and replaces a file only when told (issue 19, observation 2: `--help`
 * used to regenerate the committed sample).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { makeWorkbooks } from '../../examples/make-workbooks';
import { readXlsxSheets } from '../../src/cli/xlsx-workbook';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'balikpapan.xlsx');
const BIN = path.join(ROOT, 'lib', 'make-workbooks.cjs');
const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-make-'));

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await makeWorkbooks(args, out, err);
  return { code, out: out.text, err: err.text };
}

describe('make-workbooks', () => {
  test.each([[['--help']], [[]], [['--sample']], [['--synthetic', '10']], [['--verbose']], [['--sample', '--synthetic', '5', '--out', 'x.xlsx']]])('the built program with %j leaves the committed sample untouched', (args) => {
    const before = readFileSync(SAMPLE);
    const mtime = statSync(SAMPLE).mtimeMs;
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(args[0] === '--help' ? 0 : 2);
    expect(args[0] === '--help' ? result.stdout : result.stderr).toContain('node lib/make-workbooks.cjs --sample --out FILE [--force]');
    expect(readFileSync(SAMPLE).equals(before)).toBe(true);
    expect(statSync(SAMPLE).mtimeMs).toBe(mtime);
  });

  test('an existing file is replaced only with --force', async () => {
    const target = path.join(dir, 'contoh.xlsx');
    writeFileSync(target, 'punya orang lain');
    const refused = await run('--sample', '--out', target);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`${target} exists; add --force to replace it.`);
    expect(readFileSync(target, 'utf8')).toBe('punya orang lain');
    const forced = await run('--sample', '--out', target, '--force');
    expect(forced.code).toBe(0);
    expect((await readXlsxSheets(target))).toEqual((await readXlsxSheets(SAMPLE)));
  });

  test('--synthetic N --out writes N co-ops to a new file', async () => {
    const target = path.join(dir, 'sintetis.xlsx');
    const { code, out } = await run('--synthetic', '25', '--out', target);
    expect(code).toBe(0);
    expect(out).toContain(`${target}: 25 co-ops`);
    const register = (await readXlsxSheets(target)).find((s) => s.name === 'Koperasi')!;
    expect(register.values.slice(1).filter((row) => row[0] !== '')).toHaveLength(25);
  });
});

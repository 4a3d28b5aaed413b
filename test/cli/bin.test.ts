/**
 * The built program as a shell runs it (`lib/pantau-kkmp.cjs`, made by
 * `npm run build`, which `npm test` runs first): a reader that stops early
 * (`pantau-kkmp … | head -1`) ends it quietly, as other command-line tools,
 * never with a Node stack trace on the terminal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'lib', 'pantau-kkmp.cjs');
const SAMPLE = path.join(ROOT, 'examples', 'balikpapan.xlsx');

test('the program is built', () => {
  expect(existsSync(BIN)).toBe(true);
});

test.each([['check'], ['deadlines']])('`%s … | head -1`: one line out, nothing on stderr, exit 0', (command) => {
  const run = spawnSync('sh', ['-c', `node "${BIN}" ${command} "${SAMPLE}" --as-of 2026-11-24 | head -1; exit "\${PIPESTATUS:-0}"`], { encoding: 'utf8', cwd: ROOT });
  expect(run.stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});

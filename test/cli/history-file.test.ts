/**
 * The history file outside Sheets as people handle it: opened in Excel and
 * saved again — `,` instead of `;`, CRLF line ends, a byte-order mark or
 * Windows-1252, check dates rewritten in Excel's locale (05/07/2026 or
 * 7/5/2026) — and appended to afterwards. Its earlier check-alls must still be
 * read, the appended rows must be readable in the file's own form, and what
 * cannot be read is said, never dropped in silence.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliAt } from '../support/cli-run';
import { readHistoryFile } from '../../src/cli/history-file';
import { historyBlocks, readHistory } from '../../src/core/history/history-row';
import { XLSX_CELL_CONTEXT } from '../../src/cli/xlsx-workbook';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'balikpapan.xlsx');
const NOW = new Date('2026-11-24T01:00:00Z');
const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-history-file-'));

const run = cliAt(NOW);

/** Two check-alls written by the command line, as text. */
async function twoChecks(name: string): Promise<{ file: string; text: string }> {
  const file = path.join(dir, name);
  await run('history', SAMPLE, '--history', file, '--as-of', '2026-06-23');
  await run('history', SAMPLE, '--history', file, '--as-of', '2026-07-07');
  return { file, text: readFileSync(file, 'utf8') };
}

/** The file as Excel saves it again: its separator, line ends, encoding, and the check date in its locale. */
function resaved(text: string, options: { separator: ',' | ';'; date: (iso: string) => string; encoding: 'utf8' | 'bom' | 'latin1' }): Buffer {
  const lines = text.trim().split('\n').map((line, i) => {
    const cells = line.split(';');
    if (i > 0) cells[0] = options.date(cells[0] as string);
    return cells.map((c) => (c.includes(options.separator) ? `"${c}"` : c)).join(options.separator);
  });
  const body = `${lines.join('\r\n')}\r\n`;
  if (options.encoding === 'latin1') return Buffer.from(body, 'latin1');
  return Buffer.from(options.encoding === 'bom' ? `\uFEFF${body}` : body, 'utf8');
}

const dayFirst = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const monthFirst = (iso: string): string => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;

describe('a history file re-saved by Excel', () => {
  test.each([
    ['Indonesian Excel: ; with 23/06/2026, UTF-8 with BOM', { separator: ';', date: dayFirst, encoding: 'bom' }],
    ['US Excel: , with 6/23/2026, Windows-1252', { separator: ',', date: monthFirst, encoding: 'latin1' }],
    [', with the dates kept, CRLF', { separator: ',', date: (iso: string) => iso, encoding: 'utf8' }],
  ] as const)('%s: earlier checks still read, the next block appended in the same form and read back', async (name, options) => {
    const { file, text } = await twoChecks(`${name.slice(0, 10).replace(/\W/g, '_')}.csv`);
    const bytes = resaved(text, options);
    writeFileSync(file, bytes);
    const third = await run('history', SAMPLE, '--history', file, '--as-of', '2026-07-21');
    expect(third.code).toBe(0);
    // Compared with the second check (07/07/2026), read back from the re-saved lines.
    expect(third.out).toContain('Sejak pemeriksaan 07/07/2026');
    const after = readFileSync(file);
    expect(after.subarray(0, bytes.length).equals(bytes)).toBe(true);
    const added = after.subarray(bytes.length).toString('utf8');
    expect(added.split('\r\n').filter((l) => l !== '')).toHaveLength(41);
    expect(added.endsWith('\r\n')).toBe(true);
    expect(added.split('\r\n')[0]!.split(options.separator)).toHaveLength(11);
    const read = readHistoryFile(file)!;
    const blocks = historyBlocks(readHistory(read.rows, XLSX_CELL_CONTEXT, file).entries);
    expect(blocks.map((b) => [b.checkedOn, b.entries.length])).toEqual([['2026-06-23', 41], ['2026-07-07', 41], ['2026-07-21', 41]]);
  });

  test('rows the command cannot read are named on the error stream, not dropped in silence', async () => {
    const { file, text } = await twoChecks('rusak.csv');
    const lines = text.split('\n');
    lines[5] = `kemarin;${lines[5]!.split(';').slice(1).join(';')}`;
    writeFileSync(file, lines.join('\n'));
    const result = await run('history', SAMPLE, '--history', file, '--as-of', '2026-07-21');
    expect(result.code).toBe(0);
    expect(result.err).toContain(`${file}, baris 6: baris riwayat tidak terbaca (Tanggal Periksa); baris dilewati.`);
  });
});

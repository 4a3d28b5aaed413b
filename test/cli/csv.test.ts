/**
 * CSV exports as they arrive: Windows-1252 bytes from Excel, a quote never
 * closed, control characters in values. Nothing is lost or shown wrongly
 * without a word.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';
import { readCsv } from '../../src/cli/csv';
import type { CheckRun } from '../../src/shared/types';

const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-csv-'));
const HEADER = 'ID Koperasi;Nama Koperasi;Jumlah Anggota';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function check(name: string, bytes: Buffer, ...flags: string[]): Promise<{ code: number; out: string }> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const out = new Capture();
  const code = await main(['check', file, '--as-of', '2026-08-01', ...flags], out, new Capture());
  return { code, out: out.text };
}

describe('CSV files', () => {
  test('Windows-1252 bytes are decoded as Windows-1252 and reported, never turned into �', async () => {
    const bytes = Buffer.from(`${HEADER}\nKKMP-01;Koperasi Caf\xe9 Sejahtera;20\n`, 'latin1');
    const read = readCsv(bytes, 'Koperasi');
    expect(read.values[1]).toEqual(['KKMP-01', 'Koperasi Café Sejahtera', '20']);
    expect(read.problems.map((p) => p.text.en)).toEqual([expect.stringContaining("sheet Koperasi, row 2: the file is not UTF-8; read as Windows-1252 (an Excel export). Check accented letters, e.g. 'Café'")]);
    const { out } = await check('cp1252.csv', bytes, '--json');
    const run = JSON.parse(out) as CheckRun;
    expect(run.results[0]!.name).toBe('Koperasi Café Sejahtera');
    expect(out).not.toContain('\ufffd');
  });

  test('valid UTF-8 is read as it is, with no problem', () => {
    const read = readCsv(Buffer.from(`${HEADER}\nKKMP-01;Koperasi Café;20\n`, 'utf8'), 'Koperasi');
    expect(read.values[1]![1]).toBe('Koperasi Café');
    expect(read.problems).toEqual([]);
  });

  test('a quote never closed is reported with its line, and the rows after it are still read', async () => {
    const text = `${HEADER}\nKKMP-01;"Koperasi Satu;20\nKKMP-02;Koperasi Dua;21\nKKMP-03;Koperasi Tiga;22\n`;
    const read = readCsv(Buffer.from(text), 'Koperasi');
    expect(read.values.map((r) => r[0])).toEqual(['ID Koperasi', 'KKMP-01', 'KKMP-02', 'KKMP-03']);
    expect(read.values[1]).toEqual(['KKMP-01', '"Koperasi Satu', '20']);
    expect(read.problems.map((p) => [p.location?.row, p.text.en])).toEqual([[2, expect.stringContaining('a quote opened on this line is never closed')]]);
    const run = JSON.parse((await check('quote.csv', Buffer.from(text), '--json')).out) as CheckRun;
    expect(run.results.map((r) => r.coopId)).toEqual(['KKMP-01', 'KKMP-02', 'KKMP-03']);
  });

  test('quoted fields with separators, doubled quotes and line breaks still read as one field', () => {
    const read = readCsv(Buffer.from(`${HEADER}\nKKMP-01;"Koperasi ""Satu""; Baru\nBaris dua";20\n`), 'Koperasi');
    expect(read.values[1]).toEqual(['KKMP-01', 'Koperasi "Satu"; Baru\nBaris dua', '20']);
    expect(read.problems).toEqual([]);
  });

  test('control characters in a value never reach the terminal: no forged status line', async () => {
    const forged = 'Koperasi X\r\nKKMP-99     Palsu  BERBADAN HUKUM\x1b[2K\x1b[1A\u202e';
    const { out } = await check('control.csv', Buffer.from(`${HEADER}\nKKMP-01;"${forged}";20\n`));
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e]/);
    expect(out.split('\n').filter((line) => line.startsWith('KKMP-99'))).toEqual([]);
  });
});

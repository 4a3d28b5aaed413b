/**
 * `pantau-kkmp history`, `deadlines` and `report` end to end on the sample
 * workbook: the history file only grows (earlier lines untouched) and says
 * what changed, the calendar prints, the report is written, and usage errors
 * exit with status 2 and the usage.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main';
import { historyHeader } from '../../src/core/history/history-row';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'balikpapan.xlsx');
const NOW = new Date('2026-11-24T01:00:00Z');
const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-commands-'));

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

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = sink();
  const err = sink();
  const code = await main(args, out, err, NOW);
  return { code, out: out.text, err: err.text };
}

describe('pantau-kkmp history', () => {
  test('appends one block per check to the history file, never rewriting it, and prints the changes', async () => {
    const file = path.join(dir, 'riwayat.csv');
    const first = await run('history', SAMPLE, '--history', file, '--as-of', '2026-06-23');
    expect(first).toEqual({ code: 0, out: `41 baris ditambahkan ke ${file} (pemeriksaan 23/06/2026).\n`, err: '' });
    const before = readFileSync(file, 'utf8');
    expect(before.split('\n')[0]).toBe(historyHeader().join(';'));
    const second = await run('history', SAMPLE, '--history', file, '--as-of', '2026-07-07', '--lang', 'en');
    expect(second.code).toBe(0);
    expect(second.out).toContain('41 rows appended');
    expect(second.out).toMatch(/Since the check of 23\/06\/2026: \d+ improved · \d+ worsened · \d+ unchanged/);
    expect(second.out).toContain('KKMP-BPP-03  ↓ Annual meeting (RAT): NOT YET DUE → OVERDUE (');
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.trim().split('\n')).toHaveLength(1 + 82);
    const again = await run('history', SAMPLE, '--history', file, '--as-of', '2026-07-07');
    expect(again.out).toContain('Tidak ada baris ditambahkan');
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  test('a file whose header is not a history is refused and left as it was', async () => {
    const file = path.join(dir, 'lain.csv');
    writeFileSync(file, 'Nama;Alamat\nA;B\n');
    const result = await run('history', SAMPLE, '--history', file);
    expect(result.code).toBe(2);
    expect(result.err).toContain('judul kolom tidak dikenali');
    expect(readFileSync(file, 'utf8')).toBe('Nama;Alamat\nA;B\n');
  });
});

describe('pantau-kkmp deadlines and report', () => {
  test('deadlines prints the calendar of the coming days', async () => {
    const result = await run('deadlines', SAMPLE, '--as-of', '2026-11-24', '--days', '40');
    expect(result.code).toBe(0);
    const lines = result.out.trim().split('\n');
    expect(lines[0]).toMatch(/^Tanggal\s+Sisa hari\s+Jenis\s+ID Koperasi\s+Nama\s+Keterangan$/);
    expect(lines[1]).toMatch(/^24\/11\/2026\s+0\s+Tindak lanjut\s+KKMP-BPP-\d\d/);
    expect(lines.filter((l) => l.includes('Kontrak pendamping'))).toHaveLength(6);
  });

  test('report writes the one-page HTML from the workbook and its Riwayat sheet', async () => {
    const out = path.join(dir, 'laporan.html');
    const result = await run('report', SAMPLE, '--as-of', '2026-11-24', '--out', out);
    expect(result).toEqual({ code: 0, out: `Laporan satu halaman ditulis ke ${out}.\n`, err: '' });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Perubahan sejak laporan 10/11/2026');
    expect(html).toContain('7,5% → 63,4% sejak 25/11/2025');
  });

  test.each([
    [['report', SAMPLE], 'pemakaian:'],
    [['history', SAMPLE], 'pemakaian:'],
    [['deadlines', SAMPLE, '--days', '0'], "--days harus bilangan bulat 1–366, bukan '0'."],
    [['deadlines', path.join(dir, 'tidak-ada.xlsx')], 'tidak-ada.xlsx'],
  ])('%j is a usage error (exit 2)', async (args, text) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(text);
  });
});

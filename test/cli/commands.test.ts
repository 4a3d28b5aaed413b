/**
 * `pantau-kkmp history`, `deadlines` and `report` end to end on the sample
 * workbook: the history file only grows (earlier lines untouched) and says
 * what changed, the calendar prints, the report is written, and usage errors
 * exit with status 2 and the usage.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliAt } from '../support/cli-run';
import { historyHeader } from '../../src/core/history/history-row';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'balikpapan.xlsx');
const NOW = new Date('2026-11-24T01:00:00Z');
const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-commands-'));

const run = cliAt(NOW);

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
    // Open follow-ups already past their date are counted on the last line, not dropped.
    expect(lines[lines.length - 1]).toMatch(/^Lewat tenggat: \d+ tindak lanjut kunjungan belum selesai \(tertua \d\d\/\d\d\/20\d\d;/);
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

describe('the output and input files of history, deadlines and report are checked before any work', () => {
  const original = readFileSync(SAMPLE);
  const copy = (): string => {
    const folder = mkdtempSync(path.join(dir, 'copy-'));
    const file = path.join(folder, 'balikpapan.xlsx');
    copyFileSync(SAMPLE, file);
    return file;
  };

  test('report --out naming the input workbook is refused and the workbook is left byte for byte', async () => {
    const file = copy();
    const result = await run('report', file, '--out', file);
    expect(result.code).toBe(2);
    expect(result.err).toContain('adalah berkas masukan itu sendiri');
    expect(readFileSync(file).equals(original)).toBe(true);
  });

  test.each([
    ['a folder', (folder: string) => folder, "adalah sebuah folder"],
    ['a missing folder', (folder: string) => path.join(folder, 'tidak-ada', 'laporan.html'), 'folder tujuannya tidak ada'],
    ['a PDF name (the report is HTML)', (folder: string) => path.join(folder, 'laporan.pdf'), '.html'],
    ['an .xlsx name (the report is HTML)', (folder: string) => path.join(folder, 'laporan.xlsx'), '.html'],
  ])('report --out naming %s: exit 2 with a plain message, nothing written', async (_name, target, text) => {
    const folder = mkdtempSync(path.join(dir, 'out-'));
    const result = await run('report', SAMPLE, '--out', target(folder));
    expect(result.code).toBe(2);
    expect(result.err).toContain(text);
    expect(result.err).not.toMatch(/\bat |Error:/);
    expect(readdirSync(folder)).toEqual([]);
  });

  test('report --out in English says so in English', async () => {
    const folder = mkdtempSync(path.join(dir, 'out-'));
    const result = await run('report', SAMPLE, '--out', folder, '--lang', 'en');
    expect(result.code).toBe(2);
    expect(result.err).toContain('is a folder');
    expect(result.err).toContain('usage:');
  });

  test('--history naming a folder, or the input workbook, is refused with exit 2 and changes nothing', async () => {
    const folder = mkdtempSync(path.join(dir, 'hist-'));
    mkdirSync(path.join(folder, 'riwayat.csv'));
    const asFolder = await run('history', SAMPLE, '--history', path.join(folder, 'riwayat.csv'));
    expect(asFolder.code).toBe(2);
    expect(asFolder.err).toContain('folder');
    expect(asFolder.err).not.toMatch(/\bat |EISDIR/);
    const file = copy();
    const same = await run('history', file, '--history', file);
    expect(same.code).toBe(2);
    expect(readFileSync(file).equals(original)).toBe(true);
  });

  test('--as-of is read as the sheets write dates (15/06/2026, 15 Juni 2026), as for check', async () => {
    for (const date of ['15/06/2026', '15 Juni 2026', '2026-06-15']) {
      const result = await run('deadlines', SAMPLE, '--as-of', date, '--days', '7');
      expect(result.code).toBe(0);
      expect(result.out.split('\n')[1]).toMatch(/^\d\d\/06\/2026/);
    }
  });

  test('errors come in the language asked for, with a plain reason instead of the system text', async () => {
    const missing = await run('deadlines', path.join(dir, 'tidak-ada.xlsx'), '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot be read: it does not exist');
    expect(missing.err).not.toContain('ENOENT');
    expect(missing.err).toContain('usage:');
    const days = await run('deadlines', SAMPLE, '--days', 'abc', '--lang', 'en');
    expect(days.err).toContain("--days must be a whole number 1–366, not 'abc'.");
  });
});


describe('history, deadlines and report read the workbook as check does on the same date', () => {
  test('on a past date, a meeting held later is not counted: the history row is the status check gives', async () => {
    const file = path.join(mkdtempSync(path.join(dir, 'past-')), 'riwayat.csv');
    await run('history', SAMPLE, '--history', file, '--as-of', '2026-03-01');
    const checked = JSON.parse((await run('check', SAMPLE, '--as-of', '2026-03-01', '--json')).out) as { results: Array<{ coopId: string; checks: Record<string, { status: string }> }> };
    const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.split(';'));
    const ratColumn = historyHeader().indexOf('RAT');
    const recorded = new Map(rows.map((row) => [row[2], row[ratColumn]]));
    const differing = checked.results.filter((r) => recorded.get(r.coopId) !== r.checks.rat!.status.replace(/_/g, ' '));
    expect(differing.map((r) => r.coopId)).toEqual([]);
    expect(recorded.get('KKMP-BPP-01')).toBe('BELUM JATUH TEMPO');
  });

  test('on a past date, the RAT deadline of a co-op that met later is still in the calendar', async () => {
    const result = await run('deadlines', SAMPLE, '--as-of', '2026-03-01', '--days', '180');
    expect(result.out).toMatch(/30\/06\/2026\s+121\s+RAT\s+KKMP-BPP-01\b/);
  });

  test('the report says when it was made in Balikpapan time', async () => {
    const out = path.join(mkdtempSync(path.join(dir, 'when-')), 'laporan.html');
    // 23:30 UTC on 23 November is 07:30 WITA on 24 November.
    const { code } = await cliAt(new Date('2026-11-23T23:30:00Z'))('report', SAMPLE, '--out', out);
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('pemeriksaan 24/11/2026 07:30 WITA');
  });
});

describe('report --history', () => {
  test('a history file that does not exist is an error, not a report without history', async () => {
    const folder = mkdtempSync(path.join(dir, 'nohist-'));
    const result = await run('report', SAMPLE, '--history', path.join(folder, 'riwayt.csv'), '--out', path.join(folder, 'laporan.html'));
    expect(result.code).toBe(2);
    expect(result.err).toContain("Berkas riwayat '");
    expect(result.err).toContain('tidak ada');
    expect(readdirSync(folder)).toEqual([]);
  });

  test('lines of the history file it cannot read are named, and the report is still written', async () => {
    const folder = mkdtempSync(path.join(dir, 'badhist-'));
    const history = path.join(folder, 'riwayat.csv');
    await run('history', SAMPLE, '--history', history, '--as-of', '2026-11-10');
    const lines = readFileSync(history, 'utf8').split('\n');
    lines[3] = `;${lines[3]!.split(';').slice(1).join(';')}`;
    writeFileSync(history, lines.join('\n'));
    const result = await run('report', SAMPLE, '--history', history, '--as-of', '2026-11-24', '--out', path.join(folder, 'laporan.html'));
    expect(result.code).toBe(0);
    expect(result.err).toContain(`${history}, baris 4: baris riwayat tidak terbaca (Tanggal Periksa); baris dilewati.`);
    expect(readFileSync(path.join(folder, 'laporan.html'), 'utf8')).toContain('Perubahan sejak laporan 10/11/2026');
  });
});

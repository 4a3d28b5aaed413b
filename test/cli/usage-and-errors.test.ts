/**
 * Every usage and file error of the command line (issue 19, observation 2):
 * the documented exit status (2, nothing written, no report), a message in
 * the language of --lang wherever --lang stands, never Node's own English
 * error text; --help for the program and for `check`; check dates accepted as
 * the sheets accept them (the core's date reader).
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkDate } from '../../src/cli/main';
import { cliAt } from '../support/cli-run';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'balikpapan.xlsx');
const NOW = new Date('2026-11-24T06:00:00Z');
const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-usage-'));

const cli = cliAt(NOW);

/** Node's own error words, which must never reach a user. */
const RAW_NODE = /ENOENT|EISDIR|ENOTDIR|EACCES|no such file|illegal operation|errno|syscall|at .*\(node:/;

describe('help', () => {
  test.each([[['--help']], [['-h']], [['help']], [['check', '--help']], [['check', 'x.xlsx', '--help']]])('%j prints the help on stdout, exit 0', async (args) => {
    const { code, out, err } = await cli(...args);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('pantau-kkmp check <berkas.xlsx|berkas.csv> [pilihan]');
    expect(out).toContain('--as-of TANGGAL');
    expect(out).toContain('Status keluar: 0');
    // Every check and every option of check is named.
    expect(out).toContain('pembiayaan bank');
    for (const option of ['--as-of', '--lang', '--json', '--no-reasons', '--out']) expect(out).toContain(option);
  });

  test('the help lists every subcommand the program dispatches', async () => {
    const { SUBCOMMANDS } = await import('../../src/cli/subcommands');
    const { out } = await cli('--help');
    for (const name of Object.keys(SUBCOMMANDS)) expect(out).toContain(`pantau-kkmp ${name} <`);
    const en = (await cli('--help', '--lang', 'en')).out;
    for (const name of Object.keys(SUBCOMMANDS)) expect(en).toContain(`pantau-kkmp ${name} <`);
  });

  test.each([['history'], ['deadlines'], ['report']])('%s --help prints the usage of the history commands, exit 0', async (name) => {
    const { code, out } = await cli(name, '--help');
    expect(code).toBe(0);
    expect(out).toContain(`pantau-kkmp ${name} <buku-kerja.xlsx`);
    expect((await cli(name, '--help', '--lang', 'en')).out).toContain(`pantau-kkmp ${name} <workbook.xlsx`);
  });

  test('--lang en gives the English help, before or after --help', async () => {
    for (const args of [['--lang', 'en', '--help'], ['--help', '--lang=en']]) {
      const { code, out } = await cli(...args);
      expect(code).toBe(0);
      expect(out).toContain('pantau-kkmp check <file.xlsx|file.csv> [options]');
      expect(out).toContain('Exit status: 0');
    }
  });
});

describe('usage and file errors: exit 2, a message in the chosen language, no report', () => {
  const missingFolder = path.join(dir, 'tidak-ada', 'hasil.xlsx');
  const folder = path.join(dir, 'sebuah-folder');
  mkdirSync(folder);
  const plainFile = path.join(dir, 'biasa.txt');
  writeFileSync(plainFile, 'x');
  const notXlsx = path.join(dir, 'bukan.xlsx');
  writeFileSync(notXlsx, 'ini bukan berkas excel');

  test.each([
    [['check'], 'Pemakaian: pantau-kkmp check', 'Usage: pantau-kkmp check'],
    [[], 'Pemakaian: pantau-kkmp check', 'Usage: pantau-kkmp check'],
    [['periksa', SAMPLE], 'Perintah tidak dikenal: periksa', 'Unknown command: periksa'],
    [['check', SAMPLE, '--verbose'], 'Pilihan tidak dikenal atau tidak lengkap: --verbose', 'Unknown or incomplete option: --verbose'],
    [['check', SAMPLE, '--as-of', '31/02/2026'], "Tanggal pemeriksaan '31/02/2026' tidak terbaca", "Check date '31/02/2026' cannot be read"],
    [['check', SAMPLE, '--as-of', '15/06/26'], "Tanggal pemeriksaan '15/06/26' tidak terbaca", "Check date '15/06/26' cannot be read"],
    [['check', path.join(dir, 'hilang.xlsx')], `Berkas '${path.join(dir, 'hilang.xlsx')}' tidak dapat dibaca: tidak ada.`, `File '${path.join(dir, 'hilang.xlsx')}' cannot be read: it does not exist.`],
    [['check', folder], `Berkas '${folder}' tidak dapat dibaca: itu sebuah folder, bukan berkas.`, `File '${folder}' cannot be read: it is a folder, not a file.`],
    [['check', notXlsx], `Berkas '${notXlsx}' tidak dapat dibaca: bukan buku kerja .xlsx yang terbaca`, `File '${notXlsx}' cannot be read: not a readable .xlsx workbook`],
    [['check', SAMPLE, '--out', missingFolder], `--out '${missingFolder}': folder tujuannya tidak ada.`, `--out '${missingFolder}': its folder does not exist.`],
    [['check', SAMPLE, '--out', path.join(plainFile, 'hasil.xlsx')], 'folder tujuannya tidak ada', 'its folder does not exist'],
    [['check', SAMPLE, '--out', folder], `--out '${folder}' harus berakhiran .xlsx.`, `--out '${folder}' must end in .xlsx.`],
    [['check', SAMPLE, '--out', path.join(dir, 'hasil.csv')], 'harus berakhiran .xlsx', 'must end in .xlsx'],
  ])('%j', async (args, id, en) => {
    for (const [lang, text] of [['id', id], ['en', en]] as const) {
      // --lang first or last: the message follows it either way.
      for (const withLang of [['--lang', lang, ...args], [...args, `--lang=${lang}`]]) {
        const { code, out, err } = await cli(...withLang);
        expect([withLang, code]).toEqual([withLang, 2]);
        expect(out).toBe('');
        expect(err).toContain(text);
        expect(err).not.toMatch(RAW_NODE);
      }
    }
  });

  test('an --out that is a folder named like a workbook is refused before any report, nothing written', async () => {
    const target = path.join(dir, 'folder.xlsx');
    mkdirSync(target);
    const { code, out, err } = await cli('check', SAMPLE, '--out', target);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`--out '${target}' adalah sebuah folder; beri nama berkas, mis. ${target}/hasil.xlsx.\n`);
    expect(readdirSync(target)).toEqual([]);
  });

  test('the built program exits 2 for a bad --out, with the message and no report', async () => {
    const { spawnSync } = await import('node:child_process');
    const bin = path.join(ROOT, 'lib', 'pantau-kkmp.cjs');
    const run = spawnSync(process.execPath, [bin, 'check', SAMPLE, '--out', missingFolder, '--lang', 'en'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`--out '${missingFolder}': its folder does not exist.\n`);
  });
});

describe('check dates as the sheets accept them', () => {
  test.each([
    ['15/06/2026', '2026-06-15'],
    ['15-06-2026', '2026-06-15'],
    ['15.06.2026', '2026-06-15'],
    ['2026-06-15', '2026-06-15'],
    ['15 Juni 2026', '2026-06-15'],
    ['15 June 2026', '2026-06-15'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2026', null],
    ['06/15/2026', null],
    ['2026-6-15', '2026-06-15'],
    ['kemarin', null],
    ['-', null],
  ])('%s → %s', (text, iso) => {
    expect(checkDate(text)).toBe(iso);
  });

  test('--as-of 15/06/2026 checks as of that day, like --as-of 2026-06-15', async () => {
    const a = await cli('check', SAMPLE, '--as-of', '15/06/2026', '--json');
    const b = await cli('check', SAMPLE, '--as-of', '2026-06-15', '--json');
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out).asOf).toBe('2026-06-15');
    expect(a.out).toBe(b.out);
  });
});

describe('the mentors\' subcommands follow the same rules', () => {
  test.each([['tugas'], ['laporan'], ['evaluasi']])('%s --help prints its usage, exit 0', async (name) => {
    const { code, out } = await cli(name, '--help');
    expect(code).toBe(0);
    expect(out).toContain(`pantau-kkmp ${name} <file.xlsx>`);
    expect((await cli(name, '--help', '--lang', 'en')).out).toContain('Usage:');
  });

  test('a report --out naming the input is refused before anything is read; the input unchanged', async () => {
    const { copyFileSync, readFileSync } = await import('node:fs');
    const file = path.join(dir, 'kantor-laporan.xlsx');
    copyFileSync(SAMPLE, file);
    const before = readFileSync(file);
    for (const args of [['laporan', file, '--bulan', '2026-10', '--out', file], ['evaluasi', file, '--out', path.join(dir, '.', 'kantor-laporan.xlsx')]]) {
      const { code, out, err } = await cli(...args);
      expect([args, code]).toEqual([args, 2]);
      expect(out).toBe('');
      expect(err).toContain('adalah berkas masukan itu sendiri');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect((await cli('laporan', file, '--bulan', '2026-10', '--out', path.join(dir, 'laporan.csv'))).err).toContain("harus berakhiran .xlsx atau .html");
  });

  test('file errors in the chosen language without Node\'s text; dates as the sheets write them', async () => {
    const missing = path.join(dir, 'tidak-ada.xlsx');
    const en = await cli('tugas', missing, '--pendamping', 'PD-01', '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.err).toContain(`File '${missing}' cannot be read: it does not exist.`);
    expect(en.err).toContain('Usage: pantau-kkmp tugas');
    expect(en.err).not.toMatch(RAW_NODE);
    const id = await cli('evaluasi', missing);
    expect(id.err).toContain(`Berkas '${missing}' tidak dapat dibaca: tidak ada.`);
    const dated = await cli('tugas', SAMPLE, '--pendamping', 'PD-01', '--as-of', '15/06/2026', '--json');
    expect(dated.code).toBe(0);
    expect((await cli('tugas', SAMPLE, '--pendamping', 'PD-01', '--as-of', '2026-06-15', '--json')).out).toBe(dated.out);
  });

  test('a written report goes through a temporary file: the folder holds only the report afterwards', async () => {
    const { readdirSync } = await import('node:fs');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'pantau-report-'));
    const target = path.join(folder, 'laporan.html');
    const { code } = await cli('laporan', SAMPLE, '--bulan', '2026-10', '--out', target);
    expect(code).toBe(0);
    expect(readdirSync(folder)).toEqual(['laporan.html']);
  });
});

/**
 * The command line end to end: the sample, broken files, --json against its
 * schema, exit codes, --out leaving every original value unchanged, and the
 * same results as the add-on in the Apps Script sandbox on the same data.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Ajv from 'ajv';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { sampleWorkbook } from '../../examples/sample-workbook';
import { main } from '../../src/cli/main';
import { inputWorkbook, loadWorkbook, sheetValues } from '../../src/cli/xlsx-workbook';
import { STATUSES_BY_CHECK } from '../../src/core/rule-data';
import { REGISTER_COLUMNS } from '../../src/core/workbook/columns';
import type { CheckAllOutcome } from '../../src/shared/sidebar-api';
import type { CheckRun } from '../../src/shared/types';
import schema from '../../src/cli/check-output.schema.json';
import { loadBundle } from '../support/apps-script-sandbox';
import { workbookFrom } from '../support/workbook-fixture';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'balikpapan.xlsx');
const NOW = new Date('2026-11-24T06:00:00Z');
const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-cli-'));

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await main(args, out, err, NOW);
  return { code, out: out.text, err: err.text };
}

async function writeInput(name: string, mutate: (workbook: Awaited<ReturnType<typeof loadWorkbook>>) => void): Promise<string> {
  const workbook = inputWorkbook(balikpapanSample());
  mutate(workbook);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('pantau-kkmp check', () => {
  test('prints the Balikpapan report: a line per co-op and the city summary', async () => {
    const { code, out, err } = await cli('check', SAMPLE);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('Pantau KKMP — hasil pemeriksaan per 2026-11-24');
    expect(out).toMatch(/KKMP-BPP-23 +KKMP Graha Indah +BERBADAN HUKUM +TERLAMBAT +TERDAMPINGI +BELUM SIAP/);
    expect(out).toContain('Indikator RAT (koperasi yang RAT ÷ semua × 100): 63,4% (26/41)');
    expect(out).not.toContain('\x1b[');
    expect((await cli('check', SAMPLE, '--lang', 'en')).out).toContain('City summary');
  });

  test('--json matches its schema and equals the add-on in the sandbox on the same data', async () => {
    const { code, out } = await cli('check', SAMPLE, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as CheckRun & { file: string };
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample()), now: NOW });
    const outcome = sandbox.run('runCheckAll') as CheckAllOutcome;
    expect(json.summary).toEqual(outcome.summary);
    const written = sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump();
    json.results.forEach((result, i) => {
      expect([result.coopId, result.checks.legal.label.id, result.checks.rat.label.id, result.checks.mentor.label.id, result.checks.savingsLoans.label.id]).toEqual([written[i + 1]![0], ...written[i + 1]!.slice(2, 6)]);
    });
    expect(json.rulesVersion).toBe(outcome.rulesVersion);
  });

  test('the sample shows every status of every check at least once', async () => {
    const json = JSON.parse((await cli('check', SAMPLE, '--json')).out) as CheckRun;
    for (const [check, statuses] of Object.entries(STATUSES_BY_CHECK)) {
      for (const status of statuses) expect([check, status, json.summary.statusCounts[check as keyof CheckRun['summary']['statusCounts']][status as never]]).toEqual([check, status, expect.any(Number)]);
    }
    expect(json.results.filter((r) => r.coopId.startsWith('KKMP-'))).toHaveLength(34);
  });

  test('--out writes a copy with Hasil Pemeriksaan added and every original value unchanged', async () => {
    const out = path.join(dir, 'hasil.xlsx');
    const { code, err } = await cli('check', SAMPLE, '--out', out);
    expect(code).toBe(0);
    expect(err).toContain(`ditulis ke ${out}`);
    const original = sheetValues(await loadWorkbook(SAMPLE));
    const copy = sheetValues(await loadWorkbook(out));
    expect(copy.map((s) => s.name)).toEqual([...original.map((s) => s.name), 'Hasil Pemeriksaan']);
    expect(copy.slice(0, original.length)).toEqual(original);
    const results = copy.at(-1)!.values;
    expect(results[0]!.slice(0, 2)).toEqual(['ID Koperasi', 'Nama Koperasi']);
    expect(results.filter((row) => String(row[0]).startsWith('KKMP-'))).toHaveLength(34);
  });

  test('a name that looks like a formula stays text in the output workbook', async () => {
    const file = await writeInput('formula.xlsx', (wb) => {
      wb.getWorksheet('Koperasi')!.getRow(2).getCell(2).value = '=HYPERLINK("http://x","klik")';
    });
    const out = path.join(dir, 'formula-out.xlsx');
    await cli('check', file, '--out', out);
    const sheet = (await loadWorkbook(out)).getWorksheet('Hasil Pemeriksaan')!;
    expect(sheet.getRow(2).getCell(2).value).toBe('=HYPERLINK("http://x","klik")');
    expect(sheet.getRow(2).getCell(2).formula).toBeUndefined();
  });

  test('a missing sheet is reported and the rest still checked', async () => {
    const file = await writeInput('no-rat.xlsx', (wb) => wb.removeWorksheet(wb.getWorksheet('RAT')!.id));
    const { code, out } = await cli('check', file);
    expect(code).toBe(0);
    expect(out).toContain("sheet 'RAT' tidak ada; jalankan Siapkan buku kerja.");
    expect(out).toContain('Jumlah koperasi: 41');
  });

  test('a wrong header is reported clearly', async () => {
    const file = await writeInput('bad-header.xlsx', (wb) => {
      wb.getWorksheet('Pendamping')!.getRow(1).getCell(1).value = 'Kode';
    });
    const { code, out } = await cli('check', file);
    expect(code).toBe(0);
    expect(out).toContain("sheet Pendamping: baris judul tidak ditemukan di 10 baris pertama (harus memuat 'ID Pendamping').");
  });

  test('text in a number column is reported with its cell, the co-op still checked', async () => {
    const column = REGISTER_COLUMNS.findIndex((c) => c.field === 'members') + 1;
    const file = await writeInput('text-number.xlsx', (wb) => {
      wb.getWorksheet('Koperasi')!.getRow(3).getCell(column).value = 'dua puluh';
    });
    const { code, out } = await cli('check', file);
    expect(code).toBe(0);
    expect(out).toContain("sheet Koperasi, baris 3, kolom Jumlah Anggota (O): nilai 'dua puluh' tidak terbaca; yang diharapkan: bilangan bulat 0 atau lebih.");
    expect(out).toMatch(/KKMP-BPP-02 +KKMP Manggar Baru/);
  });

  test('a CSV register with ; separators is checked', async () => {
    const file = path.join(dir, 'register.csv');
    writeFileSync(file, 'ID Koperasi;Nama Koperasi;Nomor Akta;Tanggal Akta;Nomor SK AHU;Tanggal SK AHU;Modal Simpan Pinjam (Rp)\nKKMP-1;"Koperasi ""Maju""; Manggar";12;10/07/2025;AHU-1;20/07/2025;Rp 120.000.000\n');
    const { code, out } = await cli('check', file, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as CheckRun;
    expect(json.results[0]).toMatchObject({ coopId: 'KKMP-1', name: 'Koperasi "Maju"; Manggar' });
    expect(json.results[0]!.checks.legal.status).toBe('BERBADAN_HUKUM');
    expect(json.results[0]!.checks.savingsLoans.reasons.map((r) => r.text.id)).toContain('Modal simpan pinjam Rp 120.000.000 < minimum Rp 500.000.000.');
  });

  test.each([
    [['check'], 'Pemakaian: pantau-kkmp check'],
    [['periksa', 'x.xlsx'], 'Pemakaian: pantau-kkmp check'],
    [['check', 'x.xlsx', '--lang', 'fr'], 'Pilihan tidak dikenal atau tidak lengkap: --lang fr'],
    [['check', 'x.xlsx', '--as-of', '2026-02-30'], "Tanggal pemeriksaan '2026-02-30' bukan tanggal YYYY-MM-DD."],
    [['check', 'x.xlsx', '--out'], 'Pilihan tidak dikenal atau tidak lengkap: --out'],
    [['check', '/nonexistent/file.xlsx'], "Berkas '/nonexistent/file.xlsx' tidak dapat dibaca"],
  ])('%j → exit 2 with a message', async (args, text) => {
    const { code, err, out } = await cli(...args);
    expect(code).toBe(2);
    expect(err).toContain(text);
    expect(out).toBe('');
  });

  test('an empty file and a file that is not an xlsx → exit 2', async () => {
    const empty = path.join(dir, 'kosong.xlsx');
    writeFileSync(empty, '');
    expect(await cli('check', empty)).toMatchObject({ code: 2, err: expect.stringContaining("Berkas '" + empty + "' tidak dapat dibaca: 0 byte") });
    const text = path.join(dir, 'bukan.xlsx');
    writeFileSync(text, 'ini bukan berkas excel');
    expect(await cli('check', text)).toMatchObject({ code: 2, err: expect.stringContaining("Berkas '" + text + "' tidak dapat dibaca") });
  });

  test('the built bin runs from a shell with the same exit codes', () => {
    const bin = path.join(ROOT, 'lib', 'pantau-kkmp.cjs');
    const ok = spawnSync(process.execPath, [bin, 'check', SAMPLE, '--as-of', '2026-11-24'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('KKMP-BPP-01');
    const bad = spawnSync(process.execPath, [bin, 'check'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });

  test('examples/balikpapan.xlsx is what the generator makes from the readable data, value for value', async () => {
    const regenerated = path.join(dir, 'regenerated.xlsx');
    await sampleWorkbook().xlsx.writeFile(regenerated);
    expect(sheetValues(await loadWorkbook(regenerated))).toEqual(sheetValues(await loadWorkbook(SAMPLE)));
  });
});

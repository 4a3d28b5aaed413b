/**
 * The command line end to end: the sample, broken files, --json against its
 * schema, exit codes, --out leaving every original value unchanged, and the
 * same results as the add-on in the Apps Script sandbox on the same data.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { sampleWorkbook } from '../../examples/sample-workbook';
import { cliAt } from '../support/cli-run';
import { inputWorkbook, loadWorkbook, readXlsxSheets } from '../../src/cli/xlsx-workbook';
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

const cli = cliAt(NOW);

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
    expect(out).toContain('Pantau KKMP — hasil pemeriksaan per 24 November 2026');
    expect(out).toContain('Keterangan: status hijau = baik, kuning = perlu perhatian, merah = bermasalah');
    expect(out).toMatch(/KKMP-BPP-23 +KKMP Graha Indah +BERBADAN HUKUM +TERLAMBAT +TERDAMPINGI +BELUM SIAP/);
    // The indicator names what it counts, so 26/41 beside SELESAI 23 is not read as an error.
    expect(out).toContain('Indikator RAT (persentase koperasi yang sudah mengadakan RAT dengan kuorum): 63,4% (26/41: SELESAI 23 + LAPORAN BELUM 3)');
    // One word per colour: a legal entity complete and one with papers missing are counted apart.
    expect(out).toContain('  Legalitas: BERBADAN HUKUM, lengkap 12; BERBADAN HUKUM, dokumen lanjutan belum lengkap 24; DALAM PROSES 4; BELUM 1');
    expect(out).not.toContain('\x1b[');
    expect((await cli('check', SAMPLE, '--lang', 'en')).out).toContain('City summary');
  });

  test('reasons and next steps under each co-op; --no-reasons hides them', async () => {
    const { out } = await cli('check', SAMPLE);
    const block = out.slice(out.indexOf('KKMP-BPP-23'), out.indexOf('KKMP-BPP-24'));
    expect(block).toContain('    RAT: TERLAMBAT\n      - RAT tahun buku 2025 belum diadakan; batasnya 30/06/2026, sudah lewat 147 hari.\n        Langkah: Adakan RAT tahun buku 2025 secepatnya');
    expect(out).toContain('    Legalitas: BERBADAN HUKUM, dokumen lanjutan belum lengkap\n      - ');
    const english = (await cli('check', SAMPLE, '--lang', 'en')).out;
    expect(english).toContain('check results as of 24 November 2026');
    expect(english).toContain('        Step: ');
    const bare = (await cli('check', SAMPLE, '--no-reasons')).out;
    expect(bare).not.toContain('        Langkah:');
    expect(bare).not.toContain('      - ');
    expect(bare).toMatch(/KKMP-BPP-23 +KKMP Graha Indah +BERBADAN HUKUM/);
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
      for (const status of statuses) expect([check, status, json.summary.statusCounts[check]?.[status]]).toEqual([check, status, expect.any(Number)]);
    }
    expect(json.results.filter((r) => r.coopId.startsWith('KKMP-'))).toHaveLength(34);
  });

  test('--out writes a copy with Hasil Pemeriksaan added and every original value unchanged', async () => {
    const out = path.join(dir, 'hasil.xlsx');
    const { code, err } = await cli('check', SAMPLE, '--out', out);
    expect(code).toBe(0);
    expect(err).toContain(`ditulis ke ${out}`);
    const original = await readXlsxSheets(SAMPLE);
    const copy = await readXlsxSheets(out);
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
    expect(json.results[0]!.checks.savingsLoans.reasons.map((r) => r.text.id)).toContain('Modal simpan pinjam Rp 120.000.000, kurang dari batas minimal Rp 500.000.000.');
  });

  test.each([
    [['check'], 'Pemakaian: pantau-kkmp check'],
    [['periksa', 'x.xlsx'], 'Pemakaian: pantau-kkmp check'],
    [['check', 'x.xlsx', '--lang', 'fr'], 'Pilihan tidak dikenal atau tidak lengkap: --lang fr'],
    [['check', 'x.xlsx', '--as-of', '2026-02-30'], "Tanggal pemeriksaan '2026-02-30' tidak terbaca; tulis seperti di lembar: 15/06/2026, 2026-06-15 atau 15 Juni 2026."],
    [['check', 'x.xlsx', '--out'], 'Pilihan tidak dikenal atau tidak lengkap: --out'],
    [['check', '/nonexistent/file.xlsx'], "Berkas '/nonexistent/file.xlsx' tidak dapat dibaca: tidak ada."],
  ])('%j → exit 2 with a message', async (args, text) => {
    const { code, err, out } = await cli(...args);
    expect(code).toBe(2);
    expect(err).toContain(text);
    expect(out).toBe('');
  });

  test('an empty file and a file that is not an xlsx → exit 2', async () => {
    const empty = path.join(dir, 'kosong.xlsx');
    writeFileSync(empty, '');
    expect(await cli('check', empty)).toMatchObject({ code: 2, err: `Berkas '${empty}' tidak dapat dibaca: berkas kosong (0 byte).\n` });
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
    expect(await readXlsxSheets(regenerated)).toEqual(await readXlsxSheets(SAMPLE));
  });
});

describe('pantau-kkmp check with workbook rules (Aturan, Uji Aturan)', () => {
  const legal = JSON.parse(JSON.stringify(require('../../rules/legal-status.json')));

  test('a rule set without a last-resort status is reported and every co-op is still checked with the bundled rules (shared case 09)', async () => {
    const noFallback = { ...legal, rules: legal.rules.filter((r: { event: { params: { status?: string } } }) => r.event.params.status !== 'BELUM') };
    const file = await writeInput('aturan-tanpa-status-cadangan.xlsx', (workbook) => {
      workbook.addWorksheet('Aturan').addRows([['Pemeriksaan', 'Aturan JSON'], ['legal', JSON.stringify(noFallback)]]);
    });
    const { code, out } = await cli('check', file, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as CheckRun;
    const bundled = JSON.parse((await cli('check', await writeInput('tanpa-aturan.xlsx', () => undefined), '--json')).out) as CheckRun;
    expect(json.results.map((r) => r.checks.legal.status)).toEqual(bundled.results.map((r) => r.checks.legal.status));
    expect(json.results.map((r) => r.checks.legal.status)).toContain('BELUM');
    expect(json.problems.map((p) => p.where)).toContain('sheet Aturan, baris 2');
    expect(json.rulesChange).toEqual({ notices: [], changedCount: 0, changes: [] });
  });

  test('Uji Aturan: a workbook rule set that breaks a case is refused with the case named; restated, it is accepted and the report says what changed', async () => {
    const strict = JSON.parse(JSON.stringify(legal));
    // Require NIB before a co-op counts as a legal entity: the bundled case "NIB 12 digit" expects BERBADAN HUKUM.
    for (const status of strict.rules.filter((r: { event: { params: { status?: string } } }) => r.event.params.status === 'BERBADAN_HUKUM')) {
      status.conditions = { all: [status.conditions, { fact: 'nibDigitCount', operator: 'equal', value: 13 }] };
    }
    const inProcess = strict.rules.find((r: { name: string }) => r.name === 'legal.status.in-process');
    inProcess.conditions = { any: [inProcess.conditions, { fact: 'hasSkAhu', operator: 'equal', value: true }] };
    const refused = await writeInput('aturan-ketat.xlsx', (workbook) => {
      workbook.addWorksheet('Aturan').addRows([['Pemeriksaan', 'Aturan JSON'], ['legal', JSON.stringify(strict)]]);
    });
    const first = JSON.parse((await cli('check', refused, '--json')).out) as CheckRun;
    expect(first.problems.map((p) => p.text.id)).toContainEqual(expect.stringMatching(/^sheet Aturan, baris 2: .*kasus uji 'NIB 12 digit \(sheet rules\/cases.json, baris \d+\)' gagal: Legalitas: ditemukan DALAM PROSES, diharapkan BERBADAN HUKUM/));

    const accepted = await writeInput('aturan-ketat-diuji.xlsx', (workbook) => {
      workbook.addWorksheet('Aturan').addRows([['Pemeriksaan', 'Aturan JSON'], ['legal', JSON.stringify(strict)]]);
      workbook.addWorksheet('Uji Aturan').addRows([
        ['Nama Kasus', 'NIB', 'Harapan Legalitas'],
        ['NIB 12 digit', '912000123456', 'DALAM PROSES'],
        ['tanpa NIB belum berbadan hukum', '-', 'DALAM PROSES'],
      ]);
    });
    const second = JSON.parse((await cli('check', accepted, '--json')).out) as CheckRun;
    expect(second.problems.filter((p) => p.where.startsWith('sheet Aturan') || p.where.startsWith('sheet Uji Aturan'))).toEqual([]);
    expect(second.rulesChange!.notices.map((n) => n.id)).toEqual(['Aturan Legalitas dari sheet Aturan, baris 2']);
    expect(second.rulesChange!.changedCount).toBeGreaterThan(0);
    expect(second.rulesChange!.changes.every((c) => c.check === 'legal' && c.bundled === 'BERBADAN_HUKUM' && c.workbook === 'DALAM_PROSES')).toBe(true);
    const text = (await cli('check', accepted)).out;
    expect(text).toContain('Aturan/parameter buku kerja berbeda dari bawaan:');
    expect(text).toContain('    - Aturan Legalitas dari sheet Aturan, baris 2');
    expect(text).toContain(`  ${second.rulesChange!.changedCount} koperasi berubah status karena aturan/parameter buku kerja:`);
  });

  test('the fifth check, bank financing, is in the report and the JSON; the sample shows each of its statuses', async () => {
    const { out } = await cli('check', SAMPLE);
    expect(out).toMatch(/Pembiayaan bank: SIAP \d+; BELUM SIAP \d+/);
    const json = JSON.parse((await cli('check', SAMPLE, '--json')).out) as CheckRun;
    expect(new Set(json.results.map((r) => r.checks.bankFinancing!.status))).toEqual(new Set(['SIAP', 'BELUM_SIAP']));
    expect(json.results.find((r) => r.coopId === 'KKMP-BPP-01')!.checks.bankFinancing).toMatchObject({ status: 'SIAP', itemsMet: 7, itemsTotal: 7 });
  });
});

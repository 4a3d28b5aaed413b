/**
 * `pantau-kkmp tugas` and `pantau-kkmp laporan` on the sample workbook: the
 * work list printed, the monthly report written as .xlsx and as printable
 * HTML and opened again to check what it holds, and the usage errors.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { sampleVisits } from '../../examples/visits-data';
import { cliAt } from '../support/cli-run';
import { runChecks } from '../../src/core/check-run';
import { monthlyReport } from '../../src/core/mentoring/monthly-report';
import { evaluateMentor } from '../../src/core/mentoring/evaluation';
import { mentorWorkList } from '../../src/core/mentoring/work-list';
import type { WorkList } from '../../src/shared/mentoring';

const ROOT = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'examples', 'balikpapan.xlsx');
const NOW = new Date('2026-11-24T06:00:00Z');
const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-mentor-cli-'));

const cli = cliAt(NOW);

const sample = { ...balikpapanSample(), asOf: '2026-11-24' };
const expectedReport = monthlyReport(sample, runChecks(sample), sampleVisits(), 'PD-03', '2026-10');

describe('pantau-kkmp tugas', () => {
  test("prints a mentor's work list: co-ops most urgent first, overdue dates marked, next steps", async () => {
    const { code, out, err } = await cli('tugas', SAMPLE, '--pendamping', 'PD-03');
    expect([code, err]).toEqual([0, '']);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Daftar kerja PD-03 — Sri Wahyuni');
    expect(lines[1]).toBe('Tanggal pemeriksaan: 24/11/2026');
    expect(lines[3]).toBe('KKMP-BPP-13  KKMP Gunung Sari Ulu');
    expect(out).toContain('  ! 30/06/2026  Batas RAT tahun buku 2025 (lewat 147 hari)');
    expect(out).toContain('  - [wajib] RAT tahun buku 2025 belum diadakan; batasnya 30/06/2026, sudah lewat 147 hari. (RAT, Simpan pinjam) [30/06/2026]\n      → Adakan RAT tahun buku 2025 secepatnya (batas 30/06/2026 sudah lewat), lalu catat di sheet RAT.');
    // A gap three checks flag is one line naming them.
    expect(out).toContain('  - [wajib] NIB harus 13 digit, tercatat 11 digit. (Legalitas, Simpan pinjam, Pembiayaan bank)\n');
    expect(out.match(/NIB harus 13 digit/g)).toHaveLength(1);
    expect(out).toMatch(/! \d\d\/\d\d\/2026 {2}KKMP-BPP-1\d {2}Tindak lanjut: .* \(lewat \d+ hari\)/);
    expect(out).toContain('  · 31/12/2026  Akhir kontrak pendamping (37 hari lagi)');
    expect(out.match(/^KKMP-BPP-\d\d {2}/gm)).toHaveLength(4);
  });

  test('--json gives the work list the core makes; --lang en speaks English', async () => {
    const json = await cli('tugas', SAMPLE, '--pendamping', 'pd-03', '--json');
    expect(JSON.parse(json.out) as WorkList).toEqual(mentorWorkList(sample, runChecks(sample), sampleVisits(), 'pd-03'));
    const en = await cli('tugas', SAMPLE, '--pendamping', 'PD-03', '--lang', 'en');
    expect(en.out).toContain('Work list of PD-03 — Sri Wahyuni');
    expect(en.out).toContain('[required] ');
  });

  test.each<[string, string[], string]>([
    ['no mentor', ['tugas', SAMPLE], 'Pemakaian: pantau-kkmp tugas'],
    ['an unknown mentor', ['tugas', SAMPLE, '--pendamping', 'PD-42'], "Pendamping 'PD-42' tidak ada di sheet Pendamping maupun Koperasi."],
    ['a missing file', ['tugas', path.join(dir, 'tidak-ada.xlsx'), '--pendamping', 'PD-03'], 'tidak-ada.xlsx'],
    ['a bad date (31 February; dates are read as the sheets read them, so 31/12/2026 is fine)', ['tugas', SAMPLE, '--pendamping', 'PD-03', '--as-of', '31/02/2026'], '31/02/2026'],
  ])('%s: exit 2 with a message', async (_name, args, text) => {
    const { code, out, err } = await cli(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(text);
  });
});

describe('pantau-kkmp laporan', () => {
  test('writes the monthly report as .xlsx; opened again it holds the visits, statuses, follow-ups and signatures', async () => {
    const file = path.join(dir, 'laporan-pd03.xlsx');
    const { code, out } = await cli('laporan', SAMPLE, '--bulan', '2026-10', '--pendamping', 'PD-03', '--out', file);
    expect(code).toBe(0);
    expect(out).toBe(`Laporan ditulis ke ${file}.\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Laporan PD-03 2026-10']);
    const sheet = workbook.worksheets[0]!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(sheet.getCell('A1').value).toBe('LAPORAN BULANAN PENDAMPING KOPERASI');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(cells).toEqual(expect.arrayContaining(['PD-03 — Sri Wahyuni', 'Oktober 2026', '01/10/2026 – 31/10/2026', 'Mengetahui, Kepala Bidang Koperasi', 'Pendamping,', 'Sri Wahyuni']));
    expect(expectedReport.visits.length).toBeGreaterThan(0);
    for (const visit of expectedReport.visits) expect(cells).toContain(visit.notes);
    // Section A: one row per visit — date, co-op, activity, notes — in date order.
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const visitRows = rows.filter((r) => /^\d\d\/10\/2026$/.test(r[0] ?? '') && expectedReport.visits.some((v) => v.notes === r[3]));
    expect(visitRows.map((r) => [r[0], r[1]!.slice(0, 11), r[2], r[3]])).toEqual(
      expectedReport.visits.map((v) => [v.date!.split('-').reverse().join('/'), v.coopId, v.activity, v.notes]),
    );
    for (const f of expectedReport.openFollowUps) expect(cells).toContain(f.followUp);
    expect(cells).toContain('TERLAMBAT');
    // Start and end of October from the sample's Riwayat (fortnightly checks): the last ones on or before 01/10 and 31/10.
    const { checkOn } = await import('../../src/core/history/past-statuses');
    const { historyFrom } = await import('../../src/cli/history-file');
    const { readXlsxSheets } = await import('../../src/cli/xlsx-workbook');
    const entries = historyFrom(null, await readXlsxSheets(SAMPLE)).blocks.flatMap((b) => b.entries);
    const [start, end] = [checkOn(entries, '2026-10-01')!.checkedOn, checkOn(entries, '2026-10-31')!.checkedOn].map((d) => d.split('-').reverse().join('/'));
    expect(cells).toContain(`(Status awal bulan dari pemeriksaan ${start}, status akhir dari pemeriksaan ${end}, menurut sheet Riwayat.)`);
  });

  test("a month typed with spaces and a mentor in another case: sheet named by the month and the mentor's listed ID", async () => {
    const file = path.join(dir, 'spasi.xlsx');
    const { code } = await cli('laporan', SAMPLE, '--pendamping', ' pd-03', '--bulan', ' 2026-10 ', '--out', file);
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Laporan PD-03 2026-10']);
  });

  test('without --pendamping: the recap first, then every mentor', async () => {
    const file = path.join(dir, 'rekap.xlsx');
    expect((await cli('laporan', SAMPLE, '--bulan', '2026-10', '--out', file)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Rekap 2026-10', ...['01', '02', '03', '04', '05', '06', '07'].map((n) => `Laporan PD-${n} 2026-10`)]);
    const recap = workbook.worksheets[0]!;
    let total: unknown[] = [];
    recap.eachRow((row) => {
      if (row.getCell(1).value === 'Jumlah') total = (row.values as unknown[]).slice(1);
    });
    expect(total[3]).toBe(sampleVisits().filter((v) => v.date!.startsWith('2026-10')).length);
  });

  test('writes printable HTML: one page per report, every text escaped', async () => {
    const file = path.join(dir, 'laporan.html');
    expect((await cli('laporan', SAMPLE, '--month', '2026-10', '--mentor', 'PD-03', '--out', file, '--lang', 'en')).code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<title>MENTOR&#39;S MONTHLY REPORT — October 2026</title>');
    expect(html).toContain('@page { size: A4 landscape');
    expect(html.match(/<section class="report"/g)).toHaveLength(1);
    expect(html).toContain('<h2>E. Mentor&#39;s summary (written by the mentor)</h2>');
    expect(html.match(/class="write-in"/g)).toHaveLength(5);
    for (const visit of expectedReport.visits) expect(html).toContain(`<td>${visit.notes}</td>`);
    expect(html).not.toMatch(/<script/i);
  });

  test.each<[string, string[], string]>([
    ['no month', ['laporan', SAMPLE, '--out', 'x.xlsx'], 'Pemakaian: pantau-kkmp laporan'],
    ['no --out', ['laporan', SAMPLE, '--bulan', '2026-10'], 'Pemakaian: pantau-kkmp laporan'],
    ['a bad month', ['laporan', SAMPLE, '--bulan', '10/2026', '--out', 'x.xlsx'], "Bulan '10/2026' tidak terbaca"],
    ['month 13', ['laporan', SAMPLE, '--bulan', '2026-13', '--out', 'x.xlsx'], "Bulan '2026-13' tidak terbaca"],
    ['a month to come', ['laporan', SAMPLE, '--pendamping', 'PD-03', '--bulan', '2026-12', '--out', path.join(dir, 'depan.xlsx')], 'Bulan 2026-12 belum dimulai pada tanggal pemeriksaan 24/11/2026'],
    ['a month to come, --as-of earlier', ['laporan', SAMPLE, '--bulan', '2026-10', '--as-of', '2026-09-30', '--out', path.join(dir, 'depan.html')], 'Bulan 2026-10 belum dimulai pada tanggal pemeriksaan 30/09/2026'],
  ])('%s: exit 2 with a message', async (_name, args, text) => {
    const { code, err } = await cli(...args);
    expect(code).toBe(2);
    expect(err).toContain(text);
  });
});

describe('pantau-kkmp evaluasi', () => {
  test('one line per mentor with the score the core gives; --out writes each evaluation', async () => {
    const file = path.join(dir, 'evaluasi.xlsx');
    const { code, out } = await cli('evaluasi', SAMPLE, '--out', file);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(8);
    const run = runChecks(sample);
    const pd01 = evaluateMentor(sample, run, sampleVisits(), 'PD-01');
    const id = (x: number | null): string => String(x).replace('.', ',');
    expect(lines[0]).toBe(`PD-01 Rina Kartika  nilai ${id(pd01.score)} — ${pd01.gradeLabel.id}  (syarat ${id(pd01.requirementsPercent)}%, kunjungan ${id(pd01.visitsPercent)}%, beban 6 BERLEBIH)`);
    expect(lines[7]).toBe(`Laporan ditulis ke ${file}.`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['01', '02', '03', '04', '05', '06', '07'].map((n) => `Evaluasi PD-${n}`));
    expect(workbook.worksheets[5]!.getCell('B3').value).toBe('05/01/2026 – 31/10/2026');
  });

  test('an unknown mentor: exit 2', async () => {
    expect((await cli('evaluasi', SAMPLE, '--pendamping', 'PD-99')).code).toBe(2);
  });

  test('a listed mentor with no co-ops: not scored, in the line and in the written sheet', async () => {
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(SAMPLE);
    source.getWorksheet('Pendamping')!.addRow(['PD-08', 'Baru Masuk', 'keuangan', new Date(Date.UTC(2026, 0, 5)), new Date(Date.UTC(2026, 11, 31))]);
    const file = path.join(dir, 'pd-08.xlsx');
    await source.xlsx.writeFile(file);
    const out = path.join(dir, 'evaluasi-pd-08.xlsx');
    const result = await cli('evaluasi', file, '--pendamping', 'PD-08', '--out', out);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe('PD-08 Baru Masuk  TIDAK DINILAI — tidak ada koperasi dampingan  (beban 0 KURANG)');
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    const cells: string[] = [];
    written.worksheets[0]!.eachRow((row) => cells.push(...(row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(cells).toContain('Tidak dinilai: pendamping ini tidak mendampingi koperasi pada periode ini.');
    expect(cells.some((c) => c.startsWith('Nilai:'))).toBe(false);
  });
});

describe('a blank mentor ID names no one (it would match every co-op without a mentor)', () => {
  test.each<[string, string[]]>([
    ['tugas, empty', ['tugas', SAMPLE, '--pendamping', '']],
    ['tugas, spaces', ['tugas', SAMPLE, '--pendamping', '   ']],
    ['laporan', ['laporan', SAMPLE, '--pendamping', ' ', '--bulan', '2026-10', '--out', path.join(dir, 'kosong.xlsx')]],
    ['evaluasi', ['evaluasi', SAMPLE, '--pendamping', '']],
  ])('%s: exit 2, nothing printed or written', async (_name, args) => {
    const { code, out, err } = await cli(...args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('tidak ada di sheet Pendamping maupun Koperasi');
  });
});

/**
 * The sidebar's mentor view in real Chromium through the local preview (the
 * real dist/Sidebar.html, its google.script.run served by the real
 * dist/Code.js in the Apps Script sandbox on a copy of the sample workbook,
 * which has a year of visits): choosing a mentor shows the work list; the
 * visit form records a visit as one new row of Kunjungan in a handful of
 * steps; invalid input is named next to its field and saves nothing; the
 * report buttons write their sheets. Screenshots go to
 * test-output/screenshots/ (docs/ holds the ones in the README).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { sampleVisits } from '../../examples/visits-data';
import { runChecks } from '../../src/core/check-run';
import { mentorWorkList } from '../../src/core/mentoring/work-list';
import { startPreview, type Preview } from '../../preview/server';
import { launchChromium } from '../support/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const NOW = new Date('2026-11-24T06:00:00Z');

let context: BrowserContext;
let preview: Preview;
let page: Page;
let side: FrameLocator;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
  await frame?.locator('body').screenshot({ path: path.join(SHOTS, `${name}-sidebar.png`) });
}

async function openMentor(id: string): Promise<void> {
  await side.locator('#tab-visits').click();
  await side.locator('#work-mentor').selectOption(id);
  await side.locator('#work-list').waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ context } = await launchChromium({ args: ['--lang=id-ID'], viewport: { width: 1280, height: 900 }, locale: 'id-ID' }));
});

afterAll(async () => {
  await context?.close();
  await preview?.close();
});

beforeEach(async () => {
  if (preview) await preview.close();
  preview = await startPreview({ root: ROOT, now: NOW });
  page = await context.newPage();
  await page.goto(preview.url);
  side = page.frameLocator('#sidebar');
  await side.locator('#rat-indicator').waitFor();
});

afterEach(async () => {
  await page.close();
});

describe('the mentor view', () => {
  test("choosing a mentor shows the work list: next dates, co-ops most urgent first, statuses, follow-ups and next steps", async () => {
    await openMentor('PD-03');
    const input = { ...balikpapanSample(), asOf: '2026-11-24' };
    const expected = mentorWorkList(input, runChecks(input), sampleVisits(), 'PD-03');
    const cards = side.locator('#work-list li.work-coop');
    await expect(cards.count()).resolves.toBe(4);
    await expect(cards.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-coop')))).resolves.toEqual(expected.coops.map((c) => c.coopId));
    const first = cards.first();
    await expect(first.textContent()).resolves.toContain('RAT: TERLAMBAT');
    await expect(first.locator('.items li').first().textContent()).resolves.toContain('(RAT, Simpan pinjam)→ Adakan RAT tahun buku 2025 secepatnya');
    // A gap three checks flag is one item naming them.
    await expect(first.locator('.items li', { hasText: 'NIB' }).count()).resolves.toBe(1);
    await expect(first.locator('.items li', { hasText: 'NIB' }).locator('.checks').textContent()).resolves.toBe('(Legalitas, Simpan pinjam, Pembiayaan bank)');
    await expect(side.locator('#next-dates li.overdue').count()).resolves.toBe(expected.dates.filter((d) => d.overdue).slice(0, 6).length);
    await expect(side.locator('#next-dates').textContent()).resolves.toContain('30/06/2026 KKMP-BPP-13 · Batas RAT tahun buku 2025 (lewat 147 hari)');
    await expect(side.locator('#work-mentor option').count()).resolves.toBe(8);
    await shot('mentor-view');
    // The whole sidebar, tall enough to show the work list below the form.
    await page.setViewportSize({ width: 1280, height: 2400 });
    await page.frames().find((f) => f.url().endsWith('/sidebar'))!.locator('body').screenshot({ path: path.join(SHOTS, 'mentor-view-full-sidebar.png') });
  });

  test('recording a visit: pick the co-op, type a note and a follow-up, save — one new row in Kunjungan', async () => {
    await openMentor('PD-03');
    const log = preview.sandbox.spreadsheet.getSheetByName('Kunjungan')!;
    const rows = log.getLastRow();
    const started = Date.now();
    // The date is today by default and the mentor's co-ops come first: three fields and Save.
    // Dates as officers write them (dd/mm/yyyy), whatever the browser's locale.
    await expect(side.locator('#visit-date').inputValue()).resolves.toBe('24/11/2026');
    await side.locator('#visit-coopId').selectOption('KKMP-BPP-13');
    await side.locator('#visit-activity').selectOption('Persiapan RAT');
    await side.locator('#visit-notes').fill('Jadwal RAT disepakati 12/12/2026; undangan disiapkan.');
    await side.locator('#visit-followUp').fill('Sebar undangan RAT');
    await side.locator('#visit-followUpDue').fill('01/12/2026');
    await shot('visit-form');
    await side.locator('#visit-save').click();
    await side.locator('#visit-status.ok', { hasText: `Kunjungan tersimpan di sheet Kunjungan, baris ${rows + 1}.` }).waitFor();
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(30);
    expect(log.getLastRow()).toBe(rows + 1);
    expect(log.dump()[rows]!.slice(0, 2)).toEqual(['PD-03', 'KKMP-BPP-13']);
    // The work list shows the new follow-up at once; the form keeps the date for the next visit.
    await side.locator('li.work-coop[data-coop="KKMP-BPP-13"] .follow-ups', { hasText: 'Sebar undangan RAT' }).waitFor();
    await expect(side.locator('#visit-notes').inputValue()).resolves.toBe('');
    await expect(side.locator('#visit-date').inputValue()).resolves.toBe('24/11/2026');
    await page.locator('#tabs button', { hasText: 'Kunjungan' }).click();
    await page.locator('#grid', { hasText: 'Jadwal RAT disepakati 12/12/2026; undangan disiapkan.' }).waitFor();
    await shot('visit-saved');
  });

  test('"Selesai" beside an overdue follow-up marks it done in the sheet and drops it from the list', async () => {
    await openMentor('PD-03');
    const overdue = side.locator('li.work-coop .follow-ups li.overdue').first();
    const row = Number(await overdue.locator('button.done').getAttribute('data-row'));
    const text = (await overdue.textContent()) as string;
    await overdue.locator('button.done').click();
    await side.locator('#visit-status.ok', { hasText: `Tindak lanjut ditandai selesai (sheet Kunjungan, baris ${row}).` }).waitFor();
    expect(preview.sandbox.spreadsheet.getSheetByName('Kunjungan')!.cell(row, 8)).toBe('Ya');
    await expect(side.locator(`button.done[data-row="${row}"]`).count()).resolves.toBe(0);
    expect(text).toContain('lewat');
  });

  test('invalid input is named next to its field; nothing is written; what was typed stays', async () => {
    await openMentor('PD-03');
    preview.sandbox.spreadsheetApp.resetCounts();
    await side.locator('#visit-date').fill('20/11/2026');
    await side.locator('#visit-followUpDue').fill('10/11/2026');
    await side.locator('#visit-notes').fill('catatan sementara');
    await side.locator('#visit-save').click();
    await side.locator('#visit-coopId-error', { hasText: 'Wajib diisi.' }).waitFor();
    await side.locator('#visit-followUpDue-error', { hasText: 'Tenggat tidak boleh sebelum tanggal kunjungan.' }).waitFor();
    await side.locator('#visit-followUp-error', { hasText: 'Isi tindak lanjutnya bila ada tenggat.' }).waitFor();
    await expect(side.locator('#visit-coopId').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(side.locator('#visit-notes').inputValue()).resolves.toBe('catatan sementara');
    expect(preview.sandbox.spreadsheetApp.counts.writes).toBe(0);
    await shot('visit-form-invalid');
  });

  test("the report buttons write this month's report and the evaluation as sheets", async () => {
    await openMentor('PD-05');
    await side.locator('#monthly-report').click();
    await side.locator('#report-status.ok', { hasText: 'Ditulis ke sheet Laporan PD-05 2026-11.' }).waitFor();
    await page.locator('#grid', { hasText: 'LAPORAN BULANAN PENDAMPING KOPERASI' }).waitFor();
    await shot('monthly-report-sheet');
    await side.locator('#evaluation').click();
    await side.locator('#report-status.ok', { hasText: 'Ditulis ke sheet Evaluasi PD-05.' }).waitFor();
    await page.locator('#grid', { hasText: 'EVALUASI TAHUNAN PENDAMPING KOPERASI' }).waitFor();
    expect(await page.locator('#grid').textContent()).toMatch(/Nilai: [\d,]+ dari 100/);
  });

  test("early in a month the report wanted is last month's: the month is chosen (this month or the one before)", async () => {
    await openMentor('PD-05');
    await expect(side.locator('#report-month option').evaluateAll((nodes) => nodes.map((n) => [(n as HTMLOptionElement).value, n.textContent]))).resolves.toEqual([
      ['2026-11', 'November 2026'],
      ['2026-10', 'Oktober 2026'],
    ]);
    await side.locator('#report-month').selectOption('2026-10');
    await side.locator('#monthly-report').click();
    await side.locator('#report-status.ok', { hasText: 'Ditulis ke sheet Laporan PD-05 2026-10.' }).waitFor();
    await page.locator('#grid', { hasText: 'Oktober 2026' }).waitFor();
    await shot('monthly-report-month');
  });

  test("with no mentor chosen, the coordinator's recap of every mentor", async () => {
    await side.locator('#tab-visits').click();
    await side.locator('#monthly-recap').click();
    await side.locator('#report-status.ok', { hasText: 'Ditulis ke sheet Rekap Pendamping 2026-11.' }).waitFor();
    await page.locator('#grid', { hasText: 'REKAP BULANAN KOORDINATOR PENDAMPING' }).waitFor();
    for (const id of ['PD-01', 'PD-04', 'PD-07']) expect(await page.locator('#grid').textContent()).toContain(id);
  });

  test('in English', async () => {
    await side.getByRole('button', { name: 'EN' }).click();
    await side.locator('#tab-visits', { hasText: 'Visits' }).click();
    await side.locator('#work-mentor').selectOption('PD-07');
    await side.locator('#work-list h2', { hasText: 'Work list of PD-07 — Hasanah Daeng' }).waitFor();
    await side.locator('label[for="visit-followUpDue"]', { hasText: 'Follow-up deadline' }).waitFor();
    await side.getByRole('button', { name: 'ID' }).click();
    await side.locator('#tab-visits', { hasText: 'Kunjungan' }).waitFor();
  });
});

/**
 * The one-page report as a reader gets it: the command line's HTML for the
 * sample (with its year of history), opened in real Chromium and printed to
 * PDF on A4 — it must be exactly one page, load nothing from the network, and
 * show the parts the head of office asked for. Writes the PDF (and, where
 * poppler's pdftoppm is installed, a PNG of the page) to test-output/report/;
 * docs/laporan.png is that picture.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { reportFor } from '../../src/cli/report-command';
import { readXlsxSheets } from '../../src/cli/xlsx-workbook';
import { launchChromium } from '../support/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-output', 'report');

let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  ({ context } = await launchChromium());
});

afterAll(async () => {
  await context?.close();
});

test('the sample report prints on one A4 page with every part, loading nothing', async () => {
  const sheets = await readXlsxSheets(path.join(ROOT, 'examples', 'balikpapan.xlsx'));
  const html = reportFor(sheets, '2026-11-24', '24/11/2026 09:00', null);
  const file = path.join(OUT, 'laporan.html');
  writeFileSync(file, html);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`file://${file}`);
  expect(requests).toEqual([`file://${file}`]);

  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  for (const part of ['Laporan Pemantauan Koperasi Kelurahan Merah Putih', 'HASIL PEMERIKSAAN', 'INDIKATOR RAT', 'CAKUPAN PENDAMPING', '10 KOPERASI YANG PALING PERLU PERHATIAN', 'PERUBAHAN SEJAK LAPORAN 10/11/2026', 'TENGGAT 31 HARI KE DEPAN', 'ATURAN DAN PARAMETER YANG BERLAKU', 'spMinCapital = Rp 500.000.000']) {
    expect(text.toUpperCase()).toContain(part.toUpperCase());
  }
  expect(await page.locator('section:nth-of-type(1) table tr:not(.thead)').count()).toBe(10);
  // The trend charts show the year: RAT indicator and coverage from 25/11/2025.
  expect(text).toContain('sejak 25/11/2025');
  expect(await page.locator('svg path').count()).toBe(2);

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(path.join(OUT, 'laporan.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(1);
  await page.close();

  if (spawnSync('pdftoppm', ['-v']).status === 0) {
    const made = spawnSync('pdftoppm', ['-png', '-r', '110', '-singlefile', path.join(OUT, 'laporan.pdf'), path.join(OUT, 'laporan')]);
    expect(made.status).toBe(0);
    expect(readFileSync(path.join(OUT, 'laporan.png')).subarray(1, 4).toString()).toBe('PNG');
  }
});

/**
 * The sidebar's history part in real Chromium through the preview (the
 * sample with its year of fortnightly checks): changes since the previous
 * check day with improved/worsened counts, small trend charts drawn from
 * numbers (no request leaves the page), and the deadlines of the coming days.
 * Screenshot: test-output/screenshots/sidebar-history.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startPreview, type Preview } from '../../preview/server';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { sampleVisits } from '../../examples/visits-data';
import { deadlines } from '../../src/core/deadlines';
import { launchChromium } from '../support/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const NOW = new Date('2026-11-24T06:00:00Z');

let context: BrowserContext;
let preview: Preview;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ context } = await launchChromium({ args: ['--lang=id-ID'], viewport: { width: 1280, height: 900 }, locale: 'id-ID' }));
  preview = await startPreview({ root: ROOT, now: NOW });
});

afterAll(async () => {
  await context?.close();
  await preview?.close();
});

test('changes since the last check, trend charts and deadlines appear below the dashboard', async () => {
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(preview.url);
  const side = page.frameLocator('#sidebar');
  await side.locator('#history').waitFor();
  const history = side.locator('#history');
  expect(await history.locator('h2').first().textContent()).toBe('Sejak pemeriksaan 10/11/2026');
  expect(await side.locator('#improved-count').textContent()).toBe('3');
  expect(await side.locator('#worsened-count').textContent()).toBe('0');
  expect(await side.locator('#changes li').allTextContents()).toEqual([
    'KKMP-BPP-29 ↑ Legalitas: BERBADAN HUKUM (kuning → hijau)',
    'KKMP-BPP-31 ↑ Legalitas: BERBADAN HUKUM (kuning → hijau)',
    'KKMP-BPP-34 ↑ Legalitas: BERBADAN HUKUM (kuning → hijau)',
  ]);
  // Two lines (RAT, coverage) and one small chart per check, drawn from numbers as inline SVG.
  const charts = history.locator('svg.trend-chart');
  expect(await charts.count()).toBe(2 + 5); // five checks in rules/checks.json (issue 15 added bank financing)
  expect(await charts.evaluateAll((svgs) => svgs.every((svg) => svg.getBoundingClientRect().width > 200 && svg.querySelectorAll('path, rect').length > 0))).toBe(true);
  expect(await history.locator('svg.trend-chart path').count()).toBe(2);
  const shown = await side.locator('#deadlines li').allTextContents();
  // The first deadlines of the calendar, as the core gives them for the sample's date (visit follow-ups from Kunjungan).
  const calendar = deadlines({ ...balikpapanSample(), asOf: '2026-11-24' }, { visits: sampleVisits() }).deadlines;
  expect(shown[0]).toBe(`${calendar[0]!.date.split('-').reverse().join('/')} · ${calendar[0]!.coopId} · ${calendar[0]!.text.id}`);
  expect(shown).toHaveLength(8);
  expect(requests.every((url) => url.startsWith(preview.url.replace(/\/$/, '')) || url.startsWith('data:'))).toBe(true);
  // Below a long attention list, the part is reached from a link at the top of the dashboard, which moves the focus there.
  await side.locator('#jump-history').click();
  await expect(side.locator(':focus').getAttribute('id')).resolves.toBe('history');

  // The history part whole, as the sidebar draws it (docs/sidebar-history.png): the sidebar's frame stretched to its content, the part cut out.
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
  const tall = await frame.evaluate(() => document.documentElement.scrollHeight);
  await page.locator('#sidebar').evaluate((node, h) => {
    (node as HTMLElement).style.height = `${h}px`;
    (node as HTMLElement).style.flex = 'none';
  }, tall);
  const part = await frame.evaluate(() => {
    const box = document.getElementById('history')!.getBoundingClientRect();
    return { top: box.top + window.scrollY, height: box.height };
  });
  const sidebar = (await page.locator('#sidebar').boundingBox())!;
  expect(part.top + part.height).toBeLessThanOrEqual(sidebar.height);
  await page.screenshot({ path: path.join(SHOTS, 'sidebar-history.png'), fullPage: true, clip: { x: sidebar.x, y: sidebar.y + part.top - 10, width: sidebar.width, height: part.height + 20 } });
  await page.close();
});

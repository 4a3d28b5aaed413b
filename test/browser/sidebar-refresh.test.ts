/**
 * The sidebar keeps up with "Periksa semua" in real Chromium through the
 * preview (dist/Sidebar.html and dist/CheckAllDialog.html, two pages as in
 * Sheets, calling the real dist/Code.js in the sandbox). Run from the menu's
 * dialog, the sidebar notices it by asking the server's cheap state
 * (getCheckAllState; src/sidebar/check-watch.ts says why): the run under way
 * shows without a reload, and the new results redraw the dashboard when it
 * ends — or, on a form with typed edits, a notice with "Muat ulang" keeps
 * the edits. Run from the sidebar's own button, it redraws at once.
 *
 * The script's clock moves 30 s at each reading, so the sample's 41 co-ops
 * take several parts, as a large workbook would.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Page, Route } from 'playwright-core';
import { startPreview, type Preview } from '../../preview/server';
import { launchChromium } from '../support/browser';
import { IDLE_POLL_MS } from '../../src/sidebar/check-watch';

const ROOT = path.resolve(__dirname, '..', '..');
const START = Date.parse('2026-11-24T06:00:00Z'); // 14:00 in Balikpapan
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let context: BrowserContext;
let preview: Preview;
let page: Page;
let side: FrameLocator;
let dialog: FrameLocator;
const calls: string[] = [];
let holdPart = 0;
let parts = 0;
let held: Route | null = null;

function frame(): Frame {
  return page.frames().find((f) => f.url().endsWith('/sidebar')) as Frame;
}

async function open(): Promise<void> {
  if (preview) await preview.close();
  if (page && !page.isClosed()) await page.close();
  let t = START;
  preview = await startPreview({ root: ROOT, clock: () => (t += 30_000) });
  page = await context.newPage();
  calls.length = 0;
  parts = 0;
  holdPart = 0;
  held = null;
  await page.route('**/rpc/*', async (route) => {
    const name = decodeURIComponent(route.request().url().split('/rpc/')[1] ?? '');
    calls.push(name);
    if (name === 'runCheckAll' && (parts += 1) === holdPart) held = route;
    else await route.continue();
  });
  await page.goto(preview.url);
  side = page.frameLocator('#sidebar');
  dialog = page.frameLocator('#dialog');
  await side.locator('#rat-indicator').waitFor({ timeout: 60_000 });
}

/** Runs "Periksa semua" from the menu to the end and closes the dialog. */
async function checkFromMenu(): Promise<void> {
  await page.locator('#menu-check-all').click();
  await dialog.locator('#close').waitFor({ timeout: 60_000 });
  await dialog.locator('#close').click();
  await page.locator('#modal').waitFor({ state: 'hidden' });
}

async function axe(state: string): Promise<void> {
  const f = frame();
  if (!(await f.evaluate(() => 'axe' in window))) await f.addScriptTag({ content: AXE });
  const violations = await f.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string }> }> } }).axe.run(document);
    return result.violations.map((v) => v.id);
  });
  expect({ state, violations }).toEqual({ state, violations: [] });
}

beforeAll(async () => {
  ({ context } = await launchChromium({ args: ['--lang=id-ID'], viewport: { width: 1280, height: 900 }, locale: 'id-ID' }));
});

afterAll(async () => {
  await context?.close();
  await preview?.close();
});

describe('the sidebar after Periksa semua', () => {
  test('from the menu: the run under way shows by itself, and its results redraw the dashboard when it ends', async () => {
    await open();
    await expect(side.locator('#last-check').textContent()).resolves.toMatch(/^Sheet Hasil Pemeriksaan belum pernah ditulis/);
    await side.locator('.filters summary').click();
    await side.locator('#filter-search').fill('Damai');
    await side.locator('#filter-search').press('Enter');
    for (let i = 0; i < 100 && (await side.locator('#attention > li').count()) >= 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    const filtered = await side.locator('#attention > li').count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(20);
    // The third part is held on its way: a run under way, with its staging sheet.
    holdPart = 3;
    await page.locator('#menu-check-all').click();
    for (let waited = 0; held === null; waited += 100) {
      if (waited > 30_000) throw new Error('the third part never came');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // No reload, no interaction: the sidebar's own asking (every IDLE_POLL_MS at most) finds the run under way.
    await side.locator('#pending-check', { hasText: /^Pemeriksaan sedang berjalan: \d+ dari 41 koperasi/ }).waitFor({ timeout: IDLE_POLL_MS + 5_000 });
    expect(calls.filter((c) => c === 'getSidebarData')).toHaveLength(1);
    await held!.continue();
    await dialog.locator('#close').waitFor({ timeout: 60_000 });
    await dialog.locator('#close').click();
    // Under way it asks every 2 s: the end is seen soon, the dashboard redrawn with the new results, filters kept.
    await side.locator('#last-check', { hasText: /^Pemeriksaan terakhir: 24\/11\/2026 \d\d:\d\d/ }).waitFor({ timeout: 10_000 });
    await expect(side.locator('#check-outcome').textContent()).resolves.toMatch(/^Hasil pemeriksaan baru \(24\/11\/2026 \d\d:\d\d\) sudah dimuat\.$/);
    await expect(side.locator('#pending-check').count()).resolves.toBe(0);
    await expect(side.locator('#filter-search').inputValue()).resolves.toBe('Damai');
    await expect(side.locator('#attention > li').count()).resolves.toBe(filtered);
    // The history asked again: the new check is in Riwayat.
    expect(calls.filter((c) => c === 'getSidebarHistory').length).toBeGreaterThanOrEqual(2);
    // The sheet is not redrawn for each ask, and the asks are the cheap call only.
    expect(calls.filter((c) => c === 'getSidebarData')).toHaveLength(2);
    await axe('dashboard after the dialog');
  });

  test('from the menu, back in the sidebar: the pointer coming in asks at once (no 15 s wait)', async () => {
    await open();
    await checkFromMenu();
    const asked = Date.now();
    await page.mouse.move(1100, 300); // over the sidebar, as a person coming back from the dialog
    await side.locator('#last-check', { hasText: /^Pemeriksaan terakhir: 24\/11\/2026/ }).waitFor({ timeout: 5_000 });
    expect(Date.now() - asked).toBeLessThan(IDLE_POLL_MS);
  });

  test('from the menu while a form has typed edits: a notice with Muat ulang, the edits kept', async () => {
    await open();
    await side.locator('#tab-coop').click();
    await side.locator('#coop-picker').selectOption('KKMP-BPP-02');
    await side.locator('#coop-name', { hasText: '' }).waitFor();
    for (let i = 0; i < 50 && (await side.locator('#coop-name').inputValue()) === ''; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    await side.locator('#coop-name').fill('Koperasi Kelurahan Merah Putih Uji');
    await checkFromMenu();
    const back = Date.now();
    await page.mouse.move(1100, 300);
    const notice = side.locator('#new-results');
    await notice.locator('button', { hasText: 'Muat ulang' }).waitFor({ timeout: IDLE_POLL_MS + 5_000 });
    expect(Date.now() - back).toBeLessThan(IDLE_POLL_MS);
    await expect(notice.textContent()).resolves.toMatch(/^Ada hasil pemeriksaan baru \(24\/11\/2026 \d\d:\d\d\)\. Muat ulang$/);
    await expect(side.locator('#coop-name').inputValue()).resolves.toBe('Koperasi Kelurahan Merah Putih Uji');
    await axe('form with the new-results notice');
    // Asked again (the pointer leaves and comes back): the notice is not drawn again under the focus.
    await notice.locator('button').focus();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await page.mouse.move(100, 300);
    await page.mouse.move(1100, 300);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await expect(frame().evaluate(() => document.activeElement?.id)).resolves.toBe('new-results-reload');
    await notice.locator('button').click();
    await side.locator('#status', { hasText: 'Data dimuat ulang.' }).waitFor({ timeout: 10_000 });
    await expect(notice.textContent()).resolves.toBe('');
    // Focus is never lost: the notice's button went away, focus is on the line saying what happened.
    await expect(frame().evaluate(() => document.activeElement?.id)).resolves.toBe('status');
    await expect(side.locator('#coop-name').inputValue()).resolves.toBe('Koperasi Kelurahan Merah Putih Uji');
    await side.locator('#tab-dashboard').click();
    await side.locator('#last-check', { hasText: /^Pemeriksaan terakhir: 24\/11\/2026/ }).waitFor({ timeout: 5_000 });
  });

  test("from the sidebar's own button: redrawn at once with the new data, no notice", async () => {
    await open();
    await side.locator('#check-all').click();
    await side.locator('#check-outcome', { hasText: /^Pemeriksaan selesai: 41 koperasi/ }).waitFor({ timeout: 60_000 });
    await expect(side.locator('#last-check').textContent()).resolves.toMatch(/^Pemeriksaan terakhir: 24\/11\/2026 \d\d:\d\d/);
    // Its own data carries the new stamp: the next ask finds nothing new.
    await page.mouse.move(1100, 300);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await expect(side.locator('#new-results').textContent()).resolves.toBe('');
    await expect(side.locator('#check-outcome').textContent()).resolves.toMatch(/^Pemeriksaan selesai: 41 koperasi/);
    expect(calls.filter((c) => c === 'getSidebarData')).toHaveLength(2);
  });
});

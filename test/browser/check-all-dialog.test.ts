/**
 * The "Periksa semua" dialog in real Chromium through the preview: the built
 * dist/CheckAllDialog.html in a modal window over the sheet, its
 * google.script.run calls served by the real dist/Code.js in the sandbox. The
 * script's clock moves 30 s at each reading, so the sample's 41 co-ops take
 * several parts (a few minutes of budget each), as a national workbook would.
 * Progress moves part by part; Cancel stops after the part under way and
 * leaves the previous results as they were; reopening offers to continue.
 * Screenshots in test-output/screenshots/ (the README shows copies from
 * docs/: check-all-dialog.png, check-all-dialog-cancelled.png).
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Page, type Route } from 'playwright-core';
import { startPreview, type Preview } from '../../preview/server';
import type { CheckAllOutcome } from '../../src/shared/sidebar-api';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const START = Date.parse('2026-11-24T06:00:00Z'); // 14:00 in Balikpapan
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=id-ID'];

let context: BrowserContext;
let preview: Preview;
let page: Page;
let dialog: FrameLocator;
/** runCheckAll requests the page sent, and the one held back by the test (if any). */
let partRequests = 0;
let held: Route | null = null;
let holdPart = 0;

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

function resultsSnapshot(): string | null {
  return preview.sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')?.snapshot() ?? null;
}

/** Waits (up to 20 s) until `condition` holds on the Node side. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 20_000) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function progressValue(): Promise<number> {
  return Number(await dialog.locator('#bar').getAttribute('aria-valuenow'));
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  let t = START;
  preview = await startPreview({ root: ROOT, clock: () => (t += 30_000) });
  // Earlier results, written by a complete run before the dialog is opened.
  let outcome: CheckAllOutcome;
  do outcome = preview.sandbox.run('runCheckAll') as CheckAllOutcome;
  while (!outcome.complete);
  context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'pantau-chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    locale: 'id-ID',
  });
  page = await context.newPage();
  await page.route('**/rpc/runCheckAll', async (route) => {
    partRequests += 1;
    if (partRequests === holdPart) held = route;
    else await route.continue();
  });
  await page.goto(preview.url);
  await page.frameLocator('#sidebar').locator('#rat-indicator').waitFor();
  dialog = page.frameLocator('#dialog');
});

afterAll(async () => {
  await context?.close();
  await preview?.close();
});

describe('the Periksa semua dialog', () => {
  test('progress moves part by part; Cancel stops after the part under way and leaves the old results', async () => {
    const before = resultsSnapshot();
    expect(before).not.toBeNull();
    holdPart = 3;
    await page.locator('#menu-check-all').click();
    await page.locator('#modal').waitFor({ state: 'visible' });
    // Two parts done, the third held back on its way: the bar shows how far the check is.
    await dialog.locator('#progress', { hasText: /^Memeriksa… \d+ dari 41 koperasi$/ }).waitFor();
    await until(() => held !== null);
    const afterTwo = await progressValue();
    const text = (await dialog.locator('#progress').textContent()) as string;
    const done = Number(/(\d+) dari/.exec(text)![1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(41);
    expect(afterTwo).toBe(Math.floor((done / 41) * 100));
    await shot('check-all-dialog');

    await dialog.locator('#cancel').click();
    await dialog.locator('#message', { hasText: 'Membatalkan' }).waitFor();
    expect(await dialog.locator('#cancel').isDisabled()).toBe(true);
    await held!.continue();
    await dialog.locator('#message', { hasText: /^Dibatalkan: \d+ dari 41 koperasi sudah diperiksa\. Hasil sebelumnya/ }).waitFor();
    expect(await progressValue()).toBeGreaterThan(afterTwo);
    expect(await dialog.locator('#progress').textContent()).toMatch(/^\d+ dari 41 koperasi diperiksa$/);
    expect(partRequests).toBe(3);
    expect(resultsSnapshot()).toBe(before);
    expect(preview.sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan (sementara)')).not.toBeNull();
    await shot('check-all-dialog-cancelled');

    await dialog.locator('#close').click();
    await page.locator('#modal').waitFor({ state: 'hidden' });
    expect(resultsSnapshot()).toBe(before);
  });

  test('the sidebar shows the check left unfinished', async () => {
    await page.locator('#sidebar').evaluate((frame: HTMLIFrameElement) => frame.contentWindow!.location.reload());
    const pending = page.frameLocator('#sidebar').locator('#pending-check');
    await pending.waitFor();
    expect(await pending.textContent()).toMatch(/^Pemeriksaan belum selesai dan terhenti: \d+ dari 41 koperasi \(dimulai 24\/11\/2026 \d\d:\d\d\)\. Buka Periksa semua/);
    await page.frames().find((f) => f.url().endsWith('/sidebar'))!.locator('body').screenshot({ path: path.join(SHOTS, 'check-all-pending-sidebar.png') });
  });

  test('reopened, it offers to continue or start again; continuing finishes and writes the new results', async () => {
    holdPart = 0;
    const before = resultsSnapshot();
    await page.locator('#menu-check-all').click();
    await dialog.locator('#continue').waitFor();
    expect(await dialog.locator('#restart').textContent()).toBe('Mulai lagi');
    expect(await dialog.locator('#message').textContent()).toMatch(/^Ada pemeriksaan yang belum selesai: \d+ dari 41 koperasi, dimulai 24\/11\/2026 \d\d:\d\d\.$/);
    const requestsBefore = partRequests;
    await dialog.locator('#continue').click();
    await dialog.locator('#message', { hasText: 'Pemeriksaan selesai: 41 koperasi' }).waitFor();
    expect(await progressValue()).toBe(100);
    expect(partRequests - requestsBefore).toBeGreaterThan(1);
    expect(resultsSnapshot()).not.toBe(before);
    expect(preview.sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan (sementara)')).toBeNull();
    await page.locator('#tabs button[aria-selected="true"]', { hasText: 'Hasil Pemeriksaan' }).waitFor();
    await shot('check-all-dialog-done');
    await dialog.locator('#close').click();
    await page.locator('#modal').waitFor({ state: 'hidden' });
  });

  test('data edited while it runs: the dialog says so and starts again, and the sheet holds only the new reading', async () => {
    held = null;
    holdPart = partRequests + 2;
    await page.locator('#menu-check-all').click();
    await until(() => held !== null);
    // A colleague edits the register between two parts.
    const register = preview.sandbox.spreadsheet.getSheetByName('Koperasi')!;
    register.setCell(2, 2, 'Koperasi Kelurahan Merah Putih Manggar (diubah)');
    await held!.continue();
    await dialog.locator('#notice', { hasText: 'Data berubah selama pemeriksaan; mulai lagi.' }).waitFor();
    await dialog.locator('#message', { hasText: 'Pemeriksaan selesai: 41 koperasi' }).waitFor();
    await shot('check-all-dialog-restarted');
    const rows = preview.sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump();
    expect(rows[1]![1]).toBe('Koperasi Kelurahan Merah Putih Manggar (diubah)');
    expect(new Set(rows.slice(1, 42).map((row) => row[12])).size).toBe(1);
    await dialog.locator('#close').click();
  });

  test('speaks the user\'s language (English when chosen in the sidebar)', async () => {
    preview.sandbox.run('setLanguage', 'en');
    holdPart = 0;
    await page.locator('#menu-check-all').click();
    await dialog.locator('#message', { hasText: 'Check finished: 41 co-ops, 0 input problems.' }).waitFor();
    expect(await dialog.locator('#progress').textContent()).toBe('41 of 41 co-ops checked');
    expect(await dialog.locator('#close').textContent()).toBe('Close');
    await dialog.locator('#close').click();
    preview.sandbox.run('setLanguage', 'id');
  });
});

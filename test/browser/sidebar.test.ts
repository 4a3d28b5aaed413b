/**
 * The sidebar in real Chromium (Debian's, driven by playwright-core) through
 * the local preview: the real dist/Sidebar.html beside a grid of the sheet,
 * its google.script.run calls served by the real dist/Code.js in the Apps
 * Script sandbox. Writes screenshots of the dashboard and every form to
 * test-output/screenshots/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { runChecks } from '../../src/core/check-run';
import { startPreview, type Preview } from '../../preview/server';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const NOW = new Date('2026-11-24T06:00:00Z');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=id-ID'];

let context: BrowserContext;
let preview: Preview;
let page: Page;
let side: FrameLocator;
const dialogs: string[] = [];

async function open(): Promise<void> {
  if (preview) await preview.close();
  preview = await startPreview({ root: ROOT, now: NOW });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(preview.url);
  side = page.frameLocator('#sidebar');
  await side.locator('#rat-indicator').waitFor();
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const frame = page.frames().find((f) => f.url().endsWith('/sidebar'));
  await frame?.locator('body').screenshot({ path: path.join(SHOTS, `${name}-sidebar.png`) });
}

/** The grid's visible text (the sheet shown on the left). */
async function gridText(): Promise<string> {
  return (await page.locator('#grid').textContent()) ?? '';
}

async function showSheet(name: string): Promise<void> {
  await page.locator('#tabs button', { hasText: name }).click();
  await page.waitForFunction((n) => document.querySelector('#tabs button[aria-selected="true"]')?.textContent === n, name);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), 'pantau-chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
    locale: 'id-ID',
  });
});

afterAll(async () => {
  await context?.close();
  await preview?.close();
});

beforeEach(async () => {
  await open();
});

afterEach(async () => {
  await page.close();
});

describe('dashboard', () => {
  test("shows the sample's true counts", async () => {
    const expected = runChecks(balikpapanSample()).summary;
    await expect(side.locator('#rat-indicator').textContent()).resolves.toBe(`${expected.ratIndicatorPercent.toLocaleString('id-ID')}%`);
    await expect(side.locator('#coverage').textContent()).resolves.toBe(`${expected.coveredCount}/${expected.coopCount}`);
    const rat = (await side.locator('[data-check="rat"] .legend').textContent()) ?? '';
    for (const [status, count] of Object.entries(expected.statusCounts.rat)) expect(rat).toContain(`${status.replace(/_/g, ' ')} ${count}`);
    const attention = await side.locator('#attention li').count();
    expect(attention).toBeGreaterThan(0);
    expect(attention).toBeLessThan(expected.coopCount);
    await shot('dashboard');
  });

  test('"Periksa semua" shows progress, then the outcome, and fills Hasil Pemeriksaan', async () => {
    await side.locator('#check-all').click();
    await side.locator('#check-outcome', { hasText: 'Pemeriksaan selesai: 41 koperasi' }).waitFor();
    await side.locator('#last-check', { hasText: 'Pemeriksaan terakhir: 24/11/2026 14:00' }).waitFor();
    await page.locator('#tabs button[aria-selected="true"]', { hasText: 'Hasil Pemeriksaan' }).waitFor();
    const grid = await gridText();
    expect(grid).toContain('KKMP-BPP-34');
    expect(grid).toContain('RINGKASAN');
    await shot('check-all');
  });

  test('"Buka" selects the co-op\'s row in the sheet', async () => {
    const first = side.locator('#attention li').first();
    const id = (await first.locator('b').first().textContent()) as string;
    await first.getByRole('button').click();
    await page.locator('tr.active', { hasText: id }).waitFor();
  });
});

describe('forms', () => {
  test('editing a co-op saves, and the grid and dashboard update', async () => {
    await side.locator('#tab-coop').click();
    await side.locator('#coop-picker').selectOption('KKMP-BPP-02');
    await expect(side.locator('#coop-name').inputValue()).resolves.toBe('Koperasi Kelurahan Merah Putih Manggar Baru');
    await side.locator('#coop-nikKoperasi').fill('');
    await side.locator('#coop-name').fill('KKMP Manggar Baru (diperbarui)');
    await shot('form-coop');
    await side.getByRole('button', { name: 'Simpan' }).click();
    await side.locator('.form-status.ok', { hasText: 'Tersimpan.' }).waitFor();
    await page.locator('#grid', { hasText: 'KKMP Manggar Baru (diperbarui)' }).waitFor();
    await side.locator('#statuses-now', { hasText: 'Legalitas: BERBADAN HUKUM' }).waitFor();
    await side.locator('#tab-dashboard').click();
    await side.locator('#attention', { hasText: 'KKMP Manggar Baru (diperbarui)' }).waitFor();
  });

  test('a new co-op is added as a row and counted', async () => {
    await side.locator('#tab-coop').click();
    await side.locator('#coop-id').fill('KKMP-BPP-35');
    await side.locator('#coop-name').fill('Koperasi Kelurahan Merah Putih Uji Coba');
    await side.locator('#coop-kecamatan').selectOption('Balikpapan Kota');
    await side.locator('#coop-deedNumber').fill('200');
    await side.locator('#coop-deedDate').fill('2025-07-01');
    await side.locator('#coop-members').fill('21');
    await side.getByRole('button', { name: 'Simpan' }).click();
    await side.locator('.form-status.ok', { hasText: 'Tersimpan.' }).waitFor();
    await page.locator('#grid', { hasText: 'Koperasi Kelurahan Merah Putih Uji Coba' }).waitFor();
    await side.locator('#tab-dashboard').click();
    await side.locator('#coverage', { hasText: '/42' }).waitFor();
  });

  test('invalid input shows the right message next to the field and saves nothing; what was typed stays', async () => {
    await side.locator('#tab-coop').click();
    await side.locator('#coop-picker').selectOption('KKMP-BPP-05');
    await side.locator('#coop-nib').fill('123');
    await side.locator('#coop-skAhuDate').fill('2027-01-01');
    await side.getByRole('button', { name: 'Simpan' }).click();
    await side.locator('#coop-nib-error', { hasText: 'NIB harus 13 digit (tertulis 3 digit).' }).waitFor();
    await side.locator('#coop-skAhuDate-error', { hasText: 'Tanggal tidak boleh setelah hari ini (24/11/2026).' }).waitFor();
    await expect(side.locator('#coop-nib').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(side.locator('#coop-nib').inputValue()).resolves.toBe('123');
    expect(preview.sandbox.spreadsheetApp.counts.writes).toBe(0);
    await shot('form-coop-invalid');
  });

  test('recording a RAT adds a row to RAT and changes the co-op\'s status', async () => {
    await side.locator('#tab-rat').click();
    await side.locator('#rat-coopId').selectOption('KKMP-BPP-03');
    await side.locator('#rat-bookYear').fill('2025');
    await side.locator('#rat-heldOn').fill('2026-08-20');
    await side.locator('#rat-membersPresent').fill('30');
    await side.locator('#rat-members').fill('18');
    await side.getByRole('button', { name: 'Simpan' }).click();
    await side.locator('#rat-membersPresent-error', { hasText: 'Anggota hadir (30) tidak boleh lebih dari jumlah anggota (18).' }).waitFor();
    await side.locator('#rat-membersPresent').fill('12');
    await side.locator('#rat-reportedOn').fill('2026-09-05');
    await shot('form-rat');
    await side.getByRole('button', { name: 'Simpan' }).click();
    await side.locator('.form-status.ok', { hasText: 'Tersimpan.' }).waitFor();
    await showSheet('RAT');
    expect(await gridText()).toContain('20/08/2026');
    const data = preview.sandbox.run('getSidebarData') as { results: Array<{ coopId: string; checks: { rat: { status: string } } }> };
    expect(data.results.find((r) => r.coopId === 'KKMP-BPP-03')!.checks.rat.status).toBe('SELESAI');
  });

  test('a new mentor with assignments: load shown, a warning past the maximum, the register updated', async () => {
    await side.locator('#tab-mentor').click();
    await side.locator('#mentor-id').fill('PD-08');
    await side.locator('#mentor-name').fill('Mentor Uji');
    await side.locator('#mentor-startsOn').fill('2026-11-01');
    await side.locator('#mentor-endsOn').fill('2027-10-31');
    for (const id of ['KKMP-BPP-25', 'KKMP-BPP-26', 'KKMP-BPP-27', 'KKMP-BPP-28', 'KKMP-BPP-31']) await side.locator(`#assign-${id}`).check();
    await side.locator('#load-counter', { hasText: 'Beban: 5 koperasi (maksimum 5)' }).waitFor();
    await side.locator('#assign-KKMP-BPP-32').check();
    await side.locator('#load-counter.over', { hasText: 'Beban: 6 koperasi' }).waitFor();
    await shot('form-mentor');
    await side.getByRole('button', { name: 'Simpan' }).click();
    await side.locator('.form-status.ok', { hasText: 'Tersimpan.' }).waitFor();
    await side.locator('.error.warn', { hasText: 'Pendamping ini akan mendampingi 6 koperasi, melebihi batas 5.' }).waitFor();
    await showSheet('Koperasi');
    expect((await gridText()).match(/PD-08/g)).toHaveLength(6);
  });

  test('the savings-and-loans checklist shows readiness as items are ticked', async () => {
    await side.locator('#tab-checklist').click();
    await side.locator('#checklist-picker').selectOption('KKMP-BPP-02');
    await side.locator('#readiness', { hasText: 'Kesiapan:' }).waitFor();
    const before = (await side.locator('#readiness .readiness-line').textContent()) as string;
    expect(before).toMatch(/^Kesiapan: \d+\/14 — (HAMPIR SIAP|BELUM SIAP)$/);
    for (const item of ['separateBooks', 'workPlan3y', 'competentManager', 'office', 'auditedReport', 'spLicence']) await side.locator(`#checklist-${item}`).check();
    await side.locator('#checklist-spCapital').fill('Rp 600.000.000');
    await side.locator('#readiness .readiness-line', { hasText: 'Kesiapan: 14/14 — SIAP' }).waitFor();
    await shot('form-checklist');
    await side.getByRole('button', { name: 'Simpan' }).click();
    await side.locator('.form-status.ok', { hasText: 'Tersimpan.' }).waitFor();
  });
});

describe('safety and language', () => {
  test('a co-op named <img src=x onerror=alert(1)> is shown as text and runs nothing', async () => {
    const name = '<img src=x onerror=alert(1)>';
    await side.locator('#tab-coop').click();
    await side.locator('#coop-id').fill('XSS-1');
    await side.locator('#coop-name').fill(name);
    await side.getByRole('button', { name: 'Simpan' }).click();
    await side.locator('.form-status.ok').waitFor();
    await side.locator('#tab-dashboard').click();
    await side.locator('#attention', { hasText: name }).waitFor();
    await page.locator('#grid', { hasText: name }).waitFor();
    const frame = page.frames().find((f) => f.url().endsWith('/sidebar'))!;
    expect(await frame.locator('img').count()).toBe(0);
    expect(await page.locator('#grid img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  test('the language toggle switches to English and is remembered', async () => {
    await side.getByRole('button', { name: 'EN' }).click();
    await side.locator('#tab-dashboard', { hasText: 'Summary' }).waitFor();
    await side.locator('.kpi-label', { hasText: 'RAT indicator' }).waitFor();
    await side.locator('#tab-coop').click();
    await side.locator('label[for="coop-name"]', { hasText: 'Name' }).waitFor();
    await shot('form-coop-en');
    await page.reload();
    side = page.frameLocator('#sidebar');
    await side.locator('#tab-dashboard', { hasText: 'Summary' }).waitFor();
    await shot('dashboard-en');
  });

  test('usable by keyboard: arrow keys move between tabs, Enter saves', async () => {
    await side.locator('#tab-dashboard').focus();
    await page.keyboard.press('ArrowRight');
    await expect(side.locator('#tab-coop').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect(side.locator('#tab-rat').getAttribute('aria-selected')).resolves.toBe('true');
    await side.locator('#rat-bookYear').focus();
    await page.keyboard.type('2025');
    await page.keyboard.press('Enter');
    await side.locator('#rat-coopId-error', { hasText: 'Wajib diisi.' }).waitFor();
    const focused = await page.frames().find((f) => f.url().endsWith('/sidebar'))!.evaluate(() => document.activeElement?.id);
    expect(focused).toBe('rat-coopId');
  });
});

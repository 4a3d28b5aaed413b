/**
 * The sidebar in real Chromium (test/support/browser.ts, driven by playwright-core) through
 * the local preview: the real dist/Sidebar.html beside a grid of the sheet,
 * its google.script.run calls served by the real dist/Code.js in the Apps
 * Script sandbox. Every view and state is checked with axe-core (0
 * violations), the keyboard focus after each action, the reasons under the
 * attention items, the co-op view, the unsaved-edit warning, the save
 * confirmation in view at 1366×768, and filters and search on a 1,200-co-op
 * workbook. Writes screenshots to test-output/screenshots/.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { syntheticInput } from '../../examples/synthetic-data';
import { inputWorkbook } from '../../src/cli/xlsx-workbook';
import { runChecks } from '../../src/core/check-run';
import { startPreview, type Preview } from '../../preview/server';
import { launchChromium } from '../support/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const NOW = new Date('2026-11-24T06:00:00Z');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let context: BrowserContext;
let preview: Preview;
let page: Page;
let side: FrameLocator;
const dialogs: string[] = [];
/** How the next confirm() is answered. */
let answer: 'accept' | 'dismiss' = 'dismiss';

async function open(workbook?: string): Promise<void> {
  if (preview) await preview.close();
  if (page && !page.isClosed()) await page.close();
  preview = await startPreview({ root: ROOT, now: NOW, ...(workbook ? { workbook } : {}) });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  await page.goto(preview.url);
  side = page.frameLocator('#sidebar');
  await side.locator('#rat-indicator').waitFor({ timeout: 60_000 });
}

function frame(): Frame {
  return page.frames().find((f) => f.url().endsWith('/sidebar')) as Frame;
}

/** The window as it is, and the whole sidebar (its frame stretched to its content, up to `tallest` px, then put back). */
async function shot(name: string, tallest = 2400): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const height = Math.min(tallest, await frame().evaluate(() => document.documentElement.scrollHeight));
  const sidebar = page.locator('#sidebar');
  const before = await sidebar.evaluate((node, h) => {
    const element = node as HTMLElement;
    const old = element.getAttribute('style') ?? '';
    element.style.height = `${h}px`;
    element.style.flex = 'none';
    return old;
  }, height);
  await sidebar.screenshot({ path: path.join(SHOTS, `${name}-sidebar.png`) });
  await sidebar.evaluate((node, old) => (node as HTMLElement).setAttribute('style', old), before);
}

/** axe-core over the sidebar as it is now: no violations of any rule. */
async function axe(state: string): Promise<void> {
  const f = frame();
  if (!(await f.evaluate(() => 'axe' in window))) await f.addScriptTag({ content: AXE });
  const violations = await f.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
  expect({ state, violations }).toEqual({ state, violations: [] });
}

async function focused(): Promise<string> {
  return frame().evaluate(() => {
    const node = document.activeElement;
    return node === document.body || node === null ? 'BODY' : node.id || `${node.tagName}.${node.className}`;
  });
}

/** Waits until `read()` gives `expected` (or passes `check`), up to 10 s; then asserts it. */
async function poll<T>(read: () => Promise<T>, expected: T | ((value: T) => boolean)): Promise<void> {
  const ok = (value: T): boolean => (typeof expected === 'function' ? (expected as (v: T) => boolean)(value) : JSON.stringify(value) === JSON.stringify(expected));
  let value = await read();
  for (let i = 0; i < 100 && !ok(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  if (typeof expected === 'function') expect(ok(value)).toBe(true);
  else expect(value).toEqual(expected);
}

async function gridText(): Promise<string> {
  return (await page.locator('#grid').textContent()) ?? '';
}

async function showSheet(name: string): Promise<void> {
  await page.locator('#tabs button', { hasText: name }).click();
  await page.waitForFunction((n) => document.querySelector('#tabs button[aria-selected="true"]')?.textContent === n, name);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ context } = await launchChromium({ args: ['--lang=id-ID'], viewport: { width: 1280, height: 900 }, locale: 'id-ID' }));
});

afterAll(async () => {
  await context?.close();
  await preview?.close();
});

describe('the sample (41 co-ops)', () => {
  beforeEach(async () => {
    answer = 'dismiss';
    dialogs.length = 0;
    await open();
  });

  afterEach(async () => {
    await page.close();
  });

  describe('dashboard', () => {
    test('shows the fifth check, bank-financing readiness, with its statuses', async () => {
      const expected = runChecks(balikpapanSample()).summary.statusCounts.bankFinancing!;
      const legend = (await side.locator('[data-check="bankFinancing"] .legend').textContent()) ?? '';
      expect(legend).toContain('SIAP');
      for (const [status, count] of Object.entries(expected)) expect(legend).toContain(`${status.replace(/_/g, ' ')} ${count}`);
      await expect(side.locator('[data-check="bankFinancing"] h2').textContent()).resolves.toBe('Pembiayaan bank');
      await expect(side.locator('#rules-notice').count()).resolves.toBe(0);
    });

    test('says when the workbook changes rules or parameters, and lists the co-ops whose status changes', async () => {
      const workbook = inputWorkbook(balikpapanSample());
      const parameters = workbook.getWorksheet('Parameter')!;
      let changedRow = 0;
      parameters.eachRow((row, n) => {
        if (row.getCell(1).value === 'mentorMaxLoad') {
          row.getCell(2).value = 6;
          changedRow = n;
        }
      });
      expect(changedRow).toBeGreaterThan(1);
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pantau-notice-')), 'aturan-berbeda.xlsx');
      await workbook.xlsx.writeFile(file);
      await open(file);
      const notice = side.locator('#rules-notice');
      await notice.waitFor();
      await expect(notice.locator('h2').textContent()).resolves.toBe('Aturan/parameter buku kerja berbeda dari bawaan');
      await expect(notice.textContent()).resolves.toContain(`Parameter mentorMaxLoad = 6, bawaan 5 (sheet Parameter, baris ${changedRow})`);
      await notice.locator('summary').click();
      const items = await notice.locator('details li').allTextContents();
      expect(items.length).toBeGreaterThan(0);
      expect(items).toContain('KKMP-BPP-01 Pendampingan: PENDAMPING BERLEBIH → TERDAMPINGI');
      await shot('sidebar-rules-notice');
    });

    test("shows the sample's true counts; legends match the bars; reasons and next steps under attention items", async () => {
      const expected = runChecks(balikpapanSample()).summary;
      await expect(side.locator('#rat-indicator').textContent()).resolves.toBe(`${expected.ratIndicatorPercent.toLocaleString('id-ID')}%`);
      await expect(side.locator('#coverage').textContent()).resolves.toBe(`${expected.coveredCount}/${expected.coopCount}`);
      await expect(side.locator('#mentors-needed').textContent()).resolves.toBe(String(expected.mentorsNeeded));
      const rat = (await side.locator('[data-check="rat"] .legend').textContent()) ?? '';
      for (const [status, count] of Object.entries(expected.statusCounts.rat)) expect(rat).toContain(`${status.replace(/_/g, ' ')}`);
      expect(rat).toContain(String(expected.statusCounts.rat.TERLAMBAT));
      // Each legend entry has its own bar segment in the same colour.
      for (const check of ['legal', 'rat', 'mentor', 'savingsLoans']) {
        const dots = await side.locator(`[data-check="${check}"] .legend .dot`).evaluateAll((nodes) => nodes.map((n) => n.className));
        const segments = await side.locator(`[data-check="${check}"] .bar .seg`).evaluateAll((nodes) => nodes.map((n) => n.className));
        expect(segments.map((c) => c.replace('seg ', ''))).toEqual(dots.map((c) => c.replace('dot ', '')));
      }
      await side.locator('[data-check="legal"] .legend', { hasText: 'BERBADAN HUKUM, dokumen lanjutan belum lengkap' }).waitFor();
      const items = side.locator('#attention > li');
      await expect(items.count()).resolves.toBe(20);
      for (let i = 0; i < 20; i += 1) {
        const reasons = await items.nth(i).locator('.reasons li').count();
        expect(reasons).toBeGreaterThanOrEqual(1);
        expect(reasons).toBeLessThanOrEqual(2);
        await expect(items.nth(i).locator('.reasons .next').first().textContent()).resolves.toMatch(/^Langkah berikutnya: /);
      }
      await side.locator('#show-more', { hasText: 'Lihat semua' }).waitFor();
      await shot('dashboard');
      await axe('dashboard');
    });

    test('"Lihat semua" shows the whole list; "Periksa semua" shows progress, the outcome (focused) and fills Hasil Pemeriksaan', async () => {
      await side.locator('#show-more').click();
      await side.locator('#shown-count', { hasText: /^(\d+) dari \1 koperasi ditampilkan$/ }).waitFor();
      await side.locator('#check-all').click();
      await side.locator('#check-outcome', { hasText: 'Pemeriksaan selesai: 41 koperasi' }).waitFor();
      await expect(focused()).resolves.toBe('check-outcome');
      await side.locator('#last-check', { hasText: 'Pemeriksaan terakhir: 24/11/2026 14:00' }).waitFor();
      await page.locator('#tabs button[aria-selected="true"]', { hasText: 'Hasil Pemeriksaan' }).waitFor();
      const grid = await gridText();
      expect(grid).toContain('KKMP-BPP-34');
      expect(grid).toContain('RINGKASAN');
      await shot('check-all');
      await axe('after check-all');
    });

    test('"Buka" opens the co-op\'s view (all statuses, reasons, next steps, RAT history, mentor) and selects its row; back returns focus', async () => {
      const first = side.locator('#attention > li').first();
      const id = (await first.getAttribute('data-coop')) as string;
      await first.locator('button.open').click();
      await side.locator('#coop-view-title', { hasText: id }).waitFor();
      await expect(focused()).resolves.toBe('coop-view-title');
      await page.locator('tr.active', { hasText: id }).waitFor();
      for (const check of ['legal', 'rat', 'mentor', 'savingsLoans']) await side.locator(`.card[data-check="${check}"]`).waitFor();
      await side.locator('h3', { hasText: 'Riwayat RAT' }).waitFor();
      await side.locator('h3', { hasText: /^Pendamping$/ }).waitFor();
      // All of it: every check, the RAT history and the mentor (docs/coop-view.png).
      await shot('coop-view', 4000);
      await axe('co-op view');
      await side.locator('#back').click();
      await side.locator('#attention').waitFor();
      await expect(focused()).resolves.toBe('BUTTON.link open');
      await expect(frame().evaluate(() => document.activeElement?.closest('li')?.getAttribute('data-coop'))).resolves.toBe(id);
    });

    test('a view\'s "Ubah data koperasi" opens the co-op form on that co-op (kept across tabs)', async () => {
      await side.locator('#attention > li').first().locator('button.open').click();
      const id = ((await side.locator('#coop-view-title').textContent()) as string).split(' — ')[0] as string;
      await side.locator('#view-edit-coop').click();
      await expect(side.locator('#coop-picker').inputValue()).resolves.toBe(id);
      await expect(focused()).resolves.toBe('tab-coop');
      await side.locator('#tab-checklist').click();
      await expect(side.locator('#checklist-picker').inputValue()).resolves.toBe(id);
    });
  });

  describe('forms', () => {
    test('editing a co-op: the confirmation names what was saved and the new statuses, stays in view at 1366×768 and takes the focus', async () => {
      await page.setViewportSize({ width: 1366, height: 768 });
      await side.locator('#tab-coop').click();
      await side.locator('#coop-picker').selectOption('KKMP-BPP-02');
      await side.locator('#coop-name[value], #coop-name').first().waitFor();
      await poll(() => side.locator('#coop-name').inputValue(), 'Koperasi Kelurahan Merah Putih Manggar Baru');
      // Dates and amounts as officers write them.
      await expect(side.locator('#coop-deedDate').inputValue()).resolves.toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      await side.locator('#coop-nikKoperasi').fill('');
      await side.locator('#coop-name').fill('KKMP Manggar Baru (diperbarui)');
      await shot('form-coop');
      await axe('co-op form');
      await side.getByRole('button', { name: 'Simpan' }).click();
      const status = side.locator('.form-status.ok');
      await status.waitFor();
      await expect(status.textContent()).resolves.toMatch(/^Data koperasi KKMP-BPP-02 tersimpan\. Status sekarang: Legalitas BERBADAN HUKUM, dokumen lanjutan belum lengkap, /);
      await expect(focused()).resolves.toBe('P.form-status ok');
      const box = (await status.boundingBox()) as { y: number; height: number };
      const sidebar = (await page.locator('#sidebar').boundingBox()) as { y: number; height: number };
      expect(box.y).toBeGreaterThanOrEqual(sidebar.y);
      expect(box.y + box.height).toBeLessThanOrEqual(Math.min(768, sidebar.y + sidebar.height));
      await axe('co-op form saved');
      await shot('form-coop-saved');
      await page.locator('#grid', { hasText: 'KKMP Manggar Baru (diperbarui)' }).waitFor();
      await side.locator('#tab-dashboard').click();
      await side.locator('.filters summary').click();
      await side.locator('#filter-search').fill('diperbarui');
      await side.locator('#attention', { hasText: 'KKMP Manggar Baru (diperbarui)' }).waitFor();
    });

    test('unsaved edits: choosing another co-op asks first; cancelling keeps what was typed', async () => {
      await side.locator('#tab-coop').click();
      await side.locator('#coop-picker').selectOption('KKMP-BPP-03');
      await poll(() => side.locator('#coop-id').inputValue(), 'KKMP-BPP-03');
      await side.locator('#coop-notary').fill('Notaris Baru, S.H.');
      answer = 'dismiss';
      await side.locator('#coop-picker').selectOption('KKMP-BPP-04');
      expect(dialogs).toEqual(['Isian di formulir Koperasi belum disimpan. Buang perubahan itu?']);
      await expect(side.locator('#coop-picker').inputValue()).resolves.toBe('KKMP-BPP-03');
      await expect(side.locator('#coop-notary').inputValue()).resolves.toBe('Notaris Baru, S.H.');
      answer = 'accept';
      await side.locator('#coop-picker').selectOption('KKMP-BPP-04');
      await poll(() => side.locator('#coop-id').inputValue(), 'KKMP-BPP-04');
      expect(dialogs).toHaveLength(2);
      // Without edits, no question.
      await side.locator('#coop-picker').selectOption('KKMP-BPP-05');
      await poll(() => side.locator('#coop-id').inputValue(), 'KKMP-BPP-05');
      expect(dialogs).toHaveLength(2);
    });

    test('a new co-op: kelurahan follows kecamatan; added as a row and counted', async () => {
      await side.locator('#tab-coop').click();
      await side.locator('#coop-id').fill('KKMP-BPP-35');
      await side.locator('#coop-name').fill('Koperasi Kelurahan Merah Putih Uji Coba');
      await side.locator('#coop-kecamatan').selectOption('Balikpapan Kota');
      const offered = await side.locator('#coop-kelurahan option:not([hidden])').evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value).filter((v) => v));
      expect(offered).toEqual(['Prapatan', 'Telaga Sari', 'Klandasan Ulu', 'Klandasan Ilir', 'Damai']);
      await side.locator('#coop-kelurahan').selectOption('Damai');
      await side.locator('#coop-deedNumber').fill('200');
      await side.locator('#coop-deedDate').fill('01/07/2025');
      await side.locator('#coop-members').fill('21');
      await side.getByRole('button', { name: 'Simpan' }).click();
      await side.locator('.form-status.ok', { hasText: 'KKMP-BPP-35 tersimpan' }).waitFor();
      await page.locator('#grid', { hasText: 'Koperasi Kelurahan Merah Putih Uji Coba' }).waitFor();
      await side.locator('#tab-dashboard').click();
      await side.locator('#coverage', { hasText: '/42' }).waitFor();
    });

    test('invalid input: messages next to the fields, focus on the first wrong field in form order, nothing saved', async () => {
      await side.locator('#tab-coop').click();
      await side.locator('#coop-picker').selectOption('KKMP-BPP-05');
      await poll(() => side.locator('#coop-id').inputValue(), 'KKMP-BPP-05');
      await side.locator('#coop-nib').fill('123');
      await side.locator('#coop-skAhuDate').fill('01/01/2027');
      await side.getByRole('button', { name: 'Simpan' }).click();
      await side.locator('#coop-nib-error', { hasText: 'NIB harus 13 digit (tertulis 3 digit).' }).waitFor();
      await side.locator('#coop-skAhuDate-error', { hasText: 'Tanggal tidak boleh setelah hari ini (24/11/2026).' }).waitFor();
      await expect(side.locator('#coop-nib').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(side.locator('#coop-nib').inputValue()).resolves.toBe('123');
      await expect(focused()).resolves.toBe('coop-skAhuDate');
      expect(preview.sandbox.spreadsheetApp.counts.writes).toBe(0);
      await shot('form-coop-invalid');
      await axe('co-op form with errors');
    });

    test('recording a RAT: co-ops listed with their names; a row added; the status changes', async () => {
      await side.locator('#tab-rat').click();
      await expect(side.locator('#rat-coopId option[value="KKMP-BPP-03"]').textContent()).resolves.toBe('KKMP-BPP-03 — KKMP Lamaru');
      await side.locator('#rat-coopId').selectOption('KKMP-BPP-03');
      await side.locator('#rat-bookYear').fill('2025');
      await side.locator('#rat-heldOn').fill('20/08/2026');
      await side.locator('#rat-membersPresent').fill('30');
      await side.locator('#rat-members').fill('18');
      await side.getByRole('button', { name: 'Simpan' }).click();
      await side.locator('#rat-membersPresent-error', { hasText: 'Anggota hadir (30) tidak boleh lebih dari jumlah anggota (18).' }).waitFor();
      await expect(focused()).resolves.toBe('rat-membersPresent');
      await side.locator('#rat-membersPresent').fill('12');
      // The one marked field corrected: no "check the marked fields" left pointing at nothing.
      await expect(side.locator('.form-status').textContent()).resolves.toBe('');
      await side.locator('#rat-reportedOn').fill('05/09/2026');
      await shot('form-rat');
      await axe('RAT form');
      await side.getByRole('button', { name: 'Simpan' }).click();
      await side.locator('.form-status.ok', { hasText: 'RAT KKMP-BPP-03 tahun buku 2025 tersimpan. Status sekarang:' }).waitFor();
      await side.locator('.form-status.ok', { hasText: 'RAT SELESAI' }).waitFor();
      await showSheet('RAT');
      expect(await gridText()).toContain('20/08/2026');
    });

    test('a new mentor: co-ops without an active mentor first, searchable; load and warning; the register updated', async () => {
      await side.locator('#tab-mentor').click();
      await side.locator('#mentor-id').fill('PD-08');
      await side.locator('#mentor-name').fill('Mentor Uji');
      await side.locator('#mentor-startsOn').fill('01/11/2026');
      await side.locator('#mentor-endsOn').fill('31/10/2027');
      const labels = await side.locator('#assigned label').allTextContents();
      const firstCovered = labels.findIndex((l) => l.includes('(sekarang: '));
      expect(labels.slice(firstCovered).every((l) => l.includes('(sekarang: '))).toBe(true);
      await side.locator('#assign-search').fill('graha');
      await expect(side.locator('#assigned .field.check:not([hidden])').count()).resolves.toBe(1);
      await side.locator('#assign-search').fill('');
      for (const id of ['KKMP-BPP-25', 'KKMP-BPP-26', 'KKMP-BPP-27', 'KKMP-BPP-28', 'KKMP-BPP-31']) await side.locator(`#assign-${id}`).check();
      await side.locator('#load-counter', { hasText: 'Beban: 5 koperasi (maksimum 5)' }).waitFor();
      await side.locator('#assign-KKMP-BPP-32').check();
      await side.locator('#load-counter.over', { hasText: 'Beban: 6 koperasi' }).waitFor();
      await shot('form-mentor');
      await axe('mentor form');
      await side.getByRole('button', { name: 'Simpan' }).click();
      await side.locator('.form-status.ok', { hasText: 'Pendamping PD-08 tersimpan.' }).waitFor();
      await side.locator('.error.warn', { hasText: 'Pendamping ini akan mendampingi 6 koperasi, melebihi batas 5.' }).waitFor();
      await showSheet('Koperasi');
      expect((await gridText()).match(/PD-08/g)).toHaveLength(6);
    });

    test('the savings-and-loans checklist: readiness as items are ticked, gaps linked to their fields, Rp amounts', async () => {
      await side.locator('#tab-checklist').click();
      await side.locator('#checklist-picker').selectOption('KKMP-BPP-02');
      await side.locator('#readiness', { hasText: 'Kesiapan dengan isian ini:' }).waitFor();
      const before = (await side.locator('#readiness .readiness-line').textContent()) as string;
      expect(before).toMatch(/^Kesiapan dengan isian ini: \d+\/14 — (HAMPIR SIAP|BELUM SIAP)$/);
      await side.locator('#readiness button.gap').first().waitFor();
      const gap = side.locator('#readiness button.gap[data-field^="checklist-"]').first();
      const field = (await gap.getAttribute('data-field')) as string;
      await gap.click();
      await expect(focused()).resolves.toBe(field);
      for (const item of ['separateBooks', 'workPlan3y', 'competentManager', 'office', 'auditedReport', 'spLicence']) await side.locator(`#checklist-${item}`).check();
      await side.locator('#checklist-spCapital').fill('Rp 600.000.000');
      await side.locator('#readiness .readiness-line', { hasText: 'Kesiapan dengan isian ini: 14/14 — SIAP' }).waitFor();
      await shot('form-checklist');
      await axe('checklist');
      await side.getByRole('button', { name: 'Simpan' }).click();
      await side.locator('.form-status.ok', { hasText: 'Daftar simpan pinjam KKMP-BPP-02 tersimpan.' }).waitFor();
      await side.locator('.form-status.ok', { hasText: 'Simpan pinjam SIAP' }).waitFor();
      await expect(side.locator('#checklist-spCapital').inputValue()).resolves.toBe('Rp 600.000.000');
    });
  });

  describe('safety, language and keyboard', () => {
    test('a co-op named <img src=x onerror=alert(1)> is shown as text and runs nothing', async () => {
      const name = '<img src=x onerror=alert(1)>';
      await side.locator('#tab-coop').click();
      await side.locator('#coop-id').fill('XSS-1');
      await side.locator('#coop-name').fill(name);
      await side.getByRole('button', { name: 'Simpan' }).click();
      await side.locator('.form-status.ok').waitFor();
      await side.locator('#tab-dashboard').click();
      await side.locator('.filters summary').click();
      await side.locator('#filter-search').fill('XSS');
      await side.locator('#attention', { hasText: name }).waitFor();
      await page.locator('#grid', { hasText: name }).waitFor();
      expect(await frame().locator('img').count()).toBe(0);
      expect(await page.locator('#grid img').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });

    test('the language toggle switches to English and is remembered', async () => {
      await side.getByRole('button', { name: 'EN' }).click();
      await side.locator('#tab-dashboard', { hasText: 'Summary' }).waitFor();
      await side.locator('.kpi-label', { hasText: 'RAT indicator' }).waitFor();
      await axe('dashboard in English');
      await side.locator('#tab-coop').click();
      await side.locator('label[for="coop-name"]', { hasText: 'Name' }).waitFor();
      await shot('form-coop-en');
      await page.reload();
      side = page.frameLocator('#sidebar');
      await side.locator('#tab-dashboard', { hasText: 'Summary' }).waitFor();
      await side.locator('#attention .next').first().waitFor();
      await shot('dashboard-en');
    });

    test('keyboard: arrows, Enter and Space move between tabs with focus kept; Enter saves; focus never falls to the page', async () => {
      await side.locator('#tab-dashboard').focus();
      await page.keyboard.press('ArrowRight');
      await expect(side.locator('#tab-coop').getAttribute('aria-selected')).resolves.toBe('true');
      await expect(focused()).resolves.toBe('tab-coop');
      await page.keyboard.press('ArrowRight');
      await expect(focused()).resolves.toBe('tab-rat');
      await side.locator('#tab-mentor').focus();
      await page.keyboard.press('Enter');
      await expect(side.locator('#tab-mentor').getAttribute('aria-selected')).resolves.toBe('true');
      await expect(focused()).resolves.toBe('tab-mentor');
      await side.locator('#tab-checklist').focus();
      await page.keyboard.press(' ');
      await expect(side.locator('#tab-checklist').getAttribute('aria-selected')).resolves.toBe('true');
      await expect(focused()).resolves.toBe('tab-checklist');
      await axe('checklist without a co-op');
      await side.locator('#tab-rat').click();
      await side.locator('#rat-bookYear').focus();
      await page.keyboard.type('2025');
      await page.keyboard.press('Enter');
      await side.locator('#rat-coopId-error', { hasText: 'Wajib diisi.' }).waitFor();
      await expect(focused()).resolves.toBe('rat-coopId');
      await side.locator('#tab-dashboard').click();
      await side.locator('#filter-kecamatan').waitFor({ state: 'attached' });
      await side.locator('.filters summary').click();
      await side.locator('#filter-kecamatan').focus();
      await side.locator('#filter-kecamatan').selectOption('Balikpapan Timur');
      await side.locator('#shown-count', { hasText: /dari \d+ koperasi/ }).waitFor();
      await poll(() => focused(), 'filter-kecamatan');
    });
  });
});

describe('1,200 co-ops', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pantau-1200-')), 'synthetic-1200.xlsx');
    await inputWorkbook(syntheticInput(1200)).xlsx.writeFile(file);
    answer = 'dismiss';
    await open(file);
  }, 120_000);
  afterAll(async () => {
    await page?.close();
  });

  test('the first screen shows 20 of the list, most urgent first, with "Lihat semua"', async () => {
    await expect(side.locator('#attention > li').count()).resolves.toBe(20);
    await side.locator('#show-more', { hasText: /Lihat semua \(\d{3,}\)/ }).waitFor();
    const urgent = await side.locator('#attention > li').evaluateAll((nodes) => nodes.map((n) => n.classList.contains('urgent')));
    expect(urgent.indexOf(false) === -1 || urgent.slice(urgent.indexOf(false)).every((u) => !u)).toBe(true);
    await axe('dashboard at 1,200');
  });

  test('filters by kecamatan, check and status, and mentor narrow the list; a search finds one co-op', async () => {
    const all = (await side.locator('#shown-count').textContent()) as string;
    await side.locator('.filters summary').click();
    await side.locator('#filter-kecamatan').selectOption('Balikpapan Utara');
    await poll(async () => (await side.locator('#shown-count').textContent()) !== all, true);
    const places = await side.locator('#attention .place').allTextContents();
    expect(places.every((p) => p.includes('Balikpapan Utara'))).toBe(true);
    const utara = (await side.locator('#shown-count').textContent()) as string;
    await side.locator('#filter-status').selectOption('rat:TERLAMBAT');
    await poll(async () => (await side.locator('#shown-count').textContent()) !== utara, true);
    await poll(async () => (await side.locator('#attention > li .chip').allTextContents()).length, (v: number) => v > 0);
    const items = side.locator('#attention > li');
    const n = await items.count();
    for (let i = 0; i < n; i += 1) await expect(items.nth(i).locator('.chip', { hasText: 'TERLAMBAT' }).count()).resolves.toBe(1);
    // The picture starts at the list's heading (filters, then the co-ops), not mid-way through a chart card.
    await frame().evaluate(() => window.scrollTo(0, document.getElementById('attention-title')!.getBoundingClientRect().top + window.scrollY - 10));
    await shot('filtered-1200');
    await axe('filtered list at 1,200');
    await side.locator('#filter-mentor').selectOption('-');
    await side.locator('#attention-empty, #attention').first().waitFor();
    await side.locator('#clear-filters').click();
    await side.locator('#shown-count', { hasText: /^20 dari \d{3,} koperasi ditampilkan$/ }).waitFor();
    const target = 'KKMP-000777';
    if ((await side.locator('details.filters').getAttribute('open')) === null) await side.locator('.filters summary').click();
    await side.locator('#filter-search').fill(target);
    await side.locator('#shown-count', { hasText: '1 dari 1 koperasi ditampilkan' }).waitFor();
    await expect(side.locator('#attention > li').getAttribute('data-coop')).resolves.toBe(target);
    await expect(focused()).resolves.toBe('filter-search');
    await axe('search at 1,200');
  });

  test('the mentor form lists 1,200 co-ops without an active mentor first and finds one by search', async () => {
    await side.locator('#tab-mentor').click();
    await side.locator('#assign-search').fill('graha indah 3');
    await poll(async () => Number(((await side.locator('#assign-count').textContent()) ?? '0').split(' ')[0]), (v: number) => v > 0);
    await axe('mentor form at 1,200');
  });
});

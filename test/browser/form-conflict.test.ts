/**
 * Saves that must not overwrite a colleague, in real Chromium through the
 * local preview: a field typed in the sheet after the form was opened stops
 * the save, the form says which field changed with both values and keeps what
 * the person typed; a RAT row is removed only after the question is answered.
 * Screenshots go to test-output/screenshots/ (the conflict one is in docs/).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { startPreview, type Preview } from '../../preview/server';
import { launchChromium } from '../support/browser';
import type { FakeSheet } from '../support/fakes/spreadsheet-app';

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-output', 'screenshots');
const NOW = new Date('2026-11-24T06:00:00Z');

let context: BrowserContext;
let preview: Preview;
let page: Page;
let side: FrameLocator;

/** The column of a header label in a sheet of the preview's workbook. */
function columnOf(sheet: FakeSheet, label: string): number {
  return (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as unknown[]).findIndex((h) => String(h).startsWith(label)) + 1;
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

test('a field a colleague changed in the sheet since the form opened: nothing saved, both values shown, typing kept', async () => {
  const register = preview.sandbox.spreadsheet.getSheetByName('Koperasi')!;
  const column = columnOf(register, 'Nomor SK AHU');
  const before = register.getRange(3, column).getValue();
  await side.locator('#tab-coop').click();
  await side.locator('#coop-picker').selectOption('KKMP-BPP-02');
  // The form shows the record once its view has come back (on a busy machine that can take a while):
  // only then is "what the form showed" the record before the colleague's change.
  for (const started = Date.now(); (await side.locator('#coop-skAhuNumber').inputValue()) !== String(before) && Date.now() - started < 30_000; ) await page.waitForTimeout(100);
  await expect(side.locator('#coop-skAhuNumber').inputValue()).resolves.toBe(String(before));
  await side.locator('#coop-skAhuNumber').fill('AHU-KETIKAN-SAYA');
  // A colleague types a new SK AHU number into the sheet meanwhile.
  register.getRange(3, column).setValues([["'AHU-BARU-2026"]]);
  await side.getByRole('button', { name: 'Simpan' }).click();
  const error = side.locator('#coop-skAhuNumber-error');
  await error.filter({ hasText: 'AHU-BARU-2026' }).waitFor();
  await expect(error.textContent()).resolves.toBe(`Diubah di lembar sejak formulir dibuka: sekarang «AHU-BARU-2026», formulir menampilkan «${String(before)}». Isian Anda: «AHU-KETIKAN-SAYA».`);
  await side.locator('.form-status.bad', { hasText: 'Tidak disimpan: Nomor SK AHU diubah di lembar sejak formulir dibuka.' }).waitFor();
  await expect(side.locator('#coop-skAhuNumber').inputValue()).resolves.toBe('AHU-KETIKAN-SAYA');
  await expect(side.locator('#coop-skAhuNumber').getAttribute('aria-invalid')).resolves.toBe('true');
  expect(register.getRange(3, column).getValue()).toBe('AHU-BARU-2026');
  await side.locator('#coop-skAhuNumber').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'form-conflict.png') });
  // Saving again, knowingly, replaces the colleague's value; the other fields follow the sheet.
  await side.getByRole('button', { name: 'Simpan' }).click();
  await side.locator('.form-status.ok', { hasText: 'Tersimpan.' }).waitFor();
  expect(register.getRange(3, column).getValue()).toBe('AHU-KETIKAN-SAYA');
});

test('a value typed while the record was still loading is saved against what the form showed then: a value never seen is not overwritten silently', async () => {
  const register = preview.sandbox.spreadsheet.getSheetByName('Koperasi')!;
  const column = columnOf(register, 'Nomor SK AHU');
  const row = (register.getRange(1, 1, register.getLastRow(), 1).getValues() as unknown[][]).findIndex((r) => r[0] === 'KKMP-BPP-05') + 1;
  // The co-op's record is held back on its way to the sidebar, as on a slow connection.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/rpc/getCoopView', async (route) => {
    await held;
    await route.continue();
  });
  await side.locator('#tab-coop').click();
  await side.locator('#coop-picker').selectOption('KKMP-BPP-05');
  // The form shows no SK AHU number yet; the person types one.
  await expect(side.locator('#coop-skAhuNumber').inputValue()).resolves.toBe('');
  await side.locator('#coop-skAhuNumber').fill('AHU-KETIKAN-CEPAT');
  // Meanwhile a colleague types one into the sheet; then the record arrives (with the colleague's value).
  register.getRange(row, column).setValues([["'AHU-REKAN-2026"]]);
  release();
  await page.waitForResponse('**/rpc/getCoopView');
  await expect(side.locator('#coop-skAhuNumber').inputValue()).resolves.toBe('AHU-KETIKAN-CEPAT');
  await side.getByRole('button', { name: 'Simpan' }).click();
  const error = side.locator('#coop-skAhuNumber-error');
  await error.filter({ hasText: 'AHU-REKAN-2026' }).waitFor();
  await expect(error.textContent()).resolves.toBe('Diubah di lembar sejak formulir dibuka: sekarang «AHU-REKAN-2026», formulir menampilkan «». Isian Anda: «AHU-KETIKAN-CEPAT».');
  expect(register.getRange(row, column).getValue()).toBe('AHU-REKAN-2026');
  // Saving again, knowingly, replaces it.
  await side.getByRole('button', { name: 'Simpan' }).click();
  await side.locator('.form-status.ok', { hasText: 'Tersimpan.' }).waitFor();
  expect(register.getRange(row, column).getValue()).toBe('AHU-KETIKAN-CEPAT');
});

test('removing a RAT row asks first, then removes only that row', async () => {
  const rat = preview.sandbox.spreadsheet.getSheetByName('RAT')!;
  const rows = rat.getLastRow();
  await side.locator('#tab-rat').click();
  // The RAT form lists the meetings of the co-op chosen first (at any scale: not every meeting of the city).
  await side.locator('#rat-coop-picker').selectOption('KKMP-BPP-04');
  const option = side.locator('#rat-picker option', { hasText: 'KKMP-BPP-04' }).first();
  await option.waitFor({ state: 'attached' });
  await side.locator('#rat-picker').selectOption({ value: (await option.getAttribute('value')) as string });
  await expect(side.locator('#rat-coopId').inputValue()).resolves.toBe('KKMP-BPP-04');
  await side.locator('#rat-remove').click();
  await side.locator('.question', { hasText: 'Hapus baris RAT KKMP-BPP-04' }).waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'form-rat-remove.png') });
  expect(rat.getLastRow()).toBe(rows);
  await side.getByRole('button', { name: 'Ya, hapus baris ini' }).click();
  await side.locator('.form-status.ok', { hasText: 'Baris RAT dihapus.' }).waitFor();
  expect(rat.getLastRow()).toBe(rows - 1);
  expect(rat.dump().some((row) => row[0] === 'KKMP-BPP-04')).toBe(false);
});

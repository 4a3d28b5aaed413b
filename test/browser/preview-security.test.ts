/**
 * A page of another site, open in the same real Chromium as the preview,
 * can neither change nor read the preview's workbook (issue 19, observation
 * 3). The attacker's page is served from another origin (attacker.test,
 * mapped to 127.0.0.1 — the worst case: Chromium's private-network rules do
 * not apply between two local pages) and tries what a page can: plain and
 * no-cors fetches, a JSON fetch with a guessed token, a form post, a beacon,
 * a script tag, reading the pages and the sheet, framing the preview, and a
 * DNS-rebinding name for the preview's own port. Afterwards the workbook in
 * the sandbox and its saved copy are exactly as before, nothing the page got
 * holds a co-op or the token — and the very same change sent by the
 * preview's own page goes through, so the attempts were real.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { startPreview, type Preview } from '../../preview/server';
import { launchChromium } from '../support/browser';

const ROOT = path.resolve(__dirname, '..', '..');
const NOW = new Date('2026-11-24T06:00:00Z');
const NIB = '6666666666666';

let context: BrowserContext;
let preview: Preview;
let attacker: http.Server;
let attackerPort: number;

// What the sidebar sends for an edit (issue 12): the changed field, with the value the form showed.
const SHOWN_NIB = balikpapanSample().coops.find((c) => c.id === 'KKMP-BPP-02')?.nib ?? '';
const submission = { kind: 'coop', editing: 'KKMP-BPP-02', values: { nib: NIB }, shown: { nib: SHOWN_NIB } };

/** The attacker's page: every attempt, its outcome in window.outcomes, then the title 'done'. */
function attackerPage(previewPort: number): string {
  const target = `http://127.0.0.1:${previewPort}`;
  return `<!DOCTYPE html><html><head><title>berita</title></head><body><iframe name="sink" id="sink"></iframe><script>
  const P = ${JSON.stringify(target)};
  const payload = JSON.stringify([${JSON.stringify(submission)}]);
  const outcomes = {};
  const attempt = async (name, fn) => {
    try { outcomes[name] = await fn(); } catch (e) { outcomes[name] = 'error: ' + e.name; }
  };
  const read = async (response) => response.type === 'opaque' ? 'opaque' : response.status + ' ' + await response.text();
  (async () => {
    await attempt('plain fetch, text/plain', async () => read(await fetch(P + '/rpc/runCheckAll', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '[]' })));
    await attempt('no-cors save', async () => read(await fetch(P + '/rpc/saveSidebarForm', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: payload })));
    await attempt('no-cors, no content type', async () => read(await fetch(P + '/rpc/runCheckAll', { method: 'POST', mode: 'no-cors', body: new Blob(['[]']) })));
    await attempt('json with a guessed token', async () => read(await fetch(P + '/rpc/saveSidebarForm', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Pantau-Token': 'tebakan' }, body: payload })));
    await attempt('beacon', async () => String(navigator.sendBeacon(P + '/rpc/runCheckAll', new Blob(['[]'], { type: 'text/plain' }))));
    await attempt('form post', () => new Promise((resolve) => {
      const form = document.createElement('form');
      form.method = 'POST'; form.action = P + '/rpc/saveSidebarForm'; form.enctype = 'text/plain'; form.target = 'sink';
      const field = document.createElement('input');
      field.name = payload.slice(0, -2) + ', "x": "'; field.value = '"}]';
      form.appendChild(field); document.body.appendChild(form);
      document.getElementById('sink').onload = () => resolve('submitted');
      form.submit();
      setTimeout(() => resolve('submitted (no load event)'), 3000);
    }));
    await attempt('read the sheet', async () => read(await fetch(P + '/sheet?name=Koperasi')));
    await attempt('read the page for its token', async () => read(await fetch(P + '/')));
    await attempt('read the sidebar for its token', async () => read(await fetch(P + '/sidebar')));
    await attempt('script tag on the sheet', () => new Promise((resolve) => {
      const s = document.createElement('script');
      s.src = P + '/sheet'; s.onload = () => resolve('loaded'); s.onerror = () => resolve('error');
      document.body.appendChild(s);
    }));
    await attempt('frame the preview and read it', () => new Promise((resolve) => {
      const frame = document.createElement('iframe');
      frame.src = P + '/';
      frame.onload = () => { try { resolve('read: ' + frame.contentWindow.document.body.innerHTML); } catch (e) { resolve('error: ' + e.name); } };
      document.body.appendChild(frame);
      setTimeout(() => resolve('no load'), 3000);
    }));
    window.outcomes = outcomes;
    document.title = 'done';
  })();
  </script></body></html>`;
}

function snapshot(): string {
  return JSON.stringify(preview.sandbox.spreadsheet.getSheets().map((sheet) => [sheet.getName(), sheet.dump()]));
}

beforeAll(async () => {
  preview = await startPreview({ root: ROOT, now: NOW });
  const previewPort = Number(new URL(preview.url).port);
  attacker = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(attackerPage(previewPort));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerPort = (attacker.address() as AddressInfo).port;
  ({ context } = await launchChromium({ args: ['--host-resolver-rules=MAP attacker.test 127.0.0.1, MAP rebind.test 127.0.0.1'] }));
});

afterAll(async () => {
  await context?.close();
  await preview?.close();
  await new Promise((resolve) => attacker?.close(resolve));
});

describe('a page of another site in the same browser', () => {
  test('can neither change nor read the workbook; the same change from the preview itself goes through', async () => {
    const before = snapshot();
    const copyBefore = readFileSync(preview.copyFile);

    const page = await context.newPage();
    await page.goto(`http://attacker.test:${attackerPort}/`);
    await page.waitForFunction(() => document.title === 'done', undefined, { timeout: 30_000 });
    const outcomes = (await page.evaluate(() => (window as unknown as { outcomes: Record<string, string> }).outcomes)) as Record<string, string>;

    // Nothing changed: the sandbox's workbook, its saved copy, no results sheet.
    expect(snapshot()).toBe(before);
    expect(readFileSync(preview.copyFile).equals(copyBefore)).toBe(true);
    expect(preview.sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')).toBeNull();
    // Nothing read: every attempt failed or came back opaque; no co-op, no token.
    expect(Object.keys(outcomes)).toHaveLength(11);
    for (const [attempt, outcome] of Object.entries(outcomes)) {
      expect([attempt, outcome]).toEqual([attempt, expect.not.stringMatching(new RegExp(`KKMP|${preview.token}`))]);
    }
    expect(outcomes['read the sheet']).toBe('error: TypeError');
    expect(outcomes['read the page for its token']).toBe('error: TypeError');
    expect(outcomes['frame the preview and read it']).toMatch(/^error: SecurityError$|^no load$/);
    // The requests that reached the server were refused there, not only by the browser.
    const reasons = new Set(preview.refused.map((r) => r.reason));
    if (process.env.PANTAU_SHOW) console.log(JSON.stringify({ outcomes, refused: preview.refused }, null, 1));
    expect(preview.refused.filter((r) => r.path.startsWith('/rpc/')).length).toBeGreaterThanOrEqual(4);
    expect([...reasons].every((r) => ['origin', 'sec-fetch-site', 'token', 'content-type', 'host'].includes(r))).toBe(true);
    await page.close();
  });

  test('a DNS-rebinding name for the preview\'s own port gets neither the page, the token nor the workbook', async () => {
    const before = snapshot();
    const page = await context.newPage();
    const port = new URL(preview.url).port;
    const response = await page.goto(`http://rebind.test:${port}/`);
    expect(response?.status()).toBe(421);
    expect(await page.content()).not.toContain(preview.token);
    // From the rebound origin the calls look same-origin to the browser, so their answers are readable: refused.
    const answers = await page.evaluate(async () => {
      const change = await fetch('/rpc/runCheckAll', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' });
      const sheet = await fetch('/sheet?name=Koperasi');
      return [change.status, await change.text(), sheet.status, await sheet.text()];
    });
    expect(answers[0]).toBe(421);
    expect(answers[2]).toBe(421);
    expect(String(answers[1]) + String(answers[3])).not.toContain('KKMP');
    expect(snapshot()).toBe(before);
    await page.close();
  });

  test('control: the preview\'s own page makes the same change', async () => {
    const page = await context.newPage();
    await page.goto(preview.url);
    const answer = await page.evaluate(async (body) => (await fetch('/rpc/saveSidebarForm', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).json(), JSON.stringify([submission]));
    expect(answer).toMatchObject({ ok: true, value: { ok: true } });
    const register = preview.sandbox.spreadsheet.getSheetByName('Koperasi')!.dump();
    const nibColumn = register[0]!.indexOf('NIB');
    expect(register.find((row) => row[0] === 'KKMP-BPP-02')![nibColumn]).toBe(NIB);
    await page.close();
  });
});

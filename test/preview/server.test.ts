/**
 * The preview server's door, request by request over real HTTP (issue 19,
 * observation 3): its own Host only, the per-run token on every data call,
 * JSON calls, only the sidebar's functions (never inherited names or menu
 * actions), 1 MB bodies (413), and no request — garbage, 600 MB claimed,
 * a sandbox error — brings it down. `npm run preview -- file.xlsx` works on a
 * copy of that file.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inputWorkbook } from '../../src/cli/xlsx-workbook';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { startPreview, type Preview } from '../../preview/server';

const ROOT = path.resolve(__dirname, '..', '..');
const NOW = new Date('2026-11-24T06:00:00Z');

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function call(preview: Preview, method: string, route: string, options: { headers?: Record<string, string | number>; body?: string | Buffer; host?: string } = {}): Promise<Answer> {
  const { port } = new URL(preview.url);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path: route, headers: { Host: options.host ?? `127.0.0.1:${port}`, ...options.headers } }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    request.on('error', reject);
    if (options.body !== undefined) request.end(options.body);
    else request.end();
  });
}

/** A call as the served page makes it: token and JSON. */
function pageCall(preview: Preview, name: string, args: unknown[] = [], extra: Record<string, string> = {}): Promise<Answer> {
  return call(preview, 'POST', `/rpc/${name}`, { headers: { 'Content-Type': 'application/json', 'X-Pantau-Token': preview.token, ...extra }, body: JSON.stringify(args) });
}

let preview: Preview;

beforeEach(async () => {
  preview = await startPreview({ root: ROOT, now: NOW });
});

afterEach(async () => {
  await preview.close();
});

describe('who may call', () => {
  test('the page it serves carries the token; the sidebar page too; other sites may not frame them', async () => {
    for (const route of ['/', '/sidebar']) {
      const page = await call(preview, 'GET', route);
      expect(page.status).toBe(200);
      expect(page.body).toContain(`<meta name="pantau-preview-token" content="${preview.token}">`);
      expect(page.headers['content-security-policy']).toBe("frame-ancestors 'self'");
      expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
    expect(preview.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startPreview({ root: ROOT, now: NOW });
    expect(other.token).not.toBe(preview.token);
    await other.close();
  });

  test('a call as the page makes it is served', async () => {
    const answer = await pageCall(preview, 'getSidebarData');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true });
    expect((await call(preview, 'GET', '/sheet?name=Koperasi', { headers: { 'X-Pantau-Token': preview.token } })).status).toBe(200);
    expect((await call(preview, 'GET', '/', { host: `localhost:${new URL(preview.url).port}` })).status).toBe(200);
  });

  test.each([
    ['another Host (DNS rebinding)', 'POST', '/rpc/runCheckAll', { host: 'attacker.example:8080' }, 421],
    ['another Host for the page itself', 'GET', '/', { host: 'attacker.example' }, 421],
    ['no token', 'POST', '/rpc/runCheckAll', { headers: { 'Content-Type': 'application/json' }, body: '[]' }, 403],
    ['a wrong token', 'POST', '/rpc/runCheckAll', { headers: { 'Content-Type': 'application/json', 'X-Pantau-Token': 'x'.repeat(43) }, body: '[]' }, 403],
    ['reading the sheet without the token', 'GET', '/sheet', {}, 403],
    ['text/plain (a simple cross-origin request)', 'POST', '/rpc/runCheckAll', { headers: { 'Content-Type': 'text/plain' }, body: '[]', token: true }, 415],
    ['a form post', 'POST', '/rpc/runCheckAll', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1', token: true }, 415],
    ['another Origin', 'POST', '/rpc/runCheckAll', { headers: { 'Content-Type': 'application/json', Origin: 'http://attacker.example' }, body: '[]', token: true }, 403],
    ['a cross-site fetch', 'POST', '/rpc/runCheckAll', { headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' }, body: '[]', token: true }, 403],
    ['a CORS preflight (never granted)', 'OPTIONS', '/rpc/runCheckAll', { headers: { Origin: 'http://attacker.example', 'Access-Control-Request-Method': 'POST' } }, 403],
  ])('refused: %s', async (_label, method, route, options: { host?: string; headers?: Record<string, string>; body?: string; token?: boolean }, status) => {
    const before = JSON.stringify(preview.sandbox.spreadsheet.getSheets().map((s) => s.dump()));
    const headers = { ...options.headers, ...(options.token ? { 'X-Pantau-Token': preview.token } : {}) };
    const answer = await call(preview, method, route, { ...options, headers });
    expect(answer.status).toBe(status);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(answer.body).not.toContain(preview.token);
    expect(answer.body).not.toContain('KKMP-BPP');
    expect(JSON.stringify(preview.sandbox.spreadsheet.getSheets().map((s) => s.dump()))).toBe(before);
    expect(preview.sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')).toBeNull();
  });

  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'onOpen', 'setupWorkbookFromMenuAction', 'checkAllFromMenuAction', 'continueCheckAll', 'KKMP_STATUS', 'eval', 'PantauKKMP'])('only sidebar functions: /rpc/%s → 404', async (name) => {
    const answer = await pageCall(preview, name);
    expect(answer.status).toBe(404);
    expect(preview.refused.at(-1)).toMatchObject({ status: 404, path: `/rpc/${name}` });
  });
});

describe('bad input never brings it down', () => {
  test('a body over 1 MB gets 413; a claimed 600 MB body is refused before reading; the server goes on', async () => {
    const big = await pageCall(preview, 'setLanguage', ['x'.repeat(1024 * 1024 + 10)]);
    expect(big.status).toBe(413);
    // 600 MB announced, a little sent: refused at once from the header.
    const { port } = new URL(preview.url);
    const claimed = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(`POST /rpc/setLanguage HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nX-Pantau-Token: ${preview.token}\r\nContent-Length: ${600 * 1024 * 1024}\r\n\r\n["`);
        socket.write(Buffer.alloc(64 * 1024, 97));
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(claimed).toMatch(/^HTTP\/1\.1 413/);
    // 3 MB streamed without a length (chunked): cut off at the limit.
    const chunked = await new Promise<number>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/rpc/setLanguage', headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', 'X-Pantau-Token': preview.token, 'Transfer-Encoding': 'chunked' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.write('["');
      for (let i = 0; i < 3; i += 1) request.write(Buffer.alloc(1024 * 1024, 97));
      request.end('"]');
    }).catch(() => 413);
    expect(chunked).toBe(413);
    expect((await pageCall(preview, 'getSidebarData')).status).toBe(200);
  });

  test('malformed JSON, arguments that are not a list, garbage on the socket, a throwing function: answered, and the server goes on', async () => {
    expect((await call(preview, 'POST', '/rpc/setLanguage', { headers: { 'Content-Type': 'application/json', 'X-Pantau-Token': preview.token }, body: '{"a":' })).status).toBe(400);
    expect((await call(preview, 'POST', '/rpc/setLanguage', { headers: { 'Content-Type': 'application/json', 'X-Pantau-Token': preview.token }, body: '{"lang":"en"}' })).status).toBe(400);
    const thrown = await pageCall(preview, 'saveSidebarForm', [null]);
    expect(thrown.status).toBe(200);
    expect(JSON.parse(thrown.body)).toMatchObject({ ok: false });
    const { port } = new URL(preview.url);
    const garbage = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('\u0000\u0001GARBAGE / HTTP/9\r\n\u00ff\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);
    expect((await call(preview, 'GET', '/%E0%A4%A')).status).toBe(403);
    expect((await pageCall(preview, 'getSidebarData')).status).toBe(200);
  });
});

describe('another workbook', () => {
  test('npm run preview -- file.xlsx works on a copy of that file; the file itself is never written', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-preview-other-'));
    const input = balikpapanSample();
    input.coops = input.coops.slice(0, 3).map((coop, i) => ({ ...coop, id: `KOP-LAIN-${i + 1}`, name: `Koperasi Lain ${i + 1}` }));
    const file = path.join(dir, 'kantor-lain.xlsx');
    await inputWorkbook(input).xlsx.writeFile(file);
    const before = readFileSync(file);
    const other = await startPreview({ root: ROOT, now: NOW, workbook: file });
    try {
      const sheet = JSON.parse((await call(other, 'GET', '/sheet?name=Koperasi', { headers: { 'X-Pantau-Token': other.token } })).body) as { values: string[][] };
      expect(sheet.values.slice(1).map((row) => row[0])).toEqual(['KOP-LAIN-1', 'KOP-LAIN-2', 'KOP-LAIN-3']);
      expect(JSON.parse((await pageCall(other, 'runCheckAll')).body)).toMatchObject({ ok: true, value: { coopCount: 3 } });
      expect(other.copyFile).not.toBe(file);
      expect(path.basename(other.copyFile)).toBe('kantor-lain.xlsx');
      expect(readFileSync(file).equals(before)).toBe(true);
    } finally {
      await other.close();
    }
  });

  test('the built program says what is wrong with a workbook it cannot open, exit 2', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-preview-bad-'));
    const bad = path.join(dir, 'rusak.xlsx');
    copyFileSync(path.join(ROOT, 'README.md'), bad);
    const bin = path.join(ROOT, 'lib', 'preview.cjs');
    const missing = spawnSync(process.execPath, [bin, path.join(dir, 'tidak-ada.xlsx')], { encoding: 'utf8', env: { ...process.env, PORT: '0' } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('is not a file');
    const broken = spawnSync(process.execPath, [bin, bad], { encoding: 'utf8', env: { ...process.env, PORT: '0' } });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`'${bad}' cannot be opened as an .xlsx workbook.`);
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run preview [-- workbook.xlsx]');
  });
});

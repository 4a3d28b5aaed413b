/**
 * `npm run preview`: the add-on without Google. Serves, on localhost, a page
 * that looks like a Sheets window — the active sheet on the left, the real
 * built dist/Sidebar.html on the right, and dist/CheckAllDialog.html when the
 * "Periksa semua koperasi" menu item opens it — whose google.script.run calls go over
 * HTTP to the real built dist/Code.js running in the Apps Script sandbox, on a
 * copy of examples/balikpapan.xlsx that is saved after every call.
 */
import { readFileSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadBundle, type Sandbox } from '../test/support/apps-script-sandbox';
import { columnLetters } from '../test/support/fakes/spreadsheet-app';
import { RUN_SHIM, WINDOW_PAGE } from './preview-page';
import { loadCopy, saveCopy } from './workbook-copy';

export interface Preview {
  url: string;
  sandbox: Sandbox;
  copyFile: string;
  close(): Promise<void>;
}

function display(cell: unknown): string {
  if (Object.prototype.toString.call(cell) === '[object Date]') {
    const d = new Date((cell as Date).getTime() + 8 * 3600_000);
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  if (typeof cell === 'number' && Math.abs(cell) >= 10_000) return cell.toLocaleString('id-ID');
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell ?? '');
}

/**
 * @param options.now a fixed instant for the script's clock, or
 * @param options.clock a clock read at each `new Date()` / `Date.now()` (tests: a moving clock cuts "Periksa semua" into parts)
 */
export async function startPreview(options: { root: string; port?: number; now?: Date; clock?: () => number }): Promise<Preview> {
  const dist = path.join(options.root, 'dist');
  const copyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pantau-preview-')), 'balikpapan.xlsx');
  const spreadsheet = await loadCopy(path.join(options.root, 'examples', 'balikpapan.xlsx'));
  await saveCopy(spreadsheet, copyFile);
  const sandbox = loadBundle({ spreadsheet, distDir: dist, ...(options.now ? { now: options.now } : {}), ...(options.clock ? { clock: options.clock } : {}) });
  const sidebarHtml = (): string => readFileSync(path.join(dist, 'Sidebar.html'), 'utf8').replace('<head>', `<head>${RUN_SHIM}`);
  const dialogHtml = (): string => readFileSync(path.join(dist, 'CheckAllDialog.html'), 'utf8').replace('<head>', `<head>${RUN_SHIM}`);

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (status: number, type: string, body: string): void => {
      response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
      response.end(body);
    };
    if (request.method === 'GET' && url.pathname === '/') return send(200, 'text/html', WINDOW_PAGE);
    if (url.pathname === '/favicon.ico') return send(204, 'text/plain', '');
    if (request.method === 'GET' && url.pathname === '/sidebar') return send(200, 'text/html', sidebarHtml());
    if (request.method === 'GET' && url.pathname === '/dialog') return send(200, 'text/html', dialogHtml());
    if (request.method === 'GET' && url.pathname === '/sheet') {
      const sheets = spreadsheet.getSheets();
      const requested = url.searchParams.get('name');
      const sheet = (requested && spreadsheet.getSheetByName(requested)) || spreadsheet.getActiveSheet() || sheets[0];
      if (!sheet) return send(200, 'application/json', JSON.stringify({ name: '', sheets: [], values: [], columns: [], backgrounds: [], bold: [] }));
      const values = sheet.dump();
      const width = values[0]?.length ?? 0;
      const backgrounds = values.map((row, r) => row.map((_, c) => (sheet.meta('background').get(`${r + 1},${c + 1}`) as string | null) ?? null));
      const bold = values.map((row, r) => row.map((_, c) => sheet.meta('fontWeight').get(`${r + 1},${c + 1}`) === 'bold'));
      const active = spreadsheet.getActiveRange();
      return send(200, 'application/json', JSON.stringify({
        name: sheet.getName(),
        sheets: sheets.map((s) => s.getName()),
        values: values.map((row) => row.map(display)),
        columns: Array.from({ length: width }, (_, c) => columnLetters(c + 1)),
        backgrounds,
        bold,
        activeRow: active && active.getSheet() === sheet ? active.getRow() : null,
      }));
    }
    const rpc = /^\/rpc\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(url.pathname);
    if (request.method === 'POST' && rpc) {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        let answer: unknown;
        try {
          const args = JSON.parse(body || '[]') as unknown[];
          answer = { ok: true, value: sandbox.run(rpc[1] as string, ...args) ?? null };
        } catch (error) {
          answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
        }
        saveCopy(spreadsheet, copyFile).then(
          () => send(200, 'application/json', JSON.stringify(answer)),
          (error) => send(500, 'application/json', JSON.stringify({ ok: false, message: String(error) })),
        );
      });
      return undefined;
    }
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    sandbox,
    copyFile,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (require.main === module) {
  startPreview({ root: process.cwd(), port: Number(process.env.PORT ?? 8080) }).then((preview) => {
    console.log(`Pantau KKMP preview: ${preview.url}  (workbook copy: ${preview.copyFile}; Ctrl+C to stop)`);
  });
}

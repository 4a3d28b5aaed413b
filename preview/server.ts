/**
 * `npm run preview [-- workbook.xlsx]`: the add-on without Google. Serves, on
 * 127.0.0.1, a page that looks like a Sheets window — the active sheet on the
 * left, the real built dist/Sidebar.html on the right, and
 * dist/CheckAllDialog.html when the "Periksa semua koperasi" menu item opens
 * it — whose google.script.run calls go over HTTP to the real built dist/Code.js running
 * in the Apps Script sandbox, on a copy of the workbook (examples/
 * balikpapan.xlsx unless another is named) saved after every call. The
 * workbook itself is never written.
 *
 * Only the page this server served can drive it (./request-guard.ts: own Host,
 * per-run token, JSON calls, same origin, 1 MB bodies), and only the
 * functions the sidebar may call can be called (./sidebar-targets.ts). A bad
 * request gets an HTTP error, never a crash.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadBundle, type Sandbox } from '../test/support/apps-script-sandbox';
import { columnLetters } from '../test/support/fakes/spreadsheet-app';
import { RUN_SHIM, WINDOW_PAGE } from './preview-page';
import { createGuard, readBody, type Refusal } from './request-guard';
import { isSidebarTarget } from './sidebar-targets';
import { loadCopy, saveCopy } from './workbook-copy';

export interface Preview {
  url: string;
  sandbox: Sandbox;
  /** The copy the preview works on (saved after every call). */
  copyFile: string;
  /** The per-run token the served pages carry. */
  token: string;
  /** Requests turned away, oldest first: what was asked and why not. */
  refused: Array<Refusal & { method: string; path: string }>;
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
 * @param options.workbook the workbook to open a copy of (default examples/balikpapan.xlsx)
 */
export async function startPreview(options: { root: string; port?: number; now?: Date; clock?: () => number; workbook?: string }): Promise<Preview> {
  const dist = path.join(options.root, 'dist');
  const source = options.workbook ?? path.join(options.root, 'examples', 'balikpapan.xlsx');
  const copyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'pantau-preview-')), path.basename(source).replace(/\.[^.]*$/, '') + '.xlsx');
  const spreadsheet = await loadCopy(source);
  await saveCopy(spreadsheet, copyFile);
  const sandbox = loadBundle({ spreadsheet, distDir: dist, ...(options.now ? { now: options.now } : {}), ...(options.clock ? { clock: options.clock } : {}) });
  const sidebarHtml = (): string => readFileSync(path.join(dist, 'Sidebar.html'), 'utf8').replace('<head>', `<head>${RUN_SHIM}`);
  const dialogHtml = (): string => readFileSync(path.join(dist, 'CheckAllDialog.html'), 'utf8').replace('<head>', `<head>${RUN_SHIM}`);
  const guard = createGuard();
  const refused: Preview['refused'] = [];
  // Saves one at a time, so two quick calls never write the copy at once.
  let saving: Promise<void> = Promise.resolve();

  const server = http.createServer((request, response) => {
    const send = (status: number, type: string, body: string): void => {
      if (response.headersSent) return;
      response.writeHead(status, guard.headers(type));
      response.end(type === 'text/html' ? guard.withToken(body) : body);
    };
    const refuse = (refusal: Refusal): void => {
      refused.push({ ...refusal, method: request.method ?? '', path: (request.url ?? '').slice(0, 200) });
      if (refusal.status === 413) response.setHeader('Connection', 'close');
      send(refusal.status, 'application/json', JSON.stringify({ ok: false, message: refusal.reason }));
    };
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const page = request.method === 'GET' && ['/', '/sidebar', '/dialog', '/favicon.ico'].includes(url.pathname);
      const refusal = page ? guard.checkPage(request) : guard.checkCall(request, { json: request.method === 'POST' });
      if (refusal) return refuse(refusal);
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
      if (rpc && !isSidebarTarget(rpc[1] as string)) return refuse({ status: 404, reason: 'not a sidebar function' });
      if (rpc && request.method !== 'POST') return refuse({ status: 405, reason: 'method' });
      if (rpc) {
        readBody(request).then((body) => {
          if ('status' in body) return refuse({ status: body.status === 408 ? 400 : body.status, reason: 'body' });
          let args: unknown;
          try {
            args = JSON.parse(body.text || '[]');
          } catch {
            return refuse({ status: 400, reason: 'json' });
          }
          if (!Array.isArray(args)) return refuse({ status: 400, reason: 'arguments must be a JSON array' });
          let answer: unknown;
          try {
            answer = { ok: true, value: sandbox.run(rpc[1] as string, ...args) ?? null };
          } catch (error) {
            answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
          }
          saving = saving.then(() => saveCopy(spreadsheet, copyFile)).then(
            () => send(200, 'application/json', JSON.stringify(answer)),
            (error) => send(500, 'application/json', JSON.stringify({ ok: false, message: String(error) })),
          );
          return undefined;
        }).catch((error) => send(500, 'application/json', JSON.stringify({ ok: false, message: String(error) })));
        return undefined;
      }
      return send(404, 'text/plain', 'not found');
    } catch (error) {
      return send(500, 'application/json', JSON.stringify({ ok: false, message: error instanceof Error ? error.message : String(error) }));
    }
  });
  // A malformed request (bad headers, garbage) gets 400 and the server goes on.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  guard.setPort(port);
  return {
    url: `http://127.0.0.1:${port}/`,
    sandbox,
    copyFile,
    token: guard.token,
    refused,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export const PREVIEW_USAGE = `Usage: npm run preview [-- workbook.xlsx]
Opens http://127.0.0.1:PORT/ (PORT from the environment, default 8080) on a copy of the workbook
(examples/balikpapan.xlsx when none is named); the workbook itself is never written.`;

/** `node lib/preview.cjs [workbook.xlsx]`: 0 while serving, 2 for a usage error or an unreadable workbook. */
export async function previewMain(args: string[], root: string): Promise<{ code: number; preview?: Preview; message: string }> {
  if (args.includes('--help') || args.includes('-h')) return { code: 0, message: PREVIEW_USAGE };
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) return { code: 2, message: PREVIEW_USAGE };
  const workbook = args[0];
  if (workbook !== undefined && (!existsSync(workbook) || !statSync(workbook).isFile())) return { code: 2, message: `'${workbook}' is not a file.\n${PREVIEW_USAGE}` };
  try {
    const preview = await startPreview({ root, port: Number(process.env.PORT ?? 8080), ...(workbook ? { workbook } : {}) });
    return { code: 0, preview, message: `Pantau KKMP preview: ${preview.url}  (workbook: ${workbook ?? 'examples/balikpapan.xlsx'}; working copy: ${preview.copyFile}; Ctrl+C to stop)` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') return { code: 2, message: `Port ${process.env.PORT ?? 8080} is in use; run with another, e.g. PORT=8081 npm run preview.` };
    return { code: 2, message: `'${workbook ?? 'examples/balikpapan.xlsx'}' cannot be opened as an .xlsx workbook.\n${PREVIEW_USAGE}` };
  }
}

if (require.main === module) {
  previewMain(process.argv.slice(2), process.cwd()).then(({ code, message }) => {
    (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
    if (code !== 0) process.exitCode = code;
  });
}

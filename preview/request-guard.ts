/**
 * The preview's door: what a request must show before the preview serves it.
 * The preview runs the add-on on a workbook on this machine, and any web page
 * open in the same browser can send requests to 127.0.0.1; so:
 *
 * - `Host` must be this server's own address and port (127.0.0.1:PORT or
 *   localhost:PORT): a page of another site reaching it through DNS
 *   rebinding is turned away (421);
 * - every data call (the sheet, every function call) must carry the per-run
 *   token, which only a page this server served holds (403), come from this
 *   origin when the browser says where it comes from (Origin, Sec-Fetch-Site;
 *   403), and a function call must be `Content-Type: application/json` (415)
 *   — a type a cross-origin page cannot send without a CORS preflight, which
 *   this server never grants;
 * - request bodies are limited (413), and read with a deadline.
 *
 * HTML pages get the token injected (a meta tag and a small script that adds
 * it to the page's own same-origin fetch calls), and headers that keep them
 * out of other sites' frames.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

export const TOKEN_HEADER = 'x-pantau-token';
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** A refused request: the HTTP status and a short reason (also kept for tests and the console). */
export interface Refusal {
  status: 400 | 403 | 404 | 405 | 408 | 413 | 415 | 421 | 500;
  reason: string;
}

export interface Guard {
  token: string;
  /** Both names of this server, `127.0.0.1:PORT` and `localhost:PORT` (set once listening). */
  setPort(port: number): void;
  /** Null when the request may be served as a page (GET of HTML); otherwise why not. */
  checkPage(request: http.IncomingMessage): Refusal | null;
  /** Null when the request may make a data call; otherwise why not. */
  checkCall(request: http.IncomingMessage, options: { json: boolean }): Refusal | null;
  /** The page with the token in it. */
  withToken(html: string): string;
  /** Headers for every response. */
  headers(type: string): Record<string, string>;
}

function headerValue(request: http.IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return Array.isArray(value) ? (value.length === 1 ? (value[0] as string) : null) : (value ?? null);
}

export function createGuard(): Guard {
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let hosts: string[] = [];
  let origins: string[] = [];

  const hostOk = (request: http.IncomingMessage): boolean => {
    const host = headerValue(request, 'host');
    return host !== null && hosts.includes(host.toLowerCase());
  };

  return {
    token,
    setPort(port) {
      hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      origins = hosts.map((h) => `http://${h}`);
    },
    checkPage(request) {
      if (!hostOk(request)) return { status: 421, reason: 'host' };
      return null;
    },
    checkCall(request, { json }) {
      if (!hostOk(request)) return { status: 421, reason: 'host' };
      const origin = headerValue(request, 'origin');
      if (origin !== null && !origins.includes(origin.toLowerCase())) return { status: 403, reason: 'origin' };
      const site = headerValue(request, 'sec-fetch-site');
      if (site !== null && site !== 'same-origin') return { status: 403, reason: 'sec-fetch-site' };
      const given = Buffer.from(headerValue(request, TOKEN_HEADER) ?? '');
      if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) return { status: 403, reason: 'token' };
      if (json) {
        const type = (headerValue(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/json') return { status: 415, reason: 'content-type' };
        const length = Number(headerValue(request, 'content-length') ?? 0);
        if (length > BODY_LIMIT_BYTES) return { status: 413, reason: 'body' };
      }
      return null;
    },
    withToken(html) {
      const script = `<meta name="pantau-preview-token" content="${token}"><script>
(function () {
  var token = ${JSON.stringify(token)};
  var fetch0 = window.fetch;
  window.fetch = function (input, init) {
    var url = new URL(typeof input === 'string' ? input : input.url, location.href);
    if (url.origin !== location.origin) return fetch0.call(this, input, init);
    init = Object.assign({}, init);
    var headers = new Headers(init.headers || (typeof input === 'string' ? undefined : input.headers));
    headers.set('X-Pantau-Token', token);
    init.headers = headers;
    return fetch0.call(this, input, init);
  };
})();
</script>`;
      return /<head(\s[^>]*)?>/i.test(html) ? html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${script}`) : `${script}${html}`;
    },
    headers(type) {
      return {
        'Content-Type': `${type}; charset=utf-8`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'SAMEORIGIN',
        'Content-Security-Policy': "frame-ancestors 'self'",
        'Referrer-Policy': 'no-referrer',
        'Cross-Origin-Resource-Policy': 'same-origin',
      };
    },
  };
}

/**
 * Reads a request body of at most `limit` bytes: the text, or the status to
 * answer — 413 when it is larger (the rest is not read), 408 when the client
 * stops sending for `timeoutMs`, 400 when the connection fails.
 */
export function readBody(request: http.IncomingMessage, limit = BODY_LIMIT_BYTES, timeoutMs = 10_000): Promise<{ text: string } | { status: 400 | 408 | 413 }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: { text: string } | { status: 400 | 408 | 413 }): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => finish({ status: 408 }), timeoutMs);
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        request.pause();
        finish({ status: 413 });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => finish({ text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', () => finish({ status: 400 }));
    request.on('aborted', () => finish({ status: 400 }));
  });
}

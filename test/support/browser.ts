/**
 * The one way the tests start a real Chromium. Debian's `/usr/bin/chromium`
 * when the machine has it; otherwise the Chromium shipped inside the npm
 * package @sparticuz/chromium (a headless build whose binary is in the
 * package, so `npm ci` brings it to any machine with Node and npm). That
 * build needs only the C library plus NSS, NSPR and expat, which the package
 * ships too (`al2023.tar.br`); they are unpacked beside the binary and put on
 * LD_LIBRARY_PATH, so no system library beyond glibc is needed.
 *
 * Unpacked once into node_modules/.cache/pantau-chromium/<version>/ (written
 * to a temporary folder and renamed, so parallel jest workers never see half
 * a browser). PANTAU_CHROMIUM=bundled forces the packaged build (used by
 * test/support/browser.test.ts to prove it works where Debian's is present);
 * PANTAU_CHROMIUM=/path/to/chrome names another binary.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..');
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The flags every test browser gets (see the brief: headless, no sandbox, nothing phoning home, no first-run UI). */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface ChromiumInstall {
  executablePath: string;
  /** Extra environment for the browser process (the packaged build's libraries and fonts). */
  env: Record<string, string>;
  source: 'debian' | 'bundled' | 'given';
}

const tarExtract = (require('tar-fs') as { extract(dir: string): NodeJS.WritableStream }).extract;

async function inflate(brotliFile: string, target: string, tar: boolean): Promise<void> {
  const source = createReadStream(brotliFile);
  const unbrotli = zlib.createBrotliDecompress();
  if (tar) await pipeline(source, unbrotli, tarExtract(target));
  else await pipeline(source, unbrotli, createWriteStream(target, { mode: 0o755 }));
}

/** Unpacks @sparticuz/chromium's binary, libraries and fonts once; returns the folder. */
async function unpackBundled(): Promise<string> {
  // The package's exports map hides package.json: walk up from its entry point.
  let packageDir = path.dirname(require.resolve('@sparticuz/chromium'));
  while (!existsSync(path.join(packageDir, 'bin', 'chromium.br'))) {
    if (path.dirname(packageDir) === packageDir) throw new Error('@sparticuz/chromium: bin/chromium.br not found (run npm ci)');
    packageDir = path.dirname(packageDir);
  }
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const cache = path.join(ROOT, 'node_modules', '.cache', 'pantau-chromium');
  const folder = path.join(cache, version);
  if (existsSync(path.join(folder, 'chromium'))) return folder;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(path.join(cache, `.${version}-`));
  try {
    const bin = path.join(packageDir, 'bin');
    await inflate(path.join(bin, 'al2023.tar.br'), staging, true); // lib/: NSS, NSPR, expat
    await inflate(path.join(bin, 'fonts.tar.br'), staging, true); // fonts/: Open Sans
    await inflate(path.join(bin, 'chromium.br'), path.join(staging, 'chromium'), false);
    writeFileSync(
      path.join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${path.join(folder, 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${path.join(os.tmpdir(), 'pantau-chromium-fonts')}</cachedir>\n</fontconfig>\n`,
    );
    try {
      renameSync(staging, folder);
    } catch (error) {
      // Another jest worker unpacked it first: use theirs.
      if (!existsSync(path.join(folder, 'chromium'))) throw error;
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return folder;
}

/** Which Chromium the tests use on this machine (see the file comment). */
export async function findChromium(choice: string | undefined = process.env.PANTAU_CHROMIUM): Promise<ChromiumInstall> {
  if (choice && choice !== 'bundled') return { executablePath: choice, env: {}, source: 'given' };
  if (choice !== 'bundled' && existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, env: {}, source: 'debian' };
  const folder = await unpackBundled();
  const libs = path.join(folder, 'lib');
  return {
    executablePath: path.join(folder, 'chromium'),
    env: {
      LD_LIBRARY_PATH: [libs, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: folder,
      FONTCONFIG_FILE: path.join(folder, 'fonts.conf'),
    },
    source: 'bundled',
  };
}

/**
 * A fresh headless Chromium with a new profile of its own (removed when the
 * context closes; the caller closes it). `locale` and `viewport` as the test
 * needs; extra flags are appended to CHROMIUM_FLAGS.
 */
export async function launchChromium(options: { locale?: string; viewport?: { width: number; height: number }; args?: string[]; choice?: string } = {}): Promise<{ context: BrowserContext; install: ChromiumInstall }> {
  const install = await findChromium(options.choice);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'pantau-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: install.executablePath,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
    env: { ...process.env, ...install.env } as Record<string, string>,
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  context.on('close', () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // Chromium may still be writing its profile as it exits; a leftover temporary folder harms nothing.
    }
  });
  return { context, install };
}

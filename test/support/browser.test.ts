/**
 * The browser launcher: the Chromium that ships inside the npm package works
 * on its own — the fallback a machine without Debian's chromium gets — so a
 * fresh machine with only Node and npm runs every browser test. Run here even
 * where /usr/bin/chromium exists, so the fallback cannot rot unseen.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findChromium, launchChromium } from './browser';

describe('test browser', () => {
  test('the packaged Chromium needs no system library beyond the C library', async () => {
    const install = await findChromium('bundled');
    expect(install.source).toBe('bundled');
    const ldd = execFileSync('ldd', [install.executablePath], { encoding: 'utf8', env: { ...process.env, ...install.env } });
    expect(ldd).not.toContain('not found');
    const outsidePackage = ldd
      .split('\n')
      .map((line) => /=>\s+(\S+)/.exec(line)?.[1])
      .filter((lib): lib is string => Boolean(lib) && !lib!.startsWith(path.dirname(install.executablePath)))
      .map((lib) => path.basename(lib).replace(/\.so.*$/, ''));
    // glibc's own libraries and libgcc_s are on every Linux; nothing from Debian's chromium package.
    expect(outsidePackage.filter((lib) => !['libc', 'libm', 'libdl', 'libpthread', 'libgcc_s', 'librt'].includes(lib))).toEqual([]);
  });

  test('every test starts Chromium through this launcher (so a machine without Debian\'s runs them all)', () => {
    const root = path.resolve(__dirname, '..');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && path.join(root, f) !== path.join(__dirname, 'browser.ts') && path.join(root, f) !== __filename);
    const bypassing = files.filter((f) => /executablePath|\/usr\/bin\/chromium|chromium\.launch/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(files.length).toBeGreaterThan(20);
    expect(bypassing).toEqual([]);
  });

  test('the packaged Chromium renders a page and runs its script', async () => {
    const { context, install } = await launchChromium({ choice: 'bundled' });
    try {
      expect(install.source).toBe('bundled');
      const page = await context.newPage();
      await page.setContent('<p id="p">Koperasi</p><script>document.getElementById("p").textContent += " Merah Putih"</script>');
      await expect(page.locator('#p').textContent()).resolves.toBe('Koperasi Merah Putih');
    } finally {
      await context.close();
    }
  });
});

/**
 * The built bundle in the Apps Script sandbox: the global surface is complete
 * and matches src/server/surface.ts, JSDoc reaches the top level, loading has
 * no side effects, every entry point returns its final value synchronously,
 * and google.script.run targets return JSON-safe values.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { runChecks } from '../../src/core/check-run';
import { CODE_FILE, DIST_DIR, loadBundle } from '../support/apps-script-sandbox';
import { declaredSurface, isCustomFunction, isThenable, surfaceProblems } from '../support/surface-check';
import { input } from '../support/records';

const code = readFileSync(CODE_FILE, 'utf8');
const entries = declaredSurface();

describe('the bundle in a bare V8 context', () => {
  test('the context holds no Node or timer globals', () => {
    const sandbox = loadBundle();
    for (const name of ['require', 'process', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'fetch', 'module', 'Buffer']) {
      expect([name, require('node:vm').runInContext(`typeof ${name}`, sandbox.context)]).toEqual([name, 'undefined']);
    }
  });

  test('loading has no side effects: no service touched, nothing logged, no Range call', () => {
    const sandbox = loadBundle();
    expect(sandbox.serviceLog).toEqual([]);
    expect(sandbox.logs).toEqual([]);
    expect(sandbox.spreadsheetApp.counts.reads + sandbox.spreadsheetApp.counts.writes).toBe(0);
  });

  test('prints the bundle size', () => {
    const sizes = ['Code.js', 'Sidebar.html', 'CheckAllDialog.html', 'appsscript.json'].map((f) => `${f} ${(statSync(path.join(DIST_DIR, f)).size / 1024).toFixed(1)} KiB`);
    console.log(`bundle size: ${sizes.join(', ')}`);
    expect(statSync(CODE_FILE).size).toBeGreaterThan(10_000);
  });
});

describe('the Apps Script surface', () => {
  test('src/server/surface.ts declares triggers, menu action, sidebar targets and a custom function', () => {
    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar', 'getRulesOverview', 'setLanguage', 'previewChecks', 'KKMP_PARAMETER']),
    );
  });

  test('every export is a top-level function with its JSDoc, and nothing else is', () => {
    expect(surfaceProblems(code, loadBundle().topLevelFunctions(), entries)).toEqual([]);
  });

  test('the check would catch a missing declaration, a missing JSDoc and a stray global', () => {
    const custom = entries.find(isCustomFunction)!;
    const withoutDoc = code.replace(`${custom.jsdoc}\nfunction ${custom.name}(`, `function ${custom.name}(`);
    expect(surfaceProblems(withoutDoc, loadBundle({ code: withoutDoc }).topLevelFunctions(), entries)).toEqual([`${custom.name} is not preceded by its JSDoc`]);
    const at = code.lastIndexOf('function onInstall(');
    const withoutDecl = `${code.slice(0, at)}var notOnInstall = function (${code.slice(at + 'function onInstall('.length)}`;
    expect(surfaceProblems(withoutDecl, loadBundle({ code: withoutDecl }).topLevelFunctions(), entries)).toContain('onInstall is not declared at top level');
    const withStray = `${code}\nfunction strayHelper() {}\n`;
    expect(surfaceProblems(withStray, loadBundle({ code: withStray }).topLevelFunctions(), entries)).toEqual(['strayHelper is declared at top level but not in src/server/surface.ts']);
  });

  test('custom functions carry @customfunction, every @param and @return in Bahasa Indonesia', () => {
    const custom = entries.filter((e) => e.name.startsWith('KKMP_'));
    expect(custom.length).toBeGreaterThan(0);
    for (const entry of custom) {
      expect(entry.jsdoc).toMatch(/@customfunction/);
      expect(entry.jsdoc).toMatch(/Contoh:/);
    }
  });
});

describe('entry points return their final value synchronously', () => {
  test('custom functions return plain values, never thenables', () => {
    const sandbox = loadBundle();
    const value = sandbox.call('KKMP_PARAMETER', 'spMinCapital');
    expect(isThenable(value)).toBe(false);
    expect(value).toBe(500_000_000);
    expect(sandbox.call('KKMP_PARAMETER', ' mentorMaxLoad ')).toBe(5);
  });

  test('a custom function error tells the user what to type, in Bahasa Indonesia', () => {
    const sandbox = loadBundle();
    expect(() => sandbox.call('KKMP_PARAMETER', 'batasModal')).toThrow("Parameter 'batasModal' tidak dikenal. Pilih salah satu: ratDeadlineMonths");
    expect(() => sandbox.call('KKMP_PARAMETER', 42)).toThrow('Tulis nama parameter sebagai teks');
  });

  test('the check would catch a custom function that returned a Promise', () => {
    const doctored = code.replace('return PantauKKMP.KKMP_PARAMETER(kunci);', 'return Promise.resolve(PantauKKMP.KKMP_PARAMETER(kunci));');
    expect(doctored).not.toBe(code);
    expect(isThenable(loadBundle({ code: doctored }).call('KKMP_PARAMETER', 'spMinCapital'))).toBe(true);
  });

  test('a google.script.run target runs the real rules of rules/ and returns the result at once', () => {
    const sandbox = loadBundle();
    const data = input({ coops: [require('../support/records').coop({ spCapital: 120_000_000 })] });
    const raw = sandbox.call('previewChecks', data);
    expect(isThenable(raw)).toBe(false);
    const result = sandbox.run('previewChecks', data) as ReturnType<typeof runChecks>;
    expect(result.results[0]!.checks.savingsLoans.status).toBe('BELUM_SIAP');
    expect(result.results[0]!.checks.savingsLoans.reasons[0]!.text.id).toBe('Modal simpan pinjam Rp 120.000.000 < minimum Rp 500.000.000.');
    expect(result).toEqual(JSON.parse(JSON.stringify(runChecks(data))));
  });
});

describe('triggers, menu and sidebar', () => {
  test('onOpen in AuthMode.NONE adds the menu and touches nothing else', () => {
    const sandbox = loadBundle();
    sandbox.call('onOpen', { authMode: 'NONE' });
    expect(sandbox.serviceLog).toEqual(['SpreadsheetApp.getUi']);
    const menus = sandbox.spreadsheetApp.ui.menus;
    expect(menus).toHaveLength(1);
    expect(menus[0]!.items).toEqual([
      { caption: 'Buka panel Pantau KKMP', functionName: 'showSidebar' },
      { caption: 'Periksa semua koperasi', functionName: 'checkAllFromMenuAction' },
      { caption: 'Buat/perbarui lembar koperasi', functionName: 'coopSheetFromMenuAction' },
      { caption: 'Siapkan buku kerja', functionName: 'setupWorkbookFromMenu' },
    ]);
  });

  test('every menu item calls a top-level function that works', () => {
    const sandbox = loadBundle();
    sandbox.call('onOpen', { authMode: 'FULL' });
    for (const item of sandbox.spreadsheetApp.ui.menus[0]!.items) {
      expect(sandbox.topLevelFunctions()).toContain(item.functionName);
      expect(() => sandbox.call(item.functionName)).not.toThrow();
    }
  });

  test('onInstall adds the menu', () => {
    const sandbox = loadBundle();
    sandbox.call('onInstall', { authMode: 'FULL' });
    expect(sandbox.spreadsheetApp.ui.menus).toHaveLength(1);
  });

  test('showSidebar serves the built Sidebar.html', () => {
    const sandbox = loadBundle();
    sandbox.call('showSidebar');
    const [sidebar] = sandbox.spreadsheetApp.ui.sidebars;
    expect(sidebar!.title).toBe('Pantau KKMP');
    expect(sidebar!.content).toBe(readFileSync(path.join(DIST_DIR, 'Sidebar.html'), 'utf8'));
    expect(sidebar!.content).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });

  test('the sidebar targets return JSON-safe values, and the language choice is remembered per user', () => {
    const sandbox = loadBundle();
    const overview = sandbox.run('getRulesOverview') as { lang: string; parameters: Array<{ key: string; value: number }> };
    expect(overview.lang).toBe('id');
    expect(overview.parameters.find((p) => p.key === 'spMinCapital')?.value).toBe(500_000_000);
    expect((sandbox.run('setLanguage', 'en') as { lang: string }).lang).toBe('en');
    expect((sandbox.run('getRulesOverview') as { lang: string }).lang).toBe('en');
    expect(Object.values(sandbox.properties.user.getProperties())).toEqual(['en']);
  });
});

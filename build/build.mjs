/**
 * `npm run build`: turns src/ into an Apps Script project in dist/ that
 * `clasp push` accepts — Code.js (the bundle plus its top-level surface),
 * Sidebar.html and CheckAllDialog.html (HTML, CSS and client code in one
 * file each) and appsscript.json.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import appsScriptSurface from './apps-script-surface.cjs';
import { writeSchemaValidators } from './schema-validators.mjs';

const require = createRequire(import.meta.url);
const { engineFilePattern, bindSyncPromise, replacedModules } = require('./sync-engine-binding.cjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const lib = path.join(root, 'lib');
export const NAMESPACE = 'PantauKKMP';

/** esbuild plugin: the synchronous, timer-free json-rules-engine. */
export const syncEnginePlugin = {
  name: 'sync-json-rules-engine',
  setup(build) {
    const replaced = new RegExp(`^(${Object.keys(replacedModules).join('|')})$`);
    build.onResolve({ filter: replaced }, (args) => ({ path: replacedModules[args.path] }));
    build.onLoad({ filter: engineFilePattern }, (args) => ({
      contents: bindSyncPromise(readFileSync(args.path, 'utf8')),
      loader: 'js',
      resolveDir: path.dirname(args.path),
    }));
  },
};

async function buildServer() {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'src', 'server', 'surface.ts')],
    bundle: true,
    format: 'iife',
    globalName: NAMESPACE,
    platform: 'neutral',
    // Apps Script is no Node: take packages' browser builds (jsonpath-plus's Node build needs 'vm').
    conditions: ['browser'],
    mainFields: ['browser', 'module', 'main'],
    target: 'es2019',
    write: false,
    legalComments: 'none',
    plugins: [syncEnginePlugin],
    logLevel: 'warning',
  });
  const bundle = result.outputFiles[0].text;
  const surface = appsScriptSurface.renderSurface(appsScriptSurface.readSurface(path.join(root, 'src', 'server', 'surface.ts')), NAMESPACE);
  const header = '// Pantau KKMP — built by `npm run build` from src/. Do not edit: edit src/ and rebuild.\n';
  writeFileSync(path.join(dist, 'Code.js'), `${header}${bundle}\n// The Apps Script surface, generated from src/server/surface.ts.\n${surface}`);
}

/** One self-contained HTML file for HtmlService: src/<dirName>/<page>.html with <page>.css and the client code from <entry> inlined. */
async function buildHtml(dirName, entry, page, outName) {
  const dir = path.join(root, 'src', dirName);
  const script = await esbuild.build({
    entryPoints: [path.join(dir, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    write: false,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const css = await esbuild.build({
    entryPoints: [path.join(dir, `${page}.css`)],
    bundle: true,
    write: false,
    minify: true,
    logLevel: 'warning',
  });
  const html = readFileSync(path.join(dir, `${page}.html`), 'utf8');
  const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const out = html
    .replace('<!-- STYLE -->', () => `<style>${css.outputFiles[0].text}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${js}</script>`);
  if (out === html) throw new Error(`src/${dirName}/${page}.html lost its <!-- STYLE --> / <!-- SCRIPT --> markers`);
  writeFileSync(path.join(dist, `${outName}.html`), out);
}

/** The sidebar (Sidebar.html) and the "Periksa semua" dialog (CheckAllDialog.html). */
async function buildHtmlFiles() {
  await Promise.all([buildHtml('sidebar', 'main.ts', 'sidebar', 'Sidebar'), buildHtml('dialog', 'check-all-dialog.ts', 'check-all-dialog', 'CheckAllDialog')]);
}

/** Node programs: the command line (`pantau-kkmp`) and the benchmark, in lib/ (never pushed by clasp). */
async function buildNodePrograms() {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', legalComments: 'none' };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [path.join(root, 'src', 'cli', 'bin.ts')], outfile: path.join(lib, 'pantau-kkmp.cjs'), banner: { js: '#!/usr/bin/env node' }, plugins: [syncEnginePlugin], external: ['exceljs'] }),
    esbuild.build({ ...common, entryPoints: [path.join(root, 'preview', 'server.ts')], outfile: path.join(lib, 'preview.cjs'), plugins: [syncEnginePlugin], external: ['exceljs'] }),
    esbuild.build({ ...common, entryPoints: [path.join(root, 'examples', 'make-workbooks.ts')], outfile: path.join(lib, 'make-workbooks.cjs'), plugins: [syncEnginePlugin], external: ['exceljs'] }),
    esbuild.build({ ...common, entryPoints: [path.join(root, 'bench', 'bench.ts')], outfile: path.join(lib, 'bench.cjs'), plugins: [syncEnginePlugin], external: ['./native-engine.cjs', 'exceljs'] }),
    // json-rules-engine as published (native Promises, eventemitter2): the benchmark's baseline.
    esbuild.build({ ...common, stdin: { contents: "module.exports = require('json-rules-engine');", resolveDir: root }, outfile: path.join(lib, 'native-engine.cjs') }),
  ]);
}

export async function build() {
  writeSchemaValidators(root);
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  mkdirSync(lib, { recursive: true });
  await Promise.all([buildServer(), buildHtmlFiles(), buildNodePrograms()]);
  copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await build();
  console.log(`built dist/ (Code.js, Sidebar.html, CheckAllDialog.html, appsscript.json) and lib/ (pantau-kkmp.cjs, preview.cjs, make-workbooks.cjs, bench.cjs) in ${Date.now() - started} ms`);
}

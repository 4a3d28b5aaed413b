/**
 * Checks that a built Code.js declares the Apps Script surface the way Apps
 * Script needs it: one top-level function per export of src/server/surface.ts,
 * each preceded by its JSDoc, custom functions with `@customfunction`, every
 * `@param` and `@return`. Returns problems as sentences (empty when all is well).
 */
import path from 'node:path';

export interface SurfaceEntry {
  name: string;
  params: string[];
  jsdoc: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readSurface } = require('../../build/apps-script-surface.cjs') as { readSurface(file: string): SurfaceEntry[] };

export const SURFACE_FILE = path.resolve(__dirname, '..', '..', 'src', 'server', 'surface.ts');

export function declaredSurface(): SurfaceEntry[] {
  return readSurface(SURFACE_FILE);
}

export const isCustomFunction = (entry: SurfaceEntry): boolean => /@customfunction\b/.test(entry.jsdoc);

export function surfaceProblems(code: string, topLevel: readonly string[], entries: readonly SurfaceEntry[]): string[] {
  const problems: string[] = [];
  const declared = new Set(entries.map((e) => e.name));
  for (const entry of entries) {
    if (!topLevel.includes(entry.name)) problems.push(`${entry.name} is not declared at top level`);
    const declaration = `${entry.jsdoc}\nfunction ${entry.name}(`;
    if (!code.includes(declaration)) problems.push(`${entry.name} is not preceded by its JSDoc`);
    if (entry.name.startsWith('KKMP_')) {
      if (!isCustomFunction(entry)) problems.push(`${entry.name} lacks @customfunction`);
      for (const param of entry.params) if (!new RegExp(`@param\\s+\\{[^}]+\\}\\s+${param}\\b`).test(entry.jsdoc)) problems.push(`${entry.name} lacks @param ${param}`);
      if (!/@return\s+\{[^}]+\}/.test(entry.jsdoc)) problems.push(`${entry.name} lacks @return`);
    }
  }
  for (const name of topLevel) if (!declared.has(name)) problems.push(`${name} is declared at top level but not in src/server/surface.ts`);
  return problems;
}

export function isThenable(value: unknown): boolean {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Reads src/server/surface.ts — the one file that declares the whole Apps
 * Script surface — with the TypeScript compiler, and writes the top-level
 * function declarations Apps Script needs: triggers, menu actions,
 * google.script.run targets and custom functions, each with its JSDoc copied
 * verbatim (Sheets reads `@customfunction` only from top-level declarations,
 * and esbuild strips comments from the bundle).
 */
const { readFileSync } = require('node:fs');
const ts = require('typescript');

/** @returns {{ name: string, params: string[], jsdoc: string }[]} */
function readSurface(file) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const entries = [];
  for (const statement of source.statements) {
    const exported = ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export;
    if (!exported) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) {
      const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
      const doc = comments.filter((c) => text.startsWith('/**', c.pos)).pop();
      if (!doc) throw new Error(`${file}: exported function ${statement.name.text} needs a JSDoc comment`);
      entries.push({
        name: statement.name.text,
        params: statement.parameters.map((p) => {
          if (!ts.isIdentifier(p.name)) throw new Error(`${file}: ${statement.name.text}: use plain parameter names`);
          return p.name.text;
        }),
        jsdoc: text.slice(doc.pos, doc.end),
      });
    } else if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement) || ts.isVariableStatement(statement)) {
      throw new Error(`${file}: only exported function declarations belong to the Apps Script surface`);
    }
  }
  return entries;
}

/** Top-level declarations that forward to the bundle's namespace object. */
function renderSurface(entries, namespace) {
  return entries
    .map(({ name, params, jsdoc }) => {
      const list = params.join(', ');
      return `${jsdoc}\nfunction ${name}(${list}) {\n  return ${namespace}.${name}(${list});\n}\n`;
    })
    .join('\n');
}

module.exports = { readSurface, renderSurface };

/**
 * One grid (values, backgrounds, bold) as the XML of an .xlsx worksheet part,
 * written by hand so the command line can add a sheet to a workbook without
 * rewriting any of the workbook's other parts (see ./xlsx-package.ts).
 *
 * Text goes in as inline strings (`t="inlineStr"`): the workbook's shared
 * string table is left alone, and a text cell is never a formula, whatever it
 * begins with. Characters XML 1.0 cannot carry (control characters, lone
 * surrogates, and a carriage return, which XML parsers turn into a line
 * feed) are written with OOXML's `_xHHHH_` escape (ECMA-376 Part 1,
 * §22.9.2.19 ST_Xstring), as Excel does, so no typed character is lost.
 */
/** A grid as the core builds it: rows of values, and optionally a background colour (#rrggbb) and weight per cell. */
export interface SheetGrid {
  values: ReadonlyArray<ReadonlyArray<string | number>>;
  backgrounds?: ReadonlyArray<ReadonlyArray<string | null>>;
  fontWeights?: ReadonlyArray<ReadonlyArray<string>>;
}

/** The styles the grid needs, as (background, bold, wrap) triples; the index is the caller's style number. */
export interface CellLook {
  background: string | null;
  bold: boolean;
  wrap: boolean;
}

/** Escapes text for XML element content or a double-quoted attribute. */
export function xmlText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const ch = text[i] as string;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      out += ch + (text[i + 1] as string);
      i += 1;
    } else if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === '_' && /^_x[0-9A-Fa-f]{4}_/.test(text.slice(i, i + 7))) out += '_x005F_'; // a literal "_xHHHH_" stays literal
    else if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) {
      out += `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
    } else out += ch;
  }
  return out;
}

/** A1-style column letters: 1 → A, 27 → AA. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The distinct looks of a grid's non-empty cells (index 0 = plain) and, per cell, the index of its look. */
export function gridLooks(grid: SheetGrid): { looks: CellLook[]; lookOf: (row: number, column: number) => number } {
  const looks: CellLook[] = [{ background: null, bold: false, wrap: false }];
  const index = new Map<string, number>([['|false|false', 0]]);
  const lookAt = (r: number, c: number): { key: string; look: CellLook } => {
    const value = grid.values[r]?.[c];
    const look: CellLook = {
      background: grid.backgrounds?.[r]?.[c] ?? null,
      bold: grid.fontWeights?.[r]?.[c] === 'bold',
      wrap: typeof value === 'string' && value.includes('\n'),
    };
    return { key: `${look.background ?? ''}|${look.bold}|${look.wrap}`, look };
  };
  grid.values.forEach((row, r) => row.forEach((value, c) => {
    if (value === '') return;
    const { key, look } = lookAt(r, c);
    if (!index.has(key)) {
      index.set(key, looks.length);
      looks.push(look);
    }
  }));
  return { looks, lookOf: (r, c) => index.get(lookAt(r, c).key) ?? 0 };
}

/**
 * The worksheet part. `styleOf(row, column)` (0-based) gives the workbook
 * style index (`s`) of a cell, or null/0 to leave it unstyled. Header row
 * frozen; column widths in characters.
 */
export function worksheetXml(grid: SheetGrid, options: { namespace: string; columnWidths?: number[]; styleOf?: (row: number, column: number) => number | null }): string {
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${options.namespace}">`];
  parts.push('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>');
  const widths = options.columnWidths ?? [];
  if (widths.length > 0) parts.push(`<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  parts.push('<sheetData>');
  grid.values.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((value, c) => {
      if (value === '' || value === null || value === undefined) return;
      const ref = `${columnName(c + 1)}${r + 1}`;
      const style = options.styleOf?.(r, c) ?? null;
      const s = style ? ` s="${style}"` : '';
      if (typeof value === 'number' && Number.isFinite(value)) cells.push(`<c r="${ref}"${s}><v>${value}</v></c>`);
      else cells.push(`<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(value))}</t></is></c>`);
    });
    if (cells.length > 0) parts.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  parts.push('</sheetData></worksheet>');
  return parts.join('');
}

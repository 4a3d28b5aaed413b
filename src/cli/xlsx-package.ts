/**
 * `--out`: a copy of an .xlsx package with one sheet added, and nothing else
 * changed. An .xlsx is a zip of parts (ECMA-376 Part 2, Open Packaging
 * Conventions); reading it into a spreadsheet library and writing it back
 * loses what that library does not model (charts, images, notes, pivot
 * tables, ...). So this module never goes through a spreadsheet model: every
 * part of the original is copied byte for byte, except the four that must
 * learn about the new sheet, and those only get elements inserted:
 *
 * - the workbook part (`xl/workbook.xml`): one `<sheet>` at the end of `<sheets>`
 *   (existing sheet positions, and so defined names' `localSheetId`, unchanged);
 * - its relationships: one `<Relationship>` to the new worksheet part;
 * - `[Content_Types].xml`: one `<Override>` for the new part;
 * - the styles part: fonts, fills and cell formats appended after the existing
 *   ones (with their `count` updated), so every existing style index still
 *   means what it meant.
 *
 * When the workbook already has a sheet of that name (the results of an
 * earlier run), that sheet's worksheet part is replaced and nothing is
 * inserted. The zip container itself is written anew (fflate), so compressed
 * bytes may differ; the parts inside do not.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { gridLooks, worksheetXml, xmlText, type CellLook, type SheetGrid } from './worksheet-xml';

const TRANSITIONAL = {
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  spreadsheet: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
};
const STRICT = {
  relationships: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  spreadsheet: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
};
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** The package is not an .xlsx this module can add a sheet to; the message says what is missing. */
export class PackageError extends Error {}

type Parts = Record<string, Uint8Array>;

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[2] ?? m[3] ?? '') : null;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, entity: string) => {
    const e = entity.toLowerCase();
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Resolves a relationship target against the folder of its source part (no leading slash in the result). */
function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = sourcePart.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') segments.pop();
    else if (piece !== '.' && piece !== '') segments.push(piece);
  }
  return segments.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => ({
    id: attribute(m[0], 'Id') ?? '',
    type: attribute(m[0], 'Type') ?? '',
    target: unescapeXml(attribute(m[0], 'Target') ?? ''),
    external: attribute(m[0], 'TargetMode') === 'External',
  }));
}

/** Inserts `text` just before the closing tag `</prefix:name>` (the last one), or throws. */
function insertBeforeClose(xml: string, name: string, text: string, part: string): string {
  const close = new RegExp(`</((?:\\w+:)?${name})\\s*>(?![\\s\\S]*</(?:\\w+:)?${name}\\s*>)`).exec(xml);
  if (!close) throw new PackageError(`${part}: no </${name}>`);
  return xml.slice(0, close.index) + text + xml.slice(close.index);
}

function prefixOf(xml: string, name: string): string {
  return new RegExp(`<(\\w+:)?${name}\\b`).exec(xml)?.[1] ?? '';
}

function text(parts: Parts, name: string): string {
  const bytes = parts[name];
  if (!bytes) throw new PackageError(`${name} missing`);
  return strFromU8(bytes);
}

/** A part name not yet in the package: `xl/worksheets/sheet7.xml`. */
function freePartName(parts: Parts, folder: string): string {
  const taken = new Set(Object.keys(parts).map((p) => p.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const candidate = `${folder}sheet${n}.xml`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function freeRelationshipId(rels: Relationship[]): string {
  const taken = new Set(rels.map((r) => r.id));
  for (let n = rels.length + 1; ; n += 1) if (!taken.has(`rId${n}`)) return `rId${n}`;
}

const argb = (colour: string): string => `FF${colour.replace('#', '').toUpperCase()}`;

/** The top-level elements `<name …/>` or `<name …>…</name>` of a block's body, as written. */
function elements(body: string, p: string, name: string): string[] {
  return body.match(new RegExp(`<${p}${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${name}\\s*>)`, 'g')) ?? [];
}

/**
 * Adds the looks to the styles part: a font, fill or cell format already
 * there, written exactly so (an earlier run's), is reused; the others are
 * appended after the existing ones. Returns the new part and each look's
 * cell-format index (look 0, plain, is format 0). Null when the styles part
 * has no form this can extend: the sheet is then written without styles.
 */
function extendStyles(xml: string, looks: CellLook[]): { xml: string; styleOfLook: number[] } | null {
  const p = prefixOf(xml, 'styleSheet');
  const block = (name: string): RegExpExecArray | null => new RegExp(`<(${p}${name})\\b([^>]*)>([\\s\\S]*?)</${p}${name}\\s*>`).exec(xml);
  const blocks = { fonts: block('fonts'), fills: block('fills'), cellXfs: block('cellXfs') };
  if (!blocks.fonts || !blocks.fills || !blocks.cellXfs) return null;
  const lists = {
    fonts: { match: blocks.fonts, items: elements(blocks.fonts[3] as string, p, 'font'), added: [] as string[] },
    fills: { match: blocks.fills, items: elements(blocks.fills[3] as string, p, 'fill'), added: [] as string[] },
    cellXfs: { match: blocks.cellXfs, items: elements(blocks.cellXfs[3] as string, p, 'xf'), added: [] as string[] },
  };
  const indexOf = (list: { items: string[]; added: string[] }, element: string): number => {
    const found = list.items.indexOf(element);
    if (found >= 0) return found;
    list.added.push(element);
    list.items.push(element);
    return list.items.length - 1;
  };
  const firstFont = lists.fonts.items[0] ?? `<${p}font/>`;
  const fontBody = /^<[^>]*?\/>$/.test(firstFont) ? '' : firstFont.replace(/^<[^>]*>/, '').replace(/<\/[^>]*>$/, '');
  const boldFont = `<${p}font><${p}b/>${fontBody.replace(/<(\w+:)?b\s*\/>/g, '')}</${p}font>`;

  const styleOfLook = looks.map((look, i) => {
    if (i === 0) return 0;
    const fillId = look.background
      ? indexOf(lists.fills, `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(look.background)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`)
      : 0;
    const fontId = look.bold ? indexOf(lists.fonts, boldFont) : 0;
    const alignment = look.wrap ? `<${p}alignment wrapText="1" vertical="top"/>` : '';
    const attributes = `numFmtId="0" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${look.bold ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${alignment ? ' applyAlignment="1"' : ''}`;
    return indexOf(lists.cellXfs, alignment ? `<${p}xf ${attributes}>${alignment}</${p}xf>` : `<${p}xf ${attributes}/>`);
  });
  // Last block first, so earlier offsets stay valid.
  let out = xml;
  for (const list of Object.values(lists).sort((a, b) => b.match.index - a.match.index)) {
    if (list.added.length === 0) continue;
    const { match } = list;
    const open = `<${match[1]}${(match[2] as string).replace(/\scount\s*=\s*("[^"]*"|'[^']*')/, ` count="${list.items.length}"`)}>`;
    const closing = match[0].slice(match[0].lastIndexOf('</'));
    out = out.slice(0, match.index) + open + (match[3] as string) + list.added.join('') + closing + out.slice(match.index + match[0].length);
  }
  return { xml: out, styleOfLook };
}

/**
 * A copy of the .xlsx package `original` with the sheet `name` holding
 * `grid`, added after the last sheet (or replacing the worksheet part of the
 * sheet already named so). Throws PackageError when `original` is not an
 * .xlsx package (zip with a workbook part).
 */
export function addSheetToPackage(original: Uint8Array, name: string, grid: SheetGrid, columnWidths: number[] = []): Uint8Array {
  let parts: Parts;
  try {
    parts = unzipSync(original);
  } catch (error) {
    throw new PackageError(`not a zip package (${(error as Error).message})`);
  }
  const rootRels = relationships(text(parts, '_rels/.rels'));
  const officeDocument = rootRels.find((r) => /\/officeDocument$/.test(r.type) && !r.external);
  if (!officeDocument) throw new PackageError('_rels/.rels: no officeDocument relationship');
  const workbookPart = resolveTarget('', officeDocument.target);
  const strict = officeDocument.type.startsWith(STRICT.relationships);
  const ns = strict ? STRICT : TRANSITIONAL;
  const workbookRelsPart = relsPathOf(workbookPart);
  let workbookXml = text(parts, workbookPart);
  let relsXml = text(parts, workbookRelsPart);
  const rels = relationships(relsXml);

  const changed: Parts = {};
  const added: Parts = {};
  const { looks, lookOf } = gridLooks(grid);
  const stylesRel = rels.find((r) => /\/styles$/.test(r.type) && !r.external);
  const stylesPart = stylesRel ? resolveTarget(workbookPart, stylesRel.target) : null;
  const styles = stylesPart && parts[stylesPart] && looks.length > 1 ? extendStyles(strFromU8(parts[stylesPart]), looks) : null;
  if (styles && stylesPart) changed[stylesPart] = strToU8(styles.xml);
  const sheetXml = strToU8(worksheetXml(grid, {
    namespace: ns.spreadsheet,
    columnWidths,
    styleOf: styles ? (r, c) => styles.styleOfLook[lookOf(r, c)] ?? 0 : undefined,
  }));

  const sheetTags = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]);
  const relIdAttr = (tag: string): string | null => {
    const m = /\s(\w+):id\s*=\s*"([^"]*)"/.exec(tag);
    return m ? (m[2] as string) : null;
  };
  const existing = sheetTags.find((tag) => unescapeXml(attribute(tag, 'name') ?? '').toLowerCase() === name.toLowerCase());
  const existingRel = existing ? rels.find((r) => r.id === relIdAttr(existing)) : undefined;
  if (existing && (!existingRel || !/\/worksheet$/.test(existingRel.type))) throw new PackageError(`a sheet named '${name}' exists and is not a worksheet`);
  if (existingRel) {
    changed[resolveTarget(workbookPart, existingRel.target)] = sheetXml;
  } else {
    const folder = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
    const sheetPart = freePartName(parts, `${folder}worksheets/`);
    const relId = freeRelationshipId(rels);
    const sheetId = Math.max(0, ...sheetTags.map((tag) => Number(attribute(tag, 'sheetId')) || 0)) + 1;
    const p = prefixOf(workbookXml, 'sheets');
    const declared = new RegExp(`xmlns:(\\w+)\\s*=\\s*"${ns.relationships.replace(/[.]/g, '\\.')}"`).exec(workbookXml)?.[1];
    const relAttr = declared ? `${declared}:id="${relId}"` : `xmlns:pkr="${ns.relationships}" pkr:id="${relId}"`;
    workbookXml = insertBeforeClose(workbookXml, 'sheets', `<${p}sheet name="${xmlText(name)}" sheetId="${sheetId}" ${relAttr}/>`, workbookPart);
    const relsPrefix = prefixOf(relsXml, 'Relationships');
    relsXml = insertBeforeClose(relsXml, 'Relationships', `<${relsPrefix}Relationship Id="${relId}" Type="${ns.relationships}/worksheet" Target="/${sheetPart}"/>`, workbookRelsPart);
    const typesXml = text(parts, '[Content_Types].xml');
    const typesPrefix = prefixOf(typesXml, 'Types');
    changed['[Content_Types].xml'] = strToU8(insertBeforeClose(typesXml, 'Types', `<${typesPrefix}Override PartName="/${sheetPart}" ContentType="${WORKSHEET_TYPE}"/>`, '[Content_Types].xml'));
    changed[workbookPart] = strToU8(workbookXml);
    changed[workbookRelsPart] = strToU8(relsXml);
    added[sheetPart] = sheetXml;
  }

  const zippable: Zippable = {};
  for (const [part, bytes] of Object.entries(parts)) zippable[part] = changed[part] ?? bytes;
  for (const [part, bytes] of Object.entries(added)) zippable[part] = bytes;
  return zipSync(zippable, { level: 6 });
}

const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${TRANSITIONAL.spreadsheet}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * A new .xlsx package with one sheet holding `grid` as text and numbers, as
 * given (for a CSV register: every field stays the text that was typed).
 */
export function newPackage(name: string, grid: SheetGrid): Uint8Array {
  const R = TRANSITIONAL.relationships;
  return zipSync({
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WORKSHEET_TYPE}"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${TRANSITIONAL.spreadsheet}" xmlns:r="${R}"><bookViews><workbookView/></bookViews><sheets><sheet name="${xmlText(name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(EMPTY_STYLES),
    'xl/worksheets/sheet1.xml': strToU8(worksheetXml(grid, { namespace: TRANSITIONAL.spreadsheet })),
  }, { level: 6 });
}

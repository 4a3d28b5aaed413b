/**
 * Reads the cells of an .xlsx file as a stream, for the command line: the zip
 * archive through yauzl (entries inflated as streams, found through the
 * central directory, so their order in the file does not matter) and the XML
 * through saxes (a conformant streaming parser). Only what the checks need is
 * kept — each cell's value, the number formats of number cells, merged
 * ranges, the 1904 flag — so time and memory follow the cells that hold data:
 * a national register of 82,780 co-ops is read without holding its 80 MB of
 * sheet XML or any library's cell objects (README, "Reading .xlsx files").
 *
 * The cell semantics follow ECMA-376 Part 1 §18.3.1.4 (c), §18.18.11
 * (ST_CellType: b, d, e, inlineStr, n, s, str) and §18.2.28 (workbookPr
 * date1904, an xsd:boolean: "1" or "true"); number formats are told apart as
 * dates by SheetJS's format parser (SSF). A differential test holds this
 * reader equal to SheetJS Community Edition on every fixture.
 */
import * as XLSX from '@e965/xlsx';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { isPercentFormat, type FormulaWithoutResult } from '../core/workbook/cell-values';
import type { MergedRange, SheetValues } from '../core/workbook/workbook-reader';

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 date system as Sheets counts it (30 December 1899); the 1904 system starts 1,462 days later. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const OFFSET_1904_DAYS = 1462;

/** Built-in number formats that show dates or times (ECMA-376 Part 1 §18.8.30); others come from styles.xml. */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  9: '0%', 10: '0.00%', 14: 'm/d/yyyy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yyyy h:mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  // East Asian built-ins that are dates (ids 27–36, 50–58): a date whatever their exact pattern.
  27: 'yyyy-mm-dd', 28: 'yyyy-mm-dd', 29: 'yyyy-mm-dd', 30: 'm/d/yy', 31: 'yyyy-mm-dd', 32: 'h:mm', 33: 'h:mm:ss', 34: 'h:mm', 35: 'h:mm:ss', 36: 'yyyy-mm-dd',
  50: 'yyyy-mm-dd', 51: 'yyyy-mm-dd', 52: 'yyyy-mm-dd', 53: 'yyyy-mm-dd', 54: 'yyyy-mm-dd', 55: 'yyyy-mm-dd', 56: 'yyyy-mm-dd', 57: 'yyyy-mm-dd', 58: 'yyyy-mm-dd',
};

/** A date serial (days; the fraction is the time of day) as a Date at UTC, in the workbook's date system. */
export function dateFromSerial(serial: number, date1904: boolean): Date {
  return new Date(EPOCH_1900 + Math.round((serial + (date1904 ? OFFSET_1904_DAYS : 0)) * DAY_MS));
}

/** An ISO 8601 date cell (`t="d"`): a date without a zone is the written calendar date, at UTC. */
function dateFromIso(text: string): Date {
  const trimmed = text.trim();
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(trimmed) || !trimmed.includes('T') ? trimmed : `${trimmed}Z`;
  return new Date(/^\d{4}-\d\d-\d\d$/.test(zoned) ? `${zoned}T00:00:00Z` : zoned);
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** 0-based row and column of an A1 reference. */
function cellAt(ref: string): { r: number; c: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let c = 0;
  for (const ch of (m[1] as string).toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]) - 1, c: c - 1 };
}

type Zip = yauzl.ZipFile & { entriesByName: Map<string, yauzl.Entry> };

function openZip(file: string): Promise<Zip> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false, decodeStrings: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip archive'));
      const entriesByName = new Map<string, yauzl.Entry>();
      zip.on('entry', (entry: yauzl.Entry) => {
        entriesByName.set(entry.fileName.replace(/\\/g, '/').replace(/^\//, ''), entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve(Object.assign(zip, { entriesByName })));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Streams one archive entry through a SAX parser; `on` gets open tags, text and close tags. */
function parseEntry(zip: Zip, name: string, handlers: { open?(tag: SaxesTagPlain): void; text?(text: string): void; close?(name: string): void }): Promise<boolean> {
  const entry = zip.entriesByName.get(name) ?? [...zip.entriesByName.entries()].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  if (!entry) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error(`cannot read ${name}`));
      const parser = new SaxesParser();
      if (handlers.open) parser.on('opentag', handlers.open as (tag: SaxesTagPlain) => void);
      if (handlers.text) parser.on('text', handlers.text);
      if (handlers.close) parser.on('closetag', (tag) => handlers.close!(tag.name));
      parser.on('error', (e) => {
        stream.destroy();
        reject(new Error(`${name}: ${e.message}`));
      });
      const decoder = new TextDecoder('utf-8');
      stream.on('data', (chunk: Buffer) => parser.write(decoder.decode(chunk, { stream: true })));
      stream.on('end', () => {
        try {
          parser.write(decoder.decode()).close();
          resolve(true);
        } catch (e) {
          reject(e);
        }
      });
      stream.on('error', reject);
    });
  });
}

/** Relationships of a part: id → target path within the archive. */
async function relationships(zip: Zip, part: string): Promise<Map<string, { target: string; type: string }>> {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const relsName = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const out = new Map<string, { target: string; type: string }>();
  await parseEntry(zip, relsName, {
    open(tag) {
      if (local(tag.name) !== 'Relationship') return;
      const target = String(tag.attributes.Target ?? '');
      const resolved = target.startsWith('/') ? target.slice(1) : normalise(dir + target);
      out.set(String(tag.attributes.Id), { target: resolved, type: String(tag.attributes.Type ?? '') });
    },
  });
  return out;
}

function normalise(p: string): string {
  const parts: string[] = [];
  for (const piece of p.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

const isTrue = (value: unknown): boolean => value === '1' || String(value).toLowerCase() === 'true';

/**
 * Every sheet of an .xlsx file as the core reader takes it (see
 * xlsx-workbook.ts for the shapes). Throws when the file is not an .xlsx.
 */
export async function streamXlsxSheets(file: string): Promise<SheetValues[]> {
  const zip = await openZip(file);
  try {
    const root = await relationships(zip, '');
    const workbookPart = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const sheets: Array<{ name: string; rid: string }> = [];
    let date1904 = false;
    const found = await parseEntry(zip, workbookPart, {
      open(tag) {
        const name = local(tag.name);
        if (name === 'workbookPr') date1904 = isTrue(tag.attributes.date1904);
        if (name === 'sheet') {
          const rid = Object.entries(tag.attributes).find(([k]) => local(k) === 'id' && k !== 'sheetId')?.[1];
          sheets.push({ name: String(tag.attributes.name ?? ''), rid: String(rid ?? '') });
        }
      },
    });
    if (!found) throw new Error('no workbook part: not an .xlsx file');
    const rels = await relationships(zip, workbookPart);
    const partOf = (suffix: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

    const strings = await sharedStrings(zip, partOf('/sharedStrings'));
    const formatOfStyle = await styleFormats(zip, partOf('/styles'));
    const out: SheetValues[] = [];
    for (const sheet of sheets) {
      const target = rels.get(sheet.rid)?.target;
      if (!target || !rels.get(sheet.rid)?.type.endsWith('/worksheet')) continue; // chartsheets, dialog sheets: no cells to check
      out.push({ name: sheet.name, ...(await worksheet(zip, target, strings, formatOfStyle, date1904)) });
    }
    return out;
  } finally {
    zip.close();
  }
}

/** The shared strings: plain or rich text (runs joined); phonetic guides (`rPh`) left out. */
async function sharedStrings(zip: Zip, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await parseEntry(zip, part, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
    close(name) {
      const n = local(name);
      if (n === 't') inText = false;
      else if (n === 'rPh') phonetic -= 1;
      else if (n === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    },
  });
  return strings;
}

/** Style index → number format code (cellXfs order), from styles.xml. */
async function styleFormats(zip: Zip, part: string | undefined): Promise<string[]> {
  const custom = new Map<number, string>();
  const formats: string[] = [];
  if (!part) return formats;
  let inCellXfs = false;
  await parseEntry(zip, part, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        formats.push(custom.get(id) ?? BUILT_IN_FORMATS[id] ?? 'General');
      }
    },
    close(name) {
      if (local(name) === 'cellXfs') inCellXfs = false;
    },
  });
  return formats;
}

const dateFormats = new Map<string, boolean>();
function isDateFormat(format: string): boolean {
  let known = dateFormats.get(format);
  if (known === undefined) dateFormats.set(format, (known = format !== 'General' && Boolean(XLSX.SSF.is_date(format))));
  return known;
}

async function worksheet(zip: Zip, part: string, strings: readonly string[], formatOfStyle: readonly string[], date1904: boolean): Promise<Omit<SheetValues, 'name'>> {
  const values: unknown[][] = [];
  const formats: Array<unknown[] | undefined> = [];
  const merges: MergedRange[] = [];
  let rowIndex = -1;
  let nextColumn = 0;
  let cell: { r: number; c: number; t: string; s: number; v: string | null; f: string | null; is: string | null } | null = null;
  let collect: 'v' | 'f' | 'is' | null = null;
  let inInline = 0;
  let phonetic = 0;

  const finish = (): void => {
    if (!cell) return;
    const { r, c, t, v, f } = cell;
    let value: unknown;
    let format: string | undefined;
    if (v === null && t !== 'inlineStr') value = f !== null && f !== '' ? ({ formulaWithoutResult: f } satisfies FormulaWithoutResult) : '';
    else if (t === 's') value = strings[Number(v)] ?? '';
    else if (t === 'inlineStr') value = cell.is ?? v ?? '';
    else if (t === 'str') value = v ?? '';
    else if (t === 'b') value = isTrue((v ?? '').trim());
    else if (t === 'e') value = (v ?? '').trim() || '#ERROR!';
    else if (t === 'd') value = dateFromIso(v ?? '');
    else {
      const number = Number(v);
      format = formatOfStyle[cell.s] ?? 'General';
      if (v === null || (v as string).trim() === '' || !Number.isFinite(number)) value = v ?? '';
      else value = isDateFormat(format) ? dateFromSerial(number, date1904) : number;
    }
    if (value !== '') {
      const row = (values[r] ??= []);
      for (let i = row.length; i < c; i += 1) row[i] = '';
      row[c] = value;
      // Only a percent format changes what a number means (dates are already Dates): the others are not kept.
      if (format !== undefined && typeof value === 'number' && isPercentFormat(format)) ((formats[r] ??= [])[c] = format);
    }
    cell = null;
  };

  await parseEntry(zip, part, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'row') {
        const r = Number(tag.attributes.r);
        rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
        nextColumn = 0;
      } else if (name === 'c') {
        const at = cellAt(String(tag.attributes.r ?? ''));
        const r = at?.r ?? rowIndex;
        const c = at?.c ?? nextColumn;
        nextColumn = c + 1;
        cell = { r, c, t: String(tag.attributes.t ?? 'n'), s: Number(tag.attributes.s ?? 0), v: null, f: null, is: null };
      } else if (cell && name === 'v') {
        collect = 'v';
        cell.v = '';
      } else if (cell && name === 'f') {
        collect = 'f';
        cell.f = '';
      } else if (cell && name === 'is') {
        inInline += 1;
        cell.is = '';
      } else if (cell && name === 'rPh') phonetic += 1;
      else if (cell && name === 't' && inInline > 0 && phonetic === 0) collect = 'is';
      else if (name === 'mergeCell') {
        const [from, to] = String(tag.attributes.ref ?? '').split(':');
        const a = cellAt(from ?? '');
        const b = cellAt(to ?? from ?? '');
        if (a && b) merges.push({ top: Math.min(a.r, b.r), left: Math.min(a.c, b.c), bottom: Math.max(a.r, b.r), right: Math.max(a.c, b.c) });
      }
    },
    text(text) {
      if (!cell || collect === null) return;
      cell[collect] = (cell[collect] ?? '') + text;
    },
    close(name) {
      const n = local(name);
      if (n === 'v' || n === 'f' || n === 't') collect = null;
      else if (n === 'is') inInline -= 1;
      else if (n === 'rPh') phonetic -= 1;
      else if (n === 'c') finish();
    },
  });
  return { values, formats, merges };
}

/**
 * The kinds of issue 14, property-based (fast-check): values drawn from the
 * ways people and programs really write them, each with the value it means.
 * A value must be read as what it means, or reported — never read as
 * something else without a word ("wrong but silent"). Drawn: Indonesian and
 * everyday date spellings, implausible dates (a lookup's 0, a year typed 0225,
 * a past event after the check date), fractions and percent-formatted cells,
 * counts with a unit, dashes for "not recorded", IDs typed with spaces,
 * dashes, full-width or invisible characters, look-alike (Cyrillic) IDs,
 * merged cells, control characters, and .xlsx cells of every type through
 * the streaming reader against SheetJS.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import * as XLSX from '@e965/xlsx';
import { readXlsxSheets } from '../../src/cli/xlsx-workbook';
import { idKey } from '../../src/core/id-key';
import { readCell, type CellOptions } from '../../src/core/workbook/cell-values';
import { REGISTER_COLUMNS, type CellKind } from '../../src/core/workbook/columns';
import { readWorkbook } from '../../src/core/workbook/workbook-reader';
import { readWithSheetJS } from '../support/sheetjs-reader';

const AS_OF = '2026-08-01';
const context = { dateToIso: (d: Date) => (Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10)), asOf: AS_OF };
const summary = { inputs: 0, failures: 0, wrongButSilent: 0 };
const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-kinds-'));

/** Reads one value; counts it; true when it is read as meant, or reported where `reportable`. */
function judge(kind: CellKind, raw: unknown, options: CellOptions, meant: unknown, reportable = false): boolean {
  summary.inputs += 1;
  let read: ReturnType<typeof readCell>;
  try {
    read = readCell(kind, raw, context, options);
  } catch (error) {
    summary.failures += 1;
    throw error;
  }
  if ('value' in read) {
    if (meant === 'reported' || !Object.is(read.value, meant) && read.value !== meant) {
      summary.wrongButSilent += 1;
      return false;
    }
    return true;
  }
  return meant === 'reported' || reportable;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const MONTH_SPELLINGS: readonly string[][] = [
  ['Januari', 'Jan'], ['Februari', 'Feb', 'Peb', 'Pebruari'], ['Maret', 'Mar', 'Mrt'], ['April', 'Apr'], ['Mei'], ['Juni', 'Jun'], ['Juli', 'Jul'],
  ['Agustus', 'Ags', 'Agt', 'Agust', 'Agu', 'Aug'], ['September', 'Sep', 'Sept'], ['Oktober', 'Okt', 'Oct'], ['November', 'Nov', 'Nop', 'Nopember'], ['Desember', 'Des', 'Dec'],
];
const day = fc.record({ y: fc.integer({ min: 1945, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
const iso = ({ y, m, d }: { y: number; m: number; d: number }): string => `${y}-${pad(m)}-${pad(d)}`;
const DASHES = ['-', '–', '—', '−', '‐', '－'];

describe('real input kinds: read as meant, or reported', () => {
  test('dates in everyday spellings read as the date meant', () => {
    fc.assert(
      fc.property(day, fc.nat(), fc.constantFrom(' ', '-', ' - ', '  ', '.'), fc.constantFrom('lower', 'upper', 'title'), fc.boolean(), (date, pick, sep, casing, numeric) => {
        fc.pre(iso(date) <= AS_OF);
        const names = MONTH_SPELLINGS[date.m - 1] as string[];
        const name = names[pick % names.length] as string;
        const month = casing === 'lower' ? name.toLowerCase() : casing === 'upper' ? name.toUpperCase() : name;
        const text = numeric ? `${pad(date.d)}${sep.trim() || '/'}${pad(date.m)}${sep.trim() || '/'}${date.y}` : `${date.d}${sep}${month}${sep}${date.y}`;
        return judge('date', text, { pastEvent: true }, iso(date));
      }),
      { numRuns: 1500 },
    );
  });

  test('implausible dates are reported, never used', () => {
    const serialDate = (serial: number): Date => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 16_000 }).map((serial) => serialDate(serial)), // 0/1 from a lookup … up to 1943
          fc.record({ y: fc.integer({ min: 1, max: 1944 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map((p) => `${pad(p.d)}/${pad(p.m)}/${String(p.y).padStart(4, '0')}`),
          fc.integer({ min: 1, max: 3650 }).map((days) => new Date(Date.UTC(2026, 7, 1) + days * 86_400_000)), // a past event after the check date
        ),
        (raw) => judge('date', raw, { pastEvent: true }, 'reported'),
      ),
      { numRuns: 1500 },
    );
  });

  test('percents: fractions, "N %" and percent-formatted cells read as the percent meant', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ a: fc.integer({ min: 0, max: 12 }), b: fc.integer({ min: 1, max: 12 }) }).filter(({ a, b }) => a <= b).map(({ a, b }) => [`${a}/${b}`, undefined, Math.round((a / b) * 1e4) / 100] as const),
          fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('0%', '0.00%', '0.0 %')).map(([n, format]) => [n / 10_000, format, Math.round(n) / 100] as const),
          fc.integer({ min: 0, max: 100 }).map((n) => [`${n} %`, undefined, n] as const),
          fc.integer({ min: 2, max: 100 }).map((n) => [n, 'General', n] as const),
        ),
        ([raw, numberFormat, meant]) => judge('percent', raw, { numberFormat }, meant),
      ),
      { numRuns: 1500 },
    );
  });

  test('counts with a unit, and dashes for "not recorded" in every kind', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom('orang', 'Orang', 'org', 'anggota', 'org.'), fc.constantFrom(...DASHES), fc.constantFrom<CellKind>('text', 'date', 'integer', 'amount', 'percent', 'year', 'number'), (n, unit, dash, kind) =>
        judge('integer', `${n} ${unit}`, {}, n) && judge(kind, ` ${dash} `, {}, null),
      ),
      { numRuns: 1500 },
    );
  });

  test('IDs typed with spaces, dashes, case, full-width or invisible characters are one ID; look-alikes are reported', () => {
    const base = fc.tuple(fc.constantFrom('KKMP', 'PD', 'KDKMP'), fc.constantFrom('BPP', 'KTM', 'SMD'), fc.integer({ min: 1, max: 99 }));
    const variant = fc.record({
      dash: fc.constantFrom(...DASHES),
      space: fc.constantFrom('', ' ', '  ', '\u00a0', '\u200b', '\u3000'),
      lower: fc.boolean(),
      wide: fc.boolean(),
    });
    fc.assert(
      fc.property(base, variant, ([a, b, n], v) => {
        summary.inputs += 1;
        const id = `${a}-${b}-${pad(n)}`;
        let typed = [a, b, pad(n)].join(`${v.space}${v.dash}${v.space}`);
        if (v.lower) typed = typed.toLowerCase();
        if (v.wide) typed = typed.replace(/[A-Za-z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
        if (idKey(typed) !== id) {
          summary.wrongButSilent += 1;
          return false;
        }
        // A register with the plain ID and a Cyrillic look-alike: two co-ops, and the look-alike reported.
        const lookAlike = id.replace('K', 'К').replace('P', 'Р');
        fc.pre(lookAlike !== id);
        const header = REGISTER_COLUMNS.map((c) => c.label);
        const read = readWorkbook([{ name: 'Koperasi', values: [header, [typed, 'Satu'], [lookAlike, 'Dua']] }], context);
        summary.inputs += 1;
        const reported = read.problems.some((p) => p.location?.row === 3 && /only looks like/.test(p.text.en));
        if (!reported) summary.wrongButSilent += 1;
        return reported && read.coops.length === 2;
      }),
      { numRuns: 600 },
    );
  });

  test('merged cells: the merge\'s value is read for every row it covers', () => {
    const header = REGISTER_COLUMNS.map((c) => c.label);
    const mentorColumn = REGISTER_COLUMNS.findIndex((c) => c.field === 'mentorId');
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 0, max: 29 }), fc.integer({ min: 1, max: 30 }), (count, from, span) => {
        const top = 1 + Math.min(from, count - 1);
        const bottom = Math.min(count, top + span - 1);
        const rows = Array.from({ length: count }, (_, i) => {
          const row: unknown[] = header.map(() => '');
          row[0] = `KKMP-${i + 1}`;
          const sheetRow = i + 1;
          row[mentorColumn] = sheetRow === top ? 'PD-07' : sheetRow > top && sheetRow <= bottom ? '' : `PD-${i + 1}`;
          return row;
        });
        const read = readWorkbook([{ name: 'Koperasi', values: [header, ...rows], merges: [{ top, left: mentorColumn, bottom, right: mentorColumn }] }], context);
        summary.inputs += count;
        const wrong = read.coops.filter((c, i) => c.mentorId !== (i + 1 >= top && i + 1 <= bottom ? 'PD-07' : `PD-${i + 1}`)).length;
        summary.wrongButSilent += wrong;
        return wrong === 0;
      }),
      { numRuns: 300 },
    );
  });

  test('control characters never survive into text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\r', '\n', '\u001b', '\u0007', '\u202e', '\u2066', '\u200b', '\u0085', '\t'), fc.string({ minLength: 1, maxLength: 1 })) }), (text) => {
        summary.inputs += 1;
        const read = readCell('text', `KKMP ${text}`, context);
        const clean = 'value' in read && typeof read.value === 'string' && !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b]/.test(read.value);
        if (!clean) summary.wrongButSilent += 1;
        return clean;
      }),
      { numRuns: 1000 },
    );
  });

  test('.xlsx cells of every type read by the streaming reader as SheetJS reads them', async () => {
    const cellXml = fc.oneof(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((n) => [`<v>${n}</v>`, '']),
      fc.integer({ min: 1, max: 60_000 }).map((n) => [`<v>${n}</v>`, ' s="1"']),
      fc.boolean().map((b) => [`<v>${b ? '1' : '0'}</v>`, ' t="b"']),
      fc.constantFrom('#N/A', '#REF!', '#DIV/0!').map((e) => [`<v>${e}</v>`, ' t="e"']),
      fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '-', 'é', '&amp;', '&lt;', '1') }).map((s) => [`<is><t xml:space="preserve">${s}</t></is>`, ' t="inlineStr"']),
      day.map((d) => [`<v>${iso(d)}</v>`, ' s="1" t="d"']),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cellXml, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), fc.boolean(), async (rows, in1904) => {
        summary.inputs += rows.flat().length;
        const data = rows.map((cells, r) => `<row r="${r + 1}">${cells.map(([v, attrs], c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"${attrs}>${v}</c>`).join('')}</row>`).join('');
        const file = xlsxFile(data, in1904);
        const mine = await readXlsxSheets(file);
        const reference = readWithSheetJS(file);
        const same = JSON.stringify(mine) === JSON.stringify(reference);
        if (!same) summary.wrongButSilent += 1;
        return same;
      }),
      { numRuns: 60 },
    );
  });

  afterAll(() => {
    console.log(`real input kinds: ${summary.inputs} inputs tried, ${summary.failures} failures, ${summary.wrongButSilent} wrong but silent`);
    expect(summary).toMatchObject({ failures: 0, wrongButSilent: 0 });
  });
});

let fileCount = 0;
/** A minimal one-sheet .xlsx around the given sheetData (styles: 1 = dd/mm/yyyy). */
function xlsxFile(sheetData: string, date1904: boolean): string {
  const files: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${date1904 ? '<workbookPr date1904="true"/>' : ''}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/styles.xml': '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetData}</sheetData></worksheet>`,
  };
  const zip = XLSX.CFB.utils.cfb_new({ type: 'zip' } as never);
  for (const [file, text] of Object.entries(files)) XLSX.CFB.utils.cfb_add(zip, file, Buffer.from(text, 'utf8'));
  const out = path.join(dir, `kinds-${(fileCount += 1)}.xlsx`);
  writeFileSync(out, XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' } as never) as Buffer);
  return out;
}

/**
 * The streaming .xlsx reader against SheetJS Community Edition (the
 * reference) on every fixture, the sample and files that spell the same
 * cells the ways other programs do: the 1904 date system flagged `1` or
 * `true`, booleans written `1`/`0` or `true`/`false`, ISO date cells, error
 * cells, inline strings, a sheet part whose elements carry a namespace prefix.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { readXlsxSheets } from '../../src/cli/xlsx-workbook';
import { readWithSheetJS } from '../support/sheetjs-reader';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'cases');
const SAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'balikpapan.xlsx');
const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-stream-'));

/** A one-sheet .xlsx whose sheet XML and workbookPr are given as text (zipped by SheetJS's own zip writer). */
function xlsxWith(name: string, sheetData: string, workbookPr = '', prefix = ''): string {
  const p = prefix ? `${prefix}:` : '';
  const ns = prefix ? `xmlns:${prefix}` : 'xmlns';
  const files: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/_rels/workbook.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${workbookPr}<sheets><sheet name="RAT" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/styles.xml': '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${sheetData.replace(/<(\/?)(row|c|v|f|is|t)\b/g, `<$1${p}$2`)}</${p}sheetData></${p}worksheet>`,
  };
  const zip = XLSX.CFB.utils.cfb_new({ type: 'zip' } as never);
  for (const [file, text] of Object.entries(files)) XLSX.CFB.utils.cfb_add(zip, file, Buffer.from(text, 'utf8'));
  const out = path.join(dir, name);
  writeFileSync(out, XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' } as never) as Buffer);
  return out;
}

const CELLS =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Tanggal RAT</t></is></c><c r="B1" t="inlineStr"><is><t>Hadir</t></is></c></row>' +
  '<row r="2"><c r="A2" s="1"><v>46063</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" s="2"><v>0.6667</v></c></row>' +
  '<row r="3"><c r="A3" s="1" t="d"><v>2026-02-10</v></c><c r="B3" t="b"><v>true</v></c><c r="C3" t="b"><v>false</v></c><c r="D3" t="e"><v>#N/A</v></c></row>' +
  '<row r="5"><c r="A5" t="str"><f>A2+1</f><v>x</v></c><c r="B5"><f>B2*2</f></c><c r="C5" t="inlineStr"><is><r><t>KKMP-</t></r><r><rPr><b/></rPr><t>01</t></r></is></c></row>';

describe('the streaming .xlsx reader', () => {
  const files = [...readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIXTURES, f)), SAMPLE];

  test.each(files.map((f) => [path.basename(f), f]))('%s reads as SheetJS reads it', async (_name, file) => {
    expect(await readXlsxSheets(file)).toEqual(readWithSheetJS(file));
  });

  test.each([
    ['1900 system', ''],
    ['1904 system flagged 1', '<workbookPr date1904="1"/>'],
    ['1904 system flagged true', '<workbookPr date1904="true"/>'],
  ])('cell kinds in the %s equal SheetJS', async (_what, workbookPr) => {
    const file = xlsxWith(`kinds-${workbookPr.length}.xlsx`, CELLS, workbookPr);
    expect(await readXlsxSheets(file)).toEqual(readWithSheetJS(file));
  });

  test('what the cells hold, read right', async () => {
    const [sheet] = await readXlsxSheets(xlsxWith('kinds.xlsx', CELLS));
    expect(sheet!.values[1]).toEqual([new Date(Date.UTC(2026, 1, 10)), true, false, 0.6667]);
    expect(sheet!.values[2]).toEqual([new Date(Date.UTC(2026, 1, 10)), true, false, '#N/A']);
    expect(sheet!.values[3]).toBeUndefined();
    expect(sheet!.values[4]).toEqual(['x', { formulaWithoutResult: 'B2*2' }, 'KKMP-01']);
    expect(sheet!.formats?.[1]?.[3]).toBe('0.00%');
    const [in1904] = await readXlsxSheets(xlsxWith('kinds-1904.xlsx', CELLS, '<workbookPr date1904="true"/>'));
    expect(in1904!.values[1]![0]).toEqual(new Date(Date.UTC(2030, 1, 11))); // serial 46063 counted from 1904
    expect(in1904!.values[2]![0]).toEqual(new Date(Date.UTC(2026, 1, 10))); // an ISO date is the date written
  });

  test('an ISO date cell without a date style is still the date written (SheetJS gives its serial number)', async () => {
    const file = xlsxWith('iso-unstyled.xlsx', '<row r="1"><c r="A1" t="d"><v>2026-02-10</v></c><c r="B1" t="d"><v>2026-02-10T15:30:00</v></c></row>');
    expect((await readXlsxSheets(file))[0]!.values[0]).toEqual([new Date(Date.UTC(2026, 1, 10)), new Date(Date.UTC(2026, 1, 10, 15, 30))]);
    expect(readWithSheetJS(file)[0]!.values[0]![0]).toBe(46063);
  });

  test('elements with a namespace prefix (x:c, as some .NET writers save) read the same', async () => {
    const plain = await readXlsxSheets(xlsxWith('plain.xlsx', CELLS));
    expect(await readXlsxSheets(xlsxWith('prefixed.xlsx', CELLS, '', 'x'))).toEqual(plain);
  });

  test('a stray cell in the last row costs one row, not a million', async () => {
    const [sheet] = await readXlsxSheets(path.join(FIXTURES, '16a-stray-cell-last-row.xlsx'));
    expect(sheet!.values.length).toBe(1_048_576);
    expect(Object.keys(sheet!.values).length).toBeLessThan(10);
  });

  test('a file that is not an .xlsx is refused with a reason', async () => {
    const text = path.join(dir, 'text.xlsx');
    writeFileSync(text, 'ID Koperasi;Nama\n');
    await expect(readXlsxSheets(text)).rejects.toThrow('not an .xlsx file');
    expect(readFileSync(text, 'utf8')).toContain('ID Koperasi');
  });
});

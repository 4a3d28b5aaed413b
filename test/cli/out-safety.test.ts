/**
 * `--out` never harms a file (issue 19, observation 1): it is refused when it
 * names the input under any path, it writes through a temporary file and a
 * rename (a full disk leaves every file as it was, and no temporary file),
 * and the copy keeps every part of the original package byte for byte — a
 * workbook made by another producer, with a chart, an image, notes, styles
 * and a defined name (test/fixtures/office-with-chart.xlsx) — adding only the
 * results sheet.
 */
import { copyFileSync, linkSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { strFromU8, unzipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { NODE_FILE_OPS, type FileOps } from '../../src/cli/safe-write';
import { readXlsxSheets } from '../../src/cli/xlsx-workbook';

const ROOT = path.resolve(__dirname, '..', '..');
const OFFICE = path.join(ROOT, 'test', 'fixtures', 'office-with-chart.xlsx');
const SAMPLE = path.join(ROOT, 'examples', 'balikpapan.xlsx');
const NOW = new Date('2026-11-24T06:00:00Z');

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function cli(args: string[], fileOps?: FileOps): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await main(args, out, err, NOW, fileOps ? { fileOps } : {});
  return { code, out: out.text, err: err.text };
}

/** A folder of its own holding a copy of `source` as `name`. */
function workspace(source: string, name = 'kantor.xlsx'): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-out-'));
  const file = path.join(dir, name);
  copyFileSync(source, file);
  return { dir, file };
}

/** The XML start tags of a part, in order, with count attributes blanked (they are recounted when elements are appended). */
function tags(xml: string): string[] {
  return (xml.match(/<[^>]+>/g) ?? []).map((tag) => tag.replace(/\scount="\d+"/, ' count=""'));
}

/** The tags of `changed` that are not in `original`, checking that `original`'s tags all appear in `changed`, in order. */
function insertedTags(original: string, changed: string): string[] {
  const before = tags(original);
  const after = tags(changed);
  const inserted: string[] = [];
  let i = 0;
  for (const tag of after) {
    if (i < before.length && tag === before[i]) i += 1;
    else inserted.push(tag);
  }
  expect(i).toBe(before.length);
  return inserted;
}

describe('--out never touches the input', () => {
  const names = (dir: string, file: string): Array<[string, () => string]> => [
    ['the same path', () => file],
    ['a relative path through ..', () => path.relative(process.cwd(), path.join(dir, '..', path.basename(dir), '.', path.basename(file)))],
    ['a symbolic link', () => {
      const link = path.join(dir, 'tautan.xlsx');
      symlinkSync(file, link);
      return link;
    }],
    ['a hard link', () => {
      const link = path.join(dir, 'salinan-keras.xlsx');
      linkSync(file, link);
      return link;
    }],
  ];

  test.each(['the same path', 'a relative path through ..', 'a symbolic link', 'a hard link'])('refused when --out names the input by %s: exit 2, input byte for byte, nothing else written', async (label) => {
    const { dir, file } = workspace(OFFICE);
    const [, target] = names(dir, file).find(([name]) => name === label)!;
    const out = target();
    const before = readFileSync(file);
    const listing = readdirSync(dir).sort();
    const { code, err, out: stdout } = await cli(['check', file, '--out', out]);
    expect(code).toBe(2);
    expect(err).toContain(`--out '${out}' adalah berkas masukan itu sendiri`);
    expect(stdout).toBe('');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(listing);
    expect((await cli(['check', file, '--out', out, '--lang', 'en'])).err).toContain(`--out '${out}' is the input file itself`);
  });

  test('a full disk while writing: exit 2 with a plain message, the input and an existing target unchanged, no temporary file left', async () => {
    const { dir, file } = workspace(OFFICE);
    const target = path.join(dir, 'hasil.xlsx');
    writeFileSync(target, 'hasil lama');
    const input = readFileSync(file);
    let written = 0;
    const fullDisk: FileOps = {
      ...NODE_FILE_OPS,
      write: (fd, bytes, offset) => {
        if (written >= 8192) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        const n = NODE_FILE_OPS.write(fd, bytes.subarray(0, Math.min(bytes.length, offset + 4096)), offset);
        written += n;
        return n;
      },
    };
    const { code, err, out } = await cli(['check', file, '--out', target], fullDisk);
    expect(code).toBe(2);
    expect(err).toBe(`--out '${target}' tidak dapat ditulis (disk penuh); tidak ada berkas yang diubah.\n`);
    expect(out).toBe('');
    expect(written).toBe(8192);
    expect(readFileSync(file).equals(input)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('hasil lama');
    expect(readdirSync(dir).sort()).toEqual(['hasil.xlsx', 'kantor.xlsx']);
  });
});

describe('the copy keeps every part of the original', () => {
  test('a workbook with a chart, an image, notes, styles and a defined name: every part byte for byte, only the results sheet added', async () => {
    const { dir, file } = workspace(OFFICE);
    const target = path.join(dir, 'hasil.xlsx');
    const { code, err } = await cli(['check', file, '--out', target]);
    expect(code).toBe(0);
    expect(err).toBe(`Salinan dengan sheet Hasil Pemeriksaan ditulis ke ${target}\n`);
    const original = unzipSync(readFileSync(file));
    const copy = unzipSync(readFileSync(target));
    // The fixture carries what a rewrite through a spreadsheet library drops.
    expect(Object.keys(original)).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/media/image1.png', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']));

    const insertedInto = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];
    for (const [part, bytes] of Object.entries(original)) {
      if (insertedInto.includes(part)) continue;
      expect([part, Buffer.from(copy[part] ?? []).equals(Buffer.from(bytes))]).toEqual([part, true]);
    }
    const added = Object.keys(copy).filter((part) => !(part in original));
    expect(added).toEqual(['xl/worksheets/sheet5.xml']);

    const text = (parts: Record<string, Uint8Array>, part: string): string => strFromU8(parts[part]!);
    expect(insertedTags(text(original, 'xl/workbook.xml'), text(copy, 'xl/workbook.xml'))).toEqual(['<sheet name="Hasil Pemeriksaan" sheetId="5" r:id="rId8"/>']);
    expect(insertedTags(text(original, 'xl/_rels/workbook.xml.rels'), text(copy, 'xl/_rels/workbook.xml.rels'))).toEqual([
      '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet5.xml"/>',
    ]);
    expect(insertedTags(text(original, '[Content_Types].xml'), text(copy, '[Content_Types].xml'))).toEqual([
      '<Override PartName="/xl/worksheets/sheet5.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>',
    ]);
    // Styles: only appended fonts, fills and cell formats; every existing style index keeps its meaning.
    const styleTags = insertedTags(text(original, 'xl/styles.xml'), text(copy, 'xl/styles.xml'));
    // (The fixture's own bold font is reused, so no font is added here.)
    expect(styleTags.length).toBeGreaterThan(0);
    expect(styleTags.map((tag) => /^<\/?(\w+)/.exec(tag)![1]).filter((name) => !['fill', 'patternFill', 'fgColor', 'bgColor', 'xf', 'alignment'].includes(name!))).toEqual([]);
    const xfs = (xml: string): string[] => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1]!.match(/<xf\b[^>]*>/g)!;
    expect(xfs(text(copy, 'xl/styles.xml')).slice(0, xfs(text(original, 'xl/styles.xml')).length)).toEqual(xfs(text(original, 'xl/styles.xml')));

    // The workbook reader sees the original sheets' values unchanged and the results after them.
    const before = (await readXlsxSheets(file));
    const after = (await readXlsxSheets(target));
    expect(after.map((s) => s.name)).toEqual([...before.map((s) => s.name), 'Hasil Pemeriksaan']);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)!.values.filter((row) => String(row[0]).startsWith('KKMP-'))).toHaveLength(34);
  });

  test("checking a copy again refreshes its results sheet in place and leaves every other part as it was", async () => {
    const { dir, file } = workspace(OFFICE);
    const first = path.join(dir, 'hasil-1.xlsx');
    const second = path.join(dir, 'hasil-2.xlsx');
    expect((await cli(['check', file, '--out', first])).code).toBe(0);
    expect((await cli(['check', first, '--out', second, '--as-of', '01/01/2027'])).code).toBe(0);
    const a = unzipSync(readFileSync(first));
    const b = unzipSync(readFileSync(second));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    const changed = Object.keys(a).filter((part) => !Buffer.from(a[part]!).equals(Buffer.from(b[part]!)));
    expect(changed).toEqual(['xl/worksheets/sheet5.xml']);
    const results = (await readXlsxSheets(second)).at(-1)!;
    expect(results.name).toBe('Hasil Pemeriksaan');
    expect(results.values.flat().some((cell) => String(cell).startsWith('2027-01-01'))).toBe(true);
  });

  test('a CSV register gives a workbook of its own: the register exactly as typed, then the results', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pantau-out-'));
    const csv = path.join(dir, 'register.csv');
    writeFileSync(csv, 'ID Koperasi;Nama Koperasi;Nomor Akta;Tanggal Akta;Modal Simpan Pinjam (Rp)\nKKMP-1;=1+1;007;10/07/2025;Rp 120.000.000\n');
    const target = path.join(dir, 'hasil.xlsx');
    expect((await cli(['check', csv, '--out', target])).code).toBe(0);
    const sheets = (await readXlsxSheets(target));
    expect(sheets.map((s) => s.name)).toEqual(['Koperasi', 'Hasil Pemeriksaan']);
    expect(sheets[0]!.values[1]).toEqual(['KKMP-1', '=1+1', '007', '10/07/2025', 'Rp 120.000.000']);
  });

  test('the sample made by the generator keeps its parts too', async () => {
    const { dir, file } = workspace(SAMPLE);
    const target = path.join(dir, 'hasil.xlsx');
    expect((await cli(['check', file, '--out', target])).code).toBe(0);
    const original = unzipSync(readFileSync(file));
    const copy = unzipSync(readFileSync(target));
    const same = Object.keys(original).filter((part) => Buffer.from(original[part]!).equals(Buffer.from(copy[part] ?? [])));
    expect(Object.keys(original).filter((part) => !same.includes(part)).sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml']);
  });
});

/**
 * Reading a workbook: header matching, co-op sheets by the same code path,
 * and every kind of problem reported with its sheet, row and column.
 */
import { readWorkbook, type SheetValues } from '../../../src/core/workbook/workbook-reader';
import { MEETING_COLUMNS, MENTOR_COLUMNS, REGISTER_COLUMNS } from '../../../src/core/workbook/columns';
import { coop, meeting, mentor } from '../../support/records';
import { tableRows } from '../../support/workbook-fixture';

const context = { dateToIso: (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10) };

function sheets(parts: { coops?: ReturnType<typeof coop>[]; extra?: SheetValues[]; register?: unknown[][] } = {}): SheetValues[] {
  return [
    { name: 'Koperasi', values: parts.register ?? tableRows(REGISTER_COLUMNS, parts.coops ?? [coop()]) },
    { name: 'RAT', values: tableRows(MEETING_COLUMNS, [meeting()]) },
    { name: 'Pendamping', values: tableRows(MENTOR_COLUMNS, [mentor()]) },
    ...(parts.extra ?? []),
  ];
}

const texts = (read: ReturnType<typeof readWorkbook>): string[] => read.problems.map((p) => p.text.id);

describe('readWorkbook', () => {
  test('a well-formed workbook reads back the records it was made from', () => {
    const read = readWorkbook(sheets(), context);
    expect(read.problems).toEqual([]);
    expect(read.coops).toEqual([coop()]);
    expect(read.meetings).toEqual([meeting()]);
    expect(read.mentors).toEqual([mentor()]);
    expect(read.origins).toEqual({ 'KKMP-BPP-01': { sheet: 'Koperasi', row: 2 } });
  });

  test('headers match ignoring case, spaces, units and by synonym; header may sit under a title; columns may move', () => {
    const values = tableRows(REGISTER_COLUMNS, [coop()]);
    const header = values[0]!.map((label) => `  ${String(label).toUpperCase()}  `);
    header[0] = 'kode koperasi';
    const reordered = [header, values[1]!].map((row) => [...row.slice(5), ...row.slice(0, 5)]);
    const read = readWorkbook(sheets({ register: [['Register koperasi Balikpapan'], [], ...reordered] }), context);
    expect(read.problems).toEqual([]);
    expect(read.coops[0]).toEqual(coop());
    expect(read.origins['KKMP-BPP-01']).toEqual({ sheet: 'Koperasi', row: 4 });
  });

  test('an unreadable cell is reported with sheet, row, column, value and expectation; the co-op is still read', () => {
    const values = tableRows(REGISTER_COLUMNS, [coop()]);
    const col = REGISTER_COLUMNS.findIndex((c) => c.field === 'spCapital');
    values[1]![col] = '15,000';
    const read = readWorkbook(sheets({ register: values }), context);
    expect(texts(read)).toEqual(["sheet Koperasi, baris 2, kolom Modal Simpan Pinjam (Q): nilai '15,000' tidak terbaca; yang diharapkan: jumlah yang jelas: koma di sini bisa berarti ribuan atau desimal; tulis 15.000 atau 15000."]);
    expect(read.problems[0]!.location).toEqual({ sheet: 'Koperasi', row: 2, column: 'Modal Simpan Pinjam (Q)' });
    expect(read.coops[0]).toMatchObject({ id: 'KKMP-BPP-01', spCapital: null, unreadable: ['spCapital'] });
  });

  test('duplicate IDs are reported and not merged; blank IDs and blank rows', () => {
    const values = tableRows(REGISTER_COLUMNS, [coop(), coop({ name: 'Salinan' }), coop({ id: '' })]);
    values.splice(2, 0, REGISTER_COLUMNS.map(() => ''));
    const read = readWorkbook(sheets({ register: values }), context);
    expect(read.coops.map((c) => c.name)).toEqual(['Koperasi Kelurahan Merah Putih Graha Indah']);
    expect(texts(read)).toEqual([
      "sheet Koperasi, baris 4: ID Koperasi 'KKMP-BPP-01' sudah dipakai di sheet Koperasi, baris 2; baris ini dilewati, tidak digabung.",
      'sheet Koperasi, baris 5: ID Koperasi kosong; baris ini dilewati.',
    ]);
  });

  test('RAT rows for unknown co-ops and mentors not listed are reported', () => {
    const read = readWorkbook(
      [
        { name: 'Koperasi', values: tableRows(REGISTER_COLUMNS, [coop({ mentorId: 'PD-09' })]) },
        { name: 'RAT', values: tableRows(MEETING_COLUMNS, [meeting(), meeting({ coopId: 'KKMP-XX' })]) },
        { name: 'Pendamping', values: tableRows(MENTOR_COLUMNS, [mentor(), mentor({ name: 'dua kali' })]) },
      ],
      context,
    );
    expect(read.meetings).toHaveLength(1);
    expect(read.mentors).toHaveLength(1);
    expect(texts(read)).toEqual([
      "sheet RAT, baris 3: koperasi 'KKMP-XX' tidak ada di sheet Koperasi; baris RAT ini tidak dipakai.",
      "sheet Pendamping, baris 3: ID Pendamping 'PD-01' sudah dipakai di sheet Pendamping, baris 2; baris ini dilewati, tidak digabung.",
      "sheet Koperasi, baris 2: pendamping 'PD-09' tidak ada di sheet Pendamping.",
    ]);
  });

  test('missing sheets and missing required columns are reported once, clearly', () => {
    const noId = tableRows(REGISTER_COLUMNS, [coop()]).map((row) => row.slice(1));
    noId[0]![0] = 'Nama Koperasi';
    const read = readWorkbook([{ name: 'Koperasi', values: [['Nama Koperasi', 'ID Pendamping'], ['x', 'y']] }], context);
    expect(texts(read)).toEqual([
      "sheet Koperasi: baris judul tidak ditemukan di 10 baris pertama (harus memuat 'ID Koperasi').",
      "sheet 'RAT' tidak ada; jalankan Siapkan buku kerja.",
      "sheet 'Pendamping' tidak ada; jalankan Siapkan buku kerja.",
    ]);
    const missingYear = readWorkbook([...sheets().slice(0, 1), { name: 'RAT', values: [['ID Koperasi', 'Tanggal RAT']] }, sheets()[2]!], context);
    expect(texts(missingYear)).toEqual(['sheet RAT, baris 1: kolom wajib tidak ditemukan: Tahun Buku. Baris judul harus memuat label ini.']);
  });

  test('a co-op sheet is read by the same code path as a register row', () => {
    const onlySheet = coop({ id: 'KOP-LEMBAR', mentorId: null });
    const labels = tableRows(REGISTER_COLUMNS, [onlySheet]);
    const coopSheet: SheetValues = { name: 'KOP-LEMBAR', values: [['PROFIL KOPERASI', ''], ...labels[0]!.map((label, i) => [label, labels[1]![i]])] };
    const read = readWorkbook(sheets({ extra: [coopSheet] }), context);
    expect(read.problems).toEqual([]);
    expect(read.coops).toEqual([coop(), onlySheet]);
    expect(read.origins['KOP-LEMBAR']).toEqual({ sheet: 'KOP-LEMBAR', row: 2 });
  });

  test('a co-op sheet for a register co-op is a view: differences reported, register wins', () => {
    const labels = tableRows(REGISTER_COLUMNS, [coop({ spCapital: 1 })]);
    const view: SheetValues = { name: 'KKMP-BPP-01', values: [['PROFIL KOPERASI', ''], ...labels[0]!.map((label, i) => [label, labels[1]![i]]), [], ['HASIL PEMERIKSAAN', 'x']] };
    const read = readWorkbook(sheets({ extra: [view] }), context);
    expect(read.coops).toEqual([coop()]);
    expect(texts(read)).toEqual(["sheet KKMP-BPP-01, baris 18, kolom Modal Simpan Pinjam (B): Modal Simpan Pinjam '1' berbeda dengan sheet Koperasi ('600000000'); data sheet Koperasi yang dipakai."]);
  });

  test('the Parameter sheet gives overrides with their row', () => {
    const read = readWorkbook(sheets({ extra: [{ name: 'Parameter', values: [['Kunci', 'Nilai', 'Keterangan'], ['spMinCapital', 'Rp 250.000.000', ''], ['mentorMaxLoad', 'tujuh', '']] }] }), context);
    expect(read.parameterOverrides).toEqual([
      { key: 'spMinCapital', value: 250_000_000, source: 'sheet Parameter, baris 2' },
      { key: 'mentorMaxLoad', value: 'tujuh', source: 'sheet Parameter, baris 3' },
    ]);
  });
});

describe('readWorkbook: issue 14 kinds', () => {
  const en = (read: ReturnType<typeof readWorkbook>): string[] => read.problems.map((p) => p.text.en);

  test('a mentor contract that starts after it ends is reported, kept as typed (so active on no day)', () => {
    const values = tableRows(MENTOR_COLUMNS, [mentor({ startsOn: '2026-12-31', endsOn: '2026-01-01' })]);
    const read = readWorkbook([...sheets().filter((s) => s.name !== 'Pendamping'), { name: 'Pendamping', values }], context);
    expect(en(read)).toEqual([expect.stringContaining('sheet Pendamping, row 2: Mulai Tugas 31/12/2026 is after Akhir Tugas 01/01/2026')]);
    expect(read.mentors[0]).toMatchObject({ startsOn: '2026-12-31', endsOn: '2026-01-01' });
  });

  test('IDs typed differently are one co-op; a look-alike ID is a possible duplicate, reported', () => {
    const register = tableRows(REGISTER_COLUMNS, [coop({ id: 'KKMP-BPP-01' }), coop({ id: 'kkmp – bpp – 01' }), coop({ id: 'KKMР-BPP-01' })]);
    const read = readWorkbook(sheets({ register }), context);
    expect(read.coops.map((c) => c.id)).toEqual(['KKMP-BPP-01', 'KKMР-BPP-01']);
    expect(en(read)).toEqual([
      expect.stringContaining("sheet Koperasi, row 3: ID Koperasi 'kkmp – bpp – 01' is already used at sheet Koperasi, row 2"),
      expect.stringContaining("sheet Koperasi, row 4: ID Koperasi 'KKMР-BPP-01' only looks like 'KKMP-BPP-01' at sheet Koperasi, row 2"),
    ]);
  });

  test('a month-first locale is warned about once; an Indonesian one is not', () => {
    expect(en(readWorkbook(sheets(), { ...context, locale: 'en_US' }))).toEqual([expect.stringContaining("This spreadsheet's locale (en_US) reads dates month first")]);
    expect(en(readWorkbook(sheets(), { ...context, locale: 'in_ID' }))).toEqual([]);
  });

  test('the plausible-date window follows the Parameter sheet', () => {
    const register = tableRows(REGISTER_COLUMNS, [coop({ deedDate: '1950-06-01', skAhuDate: '1950-07-01' })]);
    const base = sheets({ register });
    expect(en(readWorkbook(base, { ...context, asOf: '2026-08-01' }))).toEqual([]);
    const parameters = { name: 'Parameter', values: [['Kunci', 'Nilai', 'Keterangan'], ['plausibleFromYear', 1960, '']] };
    const read = readWorkbook([...base, parameters], { ...context, asOf: '2026-08-01' });
    expect(en(read)).toEqual([expect.stringContaining('Tanggal Akta'), expect.stringContaining('Tanggal SK AHU')]);
    expect(read.coops[0]!.unreadable).toEqual(['deedDate', 'skAhuDate']);
  });
});

/**
 * "Siapkan buku kerja" in the sandbox: on an empty workbook it creates every
 * sheet with headers, formats and dropdowns; on a filled one it adds only what
 * is missing and changes nothing else; running it twice changes nothing.
 */
import { balikpapanSample } from '../../examples/balikpapan-data';
import { PARAMETERS } from '../../src/core/rule-data';
import { MEETING_COLUMNS, MENTOR_COLUMNS, REGISTER_COLUMNS, headerText } from '../../src/core/workbook/columns';
import { loadBundle } from '../support/apps-script-sandbox';
import { FakeSpreadsheetApp, type FakeDataValidation } from '../support/fakes/spreadsheet-app';
import { workbookFrom } from '../support/workbook-fixture';

describe('set up the workbook', () => {
  test('an empty workbook gets every sheet with bold, frozen headers, formats and dropdowns', () => {
    const sandbox = loadBundle();
    expect(sandbox.call('setupWorkbookFromMenu')).toBeUndefined();
    const ss = sandbox.spreadsheet;
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Koperasi', 'RAT', 'Pendamping', 'Parameter', 'Kunjungan']);
    const register = ss.getSheetByName('Koperasi')!;
    expect(register.dump()).toEqual([REGISTER_COLUMNS.map(headerText)]);
    expect(register.dump()[0]).toContain('Modal Simpan Pinjam (Rp)');
    expect(register.getFrozenRows()).toBe(1);
    expect(register.meta('fontWeight').get('1,1')).toBe('bold');
    const col = (field: string): number => REGISTER_COLUMNS.findIndex((c) => c.field === field) + 1;
    expect(register.meta('numberFormat').get(`2,${col('deedDate')}`)).toBe('dd/mm/yyyy');
    expect(register.meta('numberFormat').get(`500,${col('spCapital')}`)).toBe('"Rp" #,##0');
    const kelurahan = register.meta('validation').get(`2,${col('kelurahan')}`) as FakeDataValidation;
    expect(kelurahan.values).toHaveLength(34);
    expect(kelurahan.allowInvalid).toBe(true);
    expect((register.meta('validation').get(`2,${col('bankAccount')}`) as FakeDataValidation).values).toEqual(['Ya', 'Tidak']);
    expect((register.meta('validation').get(`2,${col('mentorId')}`) as FakeDataValidation).values).toEqual(['Pendamping!A2:A1000']);
    expect((register.meta('validation').get(`2,${col('outletStatus')}`) as FakeDataValidation).values).toEqual(['Belum', 'Pembangunan', 'Beroperasi']);
    expect(ss.getSheetByName('RAT')!.dump()).toEqual([MEETING_COLUMNS.map(headerText)]);
    expect(ss.getSheetByName('Pendamping')!.dump()).toEqual([MENTOR_COLUMNS.map(headerText)]);
    const parameters = ss.getSheetByName('Parameter')!.dump();
    expect(parameters[0]).toEqual(['Kunci', 'Nilai', 'Keterangan']);
    expect(parameters.slice(1).map((r) => [r[0], r[1]])).toEqual(Object.entries(PARAMETERS.parameters).map(([k, s]) => [k, s.default]));
    expect(parameters[1]![2]).toMatch(/^Batas RAT: .* Bawaan: 6\. Sumber: /);
    expect(sandbox.spreadsheetApp.ui.alerts[0]).toBe(`Buku kerja siap. Sheet dibuat: Koperasi, RAT, Pendamping, Parameter, Kunjungan. Kolom ditambahkan: tidak ada. Parameter ditambahkan: ${Object.keys(PARAMETERS.parameters).join(', ')}.`);
  });

  test('a filled workbook keeps every typed cell; only missing columns, sheets and parameters are added', () => {
    const input = balikpapanSample();
    const ss = workbookFrom(input, { parameters: [['spMinCapital', 250_000_000]] });
    const register = ss.getSheetByName('Koperasi')!;
    const withoutPartners = register.dump().map((row) => row.slice(0, -1));
    for (let r = 1; r <= register.getLastRow(); r += 1) register.setCell(r, REGISTER_COLUMNS.length, '');
    const before = { register: register.snapshot(), rat: ss.getSheetByName('RAT')!.snapshot(), mentors: ss.getSheetByName('Pendamping')!.snapshot() };
    const sandbox = loadBundle({ spreadsheet: ss });
    const outcome = sandbox.call('setupWorkbookFromMenu');
    expect(outcome).toBeUndefined();
    expect(register.dump().map((row) => row.slice(0, -1))).toEqual(withoutPartners);
    expect(register.dump()[0]!.at(-1)).toBe('Mitra Usaha');
    expect(ss.getSheetByName('RAT')!.snapshot()).toBe(before.rat);
    expect(ss.getSheetByName('Pendamping')!.snapshot()).toBe(before.mentors);
    const parameters = ss.getSheetByName('Parameter')!.dump();
    expect(parameters[1]).toEqual(['spMinCapital', 250_000_000, '']);
    expect(parameters).toHaveLength(1 + Object.keys(PARAMETERS.parameters).length);
    expect(sandbox.spreadsheetApp.ui.alerts[0]).toMatch(/Sheet dibuat: Kunjungan\. Kolom ditambahkan: Koperasi: Mitra Usaha\./);
  });

  test('running it twice changes nothing the second time', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample()) });
    sandbox.call('setupWorkbookFromMenu');
    const snapshots = (): string[] => sandbox.spreadsheet.getSheets().map((s) => `${s.getName()}:${s.snapshot()}`);
    const first = snapshots();
    sandbox.spreadsheetApp.resetCounts();
    sandbox.call('setupWorkbookFromMenu');
    expect(snapshots()).toEqual(first);
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
    expect(sandbox.spreadsheetApp.ui.alerts[1]).toBe('Buku kerja siap. Sheet dibuat: tidak ada. Kolom ditambahkan: tidak ada. Parameter ditambahkan: tidak ada.');
  });

  test('a sheet with data but no recognisable header is left alone and named', () => {
    const app = new FakeSpreadsheetApp();
    app.getActiveSpreadsheet().insertSheet('RAT').seed([['catatan rapat'], ['2025: belum']]);
    const sandbox = loadBundle({ spreadsheet: app.getActiveSpreadsheet() });
    sandbox.call('setupWorkbookFromMenu');
    expect(sandbox.spreadsheet.getSheetByName('RAT')!.dump()).toEqual([['catatan rapat'], ['2025: belum']]);
    expect(sandbox.spreadsheetApp.ui.alerts[0]).toContain('Sheet RAT sudah berisi data tanpa baris judul yang dikenali; tidak diubah.');
  });

  test('then a full check works on the workbook it set up and filled', () => {
    const sandbox = loadBundle();
    sandbox.call('setupWorkbookFromMenu');
    const register = sandbox.spreadsheet.getSheetByName('Koperasi')!;
    register.seed([['KKMP-BPP-01', 'Koperasi Kelurahan Merah Putih Manggar', 'Manggar', 'Balikpapan Timur', '12', '10/07/2025', 'Notaris', 'AHU-1', '20/07/2025']], 2);
    sandbox.run('runCheckAll');
    const results = sandbox.spreadsheet.getSheetByName('Hasil Pemeriksaan')!.dump();
    expect(results[1]!.slice(0, 6)).toEqual(['KKMP-BPP-01', 'Koperasi Kelurahan Merah Putih Manggar', 'BERBADAN HUKUM', 'TERLAMBAT', 'TANPA PENDAMPING', 'BELUM SIAP']);
  });
});

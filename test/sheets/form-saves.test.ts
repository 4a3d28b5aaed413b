/**
 * Saving the sidebar's forms through the bundle in the sandbox: the server
 * checks again, writes a new row in one batched write, or only an edit's
 * changed cells, under the lock, and answers with refreshed statuses; on an
 * error it writes nothing and says which field to fix.
 */
import { balikpapanSample } from '../../examples/balikpapan-data';
import { REGISTER_COLUMNS } from '../../src/core/workbook/columns';
import type { FormSubmission, SaveOutcome } from '../../src/shared/forms';
import type { CoopView, SidebarData, WorkbookData } from '../../src/shared/sidebar-api';
import { loadBundle } from '../support/apps-script-sandbox';
import { editSubmission, mentorSubmission } from '../support/form-submissions';
import { sheetDate, workbookFrom } from '../support/workbook-fixture';

const NOW = new Date('2026-11-24T06:00:00Z');
const col = (field: string): number => REGISTER_COLUMNS.findIndex((c) => c.field === field) + 1;

function setUp() {
  const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample()), now: NOW });
  sandbox.spreadsheetApp.resetCounts();
  return sandbox;
}

const newCoop = (values: Record<string, string | boolean> = {}): FormSubmission => ({
  kind: 'coop',
  editing: null,
  values: { id: 'KKMP-BPP-35', name: 'Koperasi Kelurahan Merah Putih Contoh', kecamatan: 'Balikpapan Kota', kelurahan: 'Damai', deedNumber: '77', deedDate: '2025-07-01', skAhuNumber: 'AHU-9', skAhuDate: '2025-07-15', nib: '9120001234567', bankAccount: true, members: '21', ...values },
});

describe('saving forms', () => {
  test('the sidebar data opens with live statuses, the attention list worst first, and the form context', () => {
    const sandbox = setUp();
    const data = sandbox.run('getSidebarData') as SidebarData;
    expect(data.summary.coopCount).toBe(41);
    expect(data.attention.items.length).toBeGreaterThan(0);
    expect(data.attention.items[0]!.reasons.length).toBeGreaterThan(0);
    expect(data.context.coopIds).toHaveLength(41);
    expect(data.context.mentorLoads['PD-01']).toBe(6);
    expect(data.lastCheck).toBeNull();
    sandbox.run('runCheckAll');
    expect((sandbox.run('getSidebarData') as SidebarData).lastCheck).toBe('24/11/2026 14:00');
  });

  test('a new co-op is one appended row, one write, and comes back checked', () => {
    const sandbox = setUp();
    const register = sandbox.spreadsheet.getSheetByName('Koperasi')!;
    const rows = register.getLastRow();
    sandbox.spreadsheetApp.resetCounts();
    const outcome = sandbox.run('saveSidebarForm', newCoop()) as SaveOutcome;
    expect(outcome.ok).toBe(true);
    expect(outcome.message.id).toBe('Tersimpan.');
    expect(sandbox.spreadsheetApp.counts.byMethod.setValues).toBe(1);
    expect(register.getLastRow()).toBe(rows + 1);
    expect(register.cell(rows + 1, col('deedDate'))).toEqual(sheetDate('2025-07-01'));
    expect(register.cell(rows + 1, col('bankAccount'))).toBe('Ya');
    expect(register.cell(rows + 1, col('members'))).toBe(21);
    const added = (sandbox.run('getCoopView', 'KKMP-BPP-35') as CoopView).result;
    expect(added.checks.legal.status).toBe('BERBADAN_HUKUM');
    expect(outcome.refreshed!.summary.coopCount).toBe(42);
  });

  test('editing a co-op writes only the changed cells: other fields and formulas stay', () => {
    const sandbox = setUp();
    const register = sandbox.spreadsheet.getSheetByName('Koperasi')!;
    register.getRange(3, col('partners')).setValue('=CONCAT("Bul";"og")');
    register.getRange(3, col('spCapital')).setValue('=1000*1000');
    const before = register.dump()[2]!;
    const data = { workbook: sandbox.run('getWorkbookData') as WorkbookData };
    sandbox.spreadsheetApp.resetCounts();
    const submission = editSubmission(data, 'coop', 'KKMP-BPP-02', { name: 'KKMP Manggar Baru (diubah)', npwp: '99.999.999.9-721.000' });
    expect(Object.keys(submission.values).sort()).toEqual(['name', 'npwp']);
    const outcome = sandbox.run('saveSidebarForm', submission) as SaveOutcome;
    expect(outcome.ok).toBe(true);
    expect(sandbox.spreadsheetApp.counts.byMethod.setValues).toBe(2);
    const after = register.dump()[2]!;
    expect(after[col('name') - 1]).toBe('KKMP Manggar Baru (diubah)');
    expect(after[col('npwp') - 1]).toBe('99.999.999.9-721.000');
    expect(register.meta('formula').get(`3,${col('partners')}`)).toBe('=CONCAT("Bul";"og")');
    expect(register.meta('formula').get(`3,${col('spCapital')}`)).toBe('=1000*1000');
    const others = (row: unknown[]): unknown[] => row.filter((_, i) => i + 1 !== col('name') && i + 1 !== col('npwp'));
    expect(others(after)).toEqual(others(before));
  });

  test.each<[string, FormSubmission, string, string]>([
    ['NIB of 12 digits', newCoop({ nib: '912000123456' }), 'nib', 'NIB harus 13 digit (tertulis 12 digit).'],
    ['deed date in the future', newCoop({ deedDate: '2027-01-01', skAhuDate: '' }), 'deedDate', 'Tanggal tidak boleh setelah hari ini (24/11/2026).'],
    ['deed after SK', newCoop({ deedDate: '2025-08-01' }), 'skAhuDate', 'Tanggal akta harus sebelum atau sama dengan tanggal SK AHU.'],
    ['duplicate ID', newCoop({ id: 'kkmp-bpp-01' }), 'id', "ID 'kkmp-bpp-01' sudah dipakai."],
    ['missing name', newCoop({ name: '  ' }), 'name', 'Wajib diisi.'],
    ['negative members', newCoop({ members: '-3' }), 'members', 'Tidak terbaca; yang diharapkan: bilangan bulat 0 atau lebih.'],
    ['unknown mentor', newCoop({ mentorId: 'PD-99' }), 'mentorId', "Pendamping 'PD-99' tidak ada di sheet Pendamping."],
    ['RAT for an unknown co-op', { kind: 'rat', editing: null, values: { coopId: 'KKMP-XX', bookYear: '2025', heldOn: '2026-04-01' } }, 'coopId', "Koperasi 'KKMP-XX' tidak ada di sheet Koperasi."],
    ['more present than members', { kind: 'rat', editing: null, values: { coopId: 'KKMP-BPP-03', bookYear: '2025', heldOn: '2026-04-01', membersPresent: '30', members: '20' } }, 'membersPresent', 'Anggota hadir (30) tidak boleh lebih dari jumlah anggota (20).'],
    ['report before the meeting', { kind: 'rat', editing: null, values: { coopId: 'KKMP-BPP-03', bookYear: '2025', heldOn: '2026-04-01', reportedOn: '2026-03-01' } }, 'reportedOn', 'Tanggal laporan tidak boleh sebelum tanggal RAT.'],
    ['mentor contract ending before it starts', { kind: 'mentor', editing: null, values: { id: 'PD-08', name: 'Baru', startsOn: '2026-06-01', endsOn: '2026-01-01' }, assigned: [], assignments: [] }, 'endsOn', 'Akhir tugas harus setelah mulai tugas.'],
  ])('%s: the right message on the right field, nothing written', (_name, submission, field, text) => {
    const sandbox = setUp();
    const before = sandbox.spreadsheet.getSheets().map((s) => s.snapshot());
    const outcome = sandbox.run('saveSidebarForm', submission) as SaveOutcome;
    expect(outcome.ok).toBe(false);
    expect(outcome.errors).toContainEqual({ field, text: expect.objectContaining({ id: text }) });
    expect(outcome.refreshed).toBeNull();
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
    expect(sandbox.spreadsheet.getSheets().map((s) => s.snapshot())).toEqual(before);
  });

  test('an edit of one date is checked against the other date as the sheet holds it', () => {
    const sandbox = setUp();
    const before = sandbox.spreadsheet.getSheets().map((s) => s.snapshot());
    const outcome = sandbox.run('saveSidebarForm', editSubmission({ workbook: sandbox.run('getWorkbookData') as WorkbookData }, 'coop', 'KKMP-BPP-02', { deedDate: '2025-08-01' })) as SaveOutcome;
    expect(outcome.ok).toBe(false);
    expect(outcome.errors).toEqual([{ field: 'deedDate', text: expect.objectContaining({ id: 'Tanggal akta harus sebelum atau sama dengan tanggal SK AHU.' }) }]);
    expect(sandbox.spreadsheet.getSheets().map((s) => s.snapshot())).toEqual(before);
  });

  test('an old inconsistency in fields the edit does not touch does not block it', () => {
    const sandbox = setUp();
    const rat = sandbox.spreadsheet.getSheetByName('RAT')!;
    const row = rat.dump().findIndex((r) => r[0] === 'KKMP-BPP-01') + 1;
    rat.setCell(row, 6, sheetDate('2026-01-02')); // report before the meeting, typed in the sheet
    const data = { workbook: sandbox.run('getWorkbookData') as WorkbookData };
    const index = data.workbook.meetings.findIndex((m) => m.coopId === 'KKMP-BPP-01');
    const outcome = sandbox.run('saveSidebarForm', editSubmission(data, 'rat', String(index), { membersPresent: '16' })) as SaveOutcome;
    expect(outcome.errors).toEqual([]);
    expect(outcome.ok).toBe(true);
  });

  test('recording a RAT appends one row and changes the co-op\'s RAT status', () => {
    const sandbox = setUp();
    const rat = sandbox.spreadsheet.getSheetByName('RAT')!;
    const rows = rat.getLastRow();
    const outcome = sandbox.run('saveSidebarForm', { kind: 'rat', editing: null, values: { coopId: 'KKMP-BPP-03', bookYear: '2025', heldOn: '2026-08-20', membersPresent: '12', members: '18', reportedOn: '2026-09-05' } }) as SaveOutcome;
    expect(outcome.ok).toBe(true);
    expect(rat.getLastRow()).toBe(rows + 1);
    expect((sandbox.run('getCoopView', 'KKMP-BPP-03') as CoopView).result.checks.rat.status).toBe('SELESAI');
  });

  test('a mentor with assignments: one row in Pendamping, only the changed Pendamping cells (contiguous rows share a write), a warning above the maximum', () => {
    const sandbox = setUp();
    const assigned = ['KKMP-BPP-25', 'KKMP-BPP-26', 'KKMP-BPP-27', 'KKMP-BPP-28', 'KKMP-BPP-31', 'KKMP-BPP-32'];
    const data = { workbook: sandbox.run('getWorkbookData') as WorkbookData };
    sandbox.spreadsheetApp.resetCounts();
    const outcome = sandbox.run('saveSidebarForm', mentorSubmission(data, null, { id: 'PD-08', name: 'Mentor Baru', skills: 'keuangan', startsOn: '2026-11-01', endsOn: '2027-10-31' }, assigned)) as SaveOutcome;
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings.map((w) => w.text.id)).toEqual(['Pendamping ini akan mendampingi 6 koperasi, melebihi batas 5.']);
    // The mentor's row, rows 26–29 of the register, rows 32–33.
    expect(sandbox.spreadsheetApp.counts.byMethod.setValues).toBe(3);
    const register = sandbox.spreadsheet.getSheetByName('Koperasi')!.dump();
    expect(register.filter((row) => row[col('mentorId') - 1] === 'PD-08').map((row) => row[0])).toEqual(assigned);
    expect(outcome.refreshed!.summary.mentorsOverLoad).toContain('PD-08');
  });

  test('the savings-and-loans checklist edits only its columns and moves readiness', () => {
    const sandbox = setUp();
    const data = { workbook: sandbox.run('getWorkbookData') as WorkbookData };
    const outcome = sandbox.run('saveSidebarForm', editSubmission(data, 'checklist', 'KKMP-BPP-02', { spCapital: '600.000.000', separateBooks: true, workPlan3y: true, competentManager: true, office: true, auditedReport: true, spLicence: true })) as SaveOutcome;
    expect(outcome.ok).toBe(true);
    expect((sandbox.run('getCoopView', 'KKMP-BPP-02') as CoopView).result.checks.savingsLoans.status).toBe('SIAP');
  });

  test('a save while another run holds the lock: busy, nothing written', () => {
    const sandbox = setUp();
    sandbox.locks.documentLock.heldElsewhere = true;
    expect(() => sandbox.run('saveSidebarForm', newCoop())).toThrow('Pantau KKMP sedang dipakai');
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
  });

  test('opening a co-op selects its row', () => {
    const sandbox = setUp();
    expect(sandbox.run('openCoopFor', 'kkmp-bpp-05')).toEqual({ sheet: 'Koperasi', row: 6 });
    expect(sandbox.spreadsheet.getActiveRange()!.getRow()).toBe(6);
  });
});

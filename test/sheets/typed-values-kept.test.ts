/**
 * Issue 12's observations, each as a test on the faithful SpreadsheetApp fake
 * (strings parsed as typed input by the locale, number formats, case-blind
 * sheet names): nothing a person typed is changed, and every write touches
 * only the cells it means to. Each of these failed before the change.
 */
import { resultsHeader } from '../../src/core/workbook/results-grid';
import { balikpapanSample } from '../../examples/balikpapan-data';
import { MEETING_COLUMNS, REGISTER_COLUMNS, SHEETS, headerText } from '../../src/core/workbook/columns';
import type { FormSubmission, SaveOutcome } from '../../src/shared/forms';
import type { SidebarData } from '../../src/shared/sidebar-api';
import { loadBundle, type Sandbox } from '../support/apps-script-sandbox';
import type { FakeSheet } from '../support/fakes/spreadsheet-app';
import { shownRecord } from '../../src/core/forms/form-shown';
import { editSubmission, mentorSubmission } from '../support/form-submissions';
import { sheetDate, workbookFrom } from '../support/workbook-fixture';

const NOW = new Date('2026-11-24T06:00:00Z');
const col = (field: string): number => REGISTER_COLUMNS.findIndex((c) => c.field === field) + 1;
const ratCol = (field: string): number => MEETING_COLUMNS.findIndex((c) => c.field === field) + 1;

function setUp(locale = 'id_ID'): Sandbox {
  const spreadsheet = workbookFrom(balikpapanSample());
  spreadsheet.setSpreadsheetLocale(locale);
  return loadBundle({ spreadsheet, now: NOW });
}
const sheet = (sandbox: Sandbox, name: string): FakeSheet => sandbox.spreadsheet.getSheetByName(name)!;
const data = (sandbox: Sandbox): SidebarData => sandbox.run('getSidebarData') as SidebarData;
const save = (sandbox: Sandbox, submission: FormSubmission): SaveOutcome => sandbox.run('saveSidebarForm', submission) as SaveOutcome;

/** Every cell of a sheet as a person sees it: value, formula, number format. */
function cells(s: FakeSheet): Map<string, string> {
  const out = new Map<string, string>();
  const rows = Math.max(s.getLastRow(), 1);
  const columns = Math.max(s.getLastColumn(), 1);
  const range = s.getRange(1, 1, rows, columns);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  for (let r = 0; r < rows; r += 1) for (let c = 0; c < columns; c += 1) out.set(`${r + 1},${c + 1}`, JSON.stringify([values[r]![c], formulas[r]![c], formats[r]![c]]));
  return out;
}
/** The cells that differ between two readings. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return Array.from(new Set([...before.keys(), ...after.keys()])).filter((k) => (before.get(k) ?? JSON.stringify(['', '', ''])) !== (after.get(k) ?? JSON.stringify(['', '', ''])));
}

describe('1. strings the add-on writes are stored as the text they are', () => {
  test('a new co-op whose fields look like numbers, percents, dates and booleans keeps them as text', () => {
    const sandbox = setUp('en_US');
    const register = sheet(sandbox, 'Koperasi');
    const row = register.getLastRow() + 1;
    const outcome = save(sandbox, {
      kind: 'coop',
      editing: null,
      values: { id: '0123', name: 'TRUE', deedNumber: '7/14', notary: '50%', nib: '0912000123456', npwp: '=1+1', partners: '1,234' },
    });
    expect(outcome.ok).toBe(true);
    const got = (field: string): unknown => register.getRange(row, col(field)).getValue();
    expect([got('id'), got('name'), got('deedNumber'), got('notary'), got('nib'), got('npwp'), got('partners')]).toEqual(['0123', 'TRUE', '7/14', '50%', '0912000123456', '=1+1', '1,234']);
    expect(register.getRange(row, col('npwp')).getFormulas()).toEqual([['']]);
  });

  test('results: the readiness score 7/14, IDs and names stay text in a US-locale sheet', () => {
    const input = balikpapanSample();
    input.coops[0] = { ...input.coops[0]!, id: '00123', name: '1/2' };
    input.meetings = input.meetings.map((m) => (m.coopId === 'KKMP-BPP-01' ? { ...m, coopId: '00123' } : m));
    const spreadsheet = workbookFrom(input);
    spreadsheet.setSpreadsheetLocale('en_US');
    const sandbox = loadBundle({ spreadsheet, now: NOW });
    sandbox.run('runCheckAll');
    const header = resultsHeader();
    const results = sheet(sandbox, 'Hasil Pemeriksaan').getRange(2, 1, 1, header.length).getValues()[0]!;
    expect(results[0]).toBe('00123');
    expect(results[1]).toBe('1/2');
    expect(results[header.indexOf('Skor Simpan pinjam')]).toMatch(/^\d+\/14$/);
  });

  test('the mentor column: a mentor ID that looks like a date stays that ID', () => {
    const sandbox = setUp('en_US');
    const outcome = save(sandbox, mentorSubmission(data(sandbox), null, { id: '7/14', name: 'Mentor Tanggal' }, ['KKMP-BPP-03']));
    expect(outcome.ok).toBe(true);
    expect(sheet(sandbox, 'Koperasi').getRange(4, col('mentorId')).getValue()).toBe('7/14');
    expect(sheet(sandbox, 'Pendamping').getRange(sheet(sandbox, 'Pendamping').getLastRow(), 1).getValue()).toBe('7/14');
  });

  test('a co-op sheet copies the register row as typed: text that looks like a number stays text', () => {
    const sandbox = setUp();
    sheet(sandbox, 'Koperasi').setCell(3, col('nikKoperasi'), '0064711');
    sandbox.run('refreshCoopSheetFor', 'KKMP-BPP-02');
    const profile = sheet(sandbox, 'KKMP-BPP-02').getRange(1, 1, 40, 2).getValues();
    expect(profile.find((r) => r[0] === headerText(REGISTER_COLUMNS[col('nikKoperasi') - 1]!))![1]).toBe('0064711');
  });
  // The staging sheet (Periksa semua in parts) is covered by test/sheets/check-all-resume.test.ts: staged text is read back and compared.
});

describe('2. a co-op save that changes the NIB changes only the NIB cell', () => {
  test('formula, text starting with =, unreadable date, blank yes/no, checkbox, percent, "Rp" amount and spaced name all stay', () => {
    const sandbox = setUp();
    const register = sheet(sandbox, 'Koperasi');
    const extra = register.getLastColumn() + 1;
    register.insertColumnsAfter(register.getMaxColumns(), 1);
    register.setCell(1, extra, 'Catatan');
    register.setCell(3, extra, '=bukan rumus');
    register.getRange(3, col('members')).setValues([['=10+14']]);
    register.setCell(3, col('deedDate'), 'besok');
    register.setCell(3, col('bankAccount'), '');
    register.setCell(3, col('simkopdesAccount'), true);
    register.getRange(3, col('ratQuorumPercent')).setNumberFormat('0%');
    register.setCell(3, col('ratQuorumPercent'), 0.6);
    register.setCell(3, col('ownCapital'), 'Rp 50.000.000');
    register.setCell(3, col('name'), '  Koperasi Kelurahan Merah Putih Manggar Baru  ');
    const before = cells(register);
    const outcome = save(sandbox, editSubmission(data(sandbox), 'coop', 'KKMP-BPP-02', { nib: '9120010015999' }));
    expect(outcome.ok).toBe(true);
    expect(changed(before, cells(register))).toEqual([`3,${col('nib')}`]);
    expect(register.getRange(3, col('nib')).getValue()).toBe('9120010015999');
  });

  test('the sidebar sends only the changed field, with the value it showed', () => {
    const sandbox = setUp();
    const submission = editSubmission(data(sandbox), 'coop', 'KKMP-BPP-02', { nib: '9120010015999' });
    expect(submission.values).toEqual({ nib: '9120010015999' });
    expect(submission.shown).toEqual({ nib: '9120010015838' });
  });
});

describe('3. no lost updates', () => {
  test('a colleague\'s SK AHU number typed after the form opened survives a save of another field', () => {
    const sandbox = setUp();
    const opened = data(sandbox);
    const register = sheet(sandbox, 'Koperasi');
    register.getRange(3, col('skAhuNumber')).setValues([["'AHU-BARU-2026"]]);
    expect(save(sandbox, editSubmission(opened, 'coop', 'KKMP-BPP-02', { npwp: '99.999.999.9-721.000' })).ok).toBe(true);
    expect(register.getRange(3, col('skAhuNumber')).getValue()).toBe('AHU-BARU-2026');
  });

  test('a field changed in the sheet since the form opened: nothing written, the field named with both values', () => {
    const sandbox = setUp();
    const opened = data(sandbox);
    const register = sheet(sandbox, 'Koperasi');
    register.getRange(3, col('skAhuNumber')).setValues([["'AHU-BARU-2026"]]);
    const before = sandbox.spreadsheet.getSheets().map((s) => s.snapshot());
    const outcome = save(sandbox, editSubmission(opened, 'coop', 'KKMP-BPP-02', { skAhuNumber: 'AHU-KETIKAN-SAYA', npwp: '99.999.999.9-721.000' }));
    expect(outcome.ok).toBe(false);
    expect(outcome.conflicts).toEqual(['skAhuNumber']);
    expect(outcome.errors).toEqual([
      { field: 'skAhuNumber', text: { id: 'Diubah di lembar sejak formulir dibuka: sekarang «AHU-BARU-2026», formulir menampilkan «AHU-0012074.AH.01.29.TAHUN 2025». Isian Anda: «AHU-KETIKAN-SAYA».', en: expect.stringContaining('«AHU-BARU-2026»') } },
    ]);
    expect(outcome.message.id).toContain('Nomor SK AHU');
    expect(outcome.current!.workbook.coops.find((c) => c.id === 'KKMP-BPP-02')!.skAhuNumber).toBe('AHU-BARU-2026');
    expect(sandbox.spreadsheet.getSheets().map((s) => s.snapshot())).toEqual(before);
  });

  test('a mentor save writes only the co-ops whose mentor changes: another row\'s formula and a colleague\'s new assignment stay', () => {
    const sandbox = setUp();
    const register = sheet(sandbox, 'Koperasi');
    const formulaRow = balikpapanSample().coops.findIndex((c) => c.mentorId === 'PD-02') + 2;
    register.getRange(formulaRow, col('mentorId')).setValues([['=IF(TRUE;"PD-02";"")']]);
    const opened = data(sandbox);
    const [free, other] = opened.workbook.coops.map((c, i) => ({ ...c, row: i + 2 })).filter((c) => c.mentorId === null && c.row !== formulaRow);
    register.getRange(other!.row, col('mentorId')).setValues([["'PD-03"]]); // typed by a colleague after the form opened
    const before = cells(register);
    const ticked = opened.workbook.coops.filter((c) => c.mentorId === 'PD-01').map((c) => c.id).concat(free!.id);
    const outcome = save(sandbox, mentorSubmission(opened, 'PD-01', {}, ticked));
    expect(outcome.ok).toBe(true);
    expect(changed(before, cells(register))).toEqual([`${free!.row},${col('mentorId')}`]);
    expect(register.getRange(formulaRow, col('mentorId')).getFormulas()).toEqual([['=IF(TRUE;"PD-02";"")']]);
    expect(register.getRange(other!.row, col('mentorId')).getValue()).toBe('PD-03');
  });

  test('a mentor save over an assignment a colleague changed: nothing written, the co-op named', () => {
    const sandbox = setUp();
    const register = sheet(sandbox, 'Koperasi');
    const opened = data(sandbox);
    const free = opened.workbook.coops.map((c, i) => ({ ...c, row: i + 2 })).find((c) => c.mentorId === null)!;
    register.getRange(free.row, col('mentorId')).setValues([["'PD-03"]]);
    const before = cells(register);
    const outcome = save(sandbox, mentorSubmission(opened, 'PD-01', {}, opened.workbook.coops.filter((c) => c.mentorId === 'PD-01').map((c) => c.id).concat(free.id)));
    expect(outcome.ok).toBe(false);
    expect(outcome.errors.map((e) => e.text.id)).toEqual([`Pendamping ${free.id} diubah di lembar sejak formulir dibuka: sekarang «PD-03», formulir menampilkan «».`]);
    expect(changed(before, cells(register))).toEqual([]);
  });
});

describe('4. renaming a co-op ID takes its RAT rows and co-op sheet with it', () => {
  test('asks first, naming the RAT rows and the co-op sheet; nothing written until answered', () => {
    const sandbox = setUp();
    sandbox.run('refreshCoopSheetFor', 'KKMP-BPP-01');
    const before = sandbox.spreadsheet.getSheets().map((s) => s.snapshot());
    const outcome = save(sandbox, editSubmission(data(sandbox), 'coop', 'KKMP-BPP-01', { id: 'KKMP-BPP-01A' }));
    expect(outcome.ok).toBe(false);
    expect(outcome.question!.kind).toBe('renameId');
    expect(outcome.question!.text.id).toBe("ID 'KKMP-BPP-01' diganti menjadi 'KKMP-BPP-01A'. 1 baris RAT dan lembar koperasi 'KKMP-BPP-01' memakai ID lama dan akan ikut dipindahkan. Lanjutkan?");
    expect(sandbox.spreadsheet.getSheets().map((s) => s.snapshot())).toEqual(before);
  });

  test('after yes: the RAT row and the co-op sheet carry the new ID and the statuses stay', () => {
    const sandbox = setUp();
    sandbox.run('refreshCoopSheetFor', 'KKMP-BPP-01');
    const opened = data(sandbox);
    const statuses = (d: SidebarData, id: string) => {
      const r = d.results.find((x) => x.coopId === id)!;
      return [r.checks.rat.status, r.checks.savingsLoans.status];
    };
    expect(statuses(opened, 'KKMP-BPP-01')).toEqual(['SELESAI', 'SIAP']);
    const first = save(sandbox, editSubmission(opened, 'coop', 'KKMP-BPP-01', { id: 'KKMP-BPP-01A' }));
    const outcome = save(sandbox, editSubmission(opened, 'coop', 'KKMP-BPP-01', { id: 'KKMP-BPP-01A' }, { answers: first.question!.options[0]!.answers! }));
    expect(outcome.ok).toBe(true);
    expect(statuses(outcome.refreshed!, 'KKMP-BPP-01A')).toEqual(['SELESAI', 'SIAP']);
    expect(sheet(sandbox, 'RAT').getRange(2, ratCol('coopId')).getValue()).toBe('KKMP-BPP-01A');
    expect(sandbox.spreadsheet.getSheetByName('KKMP-BPP-01')).toBeNull();
    expect(sandbox.spreadsheet.getSheets().map((s) => s.getName())).toContain('KKMP-BPP-01A');
    expect(sheet(sandbox, 'KKMP-BPP-01A').getRange(2, 2).getValue()).toBe('KKMP-BPP-01A');
    expect(outcome.refreshed!.workbook.problems).toEqual([]);
  });

  test('a co-op sheet that cannot take the new name refuses the whole save', () => {
    const sandbox = setUp();
    sandbox.run('refreshCoopSheetFor', 'KKMP-BPP-01');
    sandbox.spreadsheet.insertSheet('Catatan').seed([['x']]);
    const before = sandbox.spreadsheet.getSheets().map((s) => s.snapshot());
    const outcome = save(sandbox, editSubmission(data(sandbox), 'coop', 'KKMP-BPP-01', { id: 'catatan' }, { answers: { renameId: true } }));
    expect(outcome.ok).toBe(false);
    expect(outcome.errors[0]!.text.id).toBe("ID tidak diganti: lembar 'catatan' sudah ada, jadi lembar koperasi 'KKMP-BPP-01' tidak dapat diberi nama baru.");
    expect(sandbox.spreadsheet.getSheets().map((s) => s.snapshot())).toEqual(before);
  });
});

describe('5. RAT rows: a second one asks, and a row can be corrected or removed', () => {
  const second = { coopId: 'KKMP-BPP-05', bookYear: '2025', heldOn: '2026-06-10', membersPresent: '14', members: '20', reportedOn: '' };

  test('a second RAT for the same co-op and book year asks: second meeting or correction', () => {
    const sandbox = setUp();
    const rat = sheet(sandbox, 'RAT');
    const before = rat.snapshot();
    const outcome = save(sandbox, { kind: 'rat', editing: null, values: second });
    expect(outcome.question!.kind).toBe('duplicateRat');
    expect(outcome.question!.options.map((o) => o.label.id)).toEqual(['RAT kedua', 'Koreksi baris yang ada', 'Batal']);
    expect(rat.snapshot()).toBe(before);
  });

  test('"second meeting" appends a row: a meeting without quorum followed by one with quorum', () => {
    const sandbox = setUp();
    const rat = sheet(sandbox, 'RAT');
    const rows = rat.getLastRow();
    const outcome = save(sandbox, { kind: 'rat', editing: null, values: second, answers: { duplicateRat: 'second' } });
    expect(outcome.ok).toBe(true);
    expect(rat.getLastRow()).toBe(rows + 1);
    expect(outcome.refreshed!.results.find((r) => r.coopId === 'KKMP-BPP-05')!.checks.rat.status).not.toBe('TIDAK_KUORUM');
  });

  test('"correction" changes only the cells of the existing row that differ', () => {
    const sandbox = setUp();
    const rat = sheet(sandbox, 'RAT');
    const row = rat.dump().findIndex((r) => r[0] === 'KKMP-BPP-05') + 1;
    const existing = shownRecord('rat', data(sandbox).workbook.meetings.find((m) => m.coopId === 'KKMP-BPP-05') as unknown as Record<string, unknown>);
    expect(existing.heldOn).not.toBe('2026-01-15');
    const before = cells(rat);
    const outcome = save(sandbox, { kind: 'rat', editing: null, values: { ...existing, heldOn: '2026-01-15', membersPresent: String(Number(existing.membersPresent) + 1) }, answers: { duplicateRat: 'correction' } });
    expect(outcome.errors).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(changed(before, cells(rat)).sort()).toEqual([`${row},${ratCol('heldOn')}`, `${row},${ratCol('membersPresent')}`].sort());
  });

  test('a RAT row edited from the sidebar: only its changed cells', () => {
    const sandbox = setUp();
    const rat = sheet(sandbox, 'RAT');
    const opened = data(sandbox);
    const index = opened.workbook.meetings.findIndex((m) => m.coopId === 'KKMP-BPP-04');
    const before = cells(rat);
    const outcome = save(sandbox, editSubmission(opened, 'rat', String(index), { reportedOn: '2026-04-01' }));
    expect(outcome.ok).toBe(true);
    const row = rat.dump().findIndex((r) => r[0] === 'KKMP-BPP-04') + 1;
    expect(changed(before, cells(rat))).toEqual([`${row},${ratCol('reportedOn')}`]);
    expect(rat.getRange(row, ratCol('reportedOn')).getValue()).toEqual(sheetDate('2026-04-01'));
  });

  test('removing a RAT row asks, then removes only that row', () => {
    const sandbox = setUp();
    const rat = sheet(sandbox, 'RAT');
    const opened = data(sandbox);
    const index = opened.workbook.meetings.findIndex((m) => m.coopId === 'KKMP-BPP-04');
    const removal = { ...editSubmission(opened, 'rat', String(index), {}), remove: true };
    const rowsBefore = rat.dump();
    const asked = save(sandbox, removal);
    expect(asked.question!.text.id).toBe('Hapus baris RAT KKMP-BPP-04 tahun buku 2025 (tanggal 09/03/2026)? Hanya baris ini yang dihapus.');
    expect(rat.dump()).toEqual(rowsBefore);
    const outcome = save(sandbox, { ...removal, answers: asked.question!.options[0]!.answers! });
    expect(outcome.ok).toBe(true);
    expect(outcome.message.id).toBe('Baris RAT dihapus.');
    expect(rat.dump()).toEqual(rowsBefore.filter((r) => r[0] !== 'KKMP-BPP-04'));
  });
});

describe('6. set-up never writes into or formats a column that holds data', () => {
  test('a register missing a column, with an unlabelled column of amounts: the header goes after it, nothing formatted', () => {
    const input = balikpapanSample();
    const spreadsheet = workbookFrom(input);
    const register = spreadsheet.getSheetByName('Koperasi')!;
    // Remove the last column (Persetujuan Wali Kota) and put unlabelled amounts where it was.
    const last = register.getLastColumn();
    for (let r = 1; r <= register.getLastRow(); r += 1) register.setCell(r, last, r === 1 ? '' : 1_000_000 * r);
    const sandbox = loadBundle({ spreadsheet, now: NOW });
    const before = cells(register);
    sandbox.call('setupWorkbookFromMenu');
    const diff = changed(before, cells(register));
    expect(diff.every((key) => Number(key.split(',')[1]) > last)).toBe(true);
    expect(register.getRange(1, last + 1).getValue()).toBe(headerText(REGISTER_COLUMNS[REGISTER_COLUMNS.length - 1]!));
    expect(register.getRange(2, last).getNumberFormats()).toEqual([['']]);
  });
});

describe('7. a co-op sheet never takes the name of one of the add-on\'s own sheets', () => {
  test.each(['Hasil Pemeriksaan', 'hasil pemeriksaan', SHEETS.staging, 'RAT', 'parameter', 'Kunjungan', 'Laporan PD-03 2026-10'])('co-op ID %j: refused with a message, nothing written', (id) => {
    const input = balikpapanSample();
    input.coops[2] = { ...input.coops[2]!, id };
    const spreadsheet = workbookFrom(input);
    const sandbox = loadBundle({ spreadsheet, now: NOW });
    sandbox.run('runCheckAll');
    spreadsheet.insertSheet(SHEETS.staging).seed([['staged']]);
    const before = spreadsheet.getSheets().map((s) => s.snapshot());
    expect(() => sandbox.run('refreshCoopSheetFor', id)).toThrow(`Lembar koperasi tidak dibuat: '${id}' adalah nama lembar milik buku kerja ini (Pantau KKMP). Ganti ID koperasinya.`);
    expect(spreadsheet.getSheets().map((s) => s.snapshot())).toEqual(before);
  });
});

/**
 * The mentors' year through the built bundle in the Apps Script sandbox: the
 * visit form's save (one new row of Kunjungan, nothing else, under the
 * document lock, every text stored as typed), the mentor view's work list,
 * the monthly report, recap and evaluation sheets, `=KKMP_TUGAS`, and
 * *Siapkan buku kerja* adding the Kunjungan sheet without ever writing into a
 * column that holds data.
 */
import { balikpapanSample } from '../../examples/balikpapan-data';
import { sampleVisits } from '../../examples/visits-data';
import { runChecks } from '../../src/core/check-run';
import { evaluateMentor } from '../../src/core/mentoring/evaluation';
import { monthlyReport } from '../../src/core/mentoring/monthly-report';
import { mentorWorkList } from '../../src/core/mentoring/work-list';
import { MENTOR_COLUMNS, MEETING_COLUMNS, REGISTER_COLUMNS, VISIT_COLUMNS, headerText } from '../../src/core/workbook/columns';
import type { FollowUpDoneRequest, MentorViewData, ReportSheetOutcome, VisitSaveOutcome, VisitSubmission } from '../../src/shared/mentoring';
import { loadBundle, type Sandbox } from '../support/apps-script-sandbox';
import { FakeRange, type FakeDataValidation, type FakeSpreadsheet } from '../support/fakes/spreadsheet-app';
import { sheetDate, tableRows, workbookFrom } from '../support/workbook-fixture';

const NOW = new Date('2026-11-24T06:00:00Z');
const AS_OF = '2026-11-24';

function setUp(spreadsheet: FakeSpreadsheet = workbookFrom(balikpapanSample(), { visits: sampleVisits() })): Sandbox {
  const sandbox = loadBundle({ spreadsheet, now: NOW });
  sandbox.spreadsheetApp.resetCounts();
  return sandbox;
}

const visit = (values: Partial<VisitSubmission> = {}): VisitSubmission => ({
  mentorId: 'PD-03',
  coopId: 'KKMP-BPP-13',
  date: '23/11/2026',
  activity: 'persiapan rat',
  notes: '=SUM(A1) dibahas; kas 01234',
  followUp: '+62 812 555 0101 hubungi bendahara',
  followUpDue: '01/12/2026',
  ...values,
});

/** Every setValues the script makes, with the values as passed and whether the document lock was held. */
function spyWrites(sandbox: Sandbox): Array<{ sheet: string; a1: string; values: unknown[][]; locked: boolean }> {
  const writes: Array<{ sheet: string; a1: string; values: unknown[][]; locked: boolean }> = [];
  const original = FakeRange.prototype.setValues;
  jest.spyOn(FakeRange.prototype, 'setValues').mockImplementation(function (this: FakeRange, values: unknown[][]) {
    writes.push({ sheet: this.getSheet().getName(), a1: this.getA1Notation(), values: values.map((r) => r.slice()), locked: sandbox.locks.documentLock.held });
    return original.call(this, values);
  });
  return writes;
}

afterEach(() => jest.restoreAllMocks());

describe('saving a visit', () => {
  test('writes one new row of Kunjungan, only its columns, under the lock, every text protected; nothing else changes', () => {
    const sandbox = setUp();
    const ss = sandbox.spreadsheet;
    const log = ss.getSheetByName('Kunjungan')!;
    const rows = log.getLastRow();
    const before = new Map(ss.getSheets().map((s) => [s.getName(), s.snapshot()]));
    const logBefore = log.dump();
    const writes = spyWrites(sandbox);
    const outcome = sandbox.run('saveVisitForm', visit()) as VisitSaveOutcome;
    expect(outcome.ok).toBe(true);
    expect(outcome.row).toBe(rows + 1);
    expect(outcome.message.id).toBe(`Kunjungan tersimpan di sheet Kunjungan, baris ${rows + 1}.`);
    // One write, of one row, spanning the log's 8 columns, while the lock was held.
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ sheet: 'Kunjungan', a1: `A${rows + 1}:H${rows + 1}`, locked: true });
    expect(sandbox.locks.documentLock.held).toBe(false);
    // Every non-empty text goes with Sheets' leading apostrophe, so "=SUM(A1)…", "+62…" and "01234" stay text.
    const texts = writes[0]!.values[0]!.filter((v): v is string => typeof v === 'string' && v !== '');
    expect(texts).toEqual(["'PD-03", "'KKMP-BPP-13", "'Persiapan RAT", "'=SUM(A1) dibahas; kas 01234", "'+62 812 555 0101 hubungi bendahara"]);
    expect(log.meta('formula').size).toBe(0);
    const added = log.dump()[rows]!;
    expect(added).toEqual(['PD-03', 'KKMP-BPP-13', sheetDate('2026-11-23'), 'Persiapan RAT', '=SUM(A1) dibahas; kas 01234', '+62 812 555 0101 hubungi bendahara', sheetDate('2026-12-01'), '']);
    // Every earlier row of the log, and every other sheet, as it was.
    expect(log.dump().slice(0, rows)).toEqual(logBefore);
    for (const sheet of ss.getSheets()) if (sheet.getName() !== 'Kunjungan') expect([sheet.getName(), sheet.snapshot()]).toEqual([sheet.getName(), before.get(sheet.getName())]);
    // The refreshed view shows the new follow-up in the mentor's work list.
    const coop = outcome.refreshed!.work!.coops.find((c) => c.coopId === 'KKMP-BPP-13')!;
    expect(coop.followUps.map((f) => f.followUp)).toContain('+62 812 555 0101 hubungi bendahara');
    expect(coop.lastVisit).toBe('2026-11-23');
    expect(outcome.refreshed!.recentVisits[0]!.row).toBe(rows + 1);
  });

  test('a row below a title and gaps: the new row goes after the last row with content, never over it', () => {
    const app = workbookFrom(balikpapanSample());
    const log = app.insertSheet('Kunjungan');
    log.seed([['Buku kunjungan 2026'], [], VISIT_COLUMNS.map(headerText), ['PD-01', 'KKMP-BPP-01', sheetDate('2026-11-02'), 'Pembukuan'], [], [], ['catatan lepas di bawah']]);
    const sandbox = setUp(app);
    const outcome = sandbox.run('saveVisitForm', visit({ mentorId: 'PD-01', coopId: 'KKMP-BPP-02' })) as VisitSaveOutcome;
    expect(outcome.row).toBe(8);
    expect(log.dump()[6]).toEqual(['catatan lepas di bawah', '', '', '', '', '', '', '']);
    expect(log.dump()[7]!.slice(0, 2)).toEqual(['PD-01', 'KKMP-BPP-02']);
  });

  test('the longest note a cell holds (with the protecting apostrophe, 50,000 characters sent) is saved and reads back exactly', () => {
    const sandbox = setUp();
    const writes = spyWrites(sandbox);
    const notes = `=${'c'.repeat(49_998)}`;
    const outcome = sandbox.run('saveVisitForm', visit({ notes })) as VisitSaveOutcome;
    expect(outcome.ok).toBe(true);
    expect(writes[0]!.values[0]!.map((v) => (typeof v === 'string' ? v.length : 0))).toContain(50_000);
    expect(sandbox.spreadsheet.getSheetByName('Kunjungan')!.dump()[(outcome.row as number) - 1]![4]).toBe(notes);
  });

  test.each<[string, Partial<VisitSubmission>, string, string]>([
    ['a date after today', { date: '25/11/2026' }, 'date', 'Tanggal kunjungan tidak boleh setelah hari ini.'],
    ['an unknown co-op', { coopId: 'KKMP-BPP-99' }, 'coopId', 'Koperasi ini tidak ada di sheet Koperasi.'],
    ['an unknown mentor', { mentorId: 'PD-99' }, 'mentorId', 'Pendamping ini tidak ada di sheet Pendamping.'],
    ['a deadline before the visit', { followUpDue: '20/11/2026' }, 'followUpDue', 'Tenggat tidak boleh sebelum tanggal kunjungan.'],
    ['a deadline without a follow-up', { followUp: '' }, 'followUp', 'Isi tindak lanjutnya bila ada tenggat.'],
    ['an unreadable date', { date: '31/02/2026' }, 'date', 'Tanggal tidak terbaca (dd/mm/yyyy).'],
    ['no date', { date: '' }, 'date', 'Wajib diisi.'],
    ['notes longer than a cell holds', { notes: 'x'.repeat(50_001) }, 'notes', 'Terlalu panjang: 50.001 karakter; satu sel Google Sheets memuat paling banyak 49.999. Persingkat atau simpan di dokumen lain dan tulis tautannya.'],
    ['a follow-up longer than a cell holds', { followUp: '=' + 'y'.repeat(60_000) }, 'followUp', 'Terlalu panjang: 60.001 karakter'],
  ])('%s: nothing written, the field named', (_name, values, field, text) => {
    const sandbox = setUp();
    const outcome = sandbox.run('saveVisitForm', visit(values)) as VisitSaveOutcome;
    expect(outcome.ok).toBe(false);
    expect(outcome.errors).toContainEqual({ field, text: expect.objectContaining({ id: expect.stringContaining(text) }) });
    expect(outcome.row).toBeNull();
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
  });

  test("a co-op of another mentor is saved with a warning", () => {
    const sandbox = setUp();
    const outcome = sandbox.run('saveVisitForm', visit({ coopId: 'KKMP-BPP-01' })) as VisitSaveOutcome;
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings[0]!.text.id).toBe('Koperasi ini tidak didampingi PD-03; kunjungan tetap dicatat.');
  });

  test('another run holds the lock: busy, nothing written', () => {
    const sandbox = setUp();
    sandbox.locks.documentLock.heldElsewhere = true;
    expect(() => sandbox.run('saveVisitForm', visit())).toThrow('Pantau KKMP sedang dipakai');
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
  });

  test('no Kunjungan sheet: says to run the set-up, writes nothing', () => {
    const sandbox = setUp(workbookFrom(balikpapanSample()));
    const outcome = sandbox.run('saveVisitForm', visit()) as VisitSaveOutcome;
    expect(outcome).toMatchObject({ ok: false, row: null, message: { id: expect.stringContaining('Siapkan buku kerja') } });
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
  });

  test('a log without a column for something typed: refused, naming the column, nothing written', () => {
    const ss = workbookFrom(balikpapanSample());
    ss.insertSheet('Kunjungan').seed([['ID Pendamping', 'ID Koperasi', 'Tanggal', 'Kegiatan']]);
    const sandbox = setUp(ss);
    const outcome = sandbox.run('saveVisitForm', visit()) as VisitSaveOutcome;
    expect(outcome.ok).toBe(false);
    expect(outcome.message.id).toBe('Sheet Kunjungan tidak punya kolom Catatan, Tindak Lanjut, Tenggat Tindak Lanjut; yang diketik di sana tidak akan tersimpan. Jalankan Siapkan buku kerja, lalu simpan lagi.');
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
    // With nothing typed for those columns, the visit is saved in the columns there are.
    const saved = sandbox.run('saveVisitForm', visit({ notes: '', followUp: '', followUpDue: '' })) as VisitSaveOutcome;
    expect(saved.ok).toBe(true);
    expect(ss.getSheetByName('Kunjungan')!.dump()[1]).toEqual(['PD-03', 'KKMP-BPP-13', sheetDate('2026-11-23'), 'Persiapan RAT']);
  });

  test('a protected Kunjungan sheet: the save fails with Apps Script\'s message and nothing changes', () => {
    const sandbox = setUp();
    const log = sandbox.spreadsheet.getSheetByName('Kunjungan')!;
    log.protected = true;
    const before = log.snapshot();
    expect(() => sandbox.run('saveVisitForm', visit())).toThrow('protected');
    expect(log.snapshot()).toBe(before);
    expect(sandbox.locks.documentLock.held).toBe(false);
  });
});

describe('marking a follow-up done', () => {
  const overdueOf = (sandbox: Sandbox): FollowUpDoneRequest => {
    const work = (sandbox.run('getMentorView', 'PD-03') as MentorViewData).work!;
    const f = work.coops.flatMap((c) => c.followUps).find((x) => x.overdue)!;
    return { row: f.row, mentorId: f.mentorId, coopId: f.coopId, visitDate: f.visitDate, followUp: f.followUp };
  };

  test("writes Ya into that row's Tindak Lanjut Selesai cell only, under the lock; the work list drops it", () => {
    const sandbox = setUp();
    const log = sandbox.spreadsheet.getSheetByName('Kunjungan')!;
    const request = overdueOf(sandbox);
    const before = log.dump();
    const others = new Map(sandbox.spreadsheet.getSheets().filter((s) => s.getName() !== 'Kunjungan').map((s) => [s.getName(), s.snapshot()]));
    const writes = spyWrites(sandbox);
    const outcome = sandbox.run('markFollowUpDoneFor', request) as VisitSaveOutcome;
    expect(outcome).toMatchObject({ ok: true, row: request.row, message: { id: `Tindak lanjut ditandai selesai (sheet Kunjungan, baris ${request.row}).` } });
    expect(writes).toEqual([{ sheet: 'Kunjungan', a1: `H${request.row}`, values: [["'Ya"]], locked: true }]);
    const after = log.dump();
    after.forEach((row, r) => row.forEach((cell, c) => expect([r + 1, c + 1, cell]).toEqual([r + 1, c + 1, r + 1 === request.row && c === 7 ? 'Ya' : before[r]![c]])));
    for (const sheet of sandbox.spreadsheet.getSheets()) if (others.has(sheet.getName())) expect(sheet.snapshot()).toBe(others.get(sheet.getName()));
    expect(outcome.refreshed!.work!.coops.flatMap((c) => c.followUps).some((f) => f.row === request.row)).toBe(false);
  });

  test('a row that changed since it was shown (sorted, edited) is not written', () => {
    const sandbox = setUp();
    const request = overdueOf(sandbox);
    const log = sandbox.spreadsheet.getSheetByName('Kunjungan')!;
    log.setCell(request.row, 6, 'diubah orang lain');
    sandbox.spreadsheetApp.resetCounts();
    const outcome = sandbox.run('markFollowUpDoneFor', request) as VisitSaveOutcome;
    expect(outcome).toMatchObject({ ok: false, row: null, message: { id: `Baris ${request.row} sheet Kunjungan sudah berubah sejak dibuka; tidak ada yang ditulis. Muat ulang lalu coba lagi.` } });
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
    expect(sandbox.run('markFollowUpDoneFor', { ...request, row: 9999 })).toMatchObject({ ok: false });
  });

  test('a log without the Tindak Lanjut Selesai column: refused, naming it', () => {
    const ss = workbookFrom(balikpapanSample());
    ss.insertSheet('Kunjungan').seed([VISIT_COLUMNS.slice(0, 7).map(headerText), ['PD-03', 'KKMP-BPP-13', sheetDate('2026-11-02'), 'Pembukuan', '', 'Kirim neraca', sheetDate('2026-11-10')]]);
    const sandbox = setUp(ss);
    const outcome = sandbox.run('markFollowUpDoneFor', { row: 2, mentorId: 'PD-03', coopId: 'KKMP-BPP-13', visitDate: '2026-11-02', followUp: 'Kirim neraca' }) as VisitSaveOutcome;
    expect(outcome.ok).toBe(false);
    expect(outcome.message.id).toContain('tidak punya kolom Tindak Lanjut Selesai');
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
  });
});

describe('the mentor view and its work list', () => {
  test('lists the mentors with their loads and gives the chosen mentor\'s work list, equal to the core\'s', () => {
    const sandbox = setUp();
    const view = sandbox.run('getMentorView', 'pd-03') as MentorViewData;
    expect(view.mentors.map((m) => [m.id, m.load])).toEqual([['PD-01', 6], ['PD-02', 5], ['PD-03', 4], ['PD-04', 5], ['PD-05', 4], ['PD-06', 4], ['PD-07', 4]]);
    const input = { ...balikpapanSample(), asOf: AS_OF };
    const expected = mentorWorkList(input, runChecks(input), sampleVisits(), 'PD-03');
    expect(view.work).toEqual(expected);
    expect(view.work!.coops.map((c) => c.coopId).sort()).toEqual(['KKMP-BPP-12', 'KKMP-BPP-13', 'KKMP-BPP-14', 'KKMP-BPP-15']);
    expect(view.coops.slice(0, 4).map((c) => c.mentorId)).toEqual(['PD-03', 'PD-03', 'PD-03', 'PD-03']);
    expect(view.recentVisits).toHaveLength(5);
    expect(view.recentVisits[0]!.date! >= view.recentVisits[4]!.date!).toBe(true);
    expect((sandbox.run('getMentorView', null) as MentorViewData).work).toBeNull();
  });

  test('an overdue follow-up and an overdue RAT put a co-op first; every item is ordered hard before soft, then by deadline', () => {
    const sandbox = setUp();
    const work = (sandbox.run('getMentorView', 'PD-03') as MentorViewData).work!;
    const first = work.coops[0]!;
    expect(first.dates.some((d) => d.overdue)).toBe(true);
    for (const coop of work.coops) {
      const weights = coop.items.map((i) => i.weight);
      expect(weights).toEqual([...weights].sort((a, b) => Number(a === 'soft') - Number(b === 'soft')));
    }
    const late = work.coops.find((c) => c.coopId === 'KKMP-BPP-13')!;
    expect(late.items[0]).toMatchObject({ rule: 'rat.held-by-deadline', weight: 'hard', due: '2026-06-30' });
    expect(late.items[0]!.nextStep.id).toMatch(/^Adakan RAT tahun buku 2025 secepatnya \(batas 30\/06\/2026 sudah lewat\)/);
    expect(work.dates.find((d) => d.kind === 'contractEnd')).toMatchObject({ date: '2026-12-31', overdue: false, inDays: 37 });
  });
});

describe('report sheets', () => {
  test('the monthly report sheet holds the month\'s visits, statuses, open follow-ups and signature blocks', () => {
    const sandbox = setUp();
    const writes = spyWrites(sandbox);
    const outcome = sandbox.run('writeMentorMonthlyReport', 'PD-03', '2026-10') as ReportSheetOutcome;
    expect(outcome.sheet).toBe('Laporan PD-03 2026-10');
    expect(writes.every((w) => w.locked)).toBe(true);
    const text = sandbox.spreadsheet.getSheetByName('Laporan PD-03 2026-10')!.dump();
    const cells = text.flat().map(String);
    const input = { ...balikpapanSample(), asOf: AS_OF };
    const report = monthlyReport(input, runChecks(input), sampleVisits(), 'PD-03', '2026-10');
    expect(report.visits.length).toBeGreaterThan(3);
    expect(text[0]![0]).toBe('LAPORAN BULANAN PENDAMPING KOPERASI');
    expect(cells).toContain('Oktober 2026');
    expect(cells).toContain('PD-03 — Sri Wahyuni');
    for (const v of report.visits) expect(cells).toContain(v.notes);
    expect(cells).toContain('E. Ringkasan pendamping (diisi pendamping)');
    expect(cells).toContain('Mengetahui, Kepala Bidang Koperasi');
    expect(cells).toContain('(Riwayat belum mencatat pemeriksaan pada atau sebelum awal bulan: status awal dan akhir bulan memakai status saat ini.)');
    // Written twice: the same sheet rewritten in place, not a second sheet.
    sandbox.run('writeMentorMonthlyReport', 'PD-03', '2026-10');
    expect(sandbox.spreadsheet.getSheets().filter((s) => s.getName().startsWith('Laporan PD-03'))).toHaveLength(1);
  });

  test('start and end of the month are read back from Riwayat: a status changed since shows as it was then', () => {
    const spreadsheet = workbookFrom(balikpapanSample(), { visits: sampleVisits() });
    let now = Date.parse('2026-09-28T02:00:00Z');
    const sandbox = loadBundle({ spreadsheet, clock: () => now });
    sandbox.run('runCheckAll');
    // After the check of 28/09, someone blanks KKMP-BPP-13's SK AHU: today it is DALAM PROSES.
    const register = sandbox.spreadsheet.getSheetByName('Koperasi')!;
    const header = register.getRange(1, 1, 1, register.getLastColumn()).getValues()[0]!.map(String);
    const row = register.getRange(1, 1, register.getLastRow(), 1).getValues().findIndex((r) => r[0] === 'KKMP-BPP-13') + 1;
    for (const label of ['Nomor SK AHU', 'Tanggal SK AHU']) register.getRange(row, header.indexOf(label) + 1).setValue('');
    now = Date.parse(`${AS_OF}T02:00:00Z`);
    sandbox.run('writeMentorMonthlyReport', 'PD-03', '2026-10');
    const cells = sandbox.spreadsheet.getSheetByName('Laporan PD-03 2026-10')!.dump();
    expect(cells.flat().map(String)).toContain('(Status awal bulan dari pemeriksaan 28/09/2026, status akhir dari pemeriksaan 28/09/2026, menurut sheet Riwayat.)');
    const line = cells.find((r) => String(r[0]).startsWith('KKMP-BPP-13'))!.map(String);
    const legal = cells.find((r) => r.map(String).includes('Legalitas (Awal)'))!.map(String).indexOf('Legalitas (Awal)');
    expect(line[legal]).toBe('BERBADAN HUKUM');
    expect(line[legal + 1]).toBe('BERBADAN HUKUM');
    // The evaluation starts from the contract's first day: before the history begins, it says so.
    const evaluation = sandbox.run('writeMentorEvaluation', 'PD-03') as ReportSheetOutcome;
    expect(sandbox.spreadsheet.getSheetByName(evaluation.sheet)!.dump().flat().map(String)).toContain('(Riwayat belum mencatat pemeriksaan pada atau sebelum awal tugas: status awal memakai status saat ini.)');
  });

  test('the coordinator\'s recap sums every mentor for the month', () => {
    const sandbox = setUp();
    const outcome = sandbox.run('writeMentorMonthlyReport', null, '2026-10') as ReportSheetOutcome;
    const rows = sandbox.spreadsheet.getSheetByName(outcome.sheet)!.dump();
    expect(outcome.sheet).toBe('Rekap Pendamping 2026-10');
    const body = rows.filter((r) => /^PD-0\d$/.test(String(r[0])));
    expect(body.map((r) => r[0])).toEqual(['PD-01', 'PD-02', 'PD-03', 'PD-04', 'PD-05', 'PD-06', 'PD-07']);
    const total = rows.find((r) => r[0] === 'Jumlah')!;
    expect(total[3]).toBe(body.reduce((s, r) => s + (r[3] as number), 0));
    expect(total[3]).toBe(sampleVisits().filter((v) => v.date!.startsWith('2026-10')).length);
  });

  test('the evaluation sheet shows the score, its parts, the load and the criteria in force', () => {
    const sandbox = setUp(workbookFrom(balikpapanSample(), { visits: sampleVisits(), parameters: [['evalRequirementsWeightPercent', 50]] }));
    const outcome = sandbox.run('writeMentorEvaluation', 'PD-01') as ReportSheetOutcome;
    const cells = sandbox.spreadsheet.getSheetByName(outcome.sheet)!.dump().flat().map(String);
    const input = { ...balikpapanSample(), asOf: AS_OF, parameterOverrides: [{ key: 'evalRequirementsWeightPercent', value: 50, source: 'test' }] };
    const evaluation = evaluateMentor(input, runChecks(input), sampleVisits(), 'PD-01');
    expect(outcome.sheet).toBe('Evaluasi PD-01');
    const id = (x: number | null): string => String(x).replace('.', ',');
    expect(cells).toContain(`Nilai: ${id(evaluation.score)} dari 100 — ${evaluation.gradeLabel.id}`);
    expect(cells).toContain(`Syarat terpenuhi ${id(evaluation.requirementsPercent)}% (bobot 50%), kunjungan ${id(evaluation.visitsPercent)}% dari yang diharapkan.`);
    expect(cells).toContain('Beban: 6 koperasi (BERLEBIH); beban ditetapkan Dinas, tidak mengurangi nilai.');
    expect(cells).toContain('evalRequirementsWeightPercent');
  });

  test('a mentor ID typed in another case or with spaces writes the sheet of the mentor as listed', () => {
    const sandbox = setUp();
    expect((sandbox.run('writeMentorMonthlyReport', ' pd-03 ', '2026-10') as ReportSheetOutcome).sheet).toBe('Laporan PD-03 2026-10');
    expect((sandbox.run('writeMentorMonthlyReport', 'PD-03', ' 2026-10') as ReportSheetOutcome).sheet).toBe('Laporan PD-03 2026-10');
    expect((sandbox.run('writeMentorEvaluation', 'pd-01') as ReportSheetOutcome).sheet).toBe('Evaluasi PD-01');
    expect(sandbox.spreadsheet.getSheets().map((s) => s.getName()).filter((n) => /^(Laporan|Evaluasi) /i.test(n)).sort()).toEqual(['Evaluasi PD-01', 'Laporan PD-03 2026-10']);
  });

  test.each<[string, () => [string, ...unknown[]], string]>([
    ['a month not begun by the check date', () => ['writeMentorMonthlyReport', 'PD-03', '2026-12'], 'Bulan 2026-12 belum dimulai pada tanggal pemeriksaan 24/11/2026'],
    ['a month that is not a month', () => ['writeMentorMonthlyReport', 'PD-03', '2026-13'], "Bulan '2026-13' tidak terbaca"],
    ['a recap of a month to come', () => ['writeMentorMonthlyReport', null, '2027-01'], 'Bulan 2027-01 belum dimulai'],
    ['an unknown mentor (report)', () => ['writeMentorMonthlyReport', 'PD-42', '2026-10'], "Pendamping 'PD-42' tidak ada"],
    ['a blank mentor (report)', () => ['writeMentorMonthlyReport', '  ', '2026-10'], "Pendamping '  ' tidak ada"],
    ['a blank mentor (evaluation)', () => ['writeMentorEvaluation', ''], "Pendamping '' tidak ada"],
  ])('%s: refused with a message, no sheet added', (_name, call, text) => {
    const sandbox = setUp();
    const before = sandbox.spreadsheet.getSheets().map((s) => s.getName());
    const [name, ...args] = call();
    expect(() => sandbox.run(name, ...args)).toThrow(text);
    expect(sandbox.spreadsheet.getSheets().map((s) => s.getName())).toEqual(before);
  });

  test("a person's own sheet with the report's name is never overwritten", () => {
    const ss = workbookFrom(balikpapanSample(), { visits: sampleVisits() });
    ss.insertSheet('Evaluasi PD-02').seed([['catatan saya'], ['jangan dihapus']]);
    const sandbox = setUp(ss);
    expect(() => sandbox.run('writeMentorEvaluation', 'PD-02')).toThrow("Sudah ada sheet 'Evaluasi PD-02' yang bukan laporan Pantau KKMP");
    expect(ss.getSheetByName('Evaluasi PD-02')!.dump()).toEqual([['catatan saya'], ['jangan dihapus']]);
  });
});

describe('=KKMP_TUGAS', () => {
  test('spills the work list: follow-ups and unmet requirements, equal to the sidebar\'s', () => {
    const sandbox = setUp();
    const ss = sandbox.spreadsheet;
    const values = (name: string) => ss.getSheetByName(name)!.getDataRange().getValues();
    const rows = sandbox.call('KKMP_TUGAS', 'PD-03', values('Koperasi'), values('RAT'), values('Pendamping'), values('Kunjungan'), '24/11/2026') as unknown[][];
    expect(rows[0]).toEqual(['ID Koperasi', 'Nama', 'Bobot', 'Syarat belum terpenuhi', 'Pemeriksaan', 'Tenggat', 'Langkah berikutnya']);
    const work = (sandbox.run('getMentorView', 'PD-03') as MentorViewData).work!;
    const expectedRows = work.coops.reduce((n, c) => n + c.items.length + c.followUps.length, 0);
    expect(rows).toHaveLength(1 + expectedRows);
    expect(rows[1]![0]).toBe(work.coops[0]!.coopId);
    expect(rows.some((r) => r[2] === 'Tindak lanjut' && String(r[6]).startsWith('lewat'))).toBe(true);
    // Each requirement row names the checks that flag it; a gap two checks flag is one row.
    const itemRows = rows.slice(1).filter((r) => r[2] !== 'Tindak lanjut');
    expect(itemRows.every((r) => String(r[4]).length > 0)).toBe(true);
    const keys = itemRows.map((r) => `${String(r[0])}|${String(r[3])}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sandbox.spreadsheetApp.counts.writes).toBe(0);
  });

  test('on an earlier check date, it reads the dates as the sidebar does: a meeting held after that date does not count yet', () => {
    const sandbox = loadBundle({ spreadsheet: workbookFrom(balikpapanSample(), { visits: sampleVisits() }), now: new Date('2026-05-04T06:00:00Z') });
    const values = (name: string) => sandbox.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
    for (const mentor of ['PD-01', 'PD-03', 'PD-05']) {
      const rows = sandbox.call('KKMP_TUGAS', mentor, values('Koperasi'), values('RAT'), values('Pendamping'), values('Kunjungan'), '04/05/2026') as unknown[][];
      const work = (sandbox.run('getMentorView', mentor) as MentorViewData).work!;
      // The same co-ops, in the same order, with as many rows each as the sidebar's work list.
      expect(rows.slice(1).map((r) => r[0])).toEqual(work.coops.flatMap((c) => Array<string>(c.items.length + c.followUps.length).fill(c.coopId)));
      expect(rows).toHaveLength(1 + work.coops.reduce((n, c) => n + c.items.length + c.followUps.length, 0));
    }
  });

  test('an unknown mentor is said plainly', () => {
    const sandbox = setUp();
    const values = (name: string) => sandbox.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
    expect(() => sandbox.call('KKMP_TUGAS', 'PD-42', values('Koperasi'), values('RAT'), values('Pendamping'))).toThrow("Pendamping 'PD-42' tidak ada");
  });
});

describe('Siapkan buku kerja and Kunjungan', () => {
  test('adds the Kunjungan sheet with its header, date formats and dropdowns', () => {
    const sandbox = setUp(workbookFrom(balikpapanSample()));
    sandbox.call('setupWorkbookFromMenu');
    const log = sandbox.spreadsheet.getSheetByName('Kunjungan')!;
    expect(log.dump()).toEqual([VISIT_COLUMNS.map(headerText)]);
    const col = (field: string): number => VISIT_COLUMNS.findIndex((c) => c.field === field) + 1;
    expect(log.meta('numberFormat').get(`2,${col('date')}`)).toBe('dd/mm/yyyy');
    expect((log.meta('validation').get(`2,${col('activity')}`) as FakeDataValidation).values).toEqual(['Tata kelola', 'Rencana usaha', 'Pembukuan', 'Persiapan RAT', 'Perizinan', 'Lainnya']);
    expect((log.meta('validation').get(`2,${col('mentorId')}`) as FakeDataValidation).values).toEqual(['Pendamping!A2:A1000']);
  });

  test('a log with missing columns gets them after every column holding data, even one without a header', () => {
    const ss = workbookFrom(balikpapanSample());
    const log = ss.insertSheet('Kunjungan');
    // Staff kept a note column with no header, right after the columns they use.
    log.seed([['ID Pendamping', 'ID Koperasi', 'Tanggal', 'Kegiatan', ''], ['PD-01', 'KKMP-BPP-01', sheetDate('2026-11-02'), 'Pembukuan', 'ditelepon dulu']]);
    const before = log.dump().map((r) => r.slice());
    const sandbox = setUp(ss);
    sandbox.call('setupWorkbookFromMenu');
    const after = log.dump();
    expect(after.map((r) => r.slice(0, 5))).toEqual(before);
    expect(after[0]!.slice(5)).toEqual(['Catatan', 'Tindak Lanjut', 'Tenggat Tindak Lanjut', 'Tindak Lanjut Selesai']);
    expect(sandbox.spreadsheetApp.ui.alerts[0]).toContain('Kunjungan: Catatan, Tindak Lanjut, Tenggat Tindak Lanjut, Tindak Lanjut Selesai');
  });

  test('the visit log is read with the same problem reporting as every sheet', () => {
    const ss = workbookFrom(balikpapanSample());
    ss.insertSheet('Kunjungan').seed([
      VISIT_COLUMNS.map(headerText),
      ['PD-01', 'KKMP-BPP-01', '31/02/2026', 'Pembukuan'],
      ['PD-01', 'KKMP-BPP-77', sheetDate('2026-11-02'), 'Pembukuan'],
      ['PD-01', 'KKMP-BPP-01', sheetDate('2026-11-02'), 'Ngopi bareng'],
      ['', 'KKMP-BPP-01', sheetDate('2026-11-02'), 'Pembukuan'],
    ]);
    const sandbox = setUp(ss);
    const data = sandbox.run('getWorkbookData') as { problems: Array<{ text: { id: string } }> };
    const texts = data.problems.map((p) => p.text.id);
    expect(texts).toContain("sheet Kunjungan, baris 2, kolom Tanggal (C): nilai '31/02/2026' tidak terbaca; yang diharapkan: tanggal yang ada di kalender (bulan ke-2 tahun 2026 tidak punya tanggal 31).");
    expect(texts).toContainEqual(expect.stringMatching(/^sheet Kunjungan, baris 3: koperasi 'KKMP-BPP-77' tidak ada di sheet Koperasi/));
    expect(texts).toContainEqual(expect.stringMatching(/^sheet Kunjungan, baris 4: kegiatan 'Ngopi bareng' tidak ada di daftar/));
    expect(texts).toContainEqual(expect.stringMatching(/^sheet Kunjungan, baris 5: ID Pendamping kosong/));
    expect(ss.getSheetByName('Kunjungan')!.cell(4, 4)).toBe('Ngopi bareng');
  });
});

// Keep the column imports honest: the fixture's tables are the contract's.
test('the fixture lays out the contract', () => {
  expect(tableRows(REGISTER_COLUMNS, []).length + tableRows(MEETING_COLUMNS, []).length + tableRows(MENTOR_COLUMNS, []).length).toBe(3);
});

/**
 * The whole Apps Script surface of Pantau KKMP: every trigger, menu action,
 * google.script.run target and custom function, and nothing else. The build
 * (build/apps-script-surface.mjs) reads this file and writes one top-level
 * function declaration per export, with the JSDoc below copied verbatim —
 * Sheets shows a custom function's JSDoc in autocomplete only from there.
 *
 * Every function here returns its final value synchronously, and whatever a
 * google.script.run target returns is JSON-safe (see src/shared/).
 */
import { runChecks } from '../core/check-run';
import { checkAll, pendingCheck, stopCheckAll as stopCheckAllNow } from '../sheets/check-all';
import { refreshCoopSheet } from '../sheets/coop-sheet';
import { readWorkbookData } from '../sheets/spreadsheet-reader';
import { saveForm } from '../sheets/form-saves';
import { openCoop } from '../sheets/open-coop';
import { attentionPage, coopView, lastCheckOf, sidebarData } from '../sheets/sidebar-data';
import { sidebarHistory } from '../sheets/sidebar-history';
import type { AttentionQuery } from '../core/attention';
import type { FormSubmission, SaveOutcome } from '../shared/forms';
import type { AttentionPage, CheckAllMode, CheckAllOutcome, CheckAllState, CoopView, PendingCheck, RulesOverview, SidebarData, SidebarHistory, WorkbookData } from '../shared/sidebar-api';
import type { CheckInput, CheckRun, Lang } from '../shared/types';
import { parameterDefault } from './custom-parameter';
import { allStatuses, checkStatus, legalStatus, mentorLoads, mentorStatus, ratIndicator, ratStatus, reasons, savingsLoansStatus, type Cell, type RangeArg } from './custom-functions';
import { buildMenu } from './menu';
import { schedule } from './schedule-function';
import { checkAllFromMenu, coopSheetFromMenu, setupFromMenu } from './menu-actions';
import { rulesOverview } from './rules-overview';
import { openSidebar } from './sidebar';
import { readLanguage, writeLanguage } from './user-preferences';
import { workListFormula } from './custom-work-list';
import { mentorView } from '../sheets/mentor-view';
import { saveVisit } from '../sheets/visit-save';
import { markFollowUpDone } from '../sheets/follow-up-done';
import { writeEvaluationSheet, writeMonthlyReportSheet } from '../sheets/mentor-reports';
import type { FollowUpDoneRequest, MentorViewData, ReportSheetOutcome, VisitSaveOutcome, VisitSubmission } from '../shared/mentoring';

/**
 * Adds the Pantau KKMP menu when the spreadsheet opens (works in AuthMode.NONE).
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e the open event
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  buildMenu(SpreadsheetApp.getUi());
}

/**
 * Runs when the add-on is installed: adds the menu at once.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e the install event
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * Menu action: opens the Pantau KKMP sidebar.
 */
export function showSidebar(): void {
  openSidebar();
}

/**
 * Menu action "Siapkan buku kerja": creates the missing sheets, columns and parameters; changes nothing else.
 */
export function setupWorkbookFromMenu(): void {
  setupFromMenu();
}

/**
 * Menu action "Periksa semua koperasi": opens the dialog that checks every co-op part by part, with progress and Cancel.
 */
export function checkAllFromMenuAction(): void {
  checkAllFromMenu();
}

/**
 * Menu action "Buat/perbarui lembar koperasi": asks for a co-op ID and writes its co-op sheet.
 */
export function coopSheetFromMenuAction(): void {
  coopSheetFromMenu();
}

/**
 * Dialog and sidebar: one part of "Periksa semua" — checks co-ops for up to a few minutes, and
 * writes Hasil Pemeriksaan when every co-op is checked (complete: false means call again to go on).
 * @param {string} mode 'continue' (default: go on with an unfinished check of the same data) or 'restart'
 * @return {CheckAllOutcome}
 */
export function runCheckAll(mode?: CheckAllMode): CheckAllOutcome {
  return checkAll(new Date(), mode === 'restart' ? 'restart' : 'continue');
}

/**
 * Dialog: the user cancelled; the unfinished check is marked as left (its rows stay, to be continued or discarded later).
 * @return {PendingCheck} the unfinished check, or null if there is none
 */
export function stopCheckAll(): PendingCheck | null {
  return stopCheckAllNow(new Date());
}

/**
 * Dialog and sidebar: the user's language, an unfinished "Periksa semua" (how far, started when) or null, and when the results were last written. Cheap (no workbook read): the sidebar asks for it every few seconds to notice a run of the menu's dialog.
 * @return {CheckAllState}
 */
export function getCheckAllState(): CheckAllState {
  return { lang: readLanguage(), pending: pendingCheck(new Date()), ...lastCheckOf(SpreadsheetApp.getActiveSpreadsheet()) };
}

/**
 * Sidebar: the co-ops, meetings and mentors as read from the workbook, with any input problems.
 * @return {WorkbookData}
 */
export function getWorkbookData(): WorkbookData {
  return readWorkbookData(SpreadsheetApp.getActiveSpreadsheet());
}

/**
 * Sidebar: creates or refreshes the co-op sheet of one co-op.
 * @param {string} coopId the co-op's ID Koperasi
 * @return {{sheet: string}} the sheet's name
 */
export function refreshCoopSheetFor(coopId: string): { sheet: string } {
  return refreshCoopSheet(coopId, new Date());
}

/**
 * Sidebar: everything the panel shows when it opens — live statuses, dashboard, data for the forms.
 * @return {SidebarData}
 */
export function getSidebarData(): SidebarData {
  return sidebarData(readLanguage(), new Date());
}

/**
 * Sidebar: changes since the previous check day, trends from Riwayat and the coming deadlines (asked after the first screen).
 * @return {SidebarHistory} counts and lines of changes, one trend point per recorded check-all, the calendar
 */
export function getSidebarHistory(): SidebarHistory {
  return sidebarHistory(SpreadsheetApp.getActiveSpreadsheet(), new Date());
}

/**
 * Sidebar: a page of the co-ops needing attention, most urgent first, for a filter or search, with reasons.
 * @param {AttentionQuery} query kecamatan, check and status, mentor, search text, offset and limit
 * @return {AttentionPage} the matching co-ops on that page and how many match in all
 */
export function getAttention(query: AttentionQuery): AttentionPage {
  return attentionPage(query ?? {}, new Date());
}

/**
 * Sidebar: one co-op's view (every status with its reasons and next steps, RAT history, mentor); selects its row.
 * @param {string} coopId the co-op's ID Koperasi
 * @return {CoopView} the co-op's record, results, meetings and mentor
 */
export function getCoopView(coopId: string): CoopView {
  return coopView(coopId, new Date());
}

/**
 * Sidebar: saves a form (co-op, RAT, mentor, savings-and-loans checklist) after checking it again.
 * @param {FormSubmission} submission what was typed, and what is being edited
 * @return {SaveOutcome} errors per field, or the refreshed sidebar data
 */
export function saveSidebarForm(submission: FormSubmission): SaveOutcome {
  return saveForm(submission, readLanguage(), new Date());
}

/**
 * Sidebar: selects a co-op's row (or opens its co-op sheet).
 * @param {string} coopId the co-op's ID Koperasi
 * @return {{sheet: string, row: number}} where it is
 */
export function openCoopFor(coopId: string): { sheet: string; row: number } {
  return openCoop(coopId);
}

/**
 * Sidebar: the rules in force (version, parameters, statuses) in the user's language.
 * @return {RulesOverview}
 */
export function getRulesOverview(): RulesOverview {
  return rulesOverview(readLanguage());
}

/**
 * Sidebar: remembers the user's interface language ('id' or 'en').
 * @param {string} lang 'id' or 'en'
 * @return {RulesOverview} the overview in that language
 */
export function setLanguage(lang: Lang): RulesOverview {
  return rulesOverview(writeLanguage(lang));
}

/**
 * Sidebar: runs every check on co-op records sent by the client and returns
 * statuses, reasons and the city summary at once.
 * @param {CheckInput} input records, meetings, mentors and the check date (YYYY-MM-DD)
 * @return {CheckRun}
 */
export function previewChecks(input: CheckInput): CheckRun {
  return runChecks(input);
}

/**
 * Nilai bawaan sebuah parameter Pantau KKMP (ambang batas pemeriksaan).
 *
 * Contoh: =KKMP_PARAMETER("spMinCapital") menghasilkan 500000000.
 *
 * @param {"spMinCapital"} kunci Nama parameter, misalnya "ratDeadlineMonths", "mentorMaxLoad", "spMinCapital", "spMinMembers".
 * @return {number} Nilai bawaan parameter itu.
 * @customfunction
 */
export function KKMP_PARAMETER(kunci: unknown): number {
  return parameterDefault(kunci);
}

/**
 * Status legalitas koperasi: BERBADAN HUKUM, DALAM PROSES atau BELUM.
 *
 * Contoh: =KKMP_LEGALITAS(Koperasi!A1:AA100) di sel AB2 mengisi status untuk baris 2 sampai 100.
 * Satu baris saja: =KKMP_LEGALITAS(A5:AA5; ; A$1:AA$1).
 * Tanggal bawaan: hari ini menurut zona waktu spreadsheet, dihitung saat rumus dihitung ulang
 * (Sheets menghitung ulang bila argumen berubah); rujuk sel bertanggal agar hasil ikut berubah.
 *
 * @param {Koperasi!A1:AA100} koperasi Rentang sheet Koperasi; baris pertamanya judul kolom (kecuali judul diberikan terpisah).
 * @param {"24/11/2026"} tanggal [opsional] Tanggal pemeriksaan (dd/mm/yyyy atau sel bertanggal); kosong = hari ini.
 * @param {Koperasi!A1:AA1} judul [opsional] Baris judul, bila rentang koperasi tidak memuatnya.
 * @return {string} Satu status per baris data; baris kosong tetap kosong.
 * @customfunction
 */
export function KKMP_LEGALITAS(koperasi: RangeArg, tanggal?: unknown, judul?: RangeArg): Cell | Cell[][] {
  return legalStatus(koperasi, tanggal, judul);
}

/**
 * Status RAT koperasi untuk tahun buku terakhir: SELESAI, LAPORAN BELUM, TIDAK KUORUM, BELUM JATUH TEMPO atau TERLAMBAT.
 *
 * Contoh: =KKMP_RAT(Koperasi!A1:AA100; RAT!A1:F500)
 *
 * @param {Koperasi!A1:AA100} koperasi Rentang sheet Koperasi; baris pertamanya judul kolom.
 * @param {RAT!A1:F500} rat Rentang sheet RAT, dengan baris judulnya.
 * @param {"24/11/2026"} tanggal [opsional] Tanggal pemeriksaan; kosong = hari ini.
 * @param {Koperasi!A1:AA1} judul [opsional] Baris judul koperasi, bila tidak ada di rentang koperasi.
 * @return {string} Satu status per baris data.
 * @customfunction
 */
export function KKMP_RAT(koperasi: RangeArg, rat: RangeArg, tanggal?: unknown, judul?: RangeArg): Cell | Cell[][] {
  return ratStatus(koperasi, rat, tanggal, judul);
}

/**
 * Status pendampingan koperasi: TERDAMPINGI, TANPA PENDAMPING atau PENDAMPING BERLEBIH.
 * Beban pendamping dihitung dari seluruh sheet Koperasi, juga bila rentangnya hanya satu baris.
 *
 * Contoh: =KKMP_PENDAMPINGAN(Koperasi!A1:AA100; Pendamping!A1:E20)
 *
 * @param {Koperasi!A1:AA100} koperasi Rentang sheet Koperasi; baris pertamanya judul kolom.
 * @param {Pendamping!A1:E20} pendamping Rentang sheet Pendamping, dengan baris judulnya.
 * @param {"24/11/2026"} tanggal [opsional] Tanggal pemeriksaan; kosong = hari ini.
 * @param {Koperasi!A1:AA1} judul [opsional] Baris judul koperasi, bila tidak ada di rentang koperasi.
 * @return {string} Satu status per baris data.
 * @customfunction
 */
export function KKMP_PENDAMPINGAN(koperasi: RangeArg, pendamping: RangeArg, tanggal?: unknown, judul?: RangeArg): Cell | Cell[][] {
  return mentorStatus(koperasi, pendamping, tanggal, judul);
}

/**
 * Kesiapan membuka unit simpan pinjam: SIAP, HAMPIR SIAP atau BELUM SIAP.
 *
 * Contoh: =KKMP_SIMPAN_PINJAM(Koperasi!A1:AA100; RAT!A1:F500; Pendamping!A1:E20)
 *
 * @param {Koperasi!A1:AA100} koperasi Rentang sheet Koperasi; baris pertamanya judul kolom.
 * @param {RAT!A1:F500} rat Rentang sheet RAT, dengan baris judulnya.
 * @param {Pendamping!A1:E20} pendamping Rentang sheet Pendamping, dengan baris judulnya.
 * @param {"24/11/2026"} tanggal [opsional] Tanggal pemeriksaan; kosong = hari ini.
 * @param {Koperasi!A1:AA1} judul [opsional] Baris judul koperasi, bila tidak ada di rentang koperasi.
 * @return {string} Satu status per baris data.
 * @customfunction
 */
export function KKMP_SIMPAN_PINJAM(koperasi: RangeArg, rat: RangeArg, pendamping: RangeArg, tanggal?: unknown, judul?: RangeArg): Cell | Cell[][] {
  return savingsLoansStatus(koperasi, rat, pendamping, tanggal, judul);
}

/**
 * Kesiapan pembiayaan bank (PMK 49/2025, hingga Rp 3 miliar dari bank negara): SIAP atau BELUM SIAP.
 * Syarat: berbadan hukum, NIK Koperasi, rekening bank, NPWP, NIB, proposal usaha, dan untuk koperasi kelurahan persetujuan Wali Kota.
 *
 * Contoh: =KKMP_PEMBIAYAAN(Koperasi!A1:AD100)
 *
 * @param {Koperasi!A1:AD100} koperasi Rentang sheet Koperasi; baris pertamanya judul kolom.
 * @param {"24/11/2026"} tanggal [opsional] Tanggal pemeriksaan; kosong = hari ini.
 * @param {Koperasi!A1:AD1} judul [opsional] Baris judul koperasi, bila tidak ada di rentang koperasi.
 * @return {string} Satu status per baris data.
 * @customfunction
 */
export function KKMP_PEMBIAYAAN(koperasi: RangeArg, tanggal?: unknown, judul?: RangeArg): Cell | Cell[][] {
  return checkStatus('bankFinancing', koperasi, null, null, tanggal, judul);
}

/**
 * Status setiap pemeriksaan berdampingan: Legalitas, RAT, Pendampingan, Simpan pinjam, Pembiayaan bank (satu kolom per pemeriksaan).
 *
 * Contoh: =KKMP_STATUS(Koperasi!A1:AA100; RAT!A1:F500; Pendamping!A1:E20)
 *
 * @param {Koperasi!A1:AA100} koperasi Rentang sheet Koperasi; baris pertamanya judul kolom.
 * @param {RAT!A1:F500} rat Rentang sheet RAT, dengan baris judulnya.
 * @param {Pendamping!A1:E20} pendamping Rentang sheet Pendamping, dengan baris judulnya.
 * @param {"24/11/2026"} tanggal [opsional] Tanggal pemeriksaan; kosong = hari ini.
 * @param {Koperasi!A1:AA1} judul [opsional] Baris judul koperasi, bila tidak ada di rentang koperasi.
 * @return {string[][]} Satu status per pemeriksaan, per baris data.
 * @customfunction
 */
export function KKMP_STATUS(koperasi: RangeArg, rat: RangeArg, pendamping: RangeArg, tanggal?: unknown, judul?: RangeArg): Cell | Cell[][] {
  return allStatuses(koperasi, rat, pendamping, tanggal, judul);
}

/**
 * Alasan satu pemeriksaan sebagai teks: syarat yang belum terpenuhi, nilai yang tercatat dan yang diminta.
 *
 * Contoh: =KKMP_ALASAN("simpan pinjam"; Koperasi!A1:AA100; RAT!A1:F500; Pendamping!A1:E20)
 *
 * @param {"simpan pinjam"} pemeriksaan "legalitas", "rat", "pendampingan", "simpan pinjam" atau "pembiayaan".
 * @param {Koperasi!A1:AA100} koperasi Rentang sheet Koperasi; baris pertamanya judul kolom.
 * @param {RAT!A1:F500} rat Rentang sheet RAT, dengan baris judulnya (boleh kosong untuk legalitas).
 * @param {Pendamping!A1:E20} pendamping Rentang sheet Pendamping, dengan baris judulnya (boleh kosong untuk legalitas dan RAT).
 * @param {"24/11/2026"} tanggal [opsional] Tanggal pemeriksaan; kosong = hari ini.
 * @param {Koperasi!A1:AA1} judul [opsional] Baris judul koperasi, bila tidak ada di rentang koperasi.
 * @return {string} Alasan per baris data, satu per baris teks; kosong bila semua terpenuhi.
 * @customfunction
 */
export function KKMP_ALASAN(pemeriksaan: unknown, koperasi: RangeArg, rat: RangeArg, pendamping: RangeArg, tanggal?: unknown, judul?: RangeArg): Cell | Cell[][] {
  return reasons(pemeriksaan, koperasi, rat, pendamping, tanggal, judul);
}

/**
 * Beban tiap pendamping (jumlah koperasi) dan statusnya terhadap batas: KURANG, SESUAI, BERLEBIH, TIDAK AKTIF, TIDAK TERDAFTAR.
 *
 * Contoh: =KKMP_BEBAN_PENDAMPING(Koperasi!A1:AA100; Pendamping!A1:E20)
 *
 * @param {Koperasi!A1:AA100} koperasi Rentang sheet Koperasi; baris pertamanya judul kolom.
 * @param {Pendamping!A1:E20} pendamping Rentang sheet Pendamping, dengan baris judulnya.
 * @param {"24/11/2026"} tanggal [opsional] Tanggal pemeriksaan; kosong = hari ini.
 * @param {Koperasi!A1:AA1} judul [opsional] Baris judul koperasi, bila tidak ada di rentang koperasi.
 * @return {string[][]} Tabel: ID Pendamping, Nama, Beban, Status Beban.
 * @customfunction
 */
export function KKMP_BEBAN_PENDAMPING(koperasi: RangeArg, pendamping: RangeArg, tanggal?: unknown, judul?: RangeArg): Cell[][] {
  return mentorLoads(koperasi, pendamping, tanggal, judul);
}

/**
 * Indikator RAT (Satu Data 02.09.007): koperasi yang melaksanakan RAT dengan kuorum ÷ semua koperasi × 100.
 *
 * Contoh: =KKMP_INDIKATOR_RAT(Koperasi!A1:AA100; RAT!A1:F500) menghasilkan misalnya 63,4.
 *
 * @param {Koperasi!A1:AA100} koperasi Rentang sheet Koperasi; baris pertamanya judul kolom.
 * @param {RAT!A1:F500} rat Rentang sheet RAT, dengan baris judulnya.
 * @param {"24/11/2026"} tanggal [opsional] Tanggal pemeriksaan; kosong = hari ini.
 * @param {Koperasi!A1:AA1} judul [opsional] Baris judul koperasi, bila tidak ada di rentang koperasi.
 * @return {number} Persen, satu angka desimal.
 * @customfunction
 */
export function KKMP_INDIKATOR_RAT(koperasi: RangeArg, rat: RangeArg, tanggal?: unknown, judul?: RangeArg): number {
  return ratIndicator(koperasi, rat, tanggal, judul);
}

/**
 * Sidebar (mentor view): the mentors to choose from, and the chosen mentor's work list and latest visits.
 * @param {string} mentorId the mentor's ID Pendamping, or null for none chosen
 * @return {MentorViewData}
 */
export function getMentorView(mentorId: string | null): MentorViewData {
  return mentorView(mentorId, new Date());
}

/**
 * Sidebar (visit form): checks a visit again and writes it as one new row of the sheet Kunjungan.
 * @param {VisitSubmission} submission what the mentor typed
 * @return {VisitSaveOutcome} errors per field, or the row written and the refreshed mentor view
 */
export function saveVisitForm(submission: VisitSubmission): VisitSaveOutcome {
  return saveVisit(submission, new Date());
}

/**
 * Sidebar (mentor view): marks one follow-up of the visit log done (Ya in its Tindak Lanjut Selesai cell, nothing else).
 * @param {FollowUpDoneRequest} request the row and what it held when shown
 * @return {VisitSaveOutcome} the row written and the refreshed mentor view, or why nothing was written
 */
export function markFollowUpDoneFor(request: FollowUpDoneRequest): VisitSaveOutcome {
  return markFollowUpDone(request, new Date());
}

/**
 * Sidebar (mentor view): writes a mentor's monthly report (or, with no mentor, the coordinator's recap) as a sheet.
 * @param {string} mentorId the mentor's ID Pendamping, or null for the recap of every mentor
 * @param {string} month the month as YYYY-MM
 * @return {ReportSheetOutcome} the sheet written
 */
export function writeMentorMonthlyReport(mentorId: string | null, month: string): ReportSheetOutcome {
  return writeMonthlyReportSheet(mentorId, month, readLanguage(), new Date());
}

/**
 * Sidebar (mentor view): writes a mentor's year-end evaluation as a sheet.
 * @param {string} mentorId the mentor's ID Pendamping
 * @return {ReportSheetOutcome} the sheet written
 */
export function writeMentorEvaluation(mentorId: string): ReportSheetOutcome {
  return writeEvaluationSheet(mentorId, readLanguage(), new Date());
}

/**
 * Daftar kerja seorang pendamping: untuk tiap koperasi dampingannya, tindak lanjut yang terbuka dan syarat yang belum
 * terpenuhi (wajib dulu, lalu tenggat terdekat) dengan langkah berikutnya. Hasilnya tumpah ke bawah (satu baris per butir;
 * kekurangan yang sama dari beberapa pemeriksaan, misalnya NIB kosong, satu baris dengan semua pemeriksaannya).
 *
 * Contoh: =KKMP_TUGAS("PD-03"; Koperasi!A1:AA100; RAT!A1:F500; Pendamping!A1:E20; Kunjungan!A1:H2000)
 *
 * @param {"PD-03"} pendamping ID Pendamping.
 * @param {Koperasi!A1:AA100} koperasi Rentang sheet Koperasi; baris pertamanya judul kolom.
 * @param {RAT!A1:F500} rat Rentang sheet RAT, dengan baris judulnya (boleh kosong).
 * @param {Pendamping!A1:E20} daftar_pendamping Rentang sheet Pendamping, dengan baris judulnya.
 * @param {Kunjungan!A1:H2000} kunjungan [opsional] Rentang sheet Kunjungan, dengan baris judulnya (untuk tindak lanjut).
 * @param {"24/11/2026"} tanggal [opsional] Tanggal pemeriksaan; kosong = hari ini.
 * @return {string[][]} Tabel: ID Koperasi, Nama, Bobot, Syarat belum terpenuhi, Pemeriksaan, Tenggat, Langkah berikutnya.
 * @customfunction
 */
export function KKMP_TUGAS(pendamping: unknown, koperasi: RangeArg, rat: RangeArg, daftar_pendamping: RangeArg, kunjungan?: RangeArg, tanggal?: unknown): Cell[][] {
  return workListFormula(pendamping, koperasi, rat, daftar_pendamping, kunjungan, tanggal);
}

/**
 * Kalender tenggat N hari ke depan: batas RAT, laporan RAT ke Dinas, kontrak pendamping berakhir, tindak lanjut kunjungan.
 *
 * Contoh: =KKMP_JADWAL(Koperasi!A1:AA100; RAT!A1:F500; Pendamping!A1:E20; 90)
 * Dengan tindak lanjut kunjungan: =KKMP_JADWAL(Koperasi!A1:AA100; RAT!A1:F500; Pendamping!A1:E20; 90; ; Kunjungan!A1:G300)
 *
 * @param {Koperasi!A1:AA100} koperasi Rentang sheet Koperasi; baris pertamanya judul kolom.
 * @param {RAT!A1:F500} rat Rentang sheet RAT, dengan baris judulnya.
 * @param {Pendamping!A1:E20} pendamping Rentang sheet Pendamping, dengan baris judulnya.
 * @param {90} hari [opsional] Berapa hari ke depan; kosong = parameter deadlineHorizonDays (90).
 * @param {"24/11/2026"} tanggal [opsional] Hari pertama kalender; kosong = hari ini.
 * @param {Kunjungan!A1:G300} kunjungan [opsional] Rentang sheet Kunjungan, untuk tenggat tindak lanjut.
 * @return {string[][]} Tabel: Tanggal, Sisa hari, Jenis, ID Koperasi, Nama, Keterangan.
 * @customfunction
 */
export function KKMP_JADWAL(koperasi: RangeArg, rat: RangeArg, pendamping: RangeArg, hari?: unknown, tanggal?: unknown, kunjungan?: RangeArg): Cell[][] {
  return schedule(koperasi, rat, pendamping, hari, tanggal, kunjungan);
}

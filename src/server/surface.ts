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
import { checkAll } from '../sheets/check-all';
import { refreshCoopSheet } from '../sheets/coop-sheet';
import { readWorkbookData } from '../sheets/spreadsheet-reader';
import type { CheckAllOutcome, RulesOverview, WorkbookData } from '../shared/sidebar-api';
import type { CheckInput, CheckRun, Lang } from '../shared/types';
import { parameterDefault } from './custom-parameter';
import { buildMenu } from './menu';
import { checkAllFromMenu, coopSheetFromMenu, setupFromMenu } from './menu-actions';
import { rulesOverview } from './rules-overview';
import { openSidebar } from './sidebar';
import { readLanguage, writeLanguage } from './user-preferences';

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
 * Menu action "Periksa semua koperasi": checks every co-op and writes the sheet Hasil Pemeriksaan.
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
 * Sidebar: checks every co-op, writes Hasil Pemeriksaan and returns the outcome.
 * @return {CheckAllOutcome}
 */
export function runCheckAll(): CheckAllOutcome {
  return checkAll(new Date());
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
 * Sidebar: runs the four checks on co-op records sent by the client and returns
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

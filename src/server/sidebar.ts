/**
 * Opens the sidebar built into dist/Sidebar.html (HTML, CSS and client code in
 * one file, see build/build.mjs).
 */
import { message } from '../core/messages';

export const SIDEBAR_FILE = 'Sidebar';

export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(message('ui', 'sidebarTitle').id);
  SpreadsheetApp.getUi().showSidebar(html);
}

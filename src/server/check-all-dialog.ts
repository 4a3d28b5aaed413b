/**
 * Opens the "Periksa semua" dialog built into dist/CheckAllDialog.html: a
 * small modal window with a progress bar and Cancel that drives the check
 * part by part through google.script.run (each part one execution), so no
 * trigger runs in the background and the user sees how far it is.
 */
import { message } from '../core/messages';

export const CHECK_ALL_DIALOG_FILE = 'CheckAllDialog';
const WIDTH = 460;
const HEIGHT = 200;

export function openCheckAllDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile(CHECK_ALL_DIALOG_FILE).setWidth(WIDTH).setHeight(HEIGHT);
  SpreadsheetApp.getUi().showModalDialog(html, message('ui', 'checkAllDialogTitle').id);
}

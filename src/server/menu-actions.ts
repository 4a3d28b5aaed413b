/**
 * What the menu items do: run an action and tell the user the outcome (or why
 * it could not run) in a dialog, in Bahasa Indonesia; "Periksa semua" opens its
 * own dialog with progress.
 */
import { errorText, fill, message } from '../core/messages';
import { refreshCoopSheet } from '../sheets/coop-sheet';
import { setupMessage, setupWorkbook } from '../sheets/workbook-setup';
import { openCheckAllDialog } from './check-all-dialog';

function alertOutcome(work: () => string): void {
  const ui = SpreadsheetApp.getUi();
  try {
    ui.alert(work());
  } catch (error) {
    ui.alert(errorText(error));
  }
}

export function setupFromMenu(): void {
  alertOutcome(() => setupMessage(setupWorkbook()));
}

/** Opens the dialog that runs the check part by part (progress, Cancel); it reports the outcome itself. */
export function checkAllFromMenu(): void {
  openCheckAllDialog();
}

export function coopSheetFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(message('ui', 'coopSheetPrompt').id, ui.ButtonSet.OK_CANCEL);
  if (response.getSelectedButton() !== ui.Button.OK) return;
  const coopId = response.getResponseText().trim();
  if (coopId === '') return;
  alertOutcome(() => fill(message('ui', 'coopSheetDone').id, () => refreshCoopSheet(coopId, new Date()).sheet));
}

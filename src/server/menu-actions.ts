/**
 * What the menu items do: run an action and tell the user the outcome (or why
 * it could not run) in a dialog, in Bahasa Indonesia.
 */
import { errorText, fill, message } from '../core/messages';
import { checkAll } from '../sheets/check-all';
import { historyOutcomeText } from '../sheets/history';
import { refreshCoopSheet } from '../sheets/coop-sheet';
import { setupMessage, setupWorkbook } from '../sheets/workbook-setup';

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

export function checkAllFromMenu(): void {
  alertOutcome(() => {
    const outcome = checkAll(new Date());
    if (!outcome.complete) return fill(message('ui', 'checkAllContinues').id, (name) => ({ done: String(outcome.done), total: String(outcome.total) })[name]);
    const done = fill(message('ui', 'checkAllDone').id, (name) => ({ count: String(outcome.coopCount), problems: String(outcome.problemCount) })[name]);
    return [done, historyOutcomeText(outcome.history)].filter((text) => text !== '').join('\n');
  });
}

export function coopSheetFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const response = ui.prompt(message('ui', 'coopSheetPrompt').id, ui.ButtonSet.OK_CANCEL);
  if (response.getSelectedButton() !== ui.Button.OK) return;
  const coopId = response.getResponseText().trim();
  if (coopId === '') return;
  alertOutcome(() => fill(message('ui', 'coopSheetDone').id, () => refreshCoopSheet(coopId, new Date()).sheet));
}

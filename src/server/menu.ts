/**
 * The add-on menu under Extensions → Pantau KKMP. It lists only actions that
 * work, and works in AuthMode.NONE (before the user has authorised the add-on),
 * so it touches nothing but the menu itself. Labels come from the message table.
 */
import { message } from '../core/messages';
import type * as Surface from './surface';

type MenuAction = Extract<keyof typeof Surface, 'showSidebar' | 'setupWorkbookFromMenu' | 'checkAllFromMenuAction' | 'coopSheetFromMenuAction'>;

/** Menu items in order: label key in the `ui` message table, and the surface function it calls. */
export const MENU_ITEMS: ReadonlyArray<{ label: string; action: MenuAction }> = [
  { label: 'menuOpenSidebar', action: 'showSidebar' },
  { label: 'menuCheckAll', action: 'checkAllFromMenuAction' },
  { label: 'menuCoopSheet', action: 'coopSheetFromMenuAction' },
  { label: 'menuSetup', action: 'setupWorkbookFromMenu' },
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  // The user's language preference is not readable in AuthMode.NONE: menus speak Bahasa Indonesia.
  for (const item of MENU_ITEMS) menu.addItem(message('ui', item.label).id, item.action);
  menu.addToUi();
}

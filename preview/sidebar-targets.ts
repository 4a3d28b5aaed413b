/**
 * The surface functions the preview lets a page call over HTTP: exactly those
 * the sidebar may call (src/sidebar/server.ts's SidebarTargets) and those the
 * "Periksa semua" dialog may call (src/dialog/server.ts's DialogTargets) —
 * never menu actions, triggers, custom functions or names every object
 * inherits (`constructor`, `toString`, `__proto__`). The type checks below
 * fail the build if this list and theirs drift apart.
 */
import type { DialogTargets } from '../src/dialog/server';
import type { TargetName } from '../src/sidebar/server';

type ClientTarget = TargetName | keyof DialogTargets;

export const SIDEBAR_TARGETS = [
  'getRulesOverview',
  'setLanguage',
  'previewChecks',
  'runCheckAll',
  'refreshCoopSheetFor',
  'getWorkbookData',
  'getSidebarData',
  'getSidebarHistory',
  'saveSidebarForm',
  'openCoopFor',
  'getMentorView',
  'saveVisitForm',
  'writeMentorMonthlyReport',
  'writeMentorEvaluation',
  'markFollowUpDoneFor',
  'getAttention',
  'getCoopView',
  // The "Periksa semua" dialog.
  'getCheckAllState',
  'stopCheckAll',
] as const satisfies readonly ClientTarget[];

// Every target the sidebar's and the dialog's types allow is listed (and, above, nothing else).
type Unlisted = Exclude<ClientTarget, (typeof SIDEBAR_TARGETS)[number]>;
const everyTargetListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyTargetListed;

const CALLABLE: ReadonlySet<string> = new Set(SIDEBAR_TARGETS);

/** True for a name the sidebar or the dialog may call (own list only: no inherited or prototype names). */
export function isSidebarTarget(name: string): boolean {
  return CALLABLE.has(name);
}

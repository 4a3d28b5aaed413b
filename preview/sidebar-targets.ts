/**
 * The surface functions the preview lets a page call over HTTP: exactly those
 * the sidebar may call (src/sidebar/server.ts's SidebarTargets), never menu
 * actions, triggers, custom functions or names every object inherits
 * (`constructor`, `toString`, `__proto__`). The type check below fails the
 * build if this list and the sidebar's drift apart.
 */
import type { TargetName } from '../src/sidebar/server';

export const SIDEBAR_TARGETS = [
  'getRulesOverview',
  'setLanguage',
  'previewChecks',
  'runCheckAll',
  'refreshCoopSheetFor',
  'getWorkbookData',
  'getSidebarData',
  'saveSidebarForm',
  'openCoopFor',
  'getMentorView',
  'saveVisitForm',
  'writeMentorMonthlyReport',
  'writeMentorEvaluation',
  'markFollowUpDoneFor',
] as const satisfies readonly TargetName[];

// Every target the sidebar's type allows is listed (and, above, nothing else).
type Unlisted = Exclude<TargetName, (typeof SIDEBAR_TARGETS)[number]>;
const everyTargetListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyTargetListed;

const CALLABLE: ReadonlySet<string> = new Set(SIDEBAR_TARGETS);

/** True for a name the sidebar may call (own list only: no inherited or prototype names). */
export function isSidebarTarget(name: string): boolean {
  return CALLABLE.has(name);
}

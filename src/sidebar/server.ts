/**
 * The sidebar's only way to the server: a typed wrapper over
 * google.script.run. Function names and payload types come from
 * src/server/surface.ts, so a misspelt target or a wrong payload fails at
 * compile time, not in a staff member's browser.
 */
import type * as Surface from '../server/surface';

/** The surface functions the sidebar may call. */
export type SidebarTargets = Pick<
  typeof Surface,
  'getRulesOverview' | 'getCheckAllState' | 'setLanguage' | 'previewChecks' | 'runCheckAll' | 'refreshCoopSheetFor' | 'getWorkbookData' | 'getSidebarData' | 'getSidebarHistory' | 'saveSidebarForm' | 'openCoopFor' | 'getAttention' | 'getCoopView' | 'getMentorView' | 'saveVisitForm' | 'writeMentorMonthlyReport' | 'writeMentorEvaluation' | 'markFollowUpDoneFor'
>;
export type TargetName = keyof SidebarTargets;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}
declare const google: { script: { run: ScriptRun } };

export function callServer<K extends TargetName>(name: K, ...args: Parameters<SidebarTargets[K]>): Promise<ReturnType<SidebarTargets[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarTargets[K]>))
      .withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

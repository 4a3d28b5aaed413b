/**
 * The dialog's only way to the server: a typed wrapper over google.script.run
 * for the three surface functions it calls (names and payloads from
 * src/server/surface.ts, so a misspelt target fails at compile time).
 */
import type * as Surface from '../server/surface';

export type DialogTargets = Pick<typeof Surface, 'getCheckAllState' | 'runCheckAll' | 'stopCheckAll'>;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}
declare const google: { script: { run: ScriptRun; host: { close(): void } } };

export function callServer<K extends keyof DialogTargets>(name: K, ...args: Parameters<DialogTargets[K]>): Promise<ReturnType<DialogTargets[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run.withSuccessHandler((value) => resolve(value as ReturnType<DialogTargets[K]>)).withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

/** Closes the dialog (Apps Script's google.script.host.close). */
export function closeDialog(): void {
  google.script.host.close();
}

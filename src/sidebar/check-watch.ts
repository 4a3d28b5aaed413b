/**
 * Noticing a "Periksa semua" run from the menu while the sidebar is open.
 *
 * Why polling: the menu's dialog and the sidebar are two separate HtmlService
 * pages, each in its own sandboxed iframe. Apps Script gives them no channel
 * to each other — `google.script.host` only closes or resizes its own page,
 * `google.script.run` reaches only the server, and the server cannot push to
 * a page (developers.google.com/apps-script/guides/html/communication and
 * …/guides/html/reference/host: close, editor.focus, setHeight, setWidth). Messaging between the two frames in the browser
 * (localStorage events, BroadcastChannel) would need both pages to share an
 * origin; their googleusercontent.com sandbox origins are not documented as
 * shared, and browsers partition storage, so a refresh built on it could
 * silently never happen. What is documented is the client asking the server:
 * the sidebar asks `getCheckAllState` — a cheap call, one Range read of the
 * results' summary block and one of the staging sheet's first row, whatever
 * the workbook's size — and compares the results' stamp with the one it drew
 * (the "pseudo-binding" pattern: ramblings.mcpher.com/gassnippets2/
 * pseudo-binding-in-html-service).
 *
 * How often: every 2 s while a run is under way (the staging sheet says so),
 * every 15 s otherwise, only while the sidebar is visible and not running a
 * check itself; and at once (at most every 2 s) when the person comes back to
 * the sidebar — the pointer enters it or it takes focus, as after closing
 * the dialog. Timers are the browser's: this runs in the sidebar, not in Apps
 * Script.
 */
import type { CheckAllState } from '../shared/sidebar-api';

/** While a run is under way. */
export const RUNNING_POLL_MS = 2_000;
/** Otherwise. */
export const IDLE_POLL_MS = 15_000;
/** The least time between two asks when the person comes back to the sidebar. */
export const RETURN_MIN_MS = 2_000;

export interface CheckWatchOptions {
  /** Asks the server (getCheckAllState). */
  read(): Promise<CheckAllState>;
  /** The stamp of the results the sidebar shows (SidebarData.checkStamp). */
  shown(): { checkStamp: string | null; pendingKey: string };
  /** True while the sidebar runs a check itself (it redraws when done). */
  busy(): boolean;
  /** New results, or a run started, stopped or moved on: what changed. */
  changed(state: CheckAllState, results: boolean): void;
}

/** A key for what the sidebar shows of a pending run: none, under way (how far), or left. */
export function pendingKey(pending: CheckAllState['pending']): string {
  return pending === null ? '' : pending.abandoned ? `left ${pending.done}/${pending.total}` : `running ${pending.done}/${pending.total}`;
}

export function watchChecks(options: CheckWatchOptions): void {
  let timer: number | undefined;
  let asking = false;
  let lastAsk = 0;
  let running = false;

  const schedule = (): void => {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, running ? RUNNING_POLL_MS : IDLE_POLL_MS);
  };

  function ask(): void {
    if (asking) return;
    if (document.visibilityState !== 'visible' || options.busy()) {
      schedule();
      return;
    }
    asking = true;
    lastAsk = Date.now();
    options.read().then(
      (state) => {
        asking = false;
        running = state.pending !== null && !state.pending.abandoned;
        const shown = options.shown();
        const results = state.checkStamp !== shown.checkStamp;
        if (!options.busy() && (results || pendingKey(state.pending) !== shown.pendingKey)) options.changed(state, results);
        schedule();
      },
      () => {
        // A failed ask (offline, a server hiccup) is not the person's business: ask again later.
        asking = false;
        schedule();
      },
    );
  }

  const back = (): void => {
    if (Date.now() - lastAsk >= RETURN_MIN_MS) ask();
  };
  window.addEventListener('focus', back);
  // pointerenter does not bubble and is not sent to the document: the root element gets it when the pointer comes into the sidebar.
  document.documentElement.addEventListener('pointerenter', back);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') back();
  });
  schedule();
}

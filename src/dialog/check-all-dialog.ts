/**
 * The "Periksa semua" dialog. It drives the check part by part: each call of
 * `runCheckAll` is one execution on the server (a few minutes at most); the
 * dialog calls again until the run is complete, showing how far it is. Cancel
 * stops calling (the part under way still ends; until the last part the
 * previous results stay as they were), and an unfinished run can be continued
 * or started again when the dialog opens next. When a part finds the data
 * changed since the run began, the run starts again and the dialog says so.
 */
import type { CheckAllMode, CheckAllOutcome, PendingCheck } from '../shared/sidebar-api';
import { byId, el, formatNumber, setLang, t } from '../sidebar/dom';
import { callServer, closeDialog } from './server';

let cancelled = false;

function progress(done: number, total: number, key = 'checkingProgress'): void {
  const bar = byId('bar');
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  bar.classList.remove('reading');
  bar.setAttribute('aria-valuenow', String(percent));
  byId('fill').style.width = `${percent}%`;
  byId('progress').textContent = t(key, { done: formatNumber(done), total: formatNumber(total) });
}

function reading(): void {
  const bar = byId('bar');
  bar.classList.add('reading');
  bar.removeAttribute('aria-valuenow');
  byId('progress').textContent = t('checkAllReading');
}

function say(id: 'notice' | 'message', text: string, tone = ''): void {
  const node = byId(id);
  node.textContent = text;
  node.className = `${id}${tone ? ` ${tone}` : ''}`;
}

/** The dialog's buttons, the last one primary. */
function actions(...buttons: Array<{ key: string; id: string; onClick: () => void }>): void {
  byId('actions').replaceChildren(
    ...buttons.map((spec, i) => {
      const button = el('button', { type: 'button', id: spec.id, class: i === buttons.length - 1 ? 'primary' : '' }, t(spec.key));
      button.addEventListener('click', spec.onClick);
      return button;
    }),
  );
  (byId('actions').lastElementChild as HTMLButtonElement | null)?.focus();
}

const CLOSE = { key: 'checkAllClose', id: 'close', onClick: closeDialog };

function restartText(restarted: NonNullable<CheckAllOutcome['restarted']>): string {
  const date = restarted.stagedAsOf ? restarted.stagedAsOf.split('-').reverse().join('/') : '';
  const key = { dataChanged: 'restartDataChanged', rulesChanged: 'restartRulesChanged', otherDay: 'restartOtherDay', unreadable: 'restartUnreadable' }[restarted.reason];
  return t(key, { date });
}

/** Runs parts until the check is complete, cancelled or failed. */
function run(mode: CheckAllMode): void {
  cancelled = false;
  reading();
  say('message', '');
  actions({
    key: 'checkAllCancel',
    id: 'cancel',
    onClick: () => {
      cancelled = true;
      byId<HTMLButtonElement>('cancel').disabled = true;
      say('message', t('checkAllCancelling'));
    },
  });
  const part = (partMode: CheckAllMode): Promise<void> =>
    callServer('runCheckAll', partMode).then((outcome) => {
      if (outcome.restarted) say('notice', restartText(outcome.restarted));
      progress(outcome.done, outcome.total, outcome.complete || cancelled ? 'checkedProgress' : 'checkingProgress');
      if (outcome.complete) {
        byId('bar').classList.add('done');
        say('message', t('checkAllDone', { count: formatNumber(outcome.coopCount), problems: formatNumber(outcome.problemCount) }));
        actions(CLOSE);
        return undefined;
      }
      if (cancelled) {
        const cancelledText = t('checkAllCancelled', { done: formatNumber(outcome.done), total: formatNumber(outcome.total) });
        // Tell the server it was left (the sidebar then says so); the message stands whether that call works or not.
        const shown = (): void => {
          say('message', cancelledText);
          actions(CLOSE);
        };
        return callServer('stopCheckAll').then(shown, shown);
      }
      return part('continue');
    });
  part(mode).catch((error: unknown) => {
    say('message', t('checkAllFailed', { detail: error instanceof Error ? error.message : String(error) }), 'bad');
    actions(CLOSE);
  });
}

/** An unfinished run of today: the user chooses to continue it or start again. */
function offer(pending: PendingCheck): void {
  progress(pending.done, pending.total, 'checkedProgress');
  say('message', t('checkAllPending', { done: formatNumber(pending.done), total: formatNumber(pending.total), time: pending.startedAt }));
  actions({ key: 'checkAllRestart', id: 'restart', onClick: () => run('restart') }, { key: 'checkAllContinue', id: 'continue', onClick: () => run('continue') });
}

function start(): void {
  reading();
  callServer('getCheckAllState').then(
    (state) => {
      setLang(state.lang);
      if (state.pending && state.pending.sameDay) offer(state.pending);
      else run('continue');
    },
    (error: unknown) => {
      say('message', t('checkAllFailed', { detail: error instanceof Error ? error.message : String(error) }), 'bad');
      actions(CLOSE);
    },
  );
}

start();

/**
 * One co-op's own view, opened by "Buka": each status (all checks the server
 * sends) with every reason and its next step — what is missing for the next
 * status — its RAT history and its mentor, with buttons to edit it.
 */
import type { CoopView } from '../shared/sidebar-api';
import type { CheckResult } from '../shared/types';
import checksFile from '../../rules/checks.json';
import { el, isoToDisplay, pick, t } from './dom';

/** Checks whose "items met / total" is shown beside the status (rules/checks.json `score`). */
const SCORED: ReadonlySet<string> = new Set(checksFile.checks.filter((check) => check.score).map((check) => check.id));

export interface CoopViewActions {
  back(): void;
  edit(kind: 'coop' | 'rat' | 'checklist', coopId: string): void;
}

export function renderCoopView(root: HTMLElement, view: CoopView, asOf: string, actions: CoopViewActions): void {
  const { record, result } = view;
  const back = el('button', { type: 'button', class: 'link', id: 'back' }, `← ${t('back')}`);
  back.addEventListener('click', () => actions.back());
  const checks = (Object.entries(result.checks) as Array<[string, CheckResult]>).map(([check, outcome]) =>
    el(
      'section',
      { class: 'card', 'data-check': check, 'aria-labelledby': `view-${check}` },
      el('h3', { id: `view-${check}` }, `${t(check, {}, 'check')}: `, el('span', { class: `chip ${outcome.severity}` }, pick(view.labels[check] ?? outcome.label)), outcome.itemsTotal > 0 && SCORED.has(check) ? ` ${outcome.itemsMet}/${outcome.itemsTotal}` : ''),
      outcome.reasons.length === 0
        ? el('p', { class: 'muted' }, t('noReasons'))
        : el(
            'ul',
            { class: 'reasons' },
            ...outcome.reasons.map((r) =>
              el('li', { class: r.severity }, el('span', { class: 'why' }, pick(r.text)), r.next ? el('span', { class: 'next' }, el('b', {}, `${t('nextStep')}: `), pick(r.next), r.due && r.due >= asOf ? ` (${t('dueBy', { date: isoToDisplay(r.due) })})` : '') : null),
            ),
          ),
    ),
  );
  const meetings =
    view.meetings.length === 0
      ? el('p', { class: 'muted' }, t('noMeetings'))
      : el(
          'ul',
          { class: 'facts' },
          ...view.meetings.map((m) =>
            el('li', {}, t('ratRow', { year: m.bookYear ?? '?', held: isoToDisplay(m.heldOn), present: m.membersPresent ?? '?', members: m.members ?? '?', reported: m.reportedOn ? isoToDisplay(m.reportedOn) : t('reportNotYet') })),
          ),
        );
  const mentor = view.mentor
    ? el('p', {}, t('mentorLine', { id: view.mentor.id, name: view.mentor.name ?? '', from: isoToDisplay(view.mentor.startsOn), to: isoToDisplay(view.mentor.endsOn) }), view.mentorActive ? '' : ` — ${t('contractEnded', { date: isoToDisplay(view.mentor.endsOn) })}`)
    : el('p', { class: 'muted' }, record.mentorId ? `${record.mentorId}` : t('noMentor'));
  const button = (kind: 'coop' | 'rat' | 'checklist', key: string): HTMLElement => {
    const b = el('button', { type: 'button', class: 'secondary', id: `view-edit-${kind}` }, t(key));
    b.addEventListener('click', () => actions.edit(kind, record.id));
    return b;
  };
  const place = [record.kelurahan, record.kecamatan].filter((x) => x).join(', ');
  root.replaceChildren(
    back,
    el('h2', { id: 'coop-view-title', class: 'view-title', tabindex: '-1' }, `${record.id} — ${record.name ?? ''}`),
    place ? el('p', { class: 'muted' }, place) : '',
    view.origin ? el('p', { class: 'muted', id: 'row-selected' }, t('rowSelected', { row: view.origin.row, sheet: view.origin.sheet })) : '',
    ...checks,
    el('h3', {}, t('ratHistory')),
    meetings,
    el('h3', {}, t('mentorOf')),
    mentor,
    el('div', { class: 'buttons view-actions' }, button('coop', 'edit'), button('rat', 'recordRat'), button('checklist', 'editChecklist')),
  );
}

/**
 * `pantau-kkmp tugas <file.xlsx> --pendamping PD-03`: a mentor's work list on
 * the terminal — each co-op (most urgent first) with its statuses, its dates
 * (overdue ones marked), open follow-ups and unmet requirements with the next
 * step — then the next dates across all co-ops. `--json` prints the work list
 * as the core gives it. Exit 0, or 2 for a usage error, an unreadable file or
 * an unknown mentor.
 */
import { fill, message } from '../../core/messages';
import { mentorWorkList } from '../../core/mentoring/work-list';
import { showDate } from '../../core/mentoring/report-grids';
import type { DueDate, WorkList } from '../../shared/mentoring';
import type { Lang } from '../../shared/types';
import { MentorUsageError, knownMentor, parseMentorArgs, readMentorWorkbook, unknownMentor, usageIn, type Out } from './mentor-args';

const NAME_PREFIX = /^Koperasi Kelurahan Merah Putih /;

function when(d: Pick<DueDate, 'inDays' | 'overdue'>, t: (key: string, values?: Record<string, string>) => string): string {
  if (d.overdue) return t('overdue', { days: String(-d.inDays) });
  return d.inDays === 0 ? t('today') : t('inDays', { days: String(d.inDays) });
}

export function workListText(work: WorkList, lang: Lang): string {
  const t = (key: string, values: Record<string, string> = {}): string => fill(message('mentoring', key)[lang], (n) => values[n]);
  const out: string[] = [t('workListTitle', { mentor: `${work.mentorId} — ${work.mentorName ?? ''}`.trim() }), `${message('ui', 'checkDate')[lang]}: ${showDate(work.asOf)}`, ''];
  if (work.coops.length === 0) out.push(t('workListNone'));
  for (const coop of work.coops) {
    out.push(`${coop.coopId}  ${(coop.name ?? '').replace(NAME_PREFIX, 'KKMP ')}`);
    out.push(`  ${coop.statuses.map((s) => `${message('check', s.check)[lang]}: ${s.label[lang]}`).join(' · ')}`);
    out.push(`  ${coop.lastVisit ? t('lastVisit', { date: showDate(coop.lastVisit), count: String(coop.visitCount) }) : t('neverVisited')}`);
    for (const d of coop.dates) out.push(`  ${d.overdue ? '!' : '·'} ${showDate(d.date)}  ${d.label[lang]} (${when(d, t)})`);
    if (coop.items.length === 0) out.push(`  ${t('workListAllMet')}`);
    for (const item of coop.items) {
      const due = item.due ? ` [${showDate(item.due)}]` : '';
      const checks = item.checks.map((check) => message('check', check)[lang]).join(', ');
      out.push(`  - [${t(item.weight === 'hard' ? 'weightHard' : 'weightSoft')}] ${item.reason[lang]} (${checks})${due}`, `      → ${item.nextStep[lang]}`);
    }
    out.push('');
  }
  out.push(t('nextDates'));
  for (const d of work.dates) out.push(`  ${d.overdue ? '!' : '·'} ${showDate(d.date)}  ${d.coopId ? `${d.coopId}  ` : ''}${d.label[lang]} (${when(d, t)})`);
  return `${out.join('\n')}\n`;
}

export async function tugas(args: readonly string[], out: Out, err: Out, now: Date): Promise<number> {
  const usage = usageIn('cliTugasUsage', args);
  try {
    const options = parseMentorArgs(args, usage);
    if (options.mentorId === null) throw new MentorUsageError(usage);
    const { read, input, run } = await readMentorWorkbook(options, now);
    if (!knownMentor(read, options.mentorId)) throw unknownMentor(options.mentorId, options.lang);
    const work = mentorWorkList(input, run, read.visits, options.mentorId);
    out.write(options.json ? `${JSON.stringify(work, null, 2)}\n` : workListText(work, options.lang));
    return 0;
  } catch (error) {
    if (!(error instanceof MentorUsageError)) throw error;
    err.write(error.message === usage ? `${usage}\n` : `${error.message}\n${usage}\n`);
    return 2;
  }
}

/**
 * `pantau-kkmp evaluasi <file.xlsx> [--pendamping PD-03] [--out FILE]`: the
 * year-end evaluation of one mentor, or of every mentor in `Pendamping` —
 * one line each on the terminal (score, grade, its parts, the load and its
 * band) and, with `--out`, the full evaluation per mentor as .xlsx (one sheet
 * each) or printable HTML. Criteria are the parameters in force (the
 * workbook's `Parameter` sheet over rules/parameters.json).
 */
import path from 'node:path';
import { formatNumber } from '../../core/format';
import { fill, message } from '../../core/messages';
import { evaluateMentor } from '../../core/mentoring/evaluation';
import { evaluationGrid } from '../../core/mentoring/report-grids';
import { reportHtml, reportWorkbook } from '../report-file';
import { MentorUsageError, knownMentor, parseMentorArgs, readMentorWorkbook, unknownMentor, usageIn, writeReport, type Out } from './mentor-args';

export async function evaluasi(args: readonly string[], out: Out, err: Out, now: Date): Promise<number> {
  const usage = usageIn('cliEvaluasiUsage', args);
  try {
    const options = parseMentorArgs(args, usage);
    const { read, input, run, history } = await readMentorWorkbook(options, now);
    if (options.mentorId !== null && !knownMentor(read, options.mentorId)) throw unknownMentor(options.mentorId, options.lang);
    const ids = options.mentorId !== null ? [options.mentorId] : read.mentors.map((m) => m.id);
    const evaluations = ids.map((id) => evaluateMentor(input, run, read.visits, id, history));
    const lang = options.lang;
    for (const e of evaluations) {
      const band = message('ui', e.loadBand === 'under' ? 'loadUnder' : e.loadBand === 'over' ? 'loadOver' : 'loadWithin')[lang];
      const line = e.score === null ? 'cliEvaluationLineNotScored' : 'cliEvaluationLine';
      const pct = (x: number | null): string => formatNumber(x ?? 0, lang, 1);
      out.write(`${fill(message('mentoring', line)[lang], (n) => ({ mentor: `${e.mentorId} ${e.mentorName ?? ''}`.trim(), score: pct(e.score), grade: e.gradeLabel[lang], requirements: pct(e.requirementsPercent), visits: pct(e.visitsPercent), load: String(e.load), band })[n])}\n`);
    }
    if (options.out !== null) {
      const reports = evaluations.map((e) => ({ name: `Evaluasi ${e.mentorId}`, grid: evaluationGrid(e, lang) }));
      const ext = path.extname(options.out).toLowerCase();
      if (ext === '.html' || ext === '.htm') writeReport(options, new TextEncoder().encode(reportHtml(message('mentoring', 'evaluationTitle')[lang], reports, lang)));
      else writeReport(options, new Uint8Array(await reportWorkbook(reports).xlsx.writeBuffer()));
      out.write(`${fill(message('mentoring', 'cliReportWritten')[lang], () => options.out as string)}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof MentorUsageError)) throw error;
    err.write(error.message === usage ? `${usage}\n` : `${error.message}\n${usage}\n`);
    return 2;
  }
}

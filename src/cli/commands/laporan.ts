/**
 * `pantau-kkmp laporan <file.xlsx> --bulan YYYY-MM [--pendamping PD-03] --out FILE`:
 * writes the monthly report of one mentor — or, without `--pendamping`, the
 * coordinator's recap followed by every mentor's report — as an .xlsx (one
 * sheet each) or a printable HTML page (`--out` ending in .html). The
 * workbook read is never changed. Exit 0, or 2 for a usage error, an
 * unreadable file, a bad month, a month not begun by the check date or an unknown mentor.
 */
import path from 'node:path';
import { fill, message } from '../../core/messages';
import { monthlyRecap, monthlyReport, reportMonthProblem } from '../../core/mentoring/monthly-report';
import { monthlyRecapGrid, monthlyReportGrid, monthName } from '../../core/mentoring/report-grids';
import { monthBounds } from '../../core/mentoring/work-list';
import { reportHtml, reportWorkbook, type NamedReport } from '../report-file';
import { MentorUsageError, knownMentor, parseMentorArgs, readMentorWorkbook, unknownMentor, usageIn, writeReport, type Out } from './mentor-args';

export async function laporan(args: readonly string[], out: Out, err: Out, now: Date): Promise<number> {
  const usage = usageIn('cliLaporanUsage', args);
  try {
    const options = parseMentorArgs(args, usage);
    if (options.month === null || options.out === null) throw new MentorUsageError(usage);
    if (!monthBounds(options.month)) throw new MentorUsageError(fill(message('mentoring', 'cliBadMonth')[options.lang], () => options.month as string));
    const month = options.month.trim();
    const { read, input, run, history } = await readMentorWorkbook(options, now);
    if (options.mentorId !== null && !knownMentor(read, options.mentorId)) throw unknownMentor(options.mentorId, options.lang);
    const notReportable = reportMonthProblem(month, run.asOf);
    if (notReportable) throw new MentorUsageError(notReportable[options.lang]);
    const mentorIds = options.mentorId !== null ? [options.mentorId] : read.mentors.map((m) => m.id);
    const reports: NamedReport[] = [];
    if (options.mentorId === null) reports.push({ name: `Rekap ${month}`, grid: monthlyRecapGrid(monthlyRecap(input, run, read.visits, month, history), month, options.lang) });
    for (const id of mentorIds) {
      const report = monthlyReport(input, run, read.visits, id, month, history);
      reports.push({ name: `Laporan ${report.mentorId} ${month}`, grid: monthlyReportGrid(report, options.lang) });
    }
    if (path.extname(options.out).toLowerCase() === '.html' || path.extname(options.out).toLowerCase() === '.htm') {
      const title = `${message('mentoring', options.mentorId === null ? 'reportRecapTitle' : 'reportTitle')[options.lang]} — ${monthName(month, options.lang)}`;
      writeReport(options, new TextEncoder().encode(reportHtml(title, reports, options.lang)));
    } else {
      writeReport(options, new Uint8Array(await reportWorkbook(reports).xlsx.writeBuffer()));
    }
    out.write(`${fill(message('mentoring', 'cliReportWritten')[options.lang], () => options.out as string)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof MentorUsageError)) throw error;
    err.write(error.message === usage ? `${usage}\n` : `${error.message}\n${usage}\n`);
    return 2;
  }
}

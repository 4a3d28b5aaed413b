/**
 * The command line's subcommands besides `check` (which ./main.ts handles):
 * one entry per verb, each in its own file under ./commands/.
 */
import { evaluasi } from './commands/evaluasi';
import { laporan } from './commands/laporan';
import type { Out } from './commands/mentor-args';
import { tugas } from './commands/tugas';
import { deadlinesCommand } from './deadlines-command';
import { historyCommand } from './history-command';
import { reportCommand } from './report-command';

export type Subcommand = (args: readonly string[], out: Out, err: Out, now: Date) => Promise<number>;

export const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  /** A mentor's work list (issue 17). */
  tugas,
  /** A mentor's monthly report, or the coordinator's recap, as .xlsx or HTML (issue 17). */
  laporan,
  /** The year-end evaluation of one mentor or all (issue 17). */
  evaluasi,
  /** Append one block of rows to a history file (issue 18). */
  history: historyCommand,
  /** The deadline calendar of the coming days (issue 18). */
  deadlines: deadlinesCommand,
  /** The one-page report for the head of office as printable HTML (issue 18). */
  report: reportCommand,
};

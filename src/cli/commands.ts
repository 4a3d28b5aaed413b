/**
 * The commands besides `check`, each in its own file: `history` (append to a
 * history file), `deadlines` (the calendar of the coming days) and `report`
 * (the one-page report as printable HTML). main.ts hands them their arguments.
 */
import type { Out } from './command-input';
import { deadlinesCommand } from './deadlines-command';
import { historyCommand } from './history-command';
import { reportCommand } from './report-command';

export type Command = (args: string[], out: Out, err: Out, now: Date) => Promise<number>;

export const COMMANDS: Readonly<Record<string, Command>> = {
  history: historyCommand,
  deadlines: deadlinesCommand,
  report: reportCommand,
};

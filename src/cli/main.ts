/**
 * `pantau-kkmp`: the checks on this machine, without Google, through the very
 * same core and rules as the add-on. For now it checks the bundled Balikpapan
 * sample data (`pantau-kkmp sample`); checking .xlsx files is the next step.
 * Exit status 0 when the check ran, 2 for a usage error.
 */
import { balikpapanSample } from '../../examples/balikpapan-data';
import { dayFromIso } from '../core/calendar';
import { runChecks } from '../core/check-run';
import { fill, message } from '../core/messages';
import type { Lang } from '../shared/types';
import { textReport } from './text-report';

interface Options {
  command: string | null;
  asOf: string | null;
  lang: Lang;
  json: boolean;
}

class UsageError extends Error {}

function parse(args: string[]): Options {
  const options: Options = { command: null, asOf: null, lang: 'id', json: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const value = (): string => {
      const next = args[i + 1];
      if (next === undefined) throw new UsageError(fill(message('ui', 'cliBadOption').id, () => arg));
      i += 1;
      return next;
    };
    if (arg === '--as-of') options.asOf = value();
    else if (arg === '--lang') {
      const lang = value();
      if (lang !== 'id' && lang !== 'en') throw new UsageError(fill(message('ui', 'cliBadOption').id, () => `--lang ${lang}`));
      options.lang = lang;
    } else if (arg === '--json') options.json = true;
    else if (!arg.startsWith('-') && options.command === null) options.command = arg;
    else throw new UsageError(fill(message('ui', 'cliBadOption').id, () => arg));
  }
  if (options.command !== 'sample') throw new UsageError(message('ui', 'cliUsage').id);
  if (options.asOf !== null && dayFromIso(options.asOf) === null) throw new UsageError(fill(message('ui', 'cliBadDate').id, () => options.asOf as string));
  return options;
}

export function main(args: string[], out: NodeJS.WritableStream & { isTTY?: boolean }, err: NodeJS.WritableStream): number {
  let options: Options;
  try {
    options = parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const usage = message('ui', 'cliUsage').id;
    err.write(error.message === usage ? `${usage}\n` : `${error.message}\n${usage}\n`);
    return 2;
  }
  const input = balikpapanSample();
  const run = runChecks({ ...input, asOf: options.asOf ?? input.asOf });
  if (options.json) out.write(`${JSON.stringify(run, null, 2)}\n`);
  else out.write(textReport(run, options.lang, Boolean(out.isTTY) && !process.env.NO_COLOR));
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2), process.stdout, process.stderr);

/**
 * The `pantau-kkmp` program: runs the command line (./main.ts) with the
 * process's arguments and streams, and exits with its status.
 */
import { main } from './main';

// A reader that stops early (`pantau-kkmp … | head`) closes the pipe: that is not an error of ours,
// so stop quietly as other command-line tools do, instead of a Node stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2), process.stdout, process.stderr).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);

/**
 * The `pantau-kkmp` program: runs the command line (./main.ts) with the
 * process's arguments and streams, and exits with its status.
 */
import { main } from './main';

main(process.argv.slice(2), process.stdout, process.stderr).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);

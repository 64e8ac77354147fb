import { processIO } from './io';
import { runCli } from './run';

runCli(process.argv.slice(2), processIO).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    processIO.err(`oneseal: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);

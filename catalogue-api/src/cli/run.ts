import type { CliIO, ExitCode } from './io';
import { EXIT } from './io';
import { summaryCommand } from './summary';
import { validateCommand, VALIDATE_USAGE } from './validate';

export const USAGE = `OneSeal 一章通 命令行

${VALIDATE_USAGE}

用法: oneseal summary
  打印种子目录概况和各试点乡镇的改革指标`;

/** Dispatches `oneseal <command> ...` and returns the exit code. */
export async function runCli(args: string[], io: CliIO): Promise<ExitCode> {
  const [command, ...rest] = args;
  switch (command) {
    case 'validate':
      return validateCommand(rest, io);
    case 'summary':
      return summaryCommand(io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out(USAGE);
      return EXIT.ok;
    default:
      io.err(`未知命令: ${command}\n\n${USAGE}`);
      return EXIT.unusable;
  }
}

import type { CliIO, ExitCode } from './io';
import { EXIT } from './io';
import { BACKUP_USAGE, backupCommand, restoreCommand } from './backup';
import { remindCommand, REMIND_USAGE } from './bookings';
import { documentCommand, DOCUMENTS_USAGE } from './documents';
import { EXCHANGE_USAGE, exportCommand, importCommand } from './exchange';
import { metricsCommand, METRICS_USAGE } from './metrics';
import { serveCommand } from './serve';
import { summaryCommand } from './summary';
import { validateCommand, VALIDATE_USAGE } from './validate';

export const USAGE = `OneSeal 一章通 命令行

${VALIDATE_USAGE}

用法: oneseal summary
  打印种子目录概况和各试点乡镇的改革指标

${DOCUMENTS_USAGE}

${METRICS_USAGE}

${BACKUP_USAGE}

${EXCHANGE_USAGE}
${REMIND_USAGE}

用法: oneseal serve
  启动 OneSeal（PORT，默认 3000；DB_URL，默认 sqlite:./data/oneseal.sqlite；首次启动载入种子数据）`;

/** Dispatches `oneseal <command> ...` and returns the exit code. */
export async function runCli(args: string[], io: CliIO): Promise<ExitCode> {
  const [command, ...rest] = args;
  switch (command) {
    case 'validate':
      return validateCommand(rest, io);
    case 'summary':
      return summaryCommand(io);
    case 'metrics':
      return metricsCommand(rest, io);
    case 'backup':
      return backupCommand(rest, io);
    case 'restore':
      return restoreCommand(rest, io);
    case 'export':
      return exportCommand(rest, io);
    case 'import':
      return importCommand(rest, io);
    case 'remind-bookings':
      return remindCommand(rest, io);
    case 'serve':
      return serveCommand(io);
    case 'guide':
    case 'notice':
    case 'flowchart':
    case 'blank-form':
    case 'book':
      return documentCommand(command, rest, io);
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

import { readConfig } from '../config';
import { createBackup } from '../services/backup/createBackup';
import { filesLocation } from '../services/backup/files';
import { BackupError } from '../services/backup/format';
import { restoreBackup } from '../services/backup/restoreBackup';
import type { CliIO, ExitCode } from './io';
import { EXIT } from './io';

export const BACKUP_USAGE = `用法: oneseal backup -o FILE
  在 OneSeal 运行中备份 DB_URL 的数据库（同一时刻的一致快照）和 FILES_DIR 中的上传文件
  （FILES_URL 指向对象存储时只记下其位置），写成一个 tar 文件

用法: oneseal restore FILE
  把备份恢复到 DB_URL 指向的空数据库（文件恢复到空的 FILES_DIR），并迁移到本版本的结构`;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs the command, then prints how long it took; a refusal is printed as its message (exit 1). */
async function timed(io: CliIO, work: () => Promise<void>): Promise<ExitCode> {
  const started = Date.now();
  try {
    await work();
    io.out(`用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    io.err(error.message);
    return EXIT.invalid;
  }
}

/** `oneseal backup -o FILE` */
export async function backupCommand(args: string[], io: CliIO): Promise<ExitCode> {
  const [flag, out, ...rest] = args;
  if ((flag !== '-o' && flag !== '--output') || !out || rest.length > 0) {
    io.err(BACKUP_USAGE);
    return EXIT.unusable;
  }
  return timed(io, async () => {
    const summary = await createBackup({
      dbUrl: readConfig().dbUrl,
      files: filesLocation(),
      out,
      onSnapshot: (at) => io.out(`快照时间 ${at.toISOString()}`),
      onTable: (table) => io.out(`  ${table.name}  ${table.rows} 行`),
    });
    const { manifest, files } = summary;
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    io.out(
      `已写入 ${out}：${megabytes(summary.bytes)}，${manifest.tables.length} 张表 ${rows} 行（${manifest.dialect}，迁移到 ${manifest.migrations[manifest.migrations.length - 1]}）`,
    );
    io.out(
      manifest.files.included
        ? `上传文件：${files.count} 个（${megabytes(files.bytes)}），来自 ${manifest.files.location}`
        : `上传文件在对象存储 ${manifest.files.location}，未放入备份：请用对象存储的版本或复制功能备份它们`,
    );
  });
}

/** `oneseal restore FILE` */
export async function restoreCommand(args: string[], io: CliIO): Promise<ExitCode> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    io.err(BACKUP_USAGE);
    return EXIT.unusable;
  }
  return timed(io, async () => {
    const summary = await restoreBackup({
      dbUrl: readConfig().dbUrl,
      files: filesLocation(),
      file: args[0]!,
      onTable: (table) => io.out(`  ${table.name}  ${table.rows} 行 ✓`),
    });
    const { manifest } = summary;
    io.out(`已恢复 ${manifest.createdAt} 的快照（来自 ${manifest.dialect} ${manifest.source}）`);
    if (summary.upgradedBy.length > 0) io.out(`已迁移到本版本的结构：${summary.upgradedBy.join('、')}`);
    io.out(
      manifest.files.included
        ? `上传文件：${summary.files.count} 个（${megabytes(summary.files.bytes)}）`
        : `上传文件在对象存储 ${manifest.files.location}，不在备份中`,
    );
  });
}

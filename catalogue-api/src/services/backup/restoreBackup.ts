import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { QueryTypes } from 'sequelize';
import type { Database } from '../../db/connect';
import { connect } from '../../db/connect';
import { migrator } from '../../db/migrate';
import { inTransaction } from '../store';
import type { FilesLocation } from './files';
import type { BackupManifest, RowValue, TableManifest } from './format';
import { BackupError, dateConverter, TABLES_LEFT_OUT } from './format';
import { readArchive, readManifest } from './readArchive';

export interface RestoreOptions {
  dbUrl: string;
  files: FilesLocation;
  /** The backup file. */
  file: string;
  /** Awaited for each table once all rows are loaded and counted (progress). */
  onTable?: (table: TableManifest) => void | Promise<void>;
}

export interface RestoreSummary {
  manifest: BackupManifest;
  /** Migrations run after the rows were loaded, to bring a backup of older code to this code's schema. */
  upgradedBy: string[];
  files: { count: number; bytes: number };
}

const isPrefix = (prefix: readonly string[], of: readonly string[]) =>
  prefix.every((name, i) => of[i] === name);

/** The schema's migrations must include the backup's, in order: a backup of newer code is refused. */
async function checkMigrations(db: Database, manifest: BackupManifest): Promise<string[]> {
  const umzug = migrator(db);
  const q = db.sequelize.getQueryInterface();
  const known = (await umzug.migrations(q)).map((m) => m.name);
  if (!isPrefix(manifest.migrations, known)) {
    const unknown = manifest.migrations.find((name, i) => known[i] !== name);
    throw new BackupError(
      `备份来自更新（或另一分支）的 OneSeal：迁移 ${unknown} 本版本没有。请用不低于备份时的版本恢复`,
    );
  }
  // Asked only of a database that has the table: umzug creates it when asked.
  const executed = (await q.showAllTables()).includes('schema_migrations')
    ? (await umzug.executed()).map((m) => m.name)
    : [];
  if (!isPrefix(executed, manifest.migrations))
    throw new BackupError(
      `目标数据库的结构（迁移到 ${executed[executed.length - 1]}）比备份（${manifest.migrations[manifest.migrations.length - 1]}）新：请恢复到一个新建的空数据库`,
    );
  return executed;
}

/** Restores only into a database without rows (migrations and transient counters aside). */
async function checkEmpty(db: Database): Promise<void> {
  const q = db.sequelize.getQueryInterface();
  const filled: string[] = [];
  for (const table of await q.showAllTables()) {
    if (TABLES_LEFT_OUT.includes(table) || table.startsWith('sqlite_')) continue;
    const rows = await db.sequelize.query(`SELECT 1 FROM ${q.quoteIdentifier(table)} LIMIT 1`, {
      type: QueryTypes.SELECT,
    });
    if (rows.length > 0) filled.push(table);
  }
  if (filled.length > 0)
    throw new BackupError(
      `目标数据库 ${db.identity} 不是空的（${filled.slice(0, 5).join('、')}${filled.length > 5 ? '等' : ''}有数据）：恢复只写入新建的空数据库，不会覆盖已有数据`,
    );
}

async function checkFilesFolder(manifest: BackupManifest, files: FilesLocation): Promise<string | undefined> {
  if (!manifest.files.included) return undefined;
  if (files.kind !== 'folder')
    throw new BackupError(
      `备份中的文件只能恢复到文件夹：请去掉 FILES_URL（${files.url}），设 FILES_DIR 后恢复，再自行上传到对象存储`,
    );
  const present = await readdir(files.path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (present.length > 0)
    throw new BackupError(`文件夹 ${files.path} 不是空的：恢复不会覆盖已有文件，请指定一个空的 FILES_DIR`);
  return files.path;
}

/** The target's columns must be the backup's, once migrated to the backup's level. */
async function checkColumns(db: Database, manifest: BackupManifest): Promise<void> {
  const q = db.sequelize.getQueryInterface();
  const present = new Set(await q.showAllTables());
  for (const table of manifest.tables) {
    if (!present.has(table.name)) throw new BackupError(`目标数据库没有表 ${table.name}，无法恢复`);
    const columns = Object.keys(await q.describeTable(table.name)).sort();
    const wanted = table.columns.map((c) => c.name).sort();
    if (columns.join() !== wanted.join())
      throw new BackupError(
        `表 ${table.name} 的列与备份不同（数据库：${columns.join('、')}；备份：${wanted.join('、')}）`,
      );
  }
}

/**
 * Restores a backup (format.ts) into the empty database at `dbUrl`, and its files into an empty FILES_DIR:
 * 1. refuses a backup of newer code, a database that is not empty or not behind the backup, a files folder
 *    that is not empty — before anything is written;
 * 2. reads the whole archive once and checks every part (readArchive.ts);
 * 3. migrates the database to the backup's schema and loads every row in one transaction, with the files into
 *    a folder beside FILES_DIR; any failure rolls the rows back and removes the files;
 * 4. puts the files folder in place, then runs the migrations this code has beyond the backup's.
 * Across dialects (SQLite ⇄ MySQL) dates are converted (format.ts); rows are otherwise written as read.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const file = resolve(options.file);
  const manifest = await readManifest(file);
  const db = await connect(options.dbUrl);
  let staging: string | undefined;
  const files = { count: 0, bytes: 0 };
  try {
    await checkEmpty(db);
    const filesFolder = await checkFilesFolder(manifest, options.files);
    staging = filesFolder && `${filesFolder}.restoring-${process.pid}`;
    const executed = await checkMigrations(db, manifest);
    await readArchive(file);
    const q = db.sequelize.getQueryInterface();
    if (executed.length < manifest.migrations.length)
      await migrator(db).up({ to: manifest.migrations[manifest.migrations.length - 1]! });
    await checkColumns(db, manifest);
    await inTransaction(db, async (transaction) => {
      const converters = new Map(
        manifest.tables.map((t) => [
          t.name,
          t.columns.map((c) => dateConverter(manifest.dialect, db.dialect, c)),
        ]),
      );
      await readArchive(file, {
        async batch({ table, rows }) {
          const convert = converters.get(table.name)!;
          const records = rows.map(
            (values) =>
              Object.fromEntries(
                table.columns.map((c, i) => [c.name, convert[i] ? convert[i](values[i]!) : values[i]]),
              ) as Record<string, RowValue>,
          );
          await q.bulkInsert(table.name, records, { transaction });
        },
        async file(relative) {
          const target = join(staging!, relative);
          await mkdir(dirname(target), { recursive: true });
          files.count++;
          const out = createWriteStream(target);
          out.on('finish', () => (files.bytes += out.bytesWritten));
          return out;
        },
      });
      for (const table of manifest.tables) {
        const [counted] = await db.sequelize.query<{ n: number | string }>(
          `SELECT COUNT(*) AS n FROM ${q.quoteIdentifier(table.name)}`,
          { type: QueryTypes.SELECT, transaction },
        );
        if (Number(counted?.n) !== table.rows)
          throw new BackupError(`表 ${table.name} 恢复后有 ${counted?.n} 行，备份中是 ${table.rows} 行`);
        await options.onTable?.(table);
      }
    });
    if (filesFolder && files.count > 0) {
      const staged = staging!;
      // The rows are in: from here on the staged files are kept whatever happens, and said where they are.
      staging = undefined;
      await rmdir(filesFolder)
        .catch(() => undefined)
        .then(() => mkdir(dirname(filesFolder), { recursive: true }))
        .then(() => rename(staged, filesFolder))
        .catch((error: Error) => {
          throw new BackupError(
            `数据库已恢复，但文件无法移到 ${filesFolder}（${error.message}）：文件在 ${staged}，请手动移过去`,
          );
        });
    }
    const upgradedBy = (await migrator(db).up()).map((m) => m.name);
    return { manifest, upgradedBy, files };
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
    await db.sequelize.close();
  }
}

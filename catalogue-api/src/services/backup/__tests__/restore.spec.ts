import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { QueryTypes } from 'sequelize';
import { extract, pack } from 'tar-stream';
import { runCaptured } from '../../../cli/__tests__/runCaptured';
import { connect } from '../../../db/connect';
import { migrate, migrator } from '../../../db/migrate';
import { createTestDatabase, DB_LABEL } from '../../../__tests__/testApp';
import { createBackup } from '../createBackup';
import type { FilesLocation } from '../files';
import { dateConverter, ENTRY } from '../format';
import { restoreBackup } from '../restoreBackup';

/**
 * Restore's promises, on a small database of older code (migrated to 0005 only), always kept in SQLite: restored
 * into DB_URL's kind of database (so the MariaDB run restores across dialects, and back), then into SQLite again.
 * Every refusal happens before anything is written.
 */

const dir = mkdtempSync(join(tmpdir(), 'oneseal-restore-'));
const OLDER = '0005-published-summaries';
const sourceUrl = `sqlite:${join(dir, 'source.sqlite')}`;
const uploads: FilesLocation = { kind: 'folder', path: join(dir, 'files') };
const backupFile = join(dir, 'older.tar');
const cleanups: (() => Promise<void>)[] = [];

/** Whole seconds: MySQL's DATETIME keeps no fraction, so a round trip across dialects returns them unchanged. */
const AT = new Date('2026-12-03T08:30:00.000Z');
/** A rendered document: the one binary column. */
const RENDERED = {
  key: '450321/guide.pdf',
  region_code: '450321',
  content_type: 'application/pdf',
  content: Buffer.from([0, 1, 2, 255, 10, 13]),
  created_at: AT,
};

beforeAll(async () => {
  const db = await connect(sourceUrl);
  await migrator(db).up({ to: OLDER });
  const q = db.sequelize.getQueryInterface();
  await q.bulkInsert('regions', [
    { code: '450300', name: '桂林市', level: 'city', parent_code: null, search_pinyin: 'gls guilinshi' },
    {
      code: '450321',
      name: '阳朔县',
      level: 'county',
      parent_code: '450300',
      search_pinyin: 'ysx yangshuoxian',
    },
  ]);
  await q.bulkInsert('settings', [{ key: 'token-secret', value: 'it\'s "quoted" \\ and 中文' }]);
  await q.bulkInsert('rendered_documents', [RENDERED]);
  await q.bulkInsert('audit_entries', [
    {
      at: AT,
      username: 'admin',
      role: 'city-admin',
      action: 'save',
      entity_type: 'region',
      entity_key: '450321',
      region_code: '450321',
      before: null,
      after: '{"name":"阳朔县"}',
    },
  ]);
  await db.sequelize.close();
  mkdirSync(join(uploads.path, '450321', '2026'), { recursive: true });
  writeFileSync(join(uploads.path, '450321', '2026', '申请表 扫描件.pdf'), Buffer.from('%PDF-1.7\n…'));
  writeFileSync(join(uploads.path, 'empty'), '');
  await createBackup({ dbUrl: sourceUrl, files: uploads, out: backupFile });
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A new empty database of DB_URL's kind, dropped after the suite. */
async function emptyDatabase(): Promise<string> {
  const { dbUrl, cleanup } = await createTestDatabase();
  cleanups.push(cleanup);
  return dbUrl;
}

let folders = 0;
const newFolder = (): FilesLocation => ({ kind: 'folder', path: join(dir, `restored-${++folders}`) });

async function rowsOf(dbUrl: string, table: string, order: string): Promise<unknown[]> {
  const db = await connect(dbUrl);
  try {
    return await db.sequelize.query(`SELECT * FROM ${table} ORDER BY ${order}`, { type: QueryTypes.SELECT });
  } finally {
    await db.sequelize.close();
  }
}

async function tablesOf(dbUrl: string): Promise<string[]> {
  const db = await connect(dbUrl);
  try {
    return await db.sequelize.getQueryInterface().showAllTables();
  } finally {
    await db.sequelize.close();
  }
}

/** A copy of the backup with its entries changed by `edit` (answer undefined to leave an entry out). */
async function rewritten(
  name: string,
  edit: (entry: string, content: Buffer) => { name: string; content: Buffer }[] | undefined,
): Promise<string> {
  const entries: { name: string; content: Buffer }[] = [];
  const reader = extract();
  const reading = (async () => {
    for await (const entry of reader) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      entries.push(...(edit(entry.header.name, Buffer.concat(chunks)) ?? []));
    }
  })();
  reader.end(readFileSync(backupFile));
  await reading;
  const writer = pack();
  for (const entry of entries) writer.entry({ name: entry.name }, entry.content);
  writer.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of writer) chunks.push(chunk as Buffer);
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

const keep = (name: string, content: Buffer) => [{ name, content }];

describe(`oneseal restore (${DB_LABEL})`, () => {
  let restored: string;

  it('restores a backup of older code and runs the migrations it lacks', async () => {
    restored = await emptyDatabase();
    const files = newFolder();
    const summary = await restoreBackup({ dbUrl: restored, files, file: backupFile });
    expect(summary.manifest.migrations[summary.manifest.migrations.length - 1]).toBe(OLDER);
    const db = await connect(restored);
    const all = migrator(db);
    const [executed, pending] = [await all.executed(), await all.pending()];
    // The upgrade to model version 2 (0008) drops what the older code rendered: it is rendered again when asked.
    const [rendered] = await db.sequelize.query('SELECT COUNT(*) AS n FROM rendered_documents', {
      type: QueryTypes.SELECT,
    });
    await db.sequelize.close();
    expect(Number((rendered as { n: unknown }).n)).toBe(0);
    expect(pending).toEqual([]);
    expect(summary.upgradedBy).toEqual(executed.map((m) => m.name).slice(summary.manifest.migrations.length));
    expect(summary.upgradedBy.length).toBeGreaterThan(0);
    expect(summary.files).toEqual({ count: 2, bytes: Buffer.byteLength('%PDF-1.7\n…') });
    expect(
      readFileSync(
        join(files.kind === 'folder' ? files.path : '', '450321', '2026', '申请表 扫描件.pdf'),
        'utf8',
      ),
    ).toBe('%PDF-1.7\n…');
  });

  it('brings every row back as it was, bytes and dates included, and back again into SQLite', async () => {
    // The document the source held, rendered again since the upgrade dropped it.
    const db = await connect(restored);
    await db.sequelize.getQueryInterface().bulkInsert('rendered_documents', [RENDERED]);
    await db.sequelize.close();
    const again = join(dir, 'again.tar');
    await createBackup({
      dbUrl: restored,
      files: { kind: 'object-storage', url: 's3://bucket/oneseal' },
      out: again,
    });
    const roundTrip = `sqlite:${join(dir, 'round-trip.sqlite')}`;
    const summary = await restoreBackup({ dbUrl: roundTrip, files: newFolder(), file: again });
    expect(summary.manifest.files).toEqual({ location: 's3://bucket/oneseal', included: false });
    for (const [table, order] of [
      ['regions', 'code'],
      ['settings', 'key'],
      ['rendered_documents', 'key'],
      ['audit_entries', 'id'],
    ] as const)
      expect(await rowsOf(roundTrip, table, order)).toEqual(await rowsOf(sourceUrl, table, order));
  });

  it('refuses a database that is not empty, naming what is in it', async () => {
    await expect(restoreBackup({ dbUrl: restored, files: newFolder(), file: backupFile })).rejects.toThrow(
      /不是空的（.*regions.*有数据）/,
    );
    expect(await rowsOf(restored, 'regions', 'code')).toHaveLength(2);
  });

  it('refuses a files folder that is not empty', async () => {
    await expect(
      restoreBackup({ dbUrl: await emptyDatabase(), files: uploads, file: backupFile }),
    ).rejects.toThrow(/文件夹 .* 不是空的/);
  });

  it('refuses a backup of newer code before creating anything', async () => {
    const newer = await rewritten('newer.tar', (name, content) => {
      if (name !== ENTRY.manifest) return keep(name, content);
      const manifest = JSON.parse(content.toString('utf8'));
      manifest.migrations.push('9999-from-the-future');
      return keep(name, Buffer.from(JSON.stringify(manifest)));
    });
    const target = await emptyDatabase();
    await expect(restoreBackup({ dbUrl: target, files: newFolder(), file: newer })).rejects.toThrow(
      '迁移 9999-from-the-future 本版本没有',
    );
    expect(await tablesOf(target)).toEqual([]);
  });

  it('refuses an empty database already migrated past the backup', async () => {
    const target = await emptyDatabase();
    const db = await connect(target);
    await migrate(db);
    await db.sequelize.close();
    await expect(restoreBackup({ dbUrl: target, files: newFolder(), file: backupFile })).rejects.toThrow(
      `比备份（${OLDER}）新：请恢复到一个新建的空数据库`,
    );
  });

  it('refuses a damaged dump before creating anything, naming the table', async () => {
    const damaged = await rewritten('damaged.tar', (name, content) =>
      keep(
        name,
        name === ENTRY.database
          ? gzipSync(
              Buffer.from(
                gunzipSync(content).toString('utf8').replace('"阳朔县","county"', '"阳朔镇","county"'),
              ),
            )
          : content,
      ),
    );
    const target = await emptyDatabase();
    await expect(restoreBackup({ dbUrl: target, files: newFolder(), file: damaged })).rejects.toThrow(
      '备份损坏：表 regions 应有 2 行，读到 2 行，但内容校验和不符',
    );
    expect(await tablesOf(target)).toEqual([]);
  });

  it('refuses a damaged file, a cut archive and a file that is no backup', async () => {
    const target = await emptyDatabase();
    const restore = (file: string) => restoreBackup({ dbUrl: target, files: newFolder(), file });
    const changedFile = await rewritten('changed-file.tar', (name, content) =>
      keep(name, name === `${ENTRY.filesPrefix}empty` ? Buffer.from('x') : content),
    );
    await expect(restore(changedFile)).rejects.toThrow(`文件内容与 ${ENTRY.fileListing} 不符`);
    const cut = join(dir, 'cut.tar');
    const whole = readFileSync(backupFile);
    for (const [entry, named] of [
      [ENTRY.manifest, ENTRY.manifest],
      [ENTRY.database, ENTRY.database],
      ['申请表 扫描件.pdf', cut],
    ] as const) {
      // Cut just after the header that begins with the entry's name (or the pax record that holds it).
      writeFileSync(cut, whole.subarray(0, whole.lastIndexOf(entry) + 512 + 5));
      await expect(restore(cut)).rejects.toThrow(`备份不完整或已损坏：${named} 无法读完`);
    }
    const text = join(dir, 'notes.txt');
    writeFileSync(text, '这不是备份\n');
    await expect(restore(text)).rejects.toThrow('不是 OneSeal 备份文件');
    expect(await tablesOf(target)).toEqual([]);
  });

  it('refuses a file name that would write outside FILES_DIR', async () => {
    const escaping = await rewritten('escaping.tar', (name, content) =>
      name === ENTRY.fileListing ? undefined : keep(name.replace('files/450321/', 'files/../'), content),
    );
    const files = newFolder();
    await expect(restoreBackup({ dbUrl: await emptyDatabase(), files, file: escaping })).rejects.toThrow(
      '备份中的文件名不安全，拒绝恢复："files/../2026/申请表 扫描件.pdf"',
    );
    expect(existsSync(join(dir, '2026'))).toBe(false);
  });
});

describe('dates across dialects', () => {
  const column = { name: 'at', type: 'DATETIME' };
  it('turns SQLite text into a MySQL DATETIME (UTC, whole seconds) and back', () => {
    expect(dateConverter('sqlite', 'mysql', column)!('2026-12-03 13:06:16.691 +00:00')).toBe(
      '2026-12-03 13:06:16',
    );
    expect(dateConverter('sqlite', 'mysql', column)!('2026-12-03 21:06:16.691 +08:00')).toBe(
      '2026-12-03 13:06:16',
    );
    expect(dateConverter('mysql', 'sqlite', column)!('2026-12-03 13:06:16')).toBe(
      '2026-12-03 13:06:16.000 +00:00',
    );
    expect(dateConverter('mysql', 'sqlite', column)!(null)).toBeNull();
  });
  it('leaves other columns and the same dialect alone, and refuses what is no date', () => {
    expect(dateConverter('sqlite', 'mysql', { name: 'name', type: 'VARCHAR(100)' })).toBeUndefined();
    expect(dateConverter('mysql', 'mysql', column)).toBeUndefined();
    expect(() => dateConverter('mysql', 'sqlite', column)!('昨天')).toThrow('列 at 的日期无法识别：昨天');
  });
});

describe('oneseal backup and restore commands', () => {
  const run = (...args: string[]) => runCaptured(args);
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });

  it('back up DB_URL and FILES_DIR, and restore only into an empty database', async () => {
    Object.assign(process.env, {
      DB_URL: sourceUrl,
      FILES_DIR: uploads.kind === 'folder' ? uploads.path : '',
    });
    const file = join(dir, 'cli.tar');
    const backup = await run('backup', '-o', file);
    expect(backup.err).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.out).toMatch(
      /已写入 .*cli\.tar：[\d.]+ MB，\d+ 张表 5 行（sqlite，迁移到 0005-published-summaries）/,
    );
    expect(backup.out).toContain('上传文件：2 个');
    const twice = await run('backup', '-o', file);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/cli\.tar 已存在：备份不覆盖已有文件/);

    Object.assign(process.env, {
      DB_URL: `sqlite:${join(dir, 'cli.sqlite')}`,
      FILES_DIR: join(dir, 'cli-files'),
    });
    const restore = await run('restore', file);
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('regions  2 行 ✓');
    expect(restore.out).toContain('已迁移到本版本的结构：0006-fill-published-summaries');

    const again = await run('restore', file);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/目标数据库 .*cli\.sqlite 不是空的/);
  });

  it('explain their usage when called wrongly', async () => {
    for (const args of [['backup'], ['backup', 'out.tar'], ['restore'], ['restore', 'a.tar', 'b.tar']]) {
      const result = await run(...args);
      expect(result.code).toBe(2);
      expect(result.err).toContain('用法: oneseal backup -o FILE');
    }
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { BaseItem, ItemImplementation } from '@oneseal/schemas';
import { loadSeedCatalogue } from '@oneseal/seeds';
import { Workbook } from 'exceljs';
import type { Principal } from '../auth/roles';
import { runCaptured } from '../cli/__tests__/runCaptured';
import { readConfig } from '../config';
import { ApiError } from '../http/errors';
import { openStore } from '../server';
import { exportNational } from '../services/exchange/nationalExport';
import type { NationalFormat } from '../services/exchange/nationalFormat';
import { importNational } from '../services/exchange/nationalImport';
import { pinyinKeys } from '../services/search';
import type { Store } from '../services/store';
import { latestBase } from '../services/townshipItems';
import { createTestDatabase } from './testApp';

/**
 * The national exchange, end to end: every seed township's list and the base catalogue exported from a seeded
 * OneSeal, imported into an empty one (regions and the importing user only: reference data, not catalogue),
 * and exported again. What the receiving catalogue stores is the source's documents; what it exports is the
 * source's export. The one difference is by design: an imported entry is a draft of the receiving catalogue
 * (its own review and publication follow), so the lifecycle elements 状态 and 版本 are the receiver's.
 */

const seeds = loadSeedCatalogue();
const TOWNSHIPS = [...new Set(seeds.implementations.map((i) => i.regionCode))].sort();
const IMPORTER: Principal = { username: 'importer', role: 'city-admin', regionCode: '450300' };
/** The receiver's lifecycle: model fields and their element names. */
const RECEIVER_FIELDS = ['status', 'version'] as const;
const RECEIVER_ELEMENTS = ['状态', '版本'];

interface Database {
  store: Store;
  cleanup(): Promise<void>;
  dbUrl: string;
}

async function database(seeded: boolean): Promise<Database> {
  const { dbUrl, cleanup } = await createTestDatabase();
  const store = await openStore({ ...readConfig({}), dbUrl, loadSeeds: seeded });
  if (!seeded) {
    await store.models.Region.bulkCreate(
      seeds.regions.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parentCode ?? null,
        searchPinyin: pinyinKeys(r.name),
      })),
    );
    await store.models.User.create({
      ...IMPORTER,
      displayName: '省平台数据交换',
      passwordHash: 'not-used',
      disabled: false,
      createdAt: new Date(),
    });
  }
  return {
    store,
    dbUrl,
    async cleanup() {
      await store.sequelize.close();
      await cleanup();
    },
  };
}

const json = (data: Buffer) => JSON.parse(data.toString('utf8')) as { 事项: Record<string, unknown>[] };
/** An export with the receiver's lifecycle elements taken out of each item. */
const withoutReceiverElements = (data: Buffer) => {
  const file = json(data);
  for (const item of file.事项) for (const name of RECEIVER_ELEMENTS) delete item[name];
  return file;
};
const withoutReceiverFields = (doc: ItemImplementation) => {
  const copy: Record<string, unknown> = { ...doc };
  for (const key of RECEIVER_FIELDS) delete copy[key];
  return copy;
};

async function storedImplementations(store: Store, regionCode: string) {
  return (
    await store.models.Implementation.findAll({ where: { regionCode }, order: [['baseCode', 'ASC']] })
  ).map((r) => r.doc as ItemImplementation);
}

/** Every cell of every sheet, by sheet and header, leaving out the receiver's lifecycle columns. */
async function cellsOf(data: Buffer): Promise<Record<string, unknown[]>> {
  const workbook = new Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const out: Record<string, unknown[]> = {};
  workbook.eachSheet((sheet) => {
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const rows: unknown[] = [];
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      rows.push(values.filter((_v, i) => !RECEIVER_ELEMENTS.includes(headers[i]!)));
    });
    out[sheet.name] = rows;
  });
  return out;
}

let source: Database;
beforeAll(async () => {
  source = await database(true);
}, 120_000);
afterAll(async () => source?.cleanup());

describe.each<NationalFormat>(['national-json', 'national-xlsx'])('%s round trip', (format) => {
  let target: Database;
  beforeAll(async () => {
    target = await database(false);
  }, 60_000);
  afterAll(async () => target?.cleanup());

  it('carries the base catalogue across unchanged', async () => {
    const first = await exportNational(source.store, { list: 'base' }, format);
    const { report } = await importNational(target.store, IMPORTER, first.data, { mode: 'all' });
    expect(report.refused).toEqual([]);
    expect(report.written).toBe(true);
    expect(report.accepted).toHaveLength(seeds.baseItems.length);

    const again = await exportNational(target.store, { list: 'base' }, format);
    if (format === 'national-json') expect(again.data.equals(first.data)).toBe(true);
    else expect(await cellsOf(again.data)).toEqual(await cellsOf(first.data));
    for (const seed of seeds.baseItems) {
      const stored = await latestBase(target.store, seed.code);
      // Published through the catalogue's own publish step: the same version, date and document.
      expect(isDeepStrictEqual(stored, await latestBase(source.store, seed.code))).toBe(true);
      expect(stored).toEqual<BaseItem>(seed);
    }
  }, 120_000);

  it.each(TOWNSHIPS)('carries township %s across unchanged', async (regionCode) => {
    const first = await exportNational(source.store, { list: 'implementation', regionCode }, format);
    const { report } = await importNational(target.store, IMPORTER, first.data, { mode: 'all' });
    expect(report.refused).toEqual([]);
    expect(report.written).toBe(true);

    const sourceDocs = await storedImplementations(source.store, regionCode);
    const targetDocs = await storedImplementations(target.store, regionCode);
    expect(targetDocs).toHaveLength(sourceDocs.length);
    expect(targetDocs.map(withoutReceiverFields)).toEqual(sourceDocs.map(withoutReceiverFields));
    // The receiver's own lifecycle: a first draft of each entry, to be reviewed and published there.
    expect(new Set(targetDocs.map((d) => `${d.status}/${d.version}`))).toEqual(new Set(['draft/1']));

    const again = await exportNational(target.store, { list: 'implementation', regionCode }, format);
    if (format === 'national-json')
      expect(withoutReceiverElements(again.data)).toEqual(withoutReceiverElements(first.data));
    else expect(await cellsOf(again.data)).toEqual(await cellsOf(first.data));
  });
});

describe('oneseal export / import', () => {
  const TOWNSHIP = '450321100';
  let target: Database;
  let dir: string;
  let savedDbUrl: string | undefined;
  const cli = (db: Database, args: string[]) => {
    process.env.DB_URL = db.dbUrl;
    return runCaptured(args);
  };
  beforeAll(async () => {
    target = await database(false);
    dir = mkdtempSync(join(tmpdir(), 'oneseal-exchange-'));
    savedDbUrl = process.env.DB_URL;
  }, 60_000);
  afterAll(async () => {
    if (savedDbUrl === undefined) delete process.env.DB_URL;
    else process.env.DB_URL = savedDbUrl;
    rmSync(dir, { recursive: true, force: true });
    await target?.cleanup();
  });
  const count = () => target.store.models.Implementation.count({ where: { regionCode: TOWNSHIP } });

  it('exports with Chinese element names and imports the base catalogue as the named user', async () => {
    const base = join(dir, 'base.json');
    expect((await cli(source, ['export', '--base', '--format', 'national-json', '-o', base])).code).toBe(0);
    const township = join(dir, 'township.json');
    expect(
      (await cli(source, ['export', '--region', TOWNSHIP, '--format', 'national-json', '-o', township])).code,
    ).toBe(0);
    const first = json(readFileSync(township)).事项[0]!;
    expect(Object.keys(first).slice(0, 3)).toEqual(['事项名称', '乡镇（街道）代码', '基本编码']);

    expect((await cli(target, ['import', base])).code).toBe(2); // no --as
    const imported = await cli(target, ['import', base, '--as', 'importer']);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(`写入 ${seeds.baseItems.length} 个事项`);
    const audit = await target.store.models.AuditEntry.findAll({ where: { action: 'import-national' } });
    expect(audit.map((a) => a.username)).toEqual(['importer']);
  }, 120_000);

  it('writes nothing when a row is invalid, and only the valid rows with --valid-only', async () => {
    const file = json(readFileSync(join(dir, 'township.json')));
    const broken = file.事项[2]!;
    broken['到办事现场次数'] = 99;
    broken['是否收快递'] = true;
    const brokenFile = join(dir, 'broken.json');
    writeFileSync(brokenFile, JSON.stringify(file));

    const refused = await cli(target, ['import', brokenFile, '--as', 'importer']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('事项 第 3 行');
    expect(refused.out).toContain('【到办事现场次数】');
    expect(refused.out).toContain('无法识别的要素“是否收快递”');
    expect(refused.err).toContain('没有导入任何内容');
    expect(await count()).toBe(0);

    const partial = await cli(target, ['import', brokenFile, '--as', 'importer', '--valid-only']);
    expect(partial.code).toBe(1);
    expect(await count()).toBe(file.事项.length - 1);
    expect(
      await target.store.models.Implementation.findOne({
        where: { regionCode: TOWNSHIP, baseCode: broken['基本编码'] as string },
      }),
    ).toBeNull();
  }, 120_000);

  it('refuses an xlsx with an unreadable cell, writing nothing', async () => {
    const xlsx = join(dir, 'township.xlsx');
    const other = '450323101';
    expect(
      (await cli(source, ['export', '--region', other, '--format', 'national-xlsx', '-o', xlsx])).code,
    ).toBe(0);
    const workbook = new Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.getWorksheet('事项')!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    sheet.getRow(4).getCell(headers.indexOf('是否进驻政务服务大厅')).value = '可能';
    await workbook.xlsx.writeFile(xlsx);

    const refused = await cli(target, ['import', xlsx, '--as', 'importer']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('事项 第 4 行');
    expect(refused.out).toContain('“是否进驻政务服务大厅”应填“是”或“否”');
    expect(await target.store.models.Implementation.count({ where: { regionCode: other } })).toBe(0);
  }, 120_000);

  it('refuses a user who may not write the list', async () => {
    await target.store.models.User.create({
      username: 'reviewer-x',
      displayName: '审核员',
      role: 'reviewer',
      regionCode: '450321',
      passwordHash: 'not-used',
      disabled: false,
      createdAt: new Date(),
    });
    const result = await cli(target, ['import', join(dir, 'township.json'), '--as', 'reviewer-x']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('不能修改乡镇（街道）450321100 的实施清单');
    await expect(
      importNational(target.store, { ...IMPORTER, role: 'reviewer' }, readFileSync(join(dir, 'base.json')), {
        mode: 'all',
      }),
    ).rejects.toBeInstanceOf(ApiError);
  });
});

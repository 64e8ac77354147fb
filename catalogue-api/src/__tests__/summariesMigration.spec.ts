import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseItem, Item, ItemImplementation, ResolvedItem } from '@oneseal/schemas';
import { aggregateMetrics, metrics, migrateDocument, resolveItem } from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import type { CliIO } from '../cli/io';
import { runCli } from '../cli/run';
import { connect } from '../db/connect';
import type { Database } from '../db/connect';
import { migrator } from '../db/migrate';
import { entryCompleteness } from '../services/entryCompleteness';
import { itemSummary } from '../services/publishedIndex';
import { pinyinKeys } from '../services/search';
import { openStore } from '../server';
import { readConfig } from '../config';
import type { Store } from '../services/store';
import { listPublishedItems, regionMetrics } from '../services/publicCatalogue';
import { createTestDatabase, DB_LABEL } from './testApp';

/**
 * A database published before the stored summaries existed (schema of 0002), some of its documents still of
 * model version 1: migrating it fills each row's summary, search key and figures (0005/0006, which read the
 * version-1 documents through the model's migration), upgrades the documents (0008), works the figures out again
 * from the version-2 documents with the completeness sums and scores every township entry (0009);
 * `oneseal metrics --rebuild` recounts them later.
 */

const seeds = loadSeedCatalogue();
const CITY = { code: '450300', name: '桂林市' };
const YANGSHUO = '450321100';
const HOMESTEAD = '0117302000';

// 阳朔镇's 宅基地 entry and its base item as version-1 documents (the seeds before issue 12).
const v1 = (file: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', 'cli', '__tests__', 'v1', file), 'utf8')) as unknown;
const v1Base = v1('homestead-base.json') as BaseItem;
const v1Entry = (v1('yangshuo-homestead.json') as ItemImplementation[])[0]!;
const v1Item = {
  ...resolveItem(v1Base, v1Entry, { regionName: '阳朔镇', materialName: (code) => code }),
  schemaVersion: 1,
} as unknown as ResolvedItem;
const upgraded = <T>(doc: unknown) => migrateDocument(doc).document as T;

const isV1 = (i: Item) => i.regionCode === YANGSHUO && i.code === HOMESTEAD;
const seedItems = resolveSeedItems(seeds).filter((i) => i.status === 'published');
/** What the database holds before: the seeds, 阳朔镇's 宅基地 as version 1. */
const stored: ResolvedItem[] = seedItems.map((i) => (isV1(i) ? v1Item : i));
/** What the public must see after: every item at version 2. */
const items: ResolvedItem[] = stored.map((i) => (isV1(i) ? upgraded<ResolvedItem>(v1Item) : i));

let dbUrl: string;
let cleanup: () => Promise<void>;
let store: Store;

/** Rows as the 0001 schema held them: the old LIKE search columns, no summaries. */
function oldRow(item: Item) {
  return {
    region_code: item.regionCode,
    item_code: item.code,
    version: item.version,
    name: item.name,
    search_pinyin: pinyinKeys(item.name, ...(item.keywords ?? [])).slice(0, 600),
    search_text: [item.name, ...(item.keywords ?? [])].join(' ').slice(0, 1000),
    type: item.type,
    sort_order: item.order ?? 0,
    item: JSON.stringify(item),
  };
}

beforeAll(async () => {
  ({ dbUrl, cleanup } = await createTestDatabase());
  const db: Database = await connect(dbUrl);
  await migrator(db).up({ to: '0002-rendered-documents' });
  const q = db.sequelize.getQueryInterface();
  await q.bulkInsert(
    'regions',
    seeds.regions.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      parent_code: r.parentCode ?? null,
      search_pinyin: '',
    })),
  );
  await q.bulkInsert('published_items', stored.map(oldRow));
  const now = new Date();
  const by = { updated_at: now, updated_by: 'test' };
  await q.bulkInsert('base_items', [
    {
      code: HOMESTEAD,
      owner_region: CITY.code,
      name: v1Base.name,
      type: v1Base.type,
      status: 'published',
      version: 1,
      revision: 1,
      doc: JSON.stringify(v1Base),
      ...by,
    },
  ]);
  await q.bulkInsert('base_item_versions', [
    {
      code: HOMESTEAD,
      version: 1,
      doc: JSON.stringify(v1Base),
      effective_date: '2022-07-01',
      published_at: now,
      published_by: 'test',
    },
  ]);
  await q.bulkInsert('implementations', [
    {
      region_code: YANGSHUO,
      base_code: HOMESTEAD,
      status: 'published',
      version: 1,
      revision: 1,
      sort_order: 0,
      doc: JSON.stringify(v1Entry),
      review_comment: null,
      ...by,
    },
  ]);
  await db.sequelize.close();
  // Opening it migrates the rest (0003 … 0009).
  store = await openStore({ ...readConfig({}), dbUrl, loadSeeds: false });
}, 60_000);
afterAll(async () => {
  await store.sequelize.close();
  await cleanup();
});

describe(`migrating a database published before stored summaries (${DB_LABEL})`, () => {
  it('fills every row’s summary from its document', async () => {
    const rows = await store.models.PublishedItem.findAll({
      attributes: ['itemCode', 'regionCode', 'summary'],
    });
    expect(rows).toHaveLength(items.length);
    for (const row of rows) {
      const item = items.find((i) => i.code === row.itemCode && i.regionCode === row.regionCode)!;
      expect(JSON.parse(row.summary)).toEqual(JSON.parse(JSON.stringify(itemSummary(item))));
    }
  });

  it('fills every township’s totals, equal to the model’s metrics', async () => {
    const report = await regionMetrics(store, CITY.code);
    // Every township is listed, those that publish nothing with zeros; with one of them the city does not meet.
    expect(report.townships.filter((m) => m.itemCount > 0)).toEqual(metrics(items));
    const whole = aggregateMetrics(items, CITY);
    expect(report.rollup).toEqual({
      ...whole,
      allTargetsMet: whole.allTargetsMet && report.townships.every((m) => m.itemCount > 0),
    });
  });

  it('holds the version-2 document, its completeness counted in the figures', async () => {
    const row = await store.models.PublishedItem.findOne({
      where: { regionCode: YANGSHUO, itemCode: HOMESTEAD },
    });
    expect(JSON.parse(row!.item)).toEqual(items.find(isV1));
    expect(row!.completenessSum).toBeGreaterThan(0);
  });

  it('scores every township entry against its base item', async () => {
    const entry = await store.models.Implementation.findOne({
      where: { regionCode: YANGSHUO, baseCode: HOMESTEAD },
    });
    const expected = entryCompleteness(upgraded(v1Entry), upgraded(v1Base));
    expect(expected).toBeGreaterThan(0);
    expect(entry!.completeness).toBe(expected);
  });

  it('indexes the search texts', async () => {
    const page = JSON.parse(
      (await listPublishedItems(store, '450321100', { q: 'zjd' })).body.toString('utf8'),
    );
    expect(page.items.map((i: { code: string }) => i.code)).toContain('0117302000');
  });

  it('recounts with `oneseal metrics --rebuild`, from rows or from the documents', async () => {
    const out: string[] = [];
    const io: CliIO = { out: (l) => out.push(l), err: (l) => out.push(l) };
    // The command runs in its own process: this instance's micro-cache is not what is being tested.
    const rollup = async () => {
      store.publicMetrics.forgetPrefix('');
      return (await regionMetrics(store, CITY.code)).rollup;
    };
    const expected = aggregateMetrics(items, CITY);
    await store.models.TownshipMetrics.update({ itemCount: 0, online: 0 }, { where: {} });
    expect(await rollup()).not.toEqual(expected);
    const previous = process.env.DB_URL;
    process.env.DB_URL = dbUrl;
    try {
      expect(await runCli(['metrics', '--rebuild'], io)).toBe(0);
      expect(await rollup()).toEqual(expected);
      await store.models.PublishedItem.update({ summary: '{}', online: 0 }, { where: {} });
      expect(await runCli(['metrics', '--rebuild'], io)).toBe(0);
      expect((await rollup()).online.count).toBe(0);
      expect(await runCli(['metrics', '--rebuild', '--from-documents'], io)).toBe(0);
      expect(await rollup()).toEqual(expected);
      const row = await store.models.PublishedItem.findOne({ attributes: ['summary'] });
      expect(JSON.parse(row!.summary)).toHaveProperty('tags');
      expect(await runCli(['metrics'], io)).toBe(2);
    } finally {
      process.env.DB_URL = previous;
    }
    expect(out.join('\n')).toMatch(/重新计算 \d+ 个乡镇的指标/);
  }, 60_000);
});

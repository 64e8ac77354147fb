import type { Item } from '@oneseal/schemas';
import { aggregateMetrics, metrics } from '@oneseal/schemas';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import type { CliIO } from '../cli/io';
import { runCli } from '../cli/run';
import { connect } from '../db/connect';
import type { Database } from '../db/connect';
import { migrator } from '../db/migrate';
import { itemSummary } from '../services/publishedIndex';
import { pinyinKeys } from '../services/search';
import { openStore } from '../server';
import { readConfig } from '../config';
import type { Store } from '../services/store';
import { listPublishedItems, regionMetrics } from '../services/publicCatalogue';
import { createTestDatabase, DB_LABEL } from './testApp';

/**
 * A database published before the stored summaries existed (schema of 0002): migrating it fills each row's
 * summary, search key and figures from its document, and every township's totals; `oneseal metrics --rebuild`
 * recounts them later.
 */

const seeds = loadSeedCatalogue();
const items = resolveSeedItems(seeds).filter((i) => i.status === 'published');
const CITY = { code: '450300', name: '桂林市' };

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
  await q.bulkInsert('published_items', items.map(oldRow));
  await db.sequelize.close();
  // Opening it migrates the rest (0005, 0006).
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
    expect(report.townships).toEqual(metrics(items));
    expect(report.rollup).toEqual(aggregateMetrics(items, CITY));
  });

  it('indexes the search texts', async () => {
    const page = JSON.parse((await listPublishedItems(store, '450321100', { q: 'zjd' })).text);
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

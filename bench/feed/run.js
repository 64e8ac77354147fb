#!/usr/bin/env node
'use strict';
/**
 * bench/feed — does a page of the change feed cost the same with 1 k and with 100 k entries?
 *
 *   npx tsc -b && node bench/feed/run.js
 *
 * Fills a fresh database (SQLite in a temp folder, or DB_URL's MySQL server, a database of its own) with feed
 * entries spread over 5 counties × 20 townships, indexed under township, county and city as the app indexes
 * them, then times listChanges (catalogue-api/dist) for a township, a county and the whole city: the first
 * page, a page deep down by cursor, and a page after `since`. Prints the median of REPEAT calls (default 50)
 * per case at each size (SIZES, default 1000,100000).
 */

const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomUUID } = require('node:crypto');

const { openStore } = require('../../catalogue-api/dist/server.js');
const { readConfig } = require('../../catalogue-api/dist/config.js');
const { listChanges } = require('../../catalogue-api/dist/services/changeFeed.js');

const SIZES = (process.env.SIZES ?? '1000,100000').split(',').map(Number);
const REPEAT = Number(process.env.REPEAT ?? 50);
const COUNTIES = Array.from({ length: 5 }, (_, i) => `45032${i + 1}`);
const townships = COUNTIES.flatMap((c) => Array.from({ length: 20 }, (_, i) => `${c}${String(100 + i)}`));

async function fill(store, from, to) {
  const start = new Date('2026-01-01T00:00:00Z').getTime();
  for (let at = from; at < to; at += 2000) {
    const n = Math.min(2000, to - at);
    const entries = Array.from({ length: n }, (_, k) => {
      const i = at + k;
      return {
        id: i + 1,
        eventId: randomUUID(),
        kind: 'publish',
        regionCode: townships[i % townships.length],
        regionName: '测试镇',
        itemCode: '0117302000',
        itemName: '农村村民宅基地和建房（规划许可）审批',
        fromVersion: 1,
        toVersion: 2,
        effectiveDate: '2026-01-01',
        reason: '测试',
        summary: ['承诺办结时限：9 个工作日 → 7 个工作日'],
        author: '测试',
        at: new Date(start + i * 60_000),
      };
    });
    await store.models.ChangeEntry.bulkCreate(entries);
    await store.models.ChangeRegion.bulkCreate(
      entries.flatMap((e) => [
        { regionCode: e.regionCode, entryId: e.id },
        { regionCode: e.regionCode.slice(0, 6), entryId: e.id },
        { regionCode: '450300', entryId: e.id },
      ]),
    );
  }
}

async function median(run) {
  const times = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'oneseal-feed-bench-'));
  const dbUrl = process.env.DB_URL ?? `sqlite:${join(dir, 'bench.sqlite')}`;
  const store = await openStore({ ...readConfig({}), dbUrl, loadSeeds: false });
  const rows = [];
  try {
    let filled = 0;
    for (const size of SIZES) {
      await fill(store, filled, size);
      filled = size;
      const cases = {
        'township, first page': { region: townships[7] },
        'county, first page': { region: COUNTIES[2] },
        'city, first page': { region: '450300' },
        'county, deep cursor': { region: COUNTIES[2], cursor: String(Math.floor(size / 10)) },
        'county, since': {
          region: COUNTIES[2],
          since: new Date(Date.parse('2026-01-01T00:00:00Z') + (size - 500) * 60_000).toISOString(),
        },
      };
      for (const [name, query] of Object.entries(cases)) {
        const ms = await median(() => listChanges(store, { ...query, limit: 20 }));
        rows.push({ size, name, ms });
      }
    }
  } finally {
    await store.sequelize.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `listChanges, limit 20, median of ${REPEAT} (${dbUrl.startsWith('mysql') ? 'MySQL' : 'SQLite'})`,
  );
  for (const name of [...new Set(rows.map((r) => r.name))])
    console.log(
      `${name.padEnd(24)} ${SIZES.map((s) => `${s} entries: ${rows.find((r) => r.name === name && r.size === s).ms.toFixed(2)} ms`).join('   ')}`,
    );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

#!/usr/bin/env node
'use strict';
/**
 * bench/scale — do the public routes stay flat from 10 k to 1 M published items?
 *
 *   npx tsc -b && node bench/scale/run.js
 *
 * For each size it creates a database on the local MariaDB/MySQL (DB_URL, default
 * mysql://root@127.0.0.1:3306/test — only the server is used; the databases are its own), migrates and seeds
 * it, and loads generated published rows with INSERT … SELECT: 840 template items (the 42 seed items of
 * 阳朔镇 × 20 variants, each worked out by the app's own publishedEntry) crossed with generated township codes
 * — the real Guilin townships first (阳朔镇 among them), then generated ones in other cities. Then it recounts
 * the township totals as `oneseal metrics --rebuild` does. Load and recount times are printed.
 *
 * One API server per database (the compiled app, PUBLIC_CACHE_MS=0, so every request reaches the database)
 * runs in a child process; this process asks them in alternating rounds for: the first page of 阳朔镇's list,
 * a deep page (a cursor past 800 items), searches by Chinese, full pinyin and initials, one item, the county
 * (450321) and the city (450300) metrics — and prints p50/p95 per route and size, and each server's RSS.
 * Last, at the largest size, 20 city-metrics requests at once while a probe keeps asking for an item and a
 * list page: the servers' peak RSS and the probe's worst wait. Every database is dropped at the end.
 *
 * Environment: SIZES (default 10000,1000000), REQUESTS (per route, size and round; default 40), ROUNDS
 * (default 3), BATCH (townships per INSERT … SELECT, default 10), PORT (first server port, default 3140),
 * DB_URL.
 */

const { fork } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { cpus } = require('node:os');
const { fmt, numberFromEnv, table } = require('../report');
const { HOST, benchConfig, freshDatabase } = require('../harness');

const TOWNSHIP = '450321100'; // 阳朔镇
const ITEM = '0117302000';
const VARIANTS = [
  '',
  '（变更）',
  '（注销）',
  '（延续）',
  '（补办）',
  '（换证）',
  '（迁移）',
  '（新办）',
  '（恢复）',
  '（撤销）',
  '（备案）',
  '（年检）',
  '（核查）',
  '（转让）',
  '（增项）',
  '（减项）',
  '（复核）',
  '（补正）',
  '（更正）',
  '（查询）',
];
const TARGETS = { ratio: 1.5, cityP95Ms: 50, rssMb: 400, waitMs: 100 };

const api = (path) => `/api/public/regions/${path}`;
const ROUTES = [
  ['list, first page', api(`${TOWNSHIP}/items`)],
  ['list, deep page', null], // the cursor is found per database
  ['search 宅基地', api(`${TOWNSHIP}/items?q=${encodeURIComponent('宅基地')}`)],
  ['search zhaijidi', api(`${TOWNSHIP}/items?q=zhaijidi`)],
  ['search zjd', api(`${TOWNSHIP}/items?q=zjd`)],
  ['item', api(`${TOWNSHIP}/items/${ITEM}`)],
  ['county metrics', api('450321/metrics')],
  ['city metrics', api('450300/metrics')],
];

// ---------------------------------------------------------------------------------------------------------
// Child: one API server on one database.
// ---------------------------------------------------------------------------------------------------------

async function serve(dbUrl, port) {
  const { openStore, createApp, tokenSecret } = require('../../catalogue-api/dist/index.js');
  const { PdfPrinter } = require('../../runtime/dist/index.js');
  const config = benchConfig({}, { dbUrl, dbReadUrls: [], loadSeeds: false, publicCacheMs: 0, port });
  const store = await openStore(config);
  const app = createApp(store, config, await tokenSecret(store), new PdfPrinter());
  const server = await new Promise((resolve, reject) => {
    const s = app.listen(port, HOST, () => resolve(s));
    s.once('error', reject);
  });
  process.send({ type: 'ready', base: `http://${HOST}:${port}` });
  const stop = async () => {
    server.close();
    await store.sequelize.close();
    process.exit(0);
  };
  process.on('message', (m) => m && m.type === 'stop' && void stop());
  process.on('disconnect', () => void stop());
}

// ---------------------------------------------------------------------------------------------------------
// Parent: load, measure, report.
// ---------------------------------------------------------------------------------------------------------

/** The township codes of a size: Guilin's real townships (阳朔镇 first), then generated ones elsewhere. */
function townshipCodes(count, guilin) {
  const codes = [TOWNSHIP, ...guilin.filter((c) => c !== TOWNSHIP)];
  const generated = [];
  for (let city = 1; codes.length + generated.length < count; city++) {
    if (city === 3) continue; // 4503 is Guilin
    for (let county = 1; county <= 9 && codes.length + generated.length < count; county++)
      for (let t = 101; t <= 110 && codes.length + generated.length < count; t++)
        generated.push(`45${String(city).padStart(2, '0')}${String(county).padStart(2, '0')}${t}`);
  }
  return { codes: [...codes, ...generated].slice(0, count), generated };
}

/** Regions for the generated townships (cities, counties, townships), so every route can name them. */
function generatedRegions(generated) {
  const regions = new Map();
  for (const code of generated) {
    const city = `${code.slice(0, 4)}00`;
    const county = code.slice(0, 6);
    regions.set(city, {
      code: city,
      name: `合成市${code.slice(2, 4)}`,
      level: 'city',
      parent_code: '450000',
    });
    regions.set(county, {
      code: county,
      name: `合成县${code.slice(2, 6)}`,
      level: 'county',
      parent_code: city,
    });
    regions.set(code, { code, name: `合成镇${code}`, level: 'township', parent_code: county });
  }
  return [...regions.values()].map((r) => ({ ...r, search_pinyin: '' }));
}

async function loadDatabase(size, batch) {
  const { readConfig, openStore } = require('../../catalogue-api/dist/index.js');
  const { publishedEntry } = require('../../catalogue-api/dist/services/publishedIndex.js');
  const { indexSearchEntries } = require('../../catalogue-api/dist/services/search.js');
  const { recountTownships } = require('../../catalogue-api/dist/services/townshipMetrics.js');
  const { inTransaction } = require('../../catalogue-api/dist/services/store.js');
  const { loadSeedCatalogue, resolveSeedItems } = require('../../seeds/dist/index.js');

  const db = await freshDatabase(process.env.DB_URL || 'mysql://root@127.0.0.1:3306/test', 'oneseal_scale');
  if (db.dialect !== 'mysql') throw new Error('bench/scale runs on MySQL/MariaDB (DB_URL=mysql://…)');
  const started = Date.now();
  const store = await openStore({ ...readConfig({}), dbUrl: db.dbUrl, dbReadUrls: [], loadSeeds: true });
  try {
    const q = store.sequelize.getQueryInterface();
    const seeds = loadSeedCatalogue();
    const seedItems = resolveSeedItems(seeds).filter((i) => i.status === 'published');
    // Templates: every seed item of 阳朔镇 in 20 variants, with codes no seed uses (main item 9xxxx).
    const base = seedItems.filter((i) => i.regionCode === TOWNSHIP);
    const entries = VARIANTS.flatMap((suffix, v) =>
      base.map((item, b) =>
        publishedEntry({
          ...item,
          code: `${item.type}9${String(b).padStart(2, '0')}${String(v).padStart(2, '0')}000`,
          name: item.name + suffix,
          order: 100 + v * base.length + b,
        }),
      ),
    );
    await inTransaction(store, (t) =>
      indexSearchEntries(
        store,
        t,
        entries.map((e) => e.search),
      ),
    );
    const attributes = store.models.PublishedItem.rawAttributes;
    const columns = Object.keys(attributes).map((k) => attributes[k].field);
    await store.sequelize.query('CREATE TABLE bench_templates LIKE published_items');
    await q.bulkInsert(
      'bench_templates',
      entries.map((e) =>
        Object.fromEntries(Object.keys(attributes).map((k) => [attributes[k].field, e.row[k]])),
      ),
    );
    const perTownship = entries.length;
    const count = Math.ceil((size - seedItems.length) / perTownship);
    const guilin = seeds.regions.filter((r) => r.level === 'township').map((r) => r.code);
    const { codes, generated } = townshipCodes(count, guilin);
    if (generated.length > 0) await q.bulkInsert('regions', generatedRegions(generated));
    await store.sequelize.query(
      'CREATE TABLE bench_townships (code VARCHAR(9) PRIMARY KEY, batch INT NOT NULL)',
    );
    await q.bulkInsert(
      'bench_townships',
      codes.map((code, i) => ({ code, batch: Math.floor(i / batch) })),
    );
    const copied = columns.map((c) => (c === 'region_code' ? 't.code' : `p.${c}`)).join(', ');
    const loadStarted = Date.now();
    for (let b = 0; b * batch < codes.length; b++)
      await store.sequelize.query(
        `INSERT INTO published_items (${columns.join(', ')}) SELECT ${copied} ` +
          'FROM bench_townships t CROSS JOIN bench_templates p WHERE t.batch = ?',
        { replacements: [b] },
      );
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    const recountStarted = Date.now();
    await inTransaction(store, (t) => recountTownships(store, t));
    const recountSeconds = (Date.now() - recountStarted) / 1000;
    await store.sequelize.query('DROP TABLE bench_templates');
    await store.sequelize.query('DROP TABLE bench_townships');
    const [[{ n }]] = await store.sequelize.query('SELECT COUNT(*) AS n FROM published_items');
    await store.sequelize.close();
    return {
      db,
      rows: Number(n),
      townships: codes.length,
      loadSeconds,
      recountSeconds,
      totalSeconds: (Date.now() - started) / 1000,
    };
  } catch (error) {
    await store.sequelize.close();
    await db.drop();
    throw error;
  }
}

function startServer(dbUrl, port) {
  const child = fork(__filename, ['--serve', dbUrl, String(port)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m) =>
      m && m.type === 'ready' ? resolve({ child, base: m.base }) : reject(new Error('?')),
    );
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

/** Resident set size of a process, and its peak, in MB (Linux /proc). */
function rss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)[1]);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function timed(url) {
  const started = process.hrtime.bigint();
  const res = await fetch(url);
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 200)}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, body };
}

/** A cursor past the 800th item of the township's list. */
async function deepCursor(base) {
  let next = null;
  for (let seen = 0; seen < 800; seen += 100) {
    const { body } = await timed(
      `${base}${api(`${TOWNSHIP}/items?limit=100`)}${next ? `&cursor=${next}` : ''}`,
    );
    next = JSON.parse(body).next;
    if (!next) throw new Error('the township has fewer than 800 items');
  }
  return api(`${TOWNSHIP}/items?cursor=${next}`);
}

const percentile = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};

/** 20 city-metrics requests at once while a probe asks for an item and a list page, one after another. */
async function burst(server) {
  let peak = rss(server.pid).now;
  const sampler = setInterval(() => (peak = Math.max(peak, rss(server.pid).now)), 10);
  let done = false;
  const waits = [];
  const probe = (async () => {
    for (let i = 0; !done || i < 20; i++)
      waits.push(
        (await timed(server.base + (i % 2 ? api(`${TOWNSHIP}/items/${ITEM}`) : api(`${TOWNSHIP}/items`)))).ms,
      );
  })();
  const city = await Promise.all(
    Array.from({ length: 20 }, () => timed(server.base + api('450300/metrics'))),
  );
  done = true;
  await probe;
  clearInterval(sampler);
  const answers = new Set(city.map((c) => c.body));
  return {
    cityMax: Math.max(...city.map((c) => c.ms)),
    equal: answers.size === 1,
    probes: waits.length,
    worstWait: Math.max(...waits),
    rssPeak: Math.max(peak, rss(server.pid).now),
  };
}

async function main() {
  const sizes = (process.env.SIZES || '10000,1000000').split(',').map(Number);
  const requests = numberFromEnv('REQUESTS', 40, { integer: true });
  const rounds = numberFromEnv('ROUNDS', 3, { integer: true });
  const batch = numberFromEnv('BATCH', 10, { integer: true });
  const port = numberFromEnv('PORT', 3140, { integer: true });
  const loaded = [];
  const servers = [];
  // However the run goes, it ends: past TIMEOUT_MIN the servers are killed and the databases dropped.
  const timeoutMin = numberFromEnv('TIMEOUT_MIN', 150);
  setTimeout(async () => {
    console.error(`bench/scale: still running after ${timeoutMin} min — stopping`);
    for (const s of servers) s.child.kill('SIGKILL');
    for (const l of loaded) await l.db.drop().catch(() => undefined);
    process.exit(2);
  }, timeoutMin * 60_000).unref();
  let exitCode = 0;
  try {
    console.log(
      `bench/scale — node ${process.version}, ${cpus().length} CPU(s), ${new Date().toISOString()}`,
    );
    console.log('loading (INSERT … SELECT of 840 template items × generated townships):');
    for (const size of sizes) {
      const l = await loadDatabase(size, batch);
      loaded.push(l);
      console.log(
        `  ${fmt(l.rows)} published rows in ${fmt(l.townships)} townships: INSERT … SELECT ${l.loadSeconds.toFixed(1)} s, ` +
          `township totals recounted (oneseal metrics --rebuild) in ${l.recountSeconds.toFixed(1)} s, ` +
          `database ready in ${l.totalSeconds.toFixed(1)} s — ${l.db.name}`,
      );
    }
    for (const [i, l] of loaded.entries()) {
      const s = await startServer(l.db.dbUrl, port + i);
      servers.push({ ...s, pid: s.child.pid, size: l.rows });
    }
    for (const s of servers) s.routes = ROUTES.map(([name, path]) => [name, path]);
    for (const s of servers) s.routes[1][1] = await deepCursor(s.base);
    const samples = servers.map(() => ROUTES.map(() => []));
    const rssSeen = servers.map(() => 0);
    for (let round = 0; round < rounds; round++) {
      // Alternate which size goes first, so neither always runs on a warmer or cooler machine.
      const order = round % 2 === 0 ? servers.map((_, i) => i) : servers.map((_, i) => i).reverse();
      for (const i of order)
        for (const [r, [, path]] of servers[i].routes.entries()) {
          if (round === 0) await timed(servers[i].base + path); // warm this route once
          for (let n = 0; n < requests; n++) samples[i][r].push((await timed(servers[i].base + path)).ms);
          rssSeen[i] = Math.max(rssSeen[i], rss(servers[i].pid).now);
        }
    }
    const head = ['route'];
    for (const s of servers) head.push(`p50 ${fmt(s.size)}`, `p95 ${fmt(s.size)}`);
    if (servers.length === 2) head.push('p95 ratio', `target ≤ ${TARGETS.ratio}`);
    const rowsOut = [head];
    for (const [r, [name]] of ROUTES.entries()) {
      const row = [name];
      for (const [i] of servers.entries())
        row.push(percentile(samples[i][r], 0.5).toFixed(1), percentile(samples[i][r], 0.95).toFixed(1));
      if (servers.length === 2) {
        const ratio = percentile(samples[1][r], 0.95) / percentile(samples[0][r], 0.95);
        row.push(ratio.toFixed(2), ratio <= TARGETS.ratio ? 'MET' : 'NOT MET');
      }
      rowsOut.push(row);
    }
    console.log(
      `\nlatency in ms (${rounds} alternating rounds × ${requests} sequential requests per route and size; cache off)`,
    );
    console.log(table(rowsOut));
    const largest = servers.length - 1;
    const cityP95 = percentile(samples[largest][ROUTES.length - 1], 0.95);
    console.log(
      `\ncity metrics p95 at ${fmt(servers[largest].size)}: ${cityP95.toFixed(1)} ms   target ≤ ${TARGETS.cityP95Ms} ms   ` +
        (cityP95 <= TARGETS.cityP95Ms ? 'MET' : 'NOT MET'),
    );
    console.log(
      `server RSS during the rounds: ${servers.map((s, i) => `${fmt(s.size)} rows ${rssSeen[i].toFixed(0)} MB`).join(', ')}`,
    );
    const b = await burst(servers[largest]);
    console.log(
      `\n20 concurrent city metrics at ${fmt(servers[largest].size)} rows: slowest ${b.cityMax.toFixed(0)} ms, ` +
        `answers ${b.equal ? 'all equal' : 'DIFFER'}; server RSS peak ${b.rssPeak.toFixed(0)} MB (target < ${TARGETS.rssMb}) ` +
        `${b.rssPeak < TARGETS.rssMb ? 'MET' : 'NOT MET'}; worst wait of ${b.probes} other requests ${b.worstWait.toFixed(1)} ms ` +
        `(target ≤ ${TARGETS.waitMs}) ${b.worstWait <= TARGETS.waitMs ? 'MET' : 'NOT MET'}`,
    );
  } catch (error) {
    console.error(`bench/scale failed: ${error && error.stack ? error.stack : error}`);
    exitCode = 1;
  } finally {
    for (const s of servers) {
      if (s.child.connected) s.child.send({ type: 'stop' });
      await new Promise((done) => {
        const timer = setTimeout(() => (s.child.kill('SIGKILL'), done()), 10_000);
        s.child.once('exit', () => (clearTimeout(timer), done()));
      });
    }
    for (const l of loaded)
      await l.db.drop().catch((e) => console.error(`could not drop ${l.db.name}: ${e}`));
    if (loaded.length > 0) console.log(`\ndropped ${loaded.map((l) => l.db.name).join(', ')}`);
  }
  process.exit(exitCode);
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3], Number(process.argv[4])).catch((error) => {
    console.error(`bench/scale server: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  });
} else {
  void main();
}

#!/usr/bin/env node
'use strict';
/**
 * bench/api — how much the real public routes cost compared with serving the same bytes from memory.
 *
 *   npx tsc -b && node bench/api/run.js
 *
 * A child process hosts the servers on 127.0.0.1: the real OneSeal app (compiled catalogue-api/dist) on a
 * fresh, seeded database — one instance with the public micro-cache on, one with it off (or only the one
 * PUBLIC_CACHE_MS asks for) — and, per route, a bare Koa app that answers the same JSON string from memory.
 * This process drives them with autocannon — same duration, same connections, alternating rounds — and prints
 * req/s, p99 latency and the ratio API ÷ bare for the list, a search and one item, against the targets.
 * Load generator and servers live in different processes so that they do not share one event loop.
 *
 * Environment: DURATION (seconds per round, default 5), CONNECTIONS (default 20), ROUNDS (rounds per server,
 * default 2), WARMUP (seconds, default 1), PUBLIC_CACHE_MS (measure only that cache lifetime; default: both
 * 1000 ms and 0, i.e. on and off), ROUTES (comma-separated subset of list,search,detail), TOWNSHIP / ITEM /
 * QUERY (default 450321100 / 0117302000 / zjd), DB_URL (sqlite:… or mysql://…; on MySQL a fresh database is
 * created on that server and dropped afterwards; default: a SQLite file in a temp folder).
 */

const { cpus } = require('node:os');
const { fmt, numberFromEnv, table } = require('../report');
const {
  HOST,
  alternate,
  benchConfig,
  freshDatabase,
  listen,
  runBenchmark,
  stopWhenAsked,
} = require('../harness');

/** Targets of issue 11: API ÷ bare with the cache on, and with it off. */
const TARGETS = {
  list: { on: 0.5, off: 0.25 },
  search: { on: 0.5, off: 0.25 },
  detail: { on: 0.5, off: 0.5 },
};

/** Which cache lifetimes to measure: the one PUBLIC_CACHE_MS names, or on (1000 ms) and off (0). */
function cacheModes() {
  const raw = process.env.PUBLIC_CACHE_MS;
  if (raw === undefined || raw === '') return [1000, 0];
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`PUBLIC_CACHE_MS must be a whole number ≥ 0, not "${raw}"`);
  return [ms];
}

function routes() {
  const township = process.env.TOWNSHIP || '450321100';
  const item = process.env.ITEM || '0117302000';
  const query = process.env.QUERY || 'zjd';
  const all = {
    list: `/api/public/regions/${township}/items`,
    search: `/api/public/regions/${township}/items?q=${encodeURIComponent(query)}`,
    detail: `/api/public/regions/${township}/items/${item}`,
  };
  const wanted = (process.env.ROUTES || 'list,search,detail').split(',').map((r) => r.trim());
  for (const name of wanted) if (!all[name]) throw new Error(`ROUTES: unknown route "${name}"`);
  return wanted.map((name) => ({ name, path: all[name] }));
}

// ---------------------------------------------------------------------------------------------------------
// Child: the servers under test.
// ---------------------------------------------------------------------------------------------------------

async function serve() {
  const Koa = require('koa');
  const { openStore, createApp, tokenSecret } = require('../../catalogue-api/dist/index.js');
  const { PdfPrinter } = require('../../runtime/dist/index.js');

  const db = await freshDatabase(process.env.DB_URL);
  const stores = [];
  const servers = [];
  const shutdown = async () => {
    await Promise.all(servers.map((s) => new Promise((done) => s.close(() => done()))));
    for (const store of stores) await store.sequelize.close();
    await db.drop();
  };
  try {
    const apis = [];
    for (const cacheMs of cacheModes()) {
      // The environment's settings, rate limits off, on this run's own database.
      const config = benchConfig(process.env, {
        dbUrl: db.dbUrl,
        dbReadUrls: [],
        loadSeeds: true,
        publicCacheMs: cacheMs,
      });
      const store = await openStore(config);
      stores.push(store);
      const server = await listen(createApp(store, config, await tokenSecret(store), new PdfPrinter()));
      servers.push(server);
      apis.push({ cacheMs, base: `http://${HOST}:${server.address().port}` });
    }
    const measured = [];
    for (const route of routes()) {
      // The JSON the real route answers, exactly as it answers it.
      const res = await fetch(apis[0].base + route.path);
      const body = await res.text();
      if (res.status !== 200)
        throw new Error(`GET ${route.path} answered ${res.status}: ${body.slice(0, 200)}`);
      const contentType = res.headers.get('content-type');
      const bare = new Koa();
      bare.use((ctx) => {
        ctx.type = contentType;
        ctx.body = body;
      });
      const bareServer = await listen(bare);
      servers.push(bareServer);
      const bareUrl = `http://${HOST}:${bareServer.address().port}${route.path}`;
      // The bare app must answer byte for byte what the API answers, with the cache on and off.
      if ((await (await fetch(bareUrl)).text()) !== body)
        throw new Error('the bare app does not answer the same JSON');
      for (const api of apis)
        if ((await (await fetch(api.base + route.path)).text()) !== body)
          throw new Error(`the API with PUBLIC_CACHE_MS=${api.cacheMs} answers other JSON for ${route.path}`);
      measured.push({ ...route, bytes: Buffer.byteLength(body), bareUrl });
    }
    process.send({ type: 'ready', apis, routes: measured, db: db.label });
  } catch (error) {
    await shutdown().catch(() => undefined);
    throw error;
  }

  stopWhenAsked(shutdown);
}

// ---------------------------------------------------------------------------------------------------------
// Parent: the load generator.
// ---------------------------------------------------------------------------------------------------------

const settings = () => ({
  duration: numberFromEnv('DURATION', 5),
  connections: numberFromEnv('CONNECTIONS', 20, { integer: true }),
  rounds: numberFromEnv('ROUNDS', 2, { integer: true }),
  warmup: numberFromEnv('WARMUP', 1),
});

async function drive(info) {
  const { duration, connections, rounds, warmup } = settings();
  console.log(`bench/api — database: ${info.db}`);
  console.log(
    `node ${process.version}, ${cpus().length} CPU(s); ${connections} connections, ${duration} s per round, ` +
      `${rounds} round(s) per server, alternating; ${warmup} s warm-up each`,
  );
  for (const r of info.routes) console.log(`  ${r.name.padEnd(6)} GET ${r.path}  (${fmt(r.bytes)} bytes)`);
  console.log('');

  const perRound = [['route', 'cache', 'round', 'server', 'req/s', 'p50 ms', 'p99 ms']];
  const summary = [['route', 'cache', 'api req/s', 'bare req/s', 'api p99 ms', 'ratio', 'target', '']];
  for (const route of info.routes)
    for (const api of info.apis) {
      const mode = api.cacheMs > 0 ? `on (${api.cacheMs} ms)` : 'off';
      const measured = await alternate(
        { api: api.base + route.path, bare: route.bareUrl },
        { rounds, duration, connections, warmup },
      );
      for (const name of ['api', 'bare'])
        for (const r of measured[name].runs)
          perRound.push([route.name, mode, r.round, name, fmt(r.rps), fmt(r.p50), fmt(r.p99)]);
      const ratio = measured.api.rps / measured.bare.rps;
      const target = TARGETS[route.name][api.cacheMs > 0 ? 'on' : 'off'];
      summary.push([
        route.name,
        mode,
        fmt(measured.api.rps),
        fmt(measured.bare.rps),
        fmt(measured.api.p99, 1),
        ratio.toFixed(2),
        `≥ ${target}`,
        ratio >= target ? 'MET' : 'NOT MET',
      ]);
    }
  console.log(table(perRound));
  console.log('\nmean over rounds (api = the real route; bare = Koa answering the same JSON from memory)');
  console.log(table(summary));
}

runBenchmark('bench/api', __filename, {
  serve,
  drive,
  plannedSeconds() {
    const { duration, rounds, warmup } = settings();
    return routes().length * cacheModes().length * (warmup * 2 + duration * rounds * 2);
  },
});

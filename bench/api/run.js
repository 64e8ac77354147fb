#!/usr/bin/env node
'use strict';
/**
 * bench/api — how much the real public item route costs compared with serving the same bytes from memory.
 *
 *   npx tsc -b && node bench/api/run.js
 *
 * A child process hosts two servers on 127.0.0.1: the real OneSeal app (compiled catalogue-api/dist) on a
 * fresh, seeded database, and a bare Koa app that answers the same JSON string from memory. This process
 * drives both with autocannon — same duration, same connections, alternating rounds — and prints req/s,
 * p99 latency and the ratio API ÷ bare against the target (≥ 0.5). Load generator and servers live in
 * different processes so that they do not share one event loop.
 *
 * Environment: DURATION (seconds per round, default 10), CONNECTIONS (default 20), ROUNDS (rounds per
 * server, default 2), WARMUP (seconds, default 2), TOWNSHIP / ITEM (which published item, default
 * 450321100 / 0117302000), DB_URL (sqlite:… or mysql://…; on MySQL a fresh database is created on that
 * server and dropped afterwards; default: a SQLite file in a temp folder).
 */

const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir, cpus } = require('node:os');
const { join } = require('node:path');
const { fmt, mean, numberFromEnv, table } = require('../report');

const HOST = '127.0.0.1';
const TARGET = 0.5;

// ---------------------------------------------------------------------------------------------------------
// Child: the two servers under test.
// ---------------------------------------------------------------------------------------------------------

/** A fresh database: a SQLite file in a temp folder, or a new database on the MySQL server of DB_URL. */
async function freshDatabase() {
  const server = process.env.DB_URL;
  if (server && server.startsWith('mysql:')) {
    const { createConnection } = require('mysql2/promise');
    const url = new URL(server);
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname))
      throw new Error(`bench/api only talks to a local database, not ${url.hostname}`);
    const name = `oneseal_bench_${randomBytes(6).toString('hex')}`;
    const admin = await createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    url.pathname = `/${name}`;
    return {
      dbUrl: url.toString(),
      label: `mysql (${url.host}, database ${name})`,
      async drop() {
        await admin.query(`DROP DATABASE \`${name}\``);
        await admin.end();
      },
    };
  }
  if (server && !server.startsWith('sqlite:'))
    throw new Error(`DB_URL must start with sqlite: or mysql:, not "${server.split(':')[0]}:"`);
  const dir = mkdtempSync(join(tmpdir(), 'oneseal-bench-'));
  return {
    dbUrl: `sqlite:${join(dir, 'bench.sqlite')}`,
    label: 'sqlite (temp file, WAL)',
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function listen(app) {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, HOST, () => resolve(server));
    server.once('error', reject);
  });
}

async function serve() {
  const Koa = require('koa');
  const { readConfig, openStore, createApp, tokenSecret } = require('../../catalogue-api/dist/index.js');
  const { PdfPrinter } = require('../../runtime/dist/index.js');

  const township = process.env.TOWNSHIP || '450321100';
  const item = process.env.ITEM || '0117302000';
  const db = await freshDatabase();
  let store;
  const servers = [];
  const shutdown = async () => {
    await Promise.all(servers.map((s) => new Promise((done) => s.close(() => done()))));
    if (store) await store.sequelize.close();
    await db.drop();
  };
  try {
    const config = { ...readConfig({}), dbUrl: db.dbUrl, dbReadUrls: [], loadSeeds: true };
    store = await openStore(config);
    const app = createApp(store, config, await tokenSecret(store), new PdfPrinter());
    const apiServer = await listen(app);
    servers.push(apiServer);
    const path = `/api/public/regions/${township}/items/${item}`;
    const apiUrl = `http://${HOST}:${apiServer.address().port}${path}`;

    // The JSON the real route answers, exactly as it answers it.
    const res = await fetch(apiUrl);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${body.slice(0, 200)}`);
    const contentType = res.headers.get('content-type');

    const bare = new Koa();
    bare.use((ctx) => {
      ctx.type = contentType;
      ctx.body = body;
    });
    const bareServer = await listen(bare);
    servers.push(bareServer);
    const bareUrl = `http://${HOST}:${bareServer.address().port}${path}`;

    // The bare app must answer byte for byte what the API answers.
    const check = await (await fetch(bareUrl)).text();
    if (check !== body) throw new Error('the bare app does not answer the same JSON as the API');

    process.send({
      type: 'ready',
      apiUrl,
      bareUrl,
      bytes: Buffer.byteLength(body),
      db: db.label,
      item: `${township}/${item}`,
    });
  } catch (error) {
    await shutdown().catch(() => undefined);
    throw error;
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await shutdown();
    process.exit(0);
  };
  process.on('message', (m) => {
    if (m && m.type === 'stop') void stop();
  });
  // The parent went away without saying so: clean up and leave.
  process.on('disconnect', () => void stop());
}

// ---------------------------------------------------------------------------------------------------------
// Parent: the load generator.
// ---------------------------------------------------------------------------------------------------------

function assertLocal(url) {
  const { hostname } = new URL(url);
  if (hostname !== HOST) throw new Error(`refusing to load ${url}: bench/api only targets ${HOST}`);
}

async function load(url, seconds, connections) {
  const autocannon = require('autocannon');
  assertLocal(url);
  const result = await autocannon({ url, duration: seconds, connections, pipelining: 1 });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(
      `${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts — not a valid run`,
    );
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
  };
}

async function main() {
  const duration = numberFromEnv('DURATION', 10);
  const connections = Math.round(numberFromEnv('CONNECTIONS', 20));
  const rounds = Math.round(numberFromEnv('ROUNDS', 2));
  const warmup = numberFromEnv('WARMUP', 2);

  const child = fork(__filename, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const childExit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    child.once('message', (m) =>
      m && m.type === 'ready' ? resolve(m) : reject(new Error('unexpected message')),
    );
    childExit.then(({ code, signal }) =>
      reject(new Error(`server process exited early (${signal ?? code})`)),
    );
  });

  // However the run goes, it ends: a watchdog well past the planned time stops everything.
  const planned = (warmup * 2 + duration * rounds * 2 + 120) * 1000;
  const watchdog = setTimeout(() => {
    console.error(`bench/api: still running after ${planned / 1000} s — stopping`);
    child.kill('SIGKILL');
    process.exit(2);
  }, planned);
  watchdog.unref();

  let exitCode = 0;
  try {
    const info = await ready;
    console.log(`bench/api — ${info.item}, ${info.bytes} bytes of JSON, database: ${info.db}`);
    console.log(
      `node ${process.version}, ${cpus().length} CPU(s); ${connections} connections, ${duration} s per round, ` +
        `${rounds} round(s) per server, alternating; ${warmup} s warm-up each`,
    );
    console.log(`  api : ${info.apiUrl}\n  bare: ${info.bareUrl}\n`);

    await load(info.apiUrl, warmup, connections);
    await load(info.bareUrl, warmup, connections);

    const runs = { api: [], bare: [] };
    const perRound = [['round', 'server', 'req/s', 'p50 ms', 'p99 ms', 'requests']];
    for (let round = 1; round <= rounds; round++) {
      // Alternate which goes first, so neither always runs on a warmer or cooler machine.
      const order = round % 2 === 1 ? ['api', 'bare'] : ['bare', 'api'];
      for (const name of order) {
        const r = await load(name === 'api' ? info.apiUrl : info.bareUrl, duration, connections);
        runs[name].push(r);
        perRound.push([round, name, fmt(r.rps), fmt(r.p50), fmt(r.p99), fmt(r.requests)]);
      }
    }
    console.log(table(perRound));

    const api = { rps: mean(runs.api.map((r) => r.rps)), p99: mean(runs.api.map((r) => r.p99)) };
    const bare = { rps: mean(runs.bare.map((r) => r.rps)), p99: mean(runs.bare.map((r) => r.p99)) };
    const ratio = api.rps / bare.rps;
    const met = ratio >= TARGET;
    console.log('\nmean over rounds');
    console.log(
      table([
        ['server', 'req/s', 'p99 ms'],
        ['api  (GET public item, real app)', fmt(api.rps), fmt(api.p99, 1)],
        ['bare (Koa, same JSON from memory)', fmt(bare.rps), fmt(bare.p99, 1)],
      ]),
    );
    console.log(`\nratio api ÷ bare = ${ratio.toFixed(2)}   target ≥ ${TARGET}   ${met ? 'MET' : 'NOT MET'}`);
  } catch (error) {
    console.error(`bench/api failed: ${error && error.stack ? error.stack : error}`);
    exitCode = 1;
  } finally {
    if (child.connected) child.send({ type: 'stop' });
    const stopped = await Promise.race([
      childExit.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 10_000).unref()),
    ]);
    if (!stopped) child.kill('SIGKILL');
  }
  process.exit(exitCode);
}

if (process.argv.includes('--serve')) {
  serve().catch((error) => {
    console.error(`bench/api server: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  });
} else {
  void main();
}

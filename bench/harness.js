// What bench/api, bench/scale and bench/submissions share: a fresh database, servers on 127.0.0.1, autocannon
// runs, and the parent/child frame of a run. Only the local machine is ever used.
'use strict';

const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const HOST = '127.0.0.1';
const LOCAL = ['127.0.0.1', 'localhost', '::1', '[::1]'];

/** An admin connection to the MySQL server of `server` (a mysql:// URL on this machine). */
async function mysqlAdmin(server) {
  const { createConnection } = require('mysql2/promise');
  const url = new URL(server);
  if (!LOCAL.includes(url.hostname))
    throw new Error(`benchmarks only talk to a local database, not ${url.hostname}`);
  const admin = await createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  return { admin, url };
}

/**
 * A fresh database: a SQLite file in a temp folder, or a new database on the MySQL server of `server`
 * (DB_URL), dropped by `drop()`.
 */
async function freshDatabase(server, prefix = 'oneseal_bench') {
  if (server && server.startsWith('mysql:')) {
    const { admin, url } = await mysqlAdmin(server);
    const name = `${prefix}_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    url.pathname = `/${name}`;
    return {
      dbUrl: url.toString(),
      dialect: 'mysql',
      name,
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
    dialect: 'sqlite',
    name: join(dir, 'bench.sqlite'),
    label: 'sqlite (temp file, WAL)',
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The API configuration of a benchmark server: the settings of `env` (PUBLIC_CACHE_MS and the like) with every
 * per-address rate limit of issue 10 (RATE_LIMIT_LOOKUP, _SUBMIT, _LOGIN, _UPLOAD) turned off — the load
 * generator is one address sending thousands of requests a second, which is what those limits refuse — and
 * `overrides` on top.
 */
function benchConfig(env, overrides = {}) {
  const { readConfig, RATE_LIMIT_KINDS } = require('../catalogue-api/dist/config.js');
  const limitsOff = Object.fromEntries(
    RATE_LIMIT_KINDS.map((kind) => [`RATE_LIMIT_${kind.toUpperCase()}`, 'off']),
  );
  return { ...readConfig({ ...env, ...limitsOff }), ...overrides };
}

/** Listens on 127.0.0.1 on a free port. */
function listen(app) {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, HOST, () => resolve(server));
    server.once('error', reject);
  });
}

function assertLocal(url) {
  const { hostname } = new URL(url);
  if (hostname !== HOST) throw new Error(`refusing to load ${url}: benchmarks only target ${HOST}`);
}

/** One autocannon run against `url`; a run with any failure is rejected rather than counted. */
async function load(url, seconds, connections, request = {}) {
  const autocannon = require('autocannon');
  assertLocal(url);
  const result = await autocannon({ url, duration: seconds, connections, pipelining: 1, ...request });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(
      `${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts — not a valid run`,
    );
  return { rps: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99 };
}

/**
 * Measures the servers of `urls` ({ name: url }) against each other: a warm-up each, then `rounds` rounds,
 * the order alternating (a → b, then b → a, …) so that none always runs on a warmer or cooler machine.
 * Returns each server's runs and their mean req/s.
 */
async function alternate(urls, { rounds, duration, connections, warmup, request, settleMs = 0 }) {
  const names = Object.keys(urls);
  // Requests still being answered when a run ends must not overlap the next server's run (writers on SQLite).
  const settle = () => new Promise((done) => setTimeout(done, settleMs));
  const measure = async (name, seconds) => {
    const result = await load(urls[name], seconds, connections, request);
    await settle();
    return result;
  };
  for (const name of names) await measure(name, warmup);
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 1; round <= rounds; round++)
    for (const name of round % 2 === 1 ? names : [...names].reverse())
      runs[name].push({ round, ...(await measure(name, duration)) });
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return Object.fromEntries(
    names.map((n) => [
      n,
      { runs: runs[n], rps: mean(runs[n].map((r) => r.rps)), p99: mean(runs[n].map((r) => r.p99)) },
    ]),
  );
}

/**
 * A benchmark script's two halves: run as `file --serve` it is the child hosting the servers (`serve`, which
 * sends `{ type: 'ready', … }`); otherwise the parent forks that child and runs `drive(ready, child)` — under a
 * watchdog of `plannedSeconds` (+3 min), stopping the child however the run ends, then exiting.
 */
function runBenchmark(name, file, { serve, drive, plannedSeconds }) {
  const { fork } = require('node:child_process');
  if (process.argv.includes('--serve')) {
    serve().catch((error) => {
      console.error(`${name} server: ${error && error.stack ? error.stack : error}`);
      process.exit(1);
    });
    return;
  }
  void (async () => {
    const child = fork(file, ['--serve'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const childExit = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const ready = new Promise((resolve, reject) => {
      child.once('message', (m) =>
        m && m.type === 'ready' ? resolve(m) : reject(new Error('unexpected message')),
      );
      childExit.then(({ code, signal }) =>
        reject(new Error(`server process exited early (${signal ?? code})`)),
      );
    });
    const limit = (plannedSeconds() + 180) * 1000;
    setTimeout(() => {
      console.error(`${name}: still running after ${limit / 1000} s — stopping`);
      child.kill('SIGKILL');
      process.exit(2);
    }, limit).unref();
    let exitCode = 0;
    try {
      await drive(await ready, child);
    } catch (error) {
      console.error(`${name} failed: ${error && error.stack ? error.stack : error}`);
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
  })();
}

/** In the child: stop on the parent's word or when it goes away, with `shutdown` run once. */
function stopWhenAsked(shutdown) {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await shutdown();
    process.exit(0);
  };
  process.on('message', (m) => m && m.type === 'stop' && void stop());
  process.on('disconnect', () => void stop());
}

module.exports = {
  HOST,
  benchConfig,
  freshDatabase,
  listen,
  assertLocal,
  mysqlAdmin,
  load,
  alternate,
  runBenchmark,
  stopWhenAsked,
};

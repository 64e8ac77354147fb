#!/usr/bin/env node
'use strict';
/**
 * bench/backup — does `oneseal backup` keep its memory flat however large the tables, and what do the two SQLite
 * snapshot methods cost?
 *
 *   npx tsc -b && node bench/backup/run.js
 *
 * MariaDB/MySQL (DB_URL, default mysql://root@127.0.0.1:3306/test; only the server is used): for each size in
 * SIZES (default 10000,200000) a fresh database is migrated and seeded, then that many applications are added to
 * `submissions` with INSERT … SELECT (each about as large as a real 宅基地 application). `oneseal backup` runs as a
 * child process, its RSS read from /proc every 20 ms; then `oneseal restore` of that file into another fresh
 * database, measured the same way. Printed: rows, time, file size, peak RSS, and the largest size's peak RSS ÷ the
 * smallest's (flat memory: about 1).
 *
 * SQLite: a seeded file with the largest size of applications; the online backup API in one step against
 * VACUUM INTO, alternating (ROUNDS, default 3), then `oneseal backup` of it the same way as above.
 * Every database and file is removed at the end.
 */

const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { fmt, numberFromEnv, table } = require('../report');
const { freshDatabase } = require('../harness');

const BIN = join(__dirname, '../../catalogue-api/bin/oneseal.js');
const SIZES = (process.env.SIZES ?? '10000,200000').split(',').map(Number);
const ROUNDS = numberFromEnv('ROUNDS', 3, { integer: true });
const SERVER = process.env.DB_URL ?? 'mysql://root@127.0.0.1:3306/test';
const work = mkdtempSync(join(tmpdir(), 'oneseal-bench-backup-'));
const MB = 1024 * 1024;

/**
 * One application's columns as SQL over `n` (the sequence number): about 1.2 KB like a real one, its two hashes
 * random (`digest`, in the dialect's SQL) so that the dump compresses as real rows would, not as copies.
 */
function submissionSelect(n, concat, digest) {
  const address =
    '\'{"applicantName":"莫桂芳","idNumber":"450321197003120021","mobile":"13907731234","householdAddress":"阳朔县阳朔镇矮山门村 \'';
  const rest =
    '\' 号","village":"矮山门村","familySize":4,"item_0117302000":{"buildType":"new","siteLocation":"东至村道，西至莫家自留地，南至水渠，北至后山","landArea":100,"floors":3,"floorArea":260,"reason":"现住房为泥砖房，需新建住房，原宅基地面积不足，家庭人口增加，申请在本村规划区内新建住房一处"}}\'';
  const data = concat(address, n, rest);
  const history = `'[{"status":"submitted","at":"2026-12-03T08:00:00.000Z","by":"申请人"},{"status":"accepted","at":"2026-12-03T09:00:00.000Z","by":"editor-450321100","note":"材料齐全，予以受理"}]'`;
  return [
    concat(`'450321100-20261203-'`, n),
    `'450321100'`,
    `'accepted'`,
    `'[{"code":"0117302000","version":1,"baseVersion":1}]'`,
    data,
    digest,
    history,
    `'2026-12-03 08:00:00'`,
    `'2026-12-03 09:00:00'`,
    digest,
  ].join(', ');
}
const COLUMNS =
  'reference, region_code, status, items, data, phone_digest, history, created_at, updated_at, query_code_hash';

/** Runs the CLI in a child process, sampling its RSS; answers the time, peak and mean RSS, and its output. */
function measured(args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const samples = [];
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        samples.push(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) * 1024);
      } catch {
        // the process has just ended
      }
    }, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`oneseal ${args[0]} exited ${code}:\n${output}`));
      resolve({
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        peak: Math.max(...samples),
        output,
      });
    });
  });
}

async function seeded(dbUrl) {
  const { readConfig, openStore } = require('../../catalogue-api/dist/index.js');
  const store = await openStore({ ...readConfig({}), dbUrl, loadSeeds: true });
  return store;
}

async function mysqlRuns() {
  const rows = [
    ['applications', 'backup s', 'file MB', 'backup peak RSS MB', 'restore s', 'restore peak RSS MB'],
  ];
  const peaks = [];
  for (const size of SIZES) {
    const db = await freshDatabase(SERVER, 'oneseal_bench_backup');
    const target = await freshDatabase(SERVER, 'oneseal_bench_restore');
    try {
      const store = await seeded(db.dbUrl);
      const concat = (...parts) => `CONCAT(${parts.join(', ')})`;
      for (let from = 1; from <= size; from += 50_000) {
        const to = Math.min(size, from + 49_999);
        await store.sequelize.query(
          `INSERT INTO submissions (${COLUMNS}) SELECT ${submissionSelect('seq', concat, 'SHA2(RAND(), 256)')} FROM seq_${from}_to_${to}`,
        );
      }
      await store.sequelize.query('ANALYZE TABLE submissions');
      const [[{ bytes }]] = await store.sequelize.query(
        'SELECT SUM(data_length + index_length) AS bytes FROM information_schema.TABLES WHERE table_schema = DATABASE()',
      );
      await store.sequelize.close();
      const file = join(work, `mysql-${size}.tar`);
      const backup = await measured(['backup', '-o', file], {
        DB_URL: db.dbUrl,
        FILES_DIR: join(work, 'no-files'),
      });
      const restore = await measured(['restore', file], {
        DB_URL: target.dbUrl,
        FILES_DIR: join(work, `restored-files-${size}`),
      });
      peaks.push(backup.peak);
      process.stdout.write(
        `  ${fmt(size)} applications: database ${fmt(Number(bytes) / MB, 1)} MB, backup ${fmt(backup.seconds, 1)} s, restore ${fmt(restore.seconds, 1)} s\n`,
      );
      rows.push([
        fmt(size),
        fmt(backup.seconds, 1),
        fmt(statSync(file).size / MB, 1),
        fmt(backup.peak / MB, 1),
        fmt(restore.seconds, 1),
        fmt(restore.peak / MB, 1),
      ]);
      rmSync(file);
    } finally {
      await db.drop();
      await target.drop();
    }
  }
  console.log(`\nMariaDB/MySQL (${new URL(SERVER).host})\n${table(rows)}`);
  console.log(
    `backup peak RSS at ${fmt(SIZES[SIZES.length - 1])} ÷ at ${fmt(SIZES[0])} applications: ${fmt(peaks[peaks.length - 1] / peaks[0], 2)}`,
  );
}

/** The two ways to snapshot a live SQLite file, and then the whole command. */
async function sqliteRuns() {
  const size = SIZES[SIZES.length - 1];
  const file = join(work, 'live.sqlite');
  const store = await seeded(`sqlite:${file}`);
  const concat = (...parts) => parts.join(' || ');
  await store.sequelize.query(
    `WITH RECURSIVE seq(seq) AS (SELECT 1 UNION ALL SELECT seq + 1 FROM seq WHERE seq < ${size})
     INSERT INTO submissions (${COLUMNS}) SELECT ${submissionSelect('seq', concat, 'lower(hex(randomblob(32)))')} FROM seq`,
  );
  await store.sequelize.close();
  const sqlite3 = require('sqlite3');
  const live = new sqlite3.Database(file);
  const call = (work) => new Promise((resolve, reject) => work((e) => (e ? reject(e) : resolve())));
  const methods = {
    'online backup API, one step': async (copy) => {
      let backup;
      await call((done) => (backup = live.backup(copy, done)));
      await call((done) => backup.step(-1, done));
      await call((done) => backup.finish(done));
    },
    'VACUUM INTO': (copy) => call((done) => live.run(`VACUUM INTO '${copy}'`, done)),
  };
  const times = Object.fromEntries(Object.keys(methods).map((m) => [m, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, copyWith] of Object.entries(methods)) {
      const copy = join(work, 'copy.sqlite');
      rmSync(copy, { force: true });
      const started = process.hrtime.bigint();
      await copyWith(copy);
      times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
      times[`${name} size`] = statSync(copy).size;
      rmSync(copy);
    }
  await call((done) => live.close(done));
  const out = join(work, 'sqlite.tar');
  const backup = await measured(['backup', '-o', out], {
    DB_URL: `sqlite:${file}`,
    FILES_DIR: join(work, 'no-files'),
  });
  console.log(`\nSQLite, ${fmt(size)} applications, database ${fmt(statSync(file).size / MB, 1)} MB`);
  console.log(
    table([
      ['snapshot method', 'ms per copy (rounds)', 'copy MB'],
      ...Object.keys(methods).map((m) => [
        m,
        times[m].map((t) => fmt(t)).join(' / '),
        fmt(times[`${m} size`] / MB, 1),
      ]),
    ]),
  );
  console.log(
    `oneseal backup: ${fmt(backup.seconds, 1)} s, file ${fmt(statSync(out).size / MB, 1)} MB, peak RSS ${fmt(backup.peak / MB, 1)} MB`,
  );
}

(async () => {
  try {
    await mysqlRuns();
    await sqliteRuns();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

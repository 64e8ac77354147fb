// A fresh database for a benchmark, and the servers it listens with: shared by bench/api, bench/scale and
// bench/submissions. Only the local machine is ever used.
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

module.exports = { HOST, freshDatabase, listen, assertLocal, mysqlAdmin };

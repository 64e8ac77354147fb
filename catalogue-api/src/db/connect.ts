import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Options } from 'sequelize';
import { Sequelize } from 'sequelize';

export type Dialect = 'sqlite' | 'mysql';

export interface Database {
  sequelize: Sequelize;
  dialect: Dialect;
  /** Which database this is (the SQLite file, or the MySQL URL without credentials). */
  identity: string;
}

export interface Endpoint {
  host: string;
  port: number;
  username: string;
  password: string;
  database: string;
}

export function mysqlEndpoint(url: string): Endpoint {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.replace(/^\//, ''),
  };
}

/** `sqlite:./data/x.sqlite` → absolute path (its folder created); `sqlite::memory:` stays in memory. */
function sqliteStorage(url: string): string {
  const path = url.slice('sqlite:'.length);
  if (path === ':memory:' || path === '') return ':memory:';
  const file = resolve(path);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

export function dialectOf(url: string): Dialect {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('mysql:')) return 'mysql';
  throw new Error(`DB_URL must start with sqlite: or mysql:, not "${url.split(':')[0]}:"`);
}

/** Connects to the database at `url`, with reads sent to `readUrls` (replicas of the same dialect) when given. */
export async function connect(url: string, readUrls: readonly string[] = []): Promise<Database> {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite' && readUrls.length > 0)
    throw new Error('DB_READ_URLS (read replicas) needs a MySQL DB_URL; embedded SQLite has no replicas');
  const common: Options = { logging: false, define: { underscored: true, timestamps: false } };
  let sequelize: Sequelize;
  if (dialect === 'sqlite') {
    sequelize = new Sequelize({ ...common, dialect, storage: sqliteStorage(url) });
    // Writers take turns in-process (services/store.ts), so the driver's 1 s busy timeout is never reached
    // by our own writes; Sequelize turns foreign keys on for every SQLite connection it opens.
  } else {
    const write = mysqlEndpoint(url);
    const mysqlOptions: Options = {
      ...common,
      dialect,
      dialectOptions: { charset: 'utf8mb4', dateStrings: true, typeCast: true },
      define: { ...common.define, charset: 'utf8mb4', collate: 'utf8mb4_unicode_ci' },
      pool: { max: 10, min: 0, idle: 10_000 },
    };
    sequelize =
      readUrls.length > 0
        ? new Sequelize(write.database, write.username, write.password, {
            ...mysqlOptions,
            replication: { write, read: readUrls.map(mysqlEndpoint) },
          })
        : new Sequelize(write.database, write.username, write.password, {
            ...mysqlOptions,
            host: write.host,
            port: write.port,
          });
  }
  await sequelize.authenticate();
  if (dialect === 'sqlite' && sqliteStorage(url) !== ':memory:')
    await sequelize.query('PRAGMA journal_mode = WAL');
  const identity = dialect === 'sqlite' ? sqliteStorage(url) : new URL(url).host + new URL(url).pathname;
  return { sequelize, dialect, identity };
}

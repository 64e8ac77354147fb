import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { PdfPrinter } from '@oneseal/runtime';
import type { Options } from 'sequelize';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../app';
import type { ApiConfig } from '../config';
import type { Notifier } from '../services/notifier';
import { RATE_LIMIT_KINDS, readConfig } from '../config';
import { openStore } from '../server';
import { DEMO_PASSWORD } from '../services/seedDatabase';
import type { Store } from '../services/store';

declare module 'sequelize' {
  /**
   * Sequelize 6 keeps the options it was opened with on the instance and reads them for every query and connection
   * (the tests swap the logger and the SQLite open mode there); its typings leave the property out.
   */
  interface Sequelize {
    options: Options;
  }
}

export interface TestApp {
  store: Store;
  printer: PdfPrinter;
  app: ReturnType<typeof createApp>;
  api: TestAgent;
  /** A bearer header for a seeded user. */
  as(username: string): Promise<{ Authorization: string }>;
  close(): Promise<void>;
}

/**
 * An empty database of its own: a temporary SQLite file, or — when DB_URL names a MySQL/MariaDB server — a
 * database created for this test file and dropped by `cleanup`, so test files never share state.
 */
export async function createTestDatabase(): Promise<{ dbUrl: string; cleanup: () => Promise<void> }> {
  const server = process.env.DB_URL;
  if (server?.startsWith('mysql:')) {
    const name = `oneseal_t_${randomBytes(6).toString('hex')}`;
    const url = new URL(server);
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
      async cleanup() {
        await admin.query(`DROP DATABASE \`${name}\``);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'oneseal-api-'));
  return {
    dbUrl: `sqlite:${join(dir, 'test.sqlite')}`,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A seeded OneSeal on its own database (createTestDatabase). PDFs are printed by Chromium unless another
 * `printer` is given (and messages to people go to the log unless a `notifier` is); `configure` changes the configuration read from an empty environment (the defaults).
 */
export async function createTestApp(
  options: { printer?: PdfPrinter; configure?: (config: ApiConfig) => ApiConfig; notifier?: Notifier } = {},
): Promise<TestApp> {
  const configure = options.configure ?? ((config: ApiConfig) => config);
  const { dbUrl, cleanup } = await createTestDatabase();
  const config = configure({ ...readConfig({}), dbUrl, loadSeeds: true });
  const store = await openStore(config);
  const printer = options.printer ?? new PdfPrinter();
  const app = createApp(store, config, 'test-secret', printer, options.notifier);
  const httpServer = app.callback();
  const api = request(httpServer);
  const tokens = new Map<string, string>();
  return {
    store,
    printer,
    app,
    api,
    async as(username) {
      if (!tokens.has(username)) {
        const res = await api.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
        if (res.status !== 200)
          throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
        tokens.set(username, res.body.token as string);
      }
      return { Authorization: `Bearer ${tokens.get(username)}` };
    },
    async close() {
      await printer.close();
      await store.sequelize.close();
      await cleanup();
    },
  };
}

/**
 * For a test that is one address sending a crowd's requests on purpose: every per-address limit raised out of
 * its way (still counted, so the limiters' own writes run under the same load).
 */
export const raisedRateLimits = (config: ApiConfig): ApiConfig => ({
  ...config,
  rateLimits: Object.fromEntries(
    RATE_LIMIT_KINDS.map((kind) => [kind, { points: 1_000_000, seconds: 60 }]),
  ) as ApiConfig['rateLimits'],
});

/** Which database the suite runs on, for test names. */
export const DB_LABEL = process.env.DB_URL?.startsWith('mysql:') ? 'mysql' : 'sqlite';

/** The SQL statements that `requests` make the store issue, read from Sequelize's query log. */
export async function queriesOf(store: Store, requests: () => Promise<unknown>): Promise<string[]> {
  const sequelize = store.sequelize;
  const previous = sequelize.options.logging;
  const statements: string[] = [];
  sequelize.options.logging = (sql: string) => void statements.push(sql);
  try {
    await requests();
  } finally {
    sequelize.options.logging = previous;
  }
  return statements;
}

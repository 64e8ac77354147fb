import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import type { Connection } from 'mysql2/promise';
import { QueryTypes } from 'sequelize';
import type { Options } from 'sequelize';
import request from 'supertest';
import type { Response } from 'supertest';
import { OPEN_READONLY } from 'sqlite3';
import type { Database as SqliteConnection } from 'sqlite3';
import { createApp } from '../app';
import { readConfig } from '../config';
import { openStore } from '../server';
import { DEMO_PASSWORD } from '../services/seedDatabase';
import type { StorageFault } from '../services/storageFaults';
import { OBSERVATION_MS } from '../services/storageFaults';
import type { Store } from '../services/store';
import { homesteadData } from './homesteadApplication';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL, raisedRateLimits } from './testApp';

/**
 * Issue 10, finding 6: a read-only database (even a correct login failed) and a full one answered generic 500s
 * while /api/health said ok. Now a refused write answers 503 naming the cause, health reports
 * `{ status: 'degraded', writable: false }`, reads and sign-ins go on, writes resume by themselves once the
 * fault clears, and no accepted application is lost.
 *
 * The faults are real ones, raised by the database itself: on SQLite, a database opened read-only and a
 * database that may not grow (PRAGMA max_page_count, per connection); on MariaDB, the API's user loses its
 * write grants (SET GLOBAL read_only would not bind a root connection, and FLUSH TABLES WITH READ LOCK blocks
 * instead of failing). A full disk on MariaDB is not reproduced here; its error numbers are classified like the
 * others (storageFault).
 */

const YANGSHUO = '450321100';
const HOMESTEAD = '0117302000';

interface Fault {
  cause: StorageFault;
  /** Opens the store the API under test runs on. */
  open(t: TestApp): Promise<Store>;
  inject(): Promise<void>;
  clear(): Promise<void>;
  close(): Promise<void>;
}

type Connecting = { getConnection(options?: object): Promise<SqliteConnection> };
const sqliteRun = (connection: SqliteConnection, sql: string) =>
  new Promise<void>((resolve, reject) => connection.run(sql, (error) => (error ? reject(error) : resolve())));

/** SQLite opens each transaction's connection afresh: the fault is set on every connection it opens. */
function sqliteConnectionHook(store: Store, onConnect: (connection: SqliteConnection) => Promise<void>) {
  const manager = store.sequelize.connectionManager as unknown as Connecting;
  const original = manager.getConnection.bind(manager);
  manager.getConnection = async (options) => {
    const connection = await original(options);
    await onConnect(connection);
    return connection;
  };
}

function sqliteFull(): Fault {
  let store: Store;
  let maxPages: number | undefined;
  return {
    cause: 'full',
    async open(t) {
      store = t.store;
      sqliteConnectionHook(store, async (connection) => {
        // 1073741823 is SQLite's default: the fault cleared, every connection may grow the file again.
        await sqliteRun(connection, `PRAGMA max_page_count = ${maxPages ?? 1073741823}`);
      });
      return store;
    },
    async inject() {
      const [pages] = await store.sequelize.query<{ page_count: number }>('PRAGMA page_count', {
        type: QueryTypes.SELECT,
      });
      maxPages = pages!.page_count;
    },
    async clear() {
      maxPages = undefined;
    },
    async close() {},
  };
}

function sqliteReadOnly(): Fault {
  let options: Options;
  return {
    cause: 'read-only',
    async open(t) {
      options = t.store.sequelize.options;
      return t.store;
    },
    async inject() {
      // Sequelize reads the open mode for every connection it opens: from now on the file is opened read-only.
      options.dialectOptions = { mode: OPEN_READONLY };
    },
    async clear() {
      options.dialectOptions = {};
    },
    async close() {},
  };
}

/** The API connects as a user of its own; the fault takes its write grants away, table by table. */
function mysqlReadOnly(): Fault {
  let admin: Connection;
  let store: Store;
  let tables: string[] = [];
  let database = '';
  const user = `oneseal_ro_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  // Table privileges bind a connection's next statement.
  const grantWrites = (verb: 'GRANT' | 'REVOKE') =>
    Promise.all(
      tables.map((table) =>
        admin.query(
          `${verb} INSERT, UPDATE, DELETE ON \`${database}\`.\`${table}\` ${verb === 'GRANT' ? 'TO' : 'FROM'} ?@'%'`,
          [user],
        ),
      ),
    );
  return {
    cause: 'read-only',
    async open(t) {
      const config = t.store.sequelize.config;
      database = config.database;
      admin = await createConnection({
        host: config.host,
        port: Number(config.port),
        user: config.username,
        password: config.password ?? '',
        database,
      });
      await admin.query(`CREATE USER ?@'%' IDENTIFIED BY ?`, [user, password]);
      const [rows] = await admin.query('SHOW TABLES');
      tables = (rows as Record<string, string>[]).map((r) => Object.values(r)[0]!);
      // Table by table: a user granted on `oneseal\_%`.* (as in CI) may grant on tables, not on the database.
      for (const table of tables)
        await admin.query(
          `GRANT SELECT${table === 'schema_migrations' ? ', CREATE' : ''} ON \`${database}\`.\`${table}\` TO ?@'%'`,
          [user],
        );
      await grantWrites('GRANT');
      store = await openStore({
        ...readConfig({}),
        dbUrl: `mysql://${user}:${password}@${config.host}:${config.port}/${database}`,
        loadSeeds: false,
      });
      return store;
    },
    inject: () => grantWrites('REVOKE').then(() => undefined),
    clear: () => grantWrites('GRANT').then(() => undefined),
    async close() {
      await store?.sequelize.close();
      await admin.query(`DROP USER ?@'%'`, [user]);
      await admin.end();
    },
  };
}

const FAULTS: Record<string, () => Fault> =
  DB_LABEL === 'mysql'
    ? { 'write grants revoked': mysqlReadOnly }
    : { 'database full (max_page_count)': sqliteFull, 'database opened read-only': sqliteReadOnly };

describe.each(Object.entries(FAULTS))(`storage fault: %s (${DB_LABEL})`, (_name, makeFault) => {
  const fault = makeFault();
  let t: TestApp;
  let api: ReturnType<typeof request>;
  const accepted: { reference: string; queryCode: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ configure: raisedRateLimits });
    const store = await fault.open(t);
    api = request(
      createApp(store, raisedRateLimits({ ...readConfig({}) }), 'test-secret', t.printer).callback(),
    );
  });
  afterAll(async () => {
    await fault.close();
    await t.close();
  });

  const apply = () =>
    api.post('/api/public/submissions').send({ region: YANGSHUO, items: [HOMESTEAD], data: homesteadData() });
  const keep = (res: Response) => {
    if (res.status === 201) accepted.push(res.body as { reference: string; queryCode: string });
    return res;
  };

  it('takes applications and reports a writable database before the fault', async () => {
    expect((await keep(await apply())).status).toBe(201);
    expect((await api.get('/api/health')).body).toMatchObject({ status: 'ok', writable: true });
  });

  it(`answers 503 storage-${fault.cause} with a zh message naming the cause once the database refuses`, async () => {
    await fault.inject();
    // A full database may still fit a row or two into pages it has; every answer is 201 or the 503, never 500.
    const answers: Response[] = [];
    for (let i = 0; i < 40 && answers.at(-1)?.status !== 503; i++) answers.push(keep(await apply()));
    expect(answers.filter((r) => r.status !== 201 && r.status !== 503)).toEqual([]);
    const refused = answers.at(-1)!;
    expect(refused.status).toBe(503);
    expect(refused.body).toEqual({
      error: {
        code: `storage-${fault.cause}`,
        message: expect.stringContaining(fault.cause === 'full' ? '存储空间已满' : '只读'),
        details: [],
      },
    });
    expect(refused.headers['retry-after']).toBe('60');
  });

  it('refuses an editor’s save that needs room the same way', async () => {
    const editor = await t.as('editor-450321100');
    const path = `/api/townships/${YANGSHUO}/items/${HOMESTEAD}`;
    const draft = await api.get(path).set(editor);
    expect(draft.status).toBe(200);
    const saved = await api
      .put(path)
      .set(editor)
      .set('If-Match', `"${draft.body.revision}"`)
      // A thousand characters more: the row cannot stay in the space it had.
      .send({ ...draft.body.implementation, hours: '周一至周五上午九时至下午五时办理。'.repeat(60) });
    expect({ status: saved.status, code: saved.body.error?.code }).toEqual({
      status: 503,
      code: `storage-${fault.cause}`,
    });
  });

  it('reports { status: degraded, writable: false } on /api/health, also when no write has failed lately', async () => {
    const first = await api.get('/api/health');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'degraded', writable: false, cause: fault.cause });
    expect(first.body.message).toMatch(/[\u4e00-\u9fff]/);
    // Past the last write's observation, health tries a write of its own.
    await new Promise((wait) => setTimeout(wait, OBSERVATION_MS + 100));
    expect((await api.get('/api/health')).body).toMatchObject({ status: 'degraded', writable: false });
  });

  it('keeps reads, documents and sign-ins working', async () => {
    expect((await api.get(`/api/public/regions/${YANGSHUO}/items/${HOMESTEAD}`)).status).toBe(200);
    // A guide not printed before is rendered and served, though it cannot be kept.
    const guide = await api.get(`/api/public/regions/${YANGSHUO}/items/${HOMESTEAD}/guide.html`);
    expect(guide.status).toBe(200);
    const { reference, queryCode } = accepted[0]!;
    const mine = await api.get(`/api/public/submissions/${reference}`).query({ code: queryCode });
    expect(mine.status).toBe(200);
    const login = await api
      .post('/api/auth/login')
      .send({ username: 'reviewer-450321', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
  });

  it('writes again by itself once the fault clears, and health says so', async () => {
    await fault.clear();
    expect((await keep(await apply())).status).toBe(201);
    expect((await api.get('/api/health')).body).toMatchObject({ status: 'ok', writable: true });
  });

  it('has every application it accepted, numbered without a gap, and nothing it refused', async () => {
    const stored = await t.store.models.Submission.findAll({
      attributes: ['reference'],
      order: [['reference', 'ASC']],
    });
    expect(stored.map((s) => s.reference)).toEqual(accepted.map((a) => a.reference).sort());
    const sequences = stored.map((s) => Number(s.reference.slice(-4)));
    expect(sequences).toEqual(sequences.map((_, i) => i + 1));
  });
});

import { createApp } from '../app';
import { readConfig } from '../config';
import { connect } from '../db/connect';
import { openStore, tokenSecret } from '../server';
import { DEMO_PASSWORD } from '../services/seedDatabase';
import type { Store } from '../services/store';
import { PdfPrinter } from '@oneseal/runtime';
import { loadSeedCatalogue } from '@oneseal/seeds';
import { createConnection } from 'mysql2/promise';
import type { Connection, RowDataPacket } from 'mysql2/promise';
import request from 'supertest';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

const seeds = loadSeedCatalogue();

let t: TestApp;
let second: Store;
beforeAll(async () => {
  t = await createTestApp();
  // A second instance: its own connection pool on the same database, as behind a load balancer.
  second = await openStore({ ...readConfig({}), dbUrl: dbUrlOf(t.store), loadSeeds: true });
});
afterAll(async () => {
  await second.sequelize.close();
  await t.close();
});

function dbUrlOf(store: Store): string {
  const c = store.sequelize.config;
  return store.dialect === 'sqlite'
    ? `sqlite:${store.sequelize.options.storage}`
    : `mysql://${c.username}:${c.password ?? ''}@${c.host}:${c.port}/${c.database}`;
}

/** The rows of the tables the seeds fill. */
async function seedCounts(store: Store) {
  const m = store.models;
  return {
    Region: await m.Region.count(),
    Material: await m.Material.count(),
    DataElement: await m.DataElement.count(),
    BaseItem: await m.BaseItem.count(),
    Implementation: await m.Implementation.count(),
    PublishedItem: await m.PublishedItem.count(),
    Bundle: await m.Bundle.count(),
  };
}

describe(`several instances on one database (${DB_LABEL})`, () => {
  it('share the generated token secret, so a token from one works on the other', async () => {
    const [a, b] = [await tokenSecret(t.store), await tokenSecret(second)];
    expect(a).toBe(b);
    const config = readConfig({});
    const one = request(createApp(t.store, config, a, new PdfPrinter()).callback());
    const two = request(createApp(second, config, b, new PdfPrinter()).callback());
    const login = await one.post('/api/auth/login').send({ username: 'admin', password: DEMO_PASSWORD });
    const me = await two.get('/api/auth/me').set('Authorization', `Bearer ${login.body.token}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
  });

  it(
    DB_LABEL === 'mysql'
      ? 'share the login lock: failures on one instance lock the user and address on the other'
      : 'keep the login lock of the one embedded instance in its memory',
    async () => {
      const config = readConfig({});
      const one = request(createApp(t.store, config, 's', new PdfPrinter()).callback());
      const two = request(createApp(second, config, 's', new PdfPrinter()).callback());
      for (let i = 0; i < 5; i++)
        expect(
          (await one.post('/api/auth/login').send({ username: 'reviewer-450321', password: 'wrong' })).status,
        ).toBe(401);
      const elsewhere = await two
        .post('/api/auth/login')
        .send({ username: 'reviewer-450321', password: DEMO_PASSWORD });
      if (DB_LABEL === 'sqlite') {
        expect(elsewhere.status).toBe(200);
        return;
      }
      expect(elsewhere.status).toBe(429);
      expect(Number(elsewhere.headers['retry-after'])).toBeGreaterThan(0);
    },
  );

  it('do not load the seeds twice: each seed row is there once, and an edit survives another instance starting', async () => {
    // The seed files' own counts, not the code that loads them: a second load would double or overwrite them.
    const expected = {
      Region: seeds.regions.length,
      Material: seeds.materials.length,
      DataElement: seeds.dataElements.length,
      BaseItem: seeds.baseItems.length,
      Implementation: seeds.implementations.length,
      PublishedItem: seeds.implementations.filter((i) => i.status === 'published').length,
      Bundle: seeds.bundles.length,
    };
    // Two instances have started on this database (the app's and `second`).
    expect(await seedCounts(t.store)).toEqual(expected);

    const [material] = seeds.materials;
    const renamed = `${material!.name}（已改名）`;
    await t.store.models.Material.update({ name: renamed }, { where: { code: material!.code } });
    const third = await openStore({ ...readConfig({}), dbUrl: dbUrlOf(t.store), loadSeeds: true });
    try {
      expect(await seedCounts(t.store)).toEqual(expected);
      expect((await third.models.Material.findByPk(material!.code))!.name).toBe(renamed);
    } finally {
      await third.sequelize.close();
    }
  });
});

describe(`read replicas (${DB_LABEL})`, () => {
  if (DB_LABEL === 'sqlite') {
    it('are refused on SQLite with a clear message', async () => {
      const url = dbUrlOf(t.store);
      await expect(connect(url, [url])).rejects.toThrow(/DB_READ_URLS.*MySQL/);
    });
    return;
  }

  /*
   * This machine has one MariaDB server and no replication. The "replica" is a second database filled by copying
   * the primary's tables once, then made to differ in one region's name. Covered: an instance given DB_READ_URLS
   * reads from the replica and writes to DB_URL, and a write does not reach the replica. Not covered: replication
   * itself, its lag (a read right after a write sees the replica's older row, as it would under lag), or a
   * replica going away.
   */
  let admin: Connection;
  let primary: string;
  let replica: string;
  beforeAll(async () => {
    const c = t.store.sequelize.config;
    primary = c.database;
    replica = `${primary}_replica`;
    admin = await createConnection({
      host: c.host,
      port: Number(c.port),
      user: c.username,
      password: c.password ?? '',
    });
    await admin.query(`CREATE DATABASE \`${replica}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [tables] = await admin.query<RowDataPacket[]>(`SHOW TABLES FROM \`${primary}\``);
    for (const row of tables) {
      const table = String(Object.values(row)[0]);
      await admin.query(`CREATE TABLE \`${replica}\`.\`${table}\` LIKE \`${primary}\`.\`${table}\``);
      await admin.query(`INSERT INTO \`${replica}\`.\`${table}\` SELECT * FROM \`${primary}\`.\`${table}\``);
    }
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS \`${replica}\``);
    await admin.end();
  });

  const nameIn = async (database: string, code: string) => {
    const [rows] = await admin.query<RowDataPacket[]>(
      `SELECT name FROM \`${database}\`.regions WHERE code = ?`,
      [code],
    );
    return rows[0]?.name as string | undefined;
  };

  it('send reads to DB_READ_URLS and writes to DB_URL', async () => {
    const code = '450321100';
    const seeded = (await nameIn(primary, code))!;
    await admin.query(`UPDATE \`${replica}\`.regions SET name = ? WHERE code = ?`, [
      `${seeded}（副本）`,
      code,
    ]);
    const url = dbUrlOf(t.store);
    const store = await openStore({
      ...readConfig({}),
      dbUrl: url,
      dbReadUrls: [url.replace(new RegExp(`/${primary}$`), `/${replica}`)],
      loadSeeds: false,
    });
    try {
      expect((await store.models.Region.findByPk(code))!.name).toBe(`${seeded}（副本）`);
      await store.models.Region.update({ name: `${seeded}（主库）` }, { where: { code } });
      expect(await nameIn(primary, code)).toBe(`${seeded}（主库）`);
      expect(await nameIn(replica, code)).toBe(`${seeded}（副本）`);
      expect((await store.models.Region.findByPk(code))!.name).toBe(`${seeded}（副本）`);
    } finally {
      await store.sequelize.close();
      await admin.query(`UPDATE \`${primary}\`.regions SET name = ? WHERE code = ?`, [seeded, code]);
    }
  });
});

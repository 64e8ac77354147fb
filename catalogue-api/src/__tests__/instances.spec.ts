import { createApp } from '../app';
import { readConfig } from '../config';
import { connect } from '../db/connect';
import { openStore, tokenSecret } from '../server';
import { DEMO_PASSWORD } from '../services/seedDatabase';
import type { Store } from '../services/store';
import { PdfPrinter } from '@oneseal/runtime';
import request from 'supertest';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

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
    ? `sqlite:${(store.sequelize.options as { storage: string }).storage}`
    : `mysql://${c.username}:${c.password ?? ''}@${c.host}:${c.port}/${c.database}`;
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

  it('do not load the seeds twice', async () => {
    expect(await second.models.Region.count()).toBe(await t.store.models.Region.count());
  });
});

describe(`read replicas (${DB_LABEL})`, () => {
  it(
    DB_LABEL === 'mysql'
      ? 'send reads to DB_READ_URLS and writes to DB_URL'
      : 'are refused on SQLite with a clear message',
    async () => {
      const url = dbUrlOf(t.store);
      if (DB_LABEL === 'sqlite') {
        await expect(connect(url, [url])).rejects.toThrow(/DB_READ_URLS.*MySQL/);
        return;
      }
      // This machine has one server, so the "replica" is the primary itself: the point is that replication is wired.
      const db = await connect(url, [url]);
      const [rows] = await db.sequelize.query('SELECT COUNT(*) AS n FROM regions');
      expect(Number((rows as { n: number }[])[0]!.n)).toBe(await t.store.models.Region.count());
      await db.sequelize.close();
    },
  );
});

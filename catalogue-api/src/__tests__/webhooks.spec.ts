import { createHmac } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChangeEntry } from '@oneseal/schemas';
import { readConfig } from '../config';
import { openStore } from '../server';
import type { Store } from '../services/store';
import type { DispatcherOptions } from '../services/webhookDispatcher';
import { WebhookDispatcher } from '../services/webhookDispatcher';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

const YANGSHUO = '450321100';
const SECRET = 'a-receiver-secret-of-32-characters';
// Short waits, so the test sees several retries: 100 ms, 200 ms, 400 ms …
const FAST: DispatcherOptions = {
  intervalMs: 20,
  baseDelayMs: 100,
  maxDelayMs: 2000,
  timeoutMs: 2000,
  batch: 20,
};

interface Delivery {
  eventId: string;
  attempt: number;
  signature: string;
  body: string;
  at: number;
}

/** A receiver that records every request; while `failing` it answers 503 (and records the attempt too). */
class Receiver {
  readonly deliveries: Delivery[] = [];
  readonly refused: Delivery[] = [];
  failing = false;
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const delivery: Delivery = {
          eventId: String(req.headers['x-oneseal-event']),
          attempt: Number(req.headers['x-oneseal-delivery-attempt']),
          signature: String(req.headers['x-oneseal-signature']),
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        };
        (this.failing ? this.refused : this.deliveries).push(delivery);
        res.statusCode = this.failing ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((ready) => this.server.listen(0, '127.0.0.1', ready));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

let t: TestApp;
let dbUrl: string;
const receiver = new Receiver();
let url: string;
beforeAll(async () => {
  t = await createTestApp({
    configure: (config) => {
      dbUrl = config.dbUrl;
      return config;
    },
  });
  url = await receiver.start();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

/** Withdraws one more of 阳朔镇's published items: one feed event. */
let withdrawn = 0;
async function oneEvent(): Promise<void> {
  const editor = await t.as(`editor-${YANGSHUO}`);
  const list = await t.api.get(`/api/townships/${YANGSHUO}/items`).set(editor);
  const item = (list.body as { itemCode: string; status: string }[]).filter(
    (r) => r.status === 'published',
  )[0]!;
  const res = await t.api
    .post(`/api/townships/${YANGSHUO}/items/${item.itemCode}/withdraw`)
    .set(editor)
    .send({ reason: `暂停受理（测试 ${++withdrawn}）` });
  expect(res.status).toBe(200);
}

const undelivered = (store: Store) => store.models.Outbox.count({ where: { deliveredAt: null } });

async function until(condition: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe(`webhook subscriptions (${DB_LABEL})`, () => {
  it('are the city admin’s to manage, audited, and never show the secret', async () => {
    const admin = await t.as('admin');
    const created = await t.api.post('/api/admin/webhooks').set(admin).send({ url, secret: SECRET });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url,
      regionCode: null,
      active: true,
      pending: 0,
      createdBy: 'admin',
    });
    expect(JSON.stringify(created.body)).not.toContain(SECRET);
    const listed = await t.api.get('/api/admin/webhooks').set(admin);
    expect(listed.body).toEqual([created.body]);
    const audit = await t.api.get('/api/audit').query({ entityType: 'webhook' }).set(admin);
    expect(audit.body[0]).toMatchObject({ action: 'create', entityKey: String(created.body.id) });
    expect(JSON.stringify(audit.body)).not.toContain(SECRET);

    for (const user of ['admin-450321', 'editor-450321100'])
      expect((await t.api.get('/api/admin/webhooks').set(await t.as(user))).status).toBe(403);
    const short = await t.api.post('/api/admin/webhooks').set(admin).send({ url, secret: 'short' });
    expect(short.status).toBe(422);
    expect(short.body.error.details[0].path).toBe('/secret');
    const local = await t.api
      .post('/api/admin/webhooks')
      .set(admin)
      .send({ url: 'file:///etc/passwd', secret: SECRET });
    expect(local.status).toBe(422);
  });

  it('delivers each event once, signed with the subscription’s secret', async () => {
    await oneEvent();
    expect(await undelivered(t.store)).toBe(1);
    const dispatcher = new WebhookDispatcher(t.store, FAST);
    expect(await dispatcher.runOnce()).toBe(1);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(receiver.deliveries).toHaveLength(1);
    const [delivery] = receiver.deliveries;
    const expected = `sha256=${createHmac('sha256', SECRET).update(delivery!.body).digest('hex')}`;
    expect(delivery!.signature).toBe(expected);
    const entry = JSON.parse(delivery!.body) as ChangeEntry;
    expect(entry).toMatchObject({ eventId: delivery!.eventId, kind: 'withdraw', regionCode: YANGSHUO });
    expect(entry.reason).toBe('暂停受理（测试 1）');
    // The body is the entry the public feed shows.
    const feed = await t.api.get('/api/public/changes').query({ region: YANGSHUO, limit: '1' });
    expect(feed.body.entries[0]).toEqual(entry);
    expect(await undelivered(t.store)).toBe(0);
  });

  it('retries a failing receiver with exponential backoff, then delivers once', async () => {
    receiver.failing = true;
    receiver.refused.length = 0;
    await oneEvent();
    const dispatcher = new WebhookDispatcher(t.store, FAST).start();
    await until(async () => receiver.refused.length >= 4);
    receiver.failing = false;
    await until(async () => (await undelivered(t.store)) === 0);
    await dispatcher.stop();
    const attempts = receiver.refused.map((d) => d.attempt);
    expect(attempts.slice(0, 4)).toEqual([1, 2, 3, 4]);
    // Waits of at least 100, 200 and 400 ms between the attempts.
    const gaps = receiver.refused.slice(1, 4).map((d, i) => d.at - receiver.refused[i]!.at);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(FAST.baseDelayMs * 2 ** i - 5));
    const eventId = receiver.refused[0]!.eventId;
    expect(receiver.deliveries.filter((d) => d.eventId === eventId)).toHaveLength(1);
    const row = await t.store.models.Outbox.findOne({ where: { eventId } });
    expect(row!.attempts).toBe(receiver.refused.length + 1);
    expect(row!.lastError).toBeNull();
  });

  it('delivers every event exactly once across a restart, from the outbox rows alone', async () => {
    receiver.deliveries.length = 0;
    receiver.failing = true;
    // Three events while the receiver is down; the first server tries them, then stops.
    for (let i = 0; i < 3; i++) await oneEvent();
    const first = new WebhookDispatcher(t.store, FAST).start();
    await until(async () => receiver.refused.length >= 3);
    await first.stop();
    receiver.failing = false;
    // A second server on the same database: a new connection, no memory of the first.
    const store = await openStore({ ...readConfig({}), dbUrl, loadSeeds: false });
    try {
      const second = new WebhookDispatcher(store, FAST).start();
      await oneEvent(); // and one more after the restart
      await until(async () => (await undelivered(store)) === 0);
      await second.stop();
    } finally {
      await store.sequelize.close();
    }
    const ids = receiver.deliveries.map((d) => d.eventId);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it('sends each event once when two dispatchers share the database', async () => {
    receiver.deliveries.length = 0;
    for (let i = 0; i < 5; i++) await oneEvent();
    const store = await openStore({ ...readConfig({}), dbUrl, loadSeeds: false });
    try {
      const dispatchers = [new WebhookDispatcher(t.store, FAST), new WebhookDispatcher(store, FAST)];
      await Promise.all(dispatchers.map((d) => d.start()));
      await until(async () => (await undelivered(t.store)) === 0);
      await Promise.all(dispatchers.map((d) => d.stop()));
    } finally {
      await store.sequelize.close();
    }
    const ids = receiver.deliveries.map((d) => d.eventId);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
  });

  it('only queues events of the subscription’s region', async () => {
    const admin = await t.as('admin');
    const created = await t.api
      .post('/api/admin/webhooks')
      .set(admin)
      .send({ url, secret: SECRET, regionCode: '450323' });
    const before = await t.store.models.Outbox.count({ where: { webhookId: created.body.id } });
    await oneEvent(); // 阳朔镇 lies in 阳朔县, not in 灵川县 450323
    expect(await t.store.models.Outbox.count({ where: { webhookId: created.body.id } })).toBe(before);
    const removed = await t.api.delete(`/api/admin/webhooks/${created.body.id}`).set(admin);
    expect(removed.status).toBe(200);
    expect((await t.api.get('/api/admin/webhooks').set(admin)).body).toHaveLength(1);
  });
});

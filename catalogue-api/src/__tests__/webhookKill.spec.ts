import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase } from './testApp';

// A real server process killed with SIGKILL right after a withdrawal: the event's outbox row was committed with
// the withdrawal, so the next server delivers it — exactly once, since the receiver refused every earlier try.
const BIN = join(__dirname, '..', '..', 'bin', 'oneseal.js');
const YANGSHUO = '450321100';

let dbUrl: string;
let cleanup: () => Promise<void>;
let receiver: Server;
let failing = true;
const delivered: string[] = [];

beforeAll(async () => {
  ({ dbUrl, cleanup } = await createTestDatabase());
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (!failing) delivered.push(String(req.headers['x-oneseal-event']));
      res.statusCode = failing ? 503 : 200;
      res.end();
    });
  });
  await new Promise<void>((ready) => receiver.listen(0, '127.0.0.1', ready));
});
afterAll(async () => {
  await new Promise((closed) => receiver.close(closed));
  await cleanup();
});

async function serve(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { ...process.env, DB_URL: dbUrl, PORT: String(port), LOAD_SEEDS: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('已启动') && ready());
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
  return child;
}

async function call(port: number, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}/api${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const login = async (port: number, username: string) =>
  (await call(port, 'POST', '/auth/login', undefined, { username, password: 'oneseal-demo' })).body
    .token as string;

async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('delivers an event committed just before a kill -9, once, from the next server', async () => {
  const port = 38000 + Math.floor(Math.random() * 1000);
  const first = await serve(port);
  const admin = await login(port, 'admin');
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  expect(
    (await call(port, 'POST', '/admin/webhooks', admin, { url, secret: 'kill-nine-test-secret' })).status,
  ).toBe(201);
  const editor = await login(port, `editor-${YANGSHUO}`);
  const withdrawn = await call(port, 'POST', `/townships/${YANGSHUO}/items/0520004000/withdraw`, editor, {
    reason: '暂停受理',
  });
  expect(withdrawn.status).toBe(200);
  first.kill('SIGKILL');
  await new Promise((exited) => first.once('exit', exited));

  failing = false;
  const second = await serve(port);
  try {
    // Tried by the first server (refused) or not at all; the second waits out the backoff and delivers.
    await until(() => delivered.length > 0, 30_000);
    await new Promise((r) => setTimeout(r, 1500)); // a second delivery would come within the next rounds
    expect(delivered).toHaveLength(1);
    const feed = await call(port, 'GET', `/public/changes?region=${YANGSHUO}&limit=1`);
    expect((feed.body.entries as { eventId: string }[])[0]!.eventId).toBe(delivered[0]);
  } finally {
    second.kill('SIGTERM');
    await new Promise((exited) => second.once('exit', exited));
  }
}, 120_000);

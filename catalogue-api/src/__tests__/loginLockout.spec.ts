import { request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD } from '../services/seedDatabase';
import { delaySeconds, LOCK_AFTER_FAILURES, LOCK_SECONDS } from '../services/loginLockout';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/**
 * Issue 10, finding 4: five wrong passwords from anywhere locked `admin` for 15 minutes, right password or not —
 * anyone could lock anyone out. Now wrong passwords lock the (user, address) pair they came from and slow down
 * further failing addresses; the real user at an address that has not failed signs in at once.
 *
 * The requests come from real loopback source addresses (127.0.0.1, 127.0.0.2, …), not from forged headers.
 */

const USER = 'reviewer-450321';
let t: TestApp;
let server: Server;
let port = 0;

beforeAll(async () => {
  t = await createTestApp();
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((ready) => server.once('listening', ready));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  await t.close();
});

interface Answer {
  status: number;
  retryAfter?: number;
  body: { token?: string; error?: { code: string; message: string } };
}

/** POST /api/auth/login from the loopback address `from`. */
function signIn(from: string, password: string, username = USER): Promise<Answer> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        localAddress: from,
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            retryAfter: res.headers['retry-after'] ? Number(res.headers['retry-after']) : undefined,
            body: JSON.parse(text) as Answer['body'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function wrongPasswords(from: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await signIn(from, `guess-${i}`)).status);
  return statuses;
}

describe(`login lockout per user and address (${DB_LABEL})`, () => {
  it(`locks the attacking address out of the user after ${LOCK_AFTER_FAILURES} wrong passwords, even with the right one`, async () => {
    expect(await wrongPasswords('127.0.0.2', LOCK_AFTER_FAILURES)).toEqual(
      Array.from({ length: LOCK_AFTER_FAILURES }, () => 401),
    );
    const locked = await signIn('127.0.0.2', DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toMatchObject({
      code: 'too-many-requests',
      message: expect.stringMatching(/^该账号在此地址登录失败次数过多，请 \d+ 分钟后再试$/),
    });
    expect(locked.retryAfter).toBeGreaterThan(LOCK_SECONDS - 60);
    expect(locked.retryAfter).toBeLessThanOrEqual(LOCK_SECONDS);
  });

  it('lets the real user in from another address meanwhile', async () => {
    const real = await signIn('127.0.0.1', DEMO_PASSWORD);
    expect(real.status).toBe(200);
    expect(real.body.token).toEqual(expect.any(String));
  });

  it('makes every further failing address wait, longer the more the user is attacked', async () => {
    // The user has had LOCK_AFTER_FAILURES failures; each new one from a fresh address makes that address wait.
    const waits: number[] = [];
    for (const [i, from] of ['127.0.0.3', '127.0.0.4', '127.0.0.5'].entries()) {
      expect((await signIn(from, 'guess')).status).toBe(401);
      const retry = await signIn(from, DEMO_PASSWORD);
      expect(retry.status).toBe(429);
      expect(retry.body.error!.message).toMatch(/^登录失败次数较多，请 \d+ 秒后再试$/);
      expect(retry.retryAfter).toBeLessThanOrEqual(delaySeconds(LOCK_AFTER_FAILURES + i + 1));
      waits.push(retry.retryAfter!);
    }
    expect(waits[2]).toBeGreaterThan(waits[0]!);
    // … and still the real user's address signs in without waiting.
    expect((await signIn('127.0.0.1', DEMO_PASSWORD)).status).toBe(200);
  });

  it('starts an address afresh after the right password', async () => {
    const user = 'editor-450323101';
    const from = '127.0.0.6';
    for (let i = 0; i < LOCK_AFTER_FAILURES - 1; i++)
      expect((await signIn(from, 'wrong', user)).status).toBe(401);
    expect((await signIn(from, DEMO_PASSWORD, user)).status).toBe(200);
    // Counted on from before, this failure would be one too many; after the right password it is the first.
    expect((await signIn(from, 'wrong', user)).status).toBe(401);
    expect((await signIn(from, DEMO_PASSWORD, user)).status).toBe(200);
  });
});

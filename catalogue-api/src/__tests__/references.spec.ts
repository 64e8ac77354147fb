import type { Response } from 'supertest';
import { migrate, migrator } from '../db/migrate';
import { homesteadData } from './homesteadApplication';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL, raisedRateLimits } from './testApp';

/**
 * Issue 10, finding 2: the reference was `count + 1` read without a lock, so simultaneous applications to one
 * township took the same number and all but one answered 500 (ER_DUP_ENTRY on MySQL). A hundred applications
 * at once must all be taken, each with its own reference, numbered 1…100 without a gap.
 */

const YANGSHUO = '450321100';
const APPLICATIONS = 100;

let t: TestApp;
beforeAll(async () => {
  // The limits protect the public server from one address; this test is that one address, on purpose.
  t = await createTestApp({ configure: raisedRateLimits });
});
afterAll(() => t.close());

describe(`${APPLICATIONS} concurrent applications to one township (${DB_LABEL})`, () => {
  let responses: Response[];

  beforeAll(async () => {
    // Every request is started before any answer comes back; the database sees them on concurrent connections.
    responses = await Promise.all(
      Array.from({ length: APPLICATIONS }, () =>
        t.api
          .post('/api/public/submissions')
          .send({ region: YANGSHUO, items: ['0117302000'], data: homesteadData() }),
      ),
    );
  }, 120_000);

  it(`answers ${APPLICATIONS} × 201`, () => {
    const statuses = responses.map((r) => (r.status === 201 ? 201 : `${r.status} ${r.body?.error?.code}`));
    expect(statuses).toEqual(responses.map(() => 201));
  });

  it(`gives ${APPLICATIONS} distinct references numbered 1…${APPLICATIONS} of today`, () => {
    const references = responses.map((r) => r.body.reference as string);
    expect(new Set(references).size).toBe(APPLICATIONS);
    const prefix = references[0]!.slice(0, -4);
    expect(prefix).toMatch(new RegExp(`^${YANGSHUO}-\\d{8}-$`));
    const sequences = references.map((r) => Number(r.slice(prefix.length))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: APPLICATIONS }, (_, i) => i + 1));
  });

  it('stores every application it answered 201 for', async () => {
    const stored = await t.store.models.Submission.findAll({ attributes: ['reference'] });
    expect(stored.map((s) => s.reference).sort()).toEqual(
      responses.map((r) => r.body.reference as string).sort(),
    );
  });
});

describe(`upgrading a database that already holds today's applications (${DB_LABEL})`, () => {
  it('numbers the next application after the last reference issued before the upgrade', async () => {
    const issued = await t.store.models.Submission.count();
    expect(issued).toBeGreaterThan(0);
    // The counters taken away (0003 reverted alone: 0008, the model's version 2, has no way back) and made
    // again, as an upgrade makes them, from the stored references.
    await migrator(t.store).down({ migrations: ['0003-submission-references'] });
    await migrate(t.store);
    const res = await t.api
      .post('/api/public/submissions')
      .send({ region: YANGSHUO, items: ['0117302000'], data: homesteadData() });
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(new RegExp(`-${String(issued + 1).padStart(4, '0')}$`));
  });
});

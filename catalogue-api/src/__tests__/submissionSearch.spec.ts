import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import { migrate, migrator } from '../db/migrate';
import { parseSubmissionSearch } from '../services/submissions';
import { applicant, building } from './homesteadApplication';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

// Staff find an application by reference, applicant name or mobile number, and see when it is due.

const YANGSHUO = '450321100';
const homestead = resolveSeedItems(loadSeedCatalogue()).find(
  (i) => i.regionCode === YANGSHUO && i.code === '0117302000',
)!;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const people = [
  { applicantName: '莫桂芳', mobile: '13907731234' },
  { applicantName: '莫小军', mobile: '13907735678' },
  { applicantName: '黄丽', mobile: '13800000001' },
];

describe(`searching a township's applications (${DB_LABEL})`, () => {
  const references: string[] = [];
  const list = async (query: Record<string, string>) => {
    const res = await t.api
      .get(`/api/townships/${YANGSHUO}/submissions`)
      .query(query)
      .set(await t.as('editor-450321100'));
    expect(res.status).toBe(200);
    return res.body as { reference: string; applicantName?: string; timeLimit?: Record<string, unknown> }[];
  };
  const names = async (q: string) => (await list({ q })).map((s) => s.applicantName).sort();

  beforeAll(async () => {
    for (const person of people) {
      const res = await t.api.post('/api/public/submissions').send({
        region: YANGSHUO,
        items: [homestead.code],
        data: { ...applicant, ...person, item_0117302000: building },
      });
      expect(res.status).toBe(201);
      references.push(res.body.reference);
    }
  });

  it('finds by the start of the name, the whole name, and the mobile number', async () => {
    expect(await names('莫')).toEqual(['莫小军', '莫桂芳']);
    expect(await names('莫桂芳')).toEqual(['莫桂芳']);
    expect(await names(' 黄 丽 ')).toEqual(['黄丽']);
    expect(await names('13907735678')).toEqual(['莫小军']);
    expect(await names('李')).toEqual([]);
    // % and _ are letters here, not patterns.
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
  });

  it('finds by the whole reference or its date-and-number part', async () => {
    const [first, second] = references as [string, string];
    expect((await list({ q: second })).map((s) => s.reference)).toEqual([second]);
    expect((await list({ q: first.slice(YANGSHUO.length + 1) })).map((s) => s.reference)).toEqual([first]);
    const day = first.slice(YANGSHUO.length + 1, YANGSHUO.length + 9);
    expect((await list({ q: day })).length).toBe(3);
  });

  it('finds nothing of another township, and refuses an over-long search with the parameter named', async () => {
    const other = await t.api
      .get('/api/townships/450323101/submissions')
      .query({ q: '莫' })
      .set(await t.as('editor-450323101'));
    expect(other.body).toEqual([]);
    const long = await t.api
      .get(`/api/townships/${YANGSHUO}/submissions`)
      .query({ q: '莫'.repeat(41) })
      .set(await t.as('editor-450321100'));
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.error.details)).toContain('q');
  });

  it('states the promised limit before acceptance and the date due after it, in working days', async () => {
    const editor = await t.as('editor-450321100');
    const [first] = references as [string];
    const promised = `${homestead.promisedLimit!.value}个工作日`;
    const before = (await list({ q: first }))[0]!;
    expect(before.timeLimit).toEqual({ promised });
    await t.api
      .post(`/api/townships/${YANGSHUO}/submissions/${first}/status`)
      .set(editor)
      .send({ status: 'accepted' })
      .expect(200);
    const after = (await list({ q: first }))[0]!.timeLimit as { due: string; overdue: boolean };
    expect(after).toMatchObject({ promised, overdue: false });
    // Accepted today: at least the promised number of days ahead (weekends and holidays only add to it).
    const today = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
    const days =
      (Date.parse(`${after.due}T00:00:00Z`) -
        Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())) /
      86_400_000;
    expect(days).toBeGreaterThanOrEqual(homestead.promisedLimit!.value!);
    expect(days).toBeLessThanOrEqual(homestead.promisedLimit!.value! * 2 + 10);
  });
});

describe(`upgrading a database that already holds applications (${DB_LABEL})`, () => {
  it('copies the names and mobile numbers of the applications made before into the searched columns', async () => {
    // 0010 reverted alone and run again, as an upgrade runs it over applications made without the columns.
    await migrator(t.store).down({ migrations: ['0011-submission-search'] });
    await migrate(t.store);
    const res = await t.api
      .get(`/api/townships/${YANGSHUO}/submissions`)
      .query({ q: '13907735678' })
      .set(await t.as('editor-450321100'));
    expect(res.body.map((s: { applicantName: string }) => s.applicantName)).toEqual(['莫小军']);
    const named = await t.api
      .get(`/api/townships/${YANGSHUO}/submissions`)
      .query({ q: '莫' })
      .set(await t.as('editor-450321100'));
    expect(named.body).toHaveLength(2);
  });
});

describe('reading what staff typed', () => {
  it.each([
    ['450321100-20261203-0001', { reference: '450321100-20261203-0001' }],
    ['20261203-0001', { referencePrefix: '450321100-20261203-0001' }],
    ['20261203', { referencePrefix: '450321100-20261203' }],
    ['13907731234', { mobile: '13907731234' }],
    ['莫 桂芳', { namePrefix: '莫桂芳' }],
    ['   ', undefined],
  ])('%s', (typed, search) => {
    expect(parseSubmissionSearch(YANGSHUO, typed)).toEqual(search);
  });
});

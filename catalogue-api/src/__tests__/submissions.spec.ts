import { QUERY_CODE_PATTERN } from '@oneseal/runtime';
import { loadSeedCatalogue, resolveSeedItems } from '@oneseal/seeds';
import { PHONE_GUESSES_PER_REFERENCE } from '../services/rateLimits';
import { applicant, building } from './homesteadApplication';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

const YANGSHUO = '450321100';
const items = resolveSeedItems(loadSeedCatalogue()).filter((i) => i.regionCode === YANGSHUO);
const homestead = items.find((i) => i.code === '0117302000')!;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe(`submissions (${DB_LABEL})`, () => {
  let reference = '';

  it('takes a valid application and answers a reference of township, date and sequence', async () => {
    const res = await t.api
      .post('/api/public/submissions')
      .send({ region: YANGSHUO, items: [homestead.code], data: { ...applicant, item_0117302000: building } });
    expect(res.status).toBe(201);
    expect(res.body.reference).toMatch(new RegExp(`^${YANGSHUO}-\\d{8}-0001$`));
    reference = res.body.reference;
    const row = await t.store.models.Submission.findByPk(reference);
    expect(row!.items).toEqual([
      {
        code: homestead.code,
        name: homestead.name,
        version: homestead.version,
        baseVersion: homestead.baseVersion,
      },
    ]);
  });

  it('numbers the next application of the day after it', async () => {
    const res = await t.api
      .post('/api/public/submissions')
      .send({ region: YANGSHUO, items: [homestead.code], data: { ...applicant, item_0117302000: building } });
    expect(res.body.reference).toBe(reference.replace(/0001$/, '0002'));
  });

  it('refuses an invalid ID number and a missing conditional field with paths and zh messages', async () => {
    const res = await t.api.post('/api/public/submissions').send({
      region: YANGSHUO,
      items: [homestead.code],
      data: {
        ...applicant,
        idNumber: '450321197003120021',
        item_0117302000: { ...building, buildType: 'rebuild' },
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { path: '/data/idNumber', message: '不是有效的公民身份号码' },
        { path: '/data/item_0117302000/originalLandCertificate', message: '必须填写' },
      ]),
    );
  });

  it('asks fields bound to a data element once for several items, never per item', async () => {
    const others = items
      .filter(
        (i) => i.code !== homestead.code && JSON.stringify(i.form).includes('"x-data-element":"idNumber"'),
      )
      .slice(0, 2);
    const chosen = [homestead, ...others];
    const res = await t.api.post('/api/public/submissions').send({
      region: YANGSHUO,
      items: chosen.map((i) => i.code),
      data: { ...applicant, item_0117302000: building },
    });
    // The other items still have questions of their own: the answer lists what is missing, shared fields at the top.
    expect(res.status).toBe(422);
    const paths = res.body.error.details.map((d: { path: string }) => d.path) as string[];
    expect(paths).not.toContain('/data/idNumber');
    const elements = loadSeedCatalogue().dataElements.map((d) => d.code);
    const perItem = paths.filter(
      (p) => /^\/data\/item_\d+\//.test(p) && elements.includes(p.split('/').pop()!),
    );
    expect(perItem).toEqual([]);
  });

  it('refuses items the township has not published', async () => {
    const res = await t.api
      .post('/api/public/submissions')
      .send({ region: '450302003', items: [homestead.code], data: applicant });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].message).toContain('未在该乡镇发布');
  });

  it('lets the applicant follow it with reference and phone, and tells nothing to a wrong phone', async () => {
    const ok = await t.api.get(`/api/public/submissions/${reference}`).query({ phone: applicant.mobile });
    expect(ok.body).toMatchObject({ reference, status: 'submitted', statusLabel: '已提交', masked: true });
    // The answers come back for the applicant to see, identity and contact numbers masked.
    expect(ok.body.data.applicantName).toBe(applicant.applicantName);
    expect(ok.body.data.idNumber).toBe(`450${'*'.repeat(11)}${applicant.idNumber.slice(-4)}`);
    expect(ok.body.data.mobile).toBe(`139****${applicant.mobile.slice(-4)}`);
    expect(
      (await t.api.get(`/api/public/submissions/${reference}`).query({ phone: '13800000000' })).status,
    ).toBe(404);
  });

  it('gives a 查询码 that opens the full application and its documents, and keeps only its hash', async () => {
    const res = await t.api
      .post('/api/public/submissions')
      .send({ region: YANGSHUO, items: [homestead.code], data: { ...applicant, item_0117302000: building } });
    const { reference: ref, queryCode } = res.body as { reference: string; queryCode: string };
    expect(queryCode).toMatch(new RegExp(QUERY_CODE_PATTERN));
    const row = await t.store.models.Submission.findByPk(ref);
    expect(row!.queryCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row!.toJSON())).not.toContain(queryCode);

    // Typed in lower case on another device: the whole application, nothing masked.
    const full = await t.api.get(`/api/public/submissions/${ref}`).query({ code: queryCode.toLowerCase() });
    expect(full.status).toBe(200);
    expect(full.headers['cache-control']).toBe('private, no-store');
    expect(full.body).toMatchObject({ reference: ref, status: 'submitted', masked: false });
    expect(full.body.data.idNumber).toBe(applicant.idNumber);
    expect(full.body.data.mobile).toBe(applicant.mobile);

    const application = await t.api
      .get(`/api/public/submissions/${ref}/application.html`)
      .query({ code: queryCode });
    expect(application.status).toBe(200);
    expect(application.headers['cache-control']).toBe('private, no-store');
    // The whole identity number is on the applicant's own copy, with the 查询码 to find it again.
    expect(application.text).toContain(applicant.idNumber);
    expect(application.text).toContain(ref);
    expect(application.text).toContain(`${queryCode.slice(0, 5)}-${queryCode.slice(5)}`);
    expect(application.text).toContain(building.siteLocation);
    const notice = await t.api.get(`/api/public/submissions/${ref}/notice.html`).query({ code: queryCode });
    for (const m of homestead.materials) expect(notice.text).toContain(m.name);
    expect(notice.text).toContain(`${queryCode.slice(0, 5)}-${queryCode.slice(5)}`);
  });

  it('tells nothing to a wrong or another application’s 查询码, and wants exactly one of code and phone', async () => {
    const send = () =>
      t.api.post('/api/public/submissions').send({
        region: YANGSHUO,
        items: [homestead.code],
        data: { ...applicant, item_0117302000: building },
      });
    const mine = (await send()).body as { reference: string; queryCode: string };
    const other = (await send()).body as { reference: string; queryCode: string };
    for (const code of [other.queryCode, 'ABCDEFGHJK']) {
      const lookUp = await t.api.get(`/api/public/submissions/${mine.reference}`).query({ code });
      expect(lookUp.status).toBe(404);
      expect(lookUp.body.error.message).toBe('没有找到该办件，请核对受理编号和查询码');
      const doc = await t.api
        .get(`/api/public/submissions/${mine.reference}/application.html`)
        .query({ code });
      expect(doc.status).toBe(404);
    }
    // Applications made before 查询码 existed have none: no code opens them.
    await t.store.models.Submission.update(
      { queryCodeHash: null },
      { where: { reference: other.reference } },
    );
    expect(
      (await t.api.get(`/api/public/submissions/${other.reference}`).query({ code: other.queryCode })).status,
    ).toBe(404);
    const path = `/api/public/submissions/${mine.reference}`;
    expect((await t.api.get(`${path}/application.html`)).status).toBe(400);
    expect((await t.api.get(`${path}/application.html`).query({ code: '0O1I' })).status).toBe(400);
    for (const query of [{}, { code: mine.queryCode, phone: applicant.mobile }]) {
      const res = await t.api.get(path).query(query);
      expect({ status: res.status, details: res.body.error.details }).toEqual({
        status: 400,
        details: [{ path: '/code', message: '查询码和手机号码须给出一个' }],
      });
    }
  });

  it(`stops phone look-ups of an application after ${PHONE_GUESSES_PER_REFERENCE} wrong numbers, the 查询码 still opening it`, async () => {
    const { reference: ref, queryCode } = (
      await t.api.post('/api/public/submissions').send({
        region: YANGSHUO,
        items: [homestead.code],
        data: { ...applicant, item_0117302000: building },
      })
    ).body as { reference: string; queryCode: string };
    const byPhone = (phone: string) => t.api.get(`/api/public/submissions/${ref}`).query({ phone });
    for (let i = 0; i < PHONE_GUESSES_PER_REFERENCE; i++)
      expect((await byPhone(`1380000${String(i).padStart(4, '0')}`)).status).toBe(404);
    expect((await byPhone('13800009999')).status).toBe(404);
    const stopped = await byPhone(applicant.mobile);
    expect(stopped.status).toBe(429);
    expect(stopped.body.error.message).toMatch(
      /^该受理编号的查询失败次数过多，请 60 分钟后再试，或凭查询码查询$/,
    );
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(3500);
    expect((await t.api.get(`/api/public/submissions/${ref}`).query({ code: queryCode })).status).toBe(200);
  });

  it('lets the township’s staff print the filled application, and no other township’s', async () => {
    const path = `/api/townships/${YANGSHUO}/submissions/${reference}/application.html`;
    const own = await t.api.get(path).set(await t.as('editor-450321100'));
    expect(own.status).toBe(200);
    expect(own.text).toContain(applicant.idNumber);
    expect((await t.api.get(path).set(await t.as('editor-450323101'))).status).toBe(403);
    expect((await t.api.get(path)).status).toBe(401);
    // Asked through another township, the reference names nothing.
    const elsewhere = `/api/townships/450323101/submissions/${reference}/notice.html`;
    expect((await t.api.get(elsewhere).set(await t.as('editor-450323101'))).status).toBe(404);
  });

  it('lets township staff accept and complete it, in order, audited', async () => {
    const editor = await t.as('editor-450321100');
    const path = `/api/townships/${YANGSHUO}/submissions/${reference}/status`;
    expect((await t.api.post(path).set(editor).send({ status: 'completed' })).status).toBe(409);
    expect(
      (await t.api.post(path).set(editor).send({ status: 'accepted', note: '材料齐全' })).body.status,
    ).toBe('accepted');
    expect((await t.api.post(path).set(editor).send({ status: 'completed' })).body.status).toBe('completed');
    const followed = await t.api
      .get(`/api/public/submissions/${reference}`)
      .query({ phone: applicant.mobile });
    expect(followed.body.history.map((h: { status: string }) => h.status)).toEqual([
      'submitted',
      'accepted',
      'completed',
    ]);
    const list = await t.api
      .get(`/api/townships/${YANGSHUO}/submissions`)
      .query({ status: 'completed' })
      .set(editor);
    expect(list.body.map((s: { reference: string }) => s.reference)).toEqual([reference]);
    const audit = await t.api
      .get('/api/audit')
      .query({ entityKey: reference })
      .set(await t.as('admin'));
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual([
      'submission-status',
      'submission-status',
    ]);
  });
});

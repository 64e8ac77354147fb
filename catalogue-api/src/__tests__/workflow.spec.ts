import type { BaseItem, ItemImplementation } from '@oneseal/schemas';
import { implementationCompleteness } from '@oneseal/schemas';
import { loadSeedCatalogue } from '@oneseal/seeds';
import { TokenSigner } from '../auth/tokens';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

const YANGSHUO = '450321100';
const DAXU = '450323101';
const HOMESTEAD = '0117302000';
const seeds = loadSeedCatalogue();
const statutory = seeds.baseItems.find((b) => b.code === HOMESTEAD)!.statutoryLimit!.value!;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const itemPath = (region: string, code: string) => `/api/townships/${region}/items/${code}`;

async function draft(region: string, code: string, user = `editor-${region}`) {
  const res = await t.api.get(itemPath(region, code)).set(await t.as(user));
  expect(res.status).toBe(200);
  return res.body as {
    revision: number;
    status: string;
    implementation: ItemImplementation;
    findings: { rule: string; severity: string }[];
    completeness?: { score: number };
  };
}

async function save(
  region: string,
  code: string,
  change: (impl: ItemImplementation) => void,
  user = `editor-${region}`,
) {
  const current = await draft(region, code, user);
  change(current.implementation);
  return t.api
    .put(itemPath(region, code))
    .set(await t.as(user))
    .set('If-Match', `"${current.revision}"`)
    .send(current.implementation);
}

describe(`an editor's day (${DB_LABEL})`, () => {
  it('refuses a promise above the statutory limit at submit, then publishes the fix after review', async () => {
    const editor = await t.as('editor-450321100');
    const reviewer = await t.as('reviewer-450321');

    const tooLong = await save(
      YANGSHUO,
      HOMESTEAD,
      (impl) => void (impl.promisedLimit = { value: statutory + 5, unit: 'workday' }),
    );
    expect(tooLong.status).toBe(200);
    expect(tooLong.body.findings.map((f: { rule: string }) => f.rule)).toContain(
      'conformance.promised-within-statutory',
    );

    const refused = await t.api.post(`${itemPath(YANGSHUO, HOMESTEAD)}/submit`).set(editor);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toContainEqual({
      path: '/promisedLimit',
      message: expect.stringContaining('超过法定办结时限'),
    });

    const fixed = await save(
      YANGSHUO,
      HOMESTEAD,
      (impl) => void (impl.promisedLimit = { value: 7, unit: 'workday' }),
    );
    expect(fixed.status).toBe(200);
    expect((await t.api.post(`${itemPath(YANGSHUO, HOMESTEAD)}/submit`).set(editor)).status).toBe(200);
    // It waits in the review queue of the county's reviewer and of the city admin; editors have none.
    const queue = async (user: string) =>
      ((await t.api.get('/api/review/items').set(await t.as(user))).body as { itemCode: string }[]).map(
        (r) => r.itemCode,
      );
    expect(await queue('reviewer-450321')).toContain(HOMESTEAD);
    expect(await queue('admin')).toContain(HOMESTEAD);
    expect((await t.api.get('/api/review/items').set(editor)).status).toBe(403);
    expect((await t.api.post(`${itemPath(YANGSHUO, HOMESTEAD)}/approve`).set(editor)).status).toBe(403);
    const approved = await t.api
      .post(`${itemPath(YANGSHUO, HOMESTEAD)}/approve`)
      .set(reviewer)
      .send({ comment: '同意' });
    expect(approved.body.status).toBe('approved');

    const before = await t.api.get(`/api/public/regions/${YANGSHUO}/items/${HOMESTEAD}`);
    const published = await t.api
      .post(`/api/townships/${YANGSHUO}/publish`)
      .set(editor)
      .send({ effectiveDate: '2026-12-01', reason: '按新规定调整办理时间' });
    expect(published.status).toBe(200);
    expect(published.body.published).toEqual([{ itemCode: HOMESTEAD, version: before.body.version + 1 }]);

    const after = await t.api.get(`/api/public/regions/${YANGSHUO}/items/${HOMESTEAD}`);
    expect(after.body.promisedLimit).toEqual({ value: 7, unit: 'workday' });
    expect(after.body).toMatchObject({
      version: before.body.version + 1,
      effectiveDate: '2026-12-01',
      status: 'published',
    });
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('keeps every version and shows the field-level difference', async () => {
    const editor = await t.as('editor-450321100');
    const versions = await t.api.get(`${itemPath(YANGSHUO, HOMESTEAD)}/versions`).set(editor);
    const numbers = versions.body.map((v: { version: number }) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const [latest, previous] = numbers as [number, number];
    const diff = await t.api
      .get(`${itemPath(YANGSHUO, HOMESTEAD)}/diff`)
      .query({ from: previous, to: latest })
      .set(editor);
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toContainEqual(
      expect.objectContaining({ path: '/promisedLimit/value', op: 'changed', after: 7 }),
    );
    const old = await t.api.get(`/api/public/regions/${YANGSHUO}/items/${HOMESTEAD}/versions/${previous}`);
    expect(old.body.promisedLimit.value).not.toBe(7);
  });

  it('audits every write with who, what, before and after, readable by admins only', async () => {
    const audit = await t.api
      .get('/api/audit')
      .query({ entityKey: `${YANGSHUO}/${HOMESTEAD}` })
      .set(await t.as('admin'));
    expect(audit.status).toBe(200);
    const actions = audit.body.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['publish', 'approve', 'submit', 'save-draft', 'save-draft']);
    const publish = audit.body[0];
    expect(publish).toMatchObject({
      username: 'editor-450321100',
      role: 'township-editor',
      regionCode: YANGSHUO,
    });
    expect(publish.after.promisedLimit).toEqual({ value: 7, unit: 'workday' });
    expect(publish.before.promisedLimit).toEqual({ value: 7, unit: 'workday' });
    expect((await t.api.get('/api/audit').set(await t.as('editor-450321100'))).status).toBe(403);
    const countyView = await t.api.get('/api/audit').set(await t.as('admin-450321'));
    expect(countyView.body.every((e: { regionCode: string }) => e.regionCode.startsWith('450321'))).toBe(
      true,
    );
  });

  it('returns a submitted item to the editor with the reviewer’s comment', async () => {
    await save(YANGSHUO, '2030008000', (impl) => void (impl.hours = '周一至周五 8:00—12:00'));
    await t.api.post(`${itemPath(YANGSHUO, '2030008000')}/submit`).set(await t.as('editor-450321100'));
    const noComment = await t.api
      .post(`${itemPath(YANGSHUO, '2030008000')}/return`)
      .set(await t.as('reviewer-450321'))
      .send({});
    expect(noComment.status).toBe(422);
    // Spaces are no opinion either: refused, the field named.
    const blank = await t.api
      .post(`${itemPath(YANGSHUO, '2030008000')}/return`)
      .set(await t.as('reviewer-450321'))
      .send({ comment: '   ' });
    expect(blank.status).toBe(422);
    expect(blank.body.error.details).toEqual([{ path: '/comment', message: '请写明需要修改的地方' }]);
    const returned = await t.api
      .post(`${itemPath(YANGSHUO, '2030008000')}/return`)
      .set(await t.as('reviewer-450321'))
      .send({ comment: '请补充下午办公时间' });
    expect(returned.body.status).toBe('draft');
    const current = await draft(YANGSHUO, '2030008000');
    expect(current).toMatchObject({ status: 'draft', reviewComment: '请补充下午办公时间' });
  });

  it('does not edit an item under review, and says why', async () => {
    await t.api.post(`${itemPath(YANGSHUO, '2030008000')}/submit`).set(await t.as('editor-450321100'));
    const res = await save(YANGSHUO, '2030008000', (impl) => void (impl.hours = '全天'));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not-editable');
  });

  it('answers 409 when there is nothing approved to publish', async () => {
    const res = await t.api
      .post(`/api/townships/${DAXU}/publish`)
      .set(await t.as('editor-450323101'))
      .send({ reason: '例行发布' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('nothing-to-publish');
  });

  it('withdraws a published item from the public list and cancels it with a date', async () => {
    const editor = await t.as('editor-450323101');
    const code = seeds.implementations.find((i) => i.regionCode === DAXU)!.baseCode;
    const reason = { reason: '该事项已划转县级办理' };
    expect(
      (
        await t.api
          .post(`${itemPath(DAXU, code)}/withdraw`)
          .set(editor)
          .send(reason)
      ).status,
    ).toBe(200);
    expect((await t.api.get(`/api/public/regions/${DAXU}/items/${code}`)).status).toBe(404);
    expect(
      (
        await t.api
          .post(`${itemPath(DAXU, code)}/cancel`)
          .set(editor)
          .send(reason)
      ).status,
    ).toBe(403);
    const cancelled = await t.api
      .post(`${itemPath(DAXU, code)}/cancel`)
      .set(await t.as('admin'))
      .send(reason);
    expect(cancelled.body.status).toBe('cancelled');
    const row = await draft(DAXU, code);
    expect(row.implementation.cancelDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('adopts a base item into a township list as a prefilled draft an editor can complete', async () => {
    const editor = await t.as('editor-450323101');
    const listed = new Set(seeds.implementations.filter((i) => i.regionCode === DAXU).map((i) => i.baseCode));
    const missing = seeds.baseItems.find((b) => !listed.has(b.code))!;
    const adopted = await t.api
      .post(`/api/townships/${DAXU}/items`)
      .set(editor)
      .send({ baseCode: missing.code });
    expect(adopted.status).toBe(201);
    // The draft states what the base item and the township's own entries state, and nothing more (issue 12).
    const sibling = seeds.implementations.find((i) => i.regionCode === DAXU)!;
    expect(adopted.body.implementation).toMatchObject({
      regionCode: DAXU,
      baseCode: missing.code,
      implementingBody: sibling.implementingBody,
      place: sibling.place,
      hours: sibling.hours,
      materials: missing.materials.map((m) => ({ material: m.material })),
    });
    for (const unstated of [
      'promisedLimit',
      'caseType',
      'visits',
      'visitReason',
      'online',
      'handlingForms',
      'inHall',
    ])
      expect(adopted.body.implementation).not.toHaveProperty(unstated);
    expect(
      (await t.api.post(`/api/townships/${DAXU}/items`).set(editor).send({ baseCode: missing.code })).status,
    ).toBe(409);
    await save(
      DAXU,
      missing.code,
      (impl) =>
        void (impl.promisedLimit = {
          value: Math.floor(missing.statutoryLimit!.value! / 2),
          unit: missing.statutoryLimit!.unit!,
        }),
      'editor-450323101',
    );
    const fresh = await draft(DAXU, missing.code, 'editor-450323101');
    expect(fresh.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe(`completeness in the API (${DB_LABEL})`, () => {
  const entry = (region: string, code: string) =>
    seeds.implementations.find((i) => i.regionCode === region && i.baseCode === code)!;
  const base = (code: string) => seeds.baseItems.find((b) => b.code === code)!;

  it('gives each item of a township list its completeness score, as the model scores it', async () => {
    const res = await t.api.get(`/api/townships/${DAXU}/items`).set(await t.as('editor-450323101'));
    expect(res.status).toBe(200);
    for (const row of res.body as { itemCode: string; completeness: number | null }[]) {
      const impl = seeds.implementations.find((i) => i.regionCode === DAXU && i.baseCode === row.itemCode);
      if (!impl) continue; // adopted by another test of this file
      expect(row.completeness).toBeCloseTo(implementationCompleteness(impl, base(row.itemCode)).score);
    }
  });

  it('gives a draft its score and the elements it leaves unstated; saving reports them again', async () => {
    // An entry no other test of this file changes (the first ones are withdrawn and cancelled above).
    const code = seeds.implementations.filter((i) => i.regionCode === DAXU)[5]!.baseCode;
    const before = await draft(DAXU, code, 'editor-450323101');
    const expected = implementationCompleteness(entry(DAXU, code), base(code));
    expect((before as unknown as { completeness: unknown }).completeness).toEqual(expected);
    const saved = await save(DAXU, code, (impl) => void delete impl.hours, 'editor-450323101');
    expect(saved.status).toBe(200);
    expect(saved.body.completeness.missing.map((m: { path: string }) => m.path)).toContain('/hours');
    expect(saved.body.completeness.score).toBeLessThan(expected.score);
    expect(saved.body.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  });
  it('keeps each list entry’s score current: saved with the draft, scored again when its base item is published', async () => {
    const editor = await t.as('editor-450323101');
    const listed = async (code: string) =>
      (
        (await t.api.get(`/api/townships/${DAXU}/items`).set(editor)).body as {
          itemCode: string;
          completeness: number;
        }[]
      ).find((row) => row.itemCode === code)!.completeness;
    const code = seeds.implementations.filter((i) => i.regionCode === DAXU)[6]!.baseCode;
    const saved = await save(DAXU, code, (impl) => void delete impl.place, 'editor-450323101');
    expect(await listed(code)).toBe(saved.body.completeness.score);

    const admin = await t.as('admin');
    const current = await t.api.get(`/api/base-items/${code}`).set(admin);
    const changed: BaseItem = { ...current.body.baseItem };
    delete changed.exerciseLevel;
    const put = await t.api
      .put(`/api/base-items/${code}`)
      .set(admin)
      .set('If-Match', current.headers.etag!)
      .send(changed);
    expect(put.status).toBe(200);
    // Saved, not yet published: entries are still scored against the published version.
    expect(await listed(code)).toBe(saved.body.completeness.score);
    expect(
      (await t.api.post(`/api/base-items/${code}/publish`).set(admin).send({ reason: '新增基本目录事项' }))
        .status,
    ).toBe(200);
    const rescored = await listed(code);
    expect(rescored).toBeLessThan(saved.body.completeness.score);
    expect(rescored).toBe((await draft(DAXU, code, 'editor-450323101')).completeness!.score);
  });
});

describe(`the base catalogue (${DB_LABEL})`, () => {
  it('lets a county admin define, change and publish its own base item with history', async () => {
    const county = await t.as('admin-450321');
    const source = seeds.baseItems.find((b) => b.code === '0520003000')!;
    const created = await t.api
      .post('/api/base-items')
      .set(county)
      .send({ ...source, code: '0529901000', name: '阳朔县困难群众临时生活救助' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ownerRegion: '450321', status: 'draft', publishedVersion: 0 });
    expect(
      (await t.api.post('/api/base-items/0529901000/publish').set(county).send({ reason: '县级调整' })).body
        .version,
    ).toBe(1);

    const current = await t.api.get('/api/base-items/0529901000').set(county);
    const changed: BaseItem = { ...current.body.baseItem, maxVisits: 0 };
    const saved = await t.api
      .put('/api/base-items/0529901000')
      .set(county)
      .set('If-Match', current.headers.etag!)
      .send(changed);
    expect(saved.status).toBe(200);
    expect(
      (
        await t.api
          .put('/api/base-items/0529901000')
          .set(county)
          .set('If-Match', current.headers.etag!)
          .send(changed)
      ).status,
    ).toBe(409);
    expect(
      (await t.api.post('/api/base-items/0529901000/publish').set(county).send({ reason: '县级调整' })).body
        .version,
    ).toBe(2);
    const diff = await t.api.get('/api/base-items/0529901000/diff').query({ from: 1, to: 2 }).set(county);
    expect(diff.body.changes).toContainEqual(
      expect.objectContaining({ path: '/maxVisits', op: 'changed', after: 0 }),
    );

    expect(
      (
        await t.api
          .put(`/api/base-items/${HOMESTEAD}`)
          .set(county)
          .set('If-Match', '1')
          .send(seeds.baseItems[0])
      ).status,
    ).toBe(403);
  });

  it('refuses an invalid base item with paths and zh messages', async () => {
    const res = await t.api
      .post('/api/base-items')
      .set(await t.as('admin'))
      .send({ ...seeds.baseItems[0], code: '0529902000', statutoryLimit: { value: -1, unit: 'week' } });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['/statutoryLimit/value', '/statutoryLimit/unit']),
    );
  });

  it('keeps the material library behind the city admin, with revisions', async () => {
    const admin = await t.as('admin');
    const material = {
      kind: 'material',
      schemaVersion: 2,
      code: 'TEST-PROOF',
      name: '测试证明',
      defaultSource: '1',
    };
    expect(
      (
        await t.api
          .post('/api/materials')
          .set(await t.as('admin-450321'))
          .send(material)
      ).status,
    ).toBe(403);
    expect((await t.api.post('/api/materials').set(admin).send(material)).status).toBe(201);
    const first = await t.api
      .put('/api/materials/TEST-PROOF')
      .set(admin)
      .set('If-Match', '1')
      .send({ ...material, name: '测试证明（新）' });
    expect(first.body.revision).toBe(2);
    expect(
      (await t.api.put('/api/materials/TEST-PROOF').set(admin).set('If-Match', '1').send(material)).status,
    ).toBe(409);
  });
});

describe(`accounts and tokens (${DB_LABEL})`, () => {
  it('creates users only inside the admin’s region', async () => {
    const county = await t.as('admin-450321');
    const user = {
      username: 'editor-450321101',
      displayName: '白沙镇编辑',
      role: 'township-editor',
      regionCode: '450321101',
      password: 'a-long-password',
    };
    expect((await t.api.post('/api/users').set(county).send(user)).status).toBe(201);
    expect(
      (
        await t.api
          .post('/api/users')
          .set(county)
          .send({ ...user, username: 'editor-450323102', regionCode: '450323102' })
      ).status,
    ).toBe(403);
    const login = await t.api
      .post('/api/auth/login')
      .send({ username: user.username, password: user.password });
    expect(login.body.user).toMatchObject({ role: 'township-editor', regionCode: '450321101' });
  });

  it('refuses an expired token and a disabled account', async () => {
    const expired = new TokenSigner('test-secret', 60).issue(
      { username: 'admin', role: 'city-admin', regionCode: '450300' },
      Date.now() - 3600_000,
    );
    expect((await t.api.get('/api/auth/me').set('Authorization', `Bearer ${expired.token}`)).status).toBe(
      401,
    );
    const headers = await t.as('editor-450323101');
    expect((await t.api.get('/api/auth/me').set(headers)).status).toBe(200);
    await t.store.models.User.update({ disabled: true }, { where: { username: 'editor-450323101' } });
    try {
      expect((await t.api.get('/api/auth/me').set(headers)).status).toBe(401);
    } finally {
      // Later suites of this file sign in as the same editor.
      await t.store.models.User.update({ disabled: false }, { where: { username: 'editor-450323101' } });
    }
  });

  it('stores passwords as scrypt hashes', async () => {
    const row = await t.store.models.User.findByPk('admin');
    expect(row!.passwordHash).toMatch(/^scrypt\$/);
    expect(row!.passwordHash).not.toContain('oneseal-demo');
  });
});

describe(`retiring a base item (${DB_LABEL})`, () => {
  it('keeps its published versions as they were, and stops townships publishing it', async () => {
    const admin = await t.as('admin');
    const code = '2030014000';
    const before = await t.store.models.BaseItemVersion.findAll({ where: { code } });
    const retired = await t.api
      .post(`/api/base-items/${code}/retire`)
      .set(admin)
      .send({ reason: '上级取消该事项' });
    expect(retired.body.status).toBe('cancelled');
    const after = await t.store.models.BaseItemVersion.findAll({ where: { code } });
    expect(after.map((v) => v.doc)).toEqual(before.map((v) => v.doc));
    const audit = await t.api.get('/api/audit').query({ entityKey: code }).set(admin);
    expect(audit.body[0]).toMatchObject({
      action: 'retire',
      before: { status: 'published' },
      after: { status: 'cancelled' },
    });

    const editor = await t.as('editor-450321100');
    await save(YANGSHUO, code, (impl) => void (impl.hours = '周一至周五'));
    const submit = await t.api.post(`${itemPath(YANGSHUO, code)}/submit`).set(editor);
    expect(submit.status).toBe(422);
    expect(submit.body.error.details).toContainEqual({
      path: '/baseCode',
      message: expect.stringContaining('已取消'),
    });
  });
});

describe(`reasons for publishing, withdrawing and cancelling (${DB_LABEL})`, () => {
  // Another 大圩镇 item than the one the withdrawal above takes off.
  const item = seeds.implementations.filter((i) => i.regionCode === DAXU)[1]!.baseCode;
  const routes = [
    ['editor-450323101', `/api/townships/${DAXU}/publish`],
    ['editor-450323101', `${itemPath(DAXU, item)}/withdraw`],
    ['admin', `${itemPath(DAXU, item)}/cancel`],
    ['admin', `/api/base-items/${HOMESTEAD}/publish`],
    ['admin', `/api/base-items/${HOMESTEAD}/retire`],
  ] as const;

  it.each(routes)(
    '%s: %s refuses a missing, blank or overlong reason with 422 naming reason',
    async (user, path) => {
      const auth = await t.as(user);
      for (const body of [{}, { reason: ' \n　' }, { reason: '理'.repeat(501) }]) {
        const res = await t.api.post(path).set(auth).send(body);
        expect(res.status).toBe(422);
        expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('/reason');
        expect(res.body.error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
      }
      // Nothing was done: the item is still where it was.
      expect((await t.api.get(`/api/public/regions/${DAXU}/items/${item}`)).status).toBe(200);
    },
  );

  it('keeps the reason in the audit log', async () => {
    const editor = await t.as('editor-450323101');
    const res = await t.api
      .post(`${itemPath(DAXU, item)}/withdraw`)
      .set(editor)
      .send({ reason: '  村民建房审批暂由县自然资源局受理  ' });
    expect(res.status).toBe(200);
    const audit = await t.api
      .get('/api/audit')
      .query({ entityKey: `${DAXU}/${item}` })
      .set(await t.as('admin'));
    expect(audit.body[0]).toMatchObject({
      action: 'withdraw',
      after: { status: 'withdrawn', reason: '村民建房审批暂由县自然资源局受理' },
    });
  });
});

import type { ItemImplementation } from '@oneseal/schemas';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/**
 * Issue 10, finding 5: `admin-450321` saved, submitted, approved and published its own draft. Whoever wrote or
 * submitted a draft can never approve it — admins included — so every published change passed a second person.
 */

const YANGSHUO = '450321100';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const itemPath = (region: string, code: string) => `/api/townships/${region}/items/${code}`;

/** A published item of the township no other case of this file uses. */
const used = new Set<string>();
async function freshItem(region: string): Promise<string> {
  const list = (await t.api.get(`/api/townships/${region}/items`).set(await t.as('admin'))).body as {
    itemCode: string;
    status: string;
  }[];
  const item = list.find((i) => i.status === 'published' && !used.has(i.itemCode))!.itemCode;
  used.add(item);
  return item;
}

async function save(region: string, code: string, user: string, hours: string) {
  const headers = await t.as(user);
  const current = (await t.api.get(itemPath(region, code)).set(headers)).body as {
    revision: number;
    implementation: ItemImplementation;
  };
  const res = await t.api
    .put(itemPath(region, code))
    .set(headers)
    .set('If-Match', `"${current.revision}"`)
    .send({ ...current.implementation, hours });
  expect(res.status).toBe(200);
}

async function step(region: string, code: string, user: string, name: 'submit' | 'approve') {
  return t.api
    .post(`${itemPath(region, code)}/${name}`)
    .set(await t.as(user))
    .send(name === 'approve' ? { comment: '同意' } : {});
}

async function status(region: string, code: string): Promise<string> {
  return (await t.api.get(itemPath(region, code)).set(await t.as('admin'))).body.status as string;
}

const approvals = (region: string, code: string) =>
  t.store.models.AuditEntry.count({ where: { action: 'approve', entityKey: `${region}/${code}` } });

function expectFourEyes(res: { status: number; body: unknown }) {
  expect({ status: res.status, body: res.body }).toEqual({
    status: 403,
    body: {
      error: {
        code: 'four-eyes',
        message: expect.stringMatching(/^提交或修改该事项的人不能审核通过/),
        details: [],
      },
    },
  });
}

describe(`four eyes on every approval (${DB_LABEL})`, () => {
  it.each([
    ['a county admin', 'admin-450321'],
    ['the city admin', 'admin'],
  ])('refuses %s approving the draft it saved and submitted, and lets the reviewer', async (_who, admin) => {
    const item = await freshItem(YANGSHUO);
    await save(YANGSHUO, item, admin, '周一至周五 8:30—17:30');
    expect((await step(YANGSHUO, item, admin, 'submit')).status).toBe(200);
    expectFourEyes(await step(YANGSHUO, item, admin, 'approve'));
    expect(await status(YANGSHUO, item)).toBe('submitted');
    expect(await approvals(YANGSHUO, item)).toBe(0);
    expect((await step(YANGSHUO, item, 'reviewer-450321', 'approve')).status).toBe(200);
    expect(await status(YANGSHUO, item)).toBe('approved');
  });

  it('refuses an admin who changed a draft that an editor then submitted', async () => {
    const item = await freshItem(YANGSHUO);
    await save(YANGSHUO, item, 'editor-450321100', '周一至周五 9:00—17:00');
    await save(YANGSHUO, item, 'admin-450321', '周一至周五 9:00—17:30');
    expect((await step(YANGSHUO, item, 'editor-450321100', 'submit')).status).toBe(200);
    expectFourEyes(await step(YANGSHUO, item, 'admin-450321', 'approve'));
    expect((await step(YANGSHUO, item, 'admin', 'approve')).status).toBe(200);
  });

  it('counts the authors since the last publication only: an earlier author may review a later change', async () => {
    const item = await freshItem(YANGSHUO);
    await save(YANGSHUO, item, 'admin-450321', '周一至周五 8:00—17:00');
    expect((await step(YANGSHUO, item, 'admin-450321', 'submit')).status).toBe(200);
    expect((await step(YANGSHUO, item, 'reviewer-450321', 'approve')).status).toBe(200);
    const editor = await t.as('editor-450321100');
    expect(
      (await t.api.post(`/api/townships/${YANGSHUO}/publish`).set(editor).send({ reason: '调整办理时间' }))
        .status,
    ).toBe(200);

    await save(YANGSHUO, item, 'editor-450321100', '周一至周五 8:00—18:00');
    expect((await step(YANGSHUO, item, 'editor-450321100', 'submit')).status).toBe(200);
    expect((await step(YANGSHUO, item, 'admin-450321', 'approve')).status).toBe(200);
  });
});

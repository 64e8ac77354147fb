/**
 * Live previews of the process editor: POST /api/preview/flowchart.svg and /api/preview/guide.html render the
 * runtime's flowchart and guide from a base item as it is being edited (unsaved), for editors and admins.
 */
import type { BaseItem, ProcessStep } from '@oneseal/schemas';
import type { Response } from 'supertest';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

const HOMESTEAD = '0117302000'; // 农村村民宅基地审批
const FLOWCHART = '/api/preview/flowchart.svg';
const GUIDE = '/api/preview/guide.html';

/** The base item as the process editor holds it: one that states its process (model v2 lets it be unstated). */
type ChartedBase = BaseItem & { process: ProcessStep[] };

let t: TestApp;
let base: ChartedBase;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.api.get(`/api/base-items/${HOMESTEAD}`).set(await t.as('admin'));
  expect(res.status).toBe(200);
  const fetched = (res.body as { baseItem: BaseItem }).baseItem;
  if (!fetched.process) throw new Error(`seed base item ${HOMESTEAD} states no process`);
  base = { ...fetched, process: fetched.process };
});
afterAll(() => t.close());

/** The base item with its process changed as an editor would, before saving. */
const edited = (change: (item: ChartedBase) => void): ChartedBase => {
  const copy = structuredClone(base);
  change(copy);
  return copy;
};

const post = async (path: string, body: unknown, user?: string) =>
  t.api
    .post(path)
    .set(user ? await t.as(user) : {})
    .send(body as object);

/** The same request, its answer read as text whatever its content type (supertest leaves SVG unparsed). */
const postForText = async (path: string, body: unknown, user: string) =>
  t.api
    .post(path)
    .set(await t.as(user))
    .send(body as object)
    .buffer(true)
    .parse((res, done) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (data += chunk));
      res.on('end', () => done(null, data));
    });

function expectInvalid(res: Response, path: string, message: RegExp) {
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({ error: { code: 'invalid', message: expect.any(String) } });
  expect((res.body as { error: { details: { path: string; message: string }[] } }).error.details).toEqual(
    expect.arrayContaining([{ path, message: expect.stringMatching(message) }]),
  );
}

describe(`POST ${FLOWCHART} (${DB_LABEL})`, () => {
  it('draws the unsaved process as an SVG naming every step, for the city admin', async () => {
    const item = edited((i) => {
      i.process[1]!.name = '窗口受理（预览中修改）';
    });
    const res = await postForText(FLOWCHART, { item }, 'admin');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(res.headers['cache-control']).toBe('no-store');
    const svg = res.body as string;
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const step of item.process) expect(svg).toContain(step.name);
    expect(svg).toContain(`${item.name} 办理流程图`);
  });

  it('answers a county admin and a township editor too; a reviewer (who does not edit) gets 403', async () => {
    for (const user of ['admin-450321', 'editor-450321100']) {
      const res = await postForText(FLOWCHART, { item: base }, user);
      expect({ user, status: res.status }).toEqual({ user, status: 200 });
    }
    const res = await post(FLOWCHART, { item: base }, 'reviewer-450321');
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('answers 401 without a token', async () => {
    const res = await post(FLOWCHART, { item: base });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('validates the body against BaseItem: 422 naming the field', async () => {
    expectInvalid(
      await post(FLOWCHART, { item: edited((i) => (i.process[1]!.name = '')) }, 'admin'),
      '/item/process/1/name',
      /字符/,
    );
    const withoutId = edited((i) => delete (i.process[0] as Partial<ProcessStep>).id);
    expectInvalid(await post(FLOWCHART, { item: withoutId }, 'admin'), '/item/process/0/id', /./);
    expectInvalid(
      await post(
        FLOWCHART,
        { item: edited((i) => (i.process[2]!.timeLimit = { value: -1, unit: 'workday' })) },
        'admin',
      ),
      '/item/process/2/timeLimit/value',
      /./,
    );
    expectInvalid(await post(FLOWCHART, {}, 'admin'), '/item', /必须填写/);
    expect((await post(FLOWCHART, { item: base, extra: 1 }, 'admin')).status).toBe(422);
  });

  it('names the step that points nowhere, or repeats an id, instead of failing to draw', async () => {
    expectInvalid(
      await post(FLOWCHART, { item: edited((i) => (i.process[2]!.next = ['nowhere'])) }, 'admin'),
      '/item/process/2/next/0',
      /nowhere.*不存在/,
    );
    expectInvalid(
      await post(FLOWCHART, { item: edited((i) => (i.process[1]!.branches![0]!.to = 'gone')) }, 'admin'),
      '/item/process/1/branches/0/to',
      /gone.*不存在/,
    );
    expectInvalid(
      await post(FLOWCHART, { item: edited((i) => (i.process[3]!.id = i.process[0]!.id)) }, 'admin'),
      '/item/process/3/id',
      /重复/,
    );
  });

  it('writes nothing: the audit log does not grow', async () => {
    const before = await t.store.models.AuditEntry.count();
    expect((await postForText(FLOWCHART, { item: base }, 'admin')).status).toBe(200);
    expect((await post(GUIDE, { item: base }, 'admin')).status).toBe(200);
    expect(await t.store.models.AuditEntry.count()).toBe(before);
  });
});

describe(`POST ${GUIDE} (${DB_LABEL})`, () => {
  it('renders the guide with its own CSP, the unsaved steps and the local elements unstated', async () => {
    const item = edited((i) => {
      i.process[0]!.name = '农户提出申请（预览）';
    });
    const res = await post(GUIDE, { item }, 'admin-450321');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    const html = res.text;
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(html).toContain('农户提出申请（预览）');
    expect(html).toContain('<svg'); // the flowchart is inside the guide
    // A township states its own place, hours and contacts; until then the guide invents none.
    expect(html).toContain('未载明');
    expect(html).not.toContain('0773');
    // The editor's region is the one named in the page header.
    expect(html).toContain('阳朔县');
    expect(html).not.toMatch(/<script/i);
  });

  it('names a material that neither the base item nor the library knows', async () => {
    const item = edited((i) => {
      i.materials[0] = { ...i.materials[0]!, material: 'NOT-IN-LIBRARY' };
      delete i.materials[0]!.name;
    });
    expectInvalid(await post(GUIDE, { item }, 'admin'), '/item/materials/0/material', /NOT-IN-LIBRARY/);
  });

  it('answers 401 without a token and 403 to a reviewer', async () => {
    expect((await post(GUIDE, { item: base })).status).toBe(401);
    expect((await post(GUIDE, { item: base }, 'reviewer-450321')).status).toBe(403);
  });
});

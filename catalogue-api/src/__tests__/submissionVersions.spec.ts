import type { BaseItem, FormField, Item, ResolvedItem } from '@oneseal/schemas';
import { applicant, building } from './homesteadApplication';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/**
 * An application is kept with the form version it was filled on. When the form changes and the township
 * publishes a new version, the old application still names and renders its own version, while new applications
 * are checked against the new form. Everything goes through the HTTP API.
 */

const YANGSHUO = '450321100';
const HOMESTEAD = '0117302000';
const SECTION = `item_${HOMESTEAD}`;
const OLD_TITLE = '拟用地位置（四至）';
const NEW_TITLE = '拟用地四至范围（东南西北）';
const NEW_FIELD = 'builderName';
const NEW_FIELD_TITLE = '承建乡村建筑工匠姓名';

const oldData = { ...applicant, [SECTION]: building };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const itemPath = `/api/townships/${YANGSHUO}/items/${HOMESTEAD}`;
const publicItem = async () => {
  const res = await t.api.get(`/api/public/regions/${YANGSHUO}/items/${HOMESTEAD}`);
  expect(res.status).toBe(200);
  return res.body as ResolvedItem;
};
const submit = (data: Record<string, unknown>) =>
  t.api.post('/api/public/submissions').send({ region: YANGSHUO, items: [HOMESTEAD], data });
/** The applicant's view of an application (by reference and phone). */
const lookUp = async (reference: string) => {
  const res = await t.api.get(`/api/public/submissions/${reference}`).query({ phone: applicant.mobile });
  expect(res.status).toBe(200);
  return res;
};
const applicationHtml = (reference: string, code: string) =>
  t.api.get(`/api/public/submissions/${reference}/application.html`).query({ code });

/** The building section of a homestead form (the fields every change here touches). */
const buildingFields = (form: Item['form']) => {
  if (!form) throw new Error('the item states no form');
  return form.properties.building!.properties!;
};

describe(`an application keeps the form version it was filled on (${DB_LABEL})`, () => {
  let reference = '';
  let queryCode = '';
  let oldVersion = 0;
  let newVersion = 0;

  it('takes an application on the published form', async () => {
    const before = await publicItem();
    oldVersion = before.version;
    expect(buildingFields(before.form).siteLocation!.title).toBe(OLD_TITLE);
    expect(buildingFields(before.form)[NEW_FIELD]).toBeUndefined();

    const res = await submit(oldData);
    expect(res.status).toBe(201);
    ({ reference, queryCode } = res.body as { reference: string; queryCode: string });
    expect(reference).toMatch(new RegExp(`^${YANGSHUO}-\\d{8}-\\d{4}$`));
    expect(queryCode).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect((await lookUp(reference)).body.items[0].version).toBe(oldVersion);
  });

  it('lets the city admin change the base form and publish it', async () => {
    const admin = await t.as('admin');
    const current = await t.api.get(`/api/base-items/${HOMESTEAD}`).set(admin);
    expect(current.status).toBe(200);
    const baseItem = current.body.baseItem as BaseItem;
    const oldBaseVersion = current.body.publishedVersion as number;
    const fields = buildingFields(baseItem.form);
    expect(fields.siteLocation!.title).toBe(OLD_TITLE);
    fields.siteLocation!.title = NEW_TITLE;
    const builder: FormField = {
      type: 'string',
      title: NEW_FIELD_TITLE,
      required: true,
      maxLength: 20,
      'x-component': 'text',
    };
    fields[NEW_FIELD] = builder;

    const saved = await t.api
      .put(`/api/base-items/${HOMESTEAD}`)
      .set(admin)
      .set('If-Match', current.headers.etag!)
      .send(baseItem);
    expect(saved.status).toBe(200);
    expect(saved.body.status).toBe('draft');
    // The same revision a second time is stale: If-Match is honoured.
    const stale = await t.api
      .put(`/api/base-items/${HOMESTEAD}`)
      .set(admin)
      .set('If-Match', current.headers.etag!)
      .send(baseItem);
    expect(stale.status).toBe(409);

    const published = await t.api
      .post(`/api/base-items/${HOMESTEAD}/publish`)
      .set(admin)
      .send({ reason: '调整申请表' });
    expect(published.status).toBe(200);
    expect(published.body.version).toBe(oldBaseVersion + 1);
    // Until the township publishes, the public item and the applications are still on the old form.
    expect((await publicItem()).version).toBe(oldVersion);
  });

  it('lets the township save, submit, have approved and publish the item on the new base form', async () => {
    const editor = await t.as(`editor-${YANGSHUO}`);
    const reviewer = await t.as('reviewer-450321');
    const draft = await t.api.get(itemPath).set(editor);
    expect(draft.status).toBe(200);
    const saved = await t.api
      .put(itemPath)
      .set(editor)
      .set('If-Match', draft.headers.etag!)
      .send(draft.body.implementation);
    expect(saved.status).toBe(200);
    expect(saved.body.status).toBe('draft');

    const submitted = await t.api.post(`${itemPath}/submit`).set(editor);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const approved = await t.api.post(`${itemPath}/approve`).set(reviewer).send({ comment: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const published = await t.api
      .post(`/api/townships/${YANGSHUO}/publish`)
      .set(editor)
      .send({ reason: '调整申请表' });
    expect(published.status).toBe(200);
    expect(published.body.published).toEqual([{ itemCode: HOMESTEAD, version: oldVersion + 1 }]);

    const after = await publicItem();
    newVersion = after.version;
    expect(newVersion).toBeGreaterThan(oldVersion);
    expect(buildingFields(after.form).siteLocation!.title).toBe(NEW_TITLE);
    expect(buildingFields(after.form)[NEW_FIELD]).toMatchObject({ title: NEW_FIELD_TITLE, required: true });
  });

  it('still names the old version when the applicant follows the old application', async () => {
    const res = await lookUp(reference);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ code: HOMESTEAD, version: oldVersion });
    expect(res.body.items[0].version).not.toBe(newVersion);
    expect(res.body.data[SECTION].siteLocation).toBe(building.siteLocation);
  });

  it('renders the old application on the old form: old title, no new field', async () => {
    const res = await applicationHtml(reference, queryCode);
    expect(res.status).toBe(200);
    expect(res.text).toContain(reference);
    expect(res.text).toContain(OLD_TITLE);
    expect(res.text).toContain(building.siteLocation);
    expect(res.text).not.toContain(NEW_TITLE);
    expect(res.text).not.toContain(NEW_FIELD_TITLE);
  });

  it('refuses a new application with the old answers, naming the new required field', async () => {
    const res = await submit(oldData);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual({
      path: `/data/${SECTION}/${NEW_FIELD}`,
      message: '必须填写',
    });
  });

  it('accepts a new application with the new field filled, on the new version', async () => {
    const res = await submit({ ...applicant, [SECTION]: { ...building, [NEW_FIELD]: '黄建国' } });
    expect(res.status).toBe(201);
    const fresh = res.body as { reference: string; queryCode: string };
    expect(fresh.reference).not.toBe(reference);
    expect((await lookUp(fresh.reference)).body.items[0]).toMatchObject({
      code: HOMESTEAD,
      version: newVersion,
    });
    const html = await applicationHtml(fresh.reference, fresh.queryCode);
    expect(html.status).toBe(200);
    expect(html.text).toContain(NEW_TITLE);
    expect(html.text).not.toContain(OLD_TITLE);
    expect(html.text).toContain(NEW_FIELD_TITLE);
    expect(html.text).toContain('黄建国');

    // And the old application has not moved.
    expect((await lookUp(reference)).body.items[0].version).toBe(oldVersion);
    expect((await applicationHtml(reference, queryCode)).text).toContain(OLD_TITLE);
  });
});

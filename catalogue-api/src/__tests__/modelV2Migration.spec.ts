import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseItem, ItemImplementation } from '@oneseal/schemas';
import { resolveItem, validateItem } from '@oneseal/schemas';
import { migrate } from '../db/migrate';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

// Version-1 documents as the seeds held them before issue 12 (a base item and 阳朔镇's entry of it).
const v1 = (file: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', 'cli', '__tests__', 'v1', file), 'utf8')) as Record<
    string,
    unknown
  >;
const base = v1('homestead-base.json');
const [impl] = v1('yangshuo-homestead.json') as unknown as Record<string, unknown>[];
if (!impl) throw new Error('yangshuo-homestead.json holds no entry');
const REGION = '450321100';
const CODE = '0117302000';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Puts version-1 rows back, as a database written before issue 12 holds them, and forgets migration 0008. */
async function writeVersion1Rows() {
  const m = t.store.models;
  const item = {
    ...resolveItem(base as unknown as BaseItem, impl as unknown as ItemImplementation, {
      regionName: '阳朔镇',
      materialName: (code) => code,
    }),
    schemaVersion: 1,
  };
  await m.BaseItem.update({ doc: base }, { where: { code: CODE } });
  await m.BaseItemVersion.update({ doc: base }, { where: { code: CODE } });
  await m.Implementation.update({ doc: impl }, { where: { regionCode: REGION, baseCode: CODE } });
  await m.ImplementationVersion.update(
    { doc: impl, item },
    { where: { regionCode: REGION, baseCode: CODE } },
  );
  await m.PublishedItem.update(
    { item: JSON.stringify(item) },
    { where: { regionCode: REGION, itemCode: CODE } },
  );
  await m.RenderedDocument.create({
    key: `${REGION}/${CODE}/1/guide.html`,
    regionCode: REGION,
    contentType: 'text/html',
    content: Buffer.from('<p>version 1</p>'),
    createdAt: new Date(),
  });
  await t.store.sequelize.query(`DELETE FROM schema_migrations WHERE name = '0008-model-v2'`);
}

describe(`migration 0008: the database upgrades to model version 2 on start (${DB_LABEL})`, () => {
  it('reads every stored version-1 document through the model’s migration and drops stale renderings', async () => {
    await writeVersion1Rows();
    await migrate(t.store);
    const m = t.store.models;
    const docs = [
      (await m.BaseItem.findByPk(CODE))!.doc,
      (await m.BaseItemVersion.findOne({ where: { code: CODE } }))!.doc,
      (await m.Implementation.findOne({ where: { regionCode: REGION, baseCode: CODE } }))!.doc,
      ...(await m.ImplementationVersion.findAll({ where: { regionCode: REGION, baseCode: CODE } })).flatMap(
        (r) => [r.doc, r.item],
      ),
      JSON.parse((await m.PublishedItem.findOne({ where: { regionCode: REGION, itemCode: CODE } }))!.item),
    ];
    for (const doc of docs) {
      expect((doc as { schemaVersion: number }).schemaVersion).toBe(2);
      expect(validateItem(doc).errors).toEqual([]);
    }
    expect(await m.RenderedDocument.count()).toBe(0);
    // The entry's two phones became two contacts with their uses; the 12345 hotline a complaint channel.
    const draft = await t.api
      .get(`/api/townships/${REGION}/items/${CODE}`)
      .set(await t.as('editor-450321100'));
    expect(draft.status).toBe(200);
    expect(draft.body.implementation.contacts).toEqual([
      { kind: 'consult', phone: (impl.contacts as { consultPhone: string }).consultPhone },
      { kind: 'complaint', phone: (impl.contacts as { complaintPhone: string }).complaintPhone },
      { kind: 'complaint', channel: '12345政务服务便民热线' },
    ]);
    const published = await t.api.get(`/api/public/regions/${REGION}/items/${CODE}`);
    expect(published.body.schemaVersion).toBe(2);
    expect((await t.api.get(`/api/public/regions/${REGION}/items/${CODE}/guide.html`)).text).toContain(
      (impl.contacts as { consultPhone: string }).consultPhone,
    );
  });

  it('runs once: a second start finds nothing to do', async () => {
    const before = await t.store.models.Implementation.findOne({
      where: { regionCode: REGION, baseCode: CODE },
    });
    await migrate(t.store);
    const after = await t.store.models.Implementation.findOne({
      where: { regionCode: REGION, baseCode: CODE },
    });
    expect(after!.revision).toBe(before!.revision);
    expect(after!.doc).toEqual(before!.doc);
  });
});

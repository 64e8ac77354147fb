import type { ItemImplementation } from '@oneseal/schemas';
import { createAjv, SCHEMA_IDS } from '@oneseal/schemas';
import type { Response } from 'supertest';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

/**
 * The national exchange over HTTP: a township's list exported in the national element set's terms, and a
 * national workbook taken by the Excel import route (the same import engine as the command line's).
 */

const isImportReport = createAjv().compile({ $ref: `${SCHEMA_IDS.results}#/$defs/ImportReport` });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YANGSHUO = '450321100'; // 阳朔镇
const DAXU = '450323101'; // 大圩镇
const EDITOR = 'editor-450321100';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function exportAs(format: string, user = EDITOR, region = YANGSHUO) {
  return (await t.api
    .get(`/api/townships/${region}/export?format=${format}`)
    .set(await t.as(user))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })) as Response & { body: Buffer };
}

describe(`GET /api/townships/{code}/export (${DB_LABEL})`, () => {
  it('answers the list with national element names, as JSON or as a workbook', async () => {
    const res = await exportAs('national-json');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`${YANGSHUO}-national.json`);
    const file = JSON.parse(res.body.toString('utf8')) as { 事项: Record<string, unknown>[] };
    const rows = await t.store.models.Implementation.count({ where: { regionCode: YANGSHUO } });
    expect(file.事项).toHaveLength(rows);
    expect(
      file.事项.every((i) => i['乡镇（街道）代码'] === YANGSHUO && typeof i['基本编码'] === 'string'),
    ).toBe(true);

    const xlsx = await exportAs('national-xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX);
  });

  it('refuses an unknown format and a township outside the user’s scope', async () => {
    const bad = await exportAs('csv');
    expect(bad.status).toBe(400);
    const error = (JSON.parse(bad.body.toString('utf8')) as { error: { details: { path: string }[] } }).error;
    expect(error.details.map((d) => d.path)).toEqual(['/format']);
    expect((await exportAs('national-json', EDITOR, DAXU)).status).toBe(403);
  });
});

describe(`POST /api/townships/{code}/items/import with a national workbook (${DB_LABEL})`, () => {
  const importAs = async (body: Buffer, region = YANGSHUO) =>
    t.api
      .post(`/api/townships/${region}/items/import`)
      .set(await t.as(EDITOR))
      .set('Content-Type', XLSX)
      .send(body);

  it('takes the township’s own national workbook back as drafts of the same documents', async () => {
    const before = (await t.store.models.Implementation.findAll({ where: { regionCode: YANGSHUO } })).map(
      (r) => r.doc as ItemImplementation,
    );
    const exported = await exportAs('national-xlsx');
    const res = await importAs(exported.body);
    expect(res.status).toBe(200);
    expect(isImportReport(res.body)).toBe(true);
    expect(res.body.written).toBe(true);
    expect(res.body.accepted).toHaveLength(before.length);
    const after = await t.store.models.Implementation.findAll({ where: { regionCode: YANGSHUO } });
    const strip = ({ status: _s, version: _v, ...rest }: ItemImplementation) => rest;
    const byCode = new Map(after.map((r) => [r.baseCode, r.doc as ItemImplementation]));
    for (const doc of before) expect(strip(byCode.get(doc.baseCode)!)).toEqual(strip(doc));
    expect(after.every((r) => r.status === 'draft' && r.updatedBy === EDITOR)).toBe(true);
  });

  it('refuses another township’s national workbook, writing nothing', async () => {
    const res = await importAs((await exportAs('national-xlsx')).body, DAXU);
    expect(res.status).toBe(403);
    const other = await t.api
      .get(`/api/townships/${DAXU}/export?format=national-xlsx`)
      .set(await t.as('admin'))
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const wrong = await importAs(other.body as Buffer);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain(`不能导入到 ${YANGSHUO} 的清单`);
  });
});

import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { ImportReport, ItemImplementation } from '@oneseal/schemas';
import { createAjv, formatTimeLimit, SCHEMA_IDS } from '@oneseal/schemas';
import { loadSeedCatalogue } from '@oneseal/seeds';
import type { Response } from 'supertest';
import { countedLimit } from './countedLimit';
import type { TestApp } from './testApp';
import { createTestApp, DB_LABEL } from './testApp';

const isImportReport = createAjv().compile({ $ref: `${SCHEMA_IDS.results}#/$defs/ImportReport` });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YANGSHUO = '450321100'; // 阳朔镇
const DAXU = '450323101'; // 灵川县大圩镇
const EDITOR = 'editor-450321100';
const EXPORT = `/api/townships/${YANGSHUO}/items.xlsx`;
const IMPORT = `/api/townships/${YANGSHUO}/items/import`;
const seeds = loadSeedCatalogue();
const statutory = (code: string) =>
  countedLimit(seeds.baseItems.find((b) => b.code === code)!.statutoryLimit);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------------------
// Helpers

type Report = ImportReport;

async function exportAs(user = EDITOR, region = YANGSHUO): Promise<Response & { body: Buffer }> {
  return (await t.api
    .get(`/api/townships/${region}/items.xlsx`)
    .set(await t.as(user))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    })) as Response & { body: Buffer };
}

async function exported(): Promise<Workbook> {
  const res = await exportAs();
  expect(res.status).toBe(200);
  const workbook = new Workbook();
  await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
  return workbook;
}

const toBuffer = async (workbook: Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

async function importAs(body: Buffer, mode?: 'all' | 'valid', user = EDITOR, region = YANGSHUO) {
  return t.api
    .post(`/api/townships/${region}/items/import${mode ? `?mode=${mode}` : ''}`)
    .set(await t.as(user))
    .set('Content-Type', XLSX)
    .send(body);
}

/** The column number of a header in row 1. */
function col(sheet: Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, n) => {
    if (cell.value === header) found = n;
  });
  if (!found) throw new Error(`no column ${header} in ${sheet.name}`);
  return found;
}

/** The row number of an item in the items sheet. */
function rowOf(sheet: Worksheet, itemCode: string): number {
  const c = col(sheet, '事项编码');
  for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getCell(r, c).value === itemCode) return r;
  throw new Error(`no row for ${itemCode}`);
}

function setCell(workbook: Workbook, itemCode: string, header: string, value: string | number | null) {
  const sheet = workbook.getWorksheet('事项')!;
  sheet.getCell(rowOf(sheet, itemCode), col(sheet, header)).value = value;
}

const cellOf = (workbook: Workbook, itemCode: string, header: string) => {
  const sheet = workbook.getWorksheet('事项')!;
  return sheet.getCell(rowOf(sheet, itemCode), col(sheet, header)).value;
};

async function list(region = YANGSHUO) {
  const res = await t.api.get(`/api/townships/${region}/items`).set(await t.as('admin'));
  expect(res.status).toBe(200);
  return res.body as { itemCode: string; name: string; status: string; revision: number }[];
}

async function draft(itemCode: string, region = YANGSHUO) {
  const res = await t.api.get(`/api/townships/${region}/items/${itemCode}`).set(await t.as('admin'));
  expect(res.status).toBe(200);
  return res.body as { revision: number; status: string; implementation: ItemImplementation };
}

/** Everything stored for the township's list, to show an import changed nothing. */
async function snapshot(region = YANGSHUO) {
  const rows = await t.store.models.Implementation.findAll({
    where: { regionCode: region },
    order: [['baseCode', 'ASC']],
  });
  return {
    rows: rows.map((r) => ({ code: r.baseCode, revision: r.revision, status: r.status, doc: r.doc })),
    audit: await t.store.models.AuditEntry.count(),
  };
}

/** Published items of 阳朔镇 no test has touched yet, so tests do not depend on each other. */
const used = new Set<string>();
async function freshItems(n: number): Promise<string[]> {
  const codes = (await list())
    .filter((i) => i.status === 'published' && !used.has(i.itemCode))
    .slice(0, n)
    .map((i) => i.itemCode);
  if (codes.length < n) throw new Error('ran out of untouched items');
  codes.forEach((c) => used.add(c));
  return codes;
}

const ZH = /[\u4e00-\u9fff]/;

// ---------------------------------------------------------------------------------------------------------
describe(`GET /api/townships/{code}/items.xlsx (${DB_LABEL})`, () => {
  it('is the whole list, one row per item in the list order, plus one row per item × material', async () => {
    await t.as(EDITOR); // signing in is not part of the timing
    const timings: number[] = [];
    let res = await exportAs();
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      res = await exportAs();
      timings.push(performance.now() - started);
    }
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="450321100-items\.xlsx"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(res.headers['content-disposition']!.split("UTF-8''")[1]!)).toMatch(
      /^阳朔镇实施清单-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    console.log(
      `export of ${YANGSHUO} (${DB_LABEL}): ${timings.map((ms) => ms.toFixed(0)).join(' / ')} ms, ${res.body.length} bytes`,
    );

    const workbook = new Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const items = workbook.getWorksheet('事项')!;
    const listed = await list();
    expect(listed).toHaveLength(42);
    expect(items.rowCount).toBe(1 + listed.length);
    const codeCol = col(items, '事项编码');
    const codes = Array.from({ length: listed.length }, (_v, i) => items.getCell(i + 2, codeCol).value);
    expect(codes).toEqual(listed.map((i) => i.itemCode));
    // Names, status and revision as the list route shows them; the revision column is clearly marked.
    const revisionCol = col(items, '修订号（系统用，请勿修改）');
    listed.forEach((item, i) => {
      expect(items.getCell(i + 2, col(items, '事项名称')).value).toBe(item.name);
      expect(items.getCell(i + 2, col(items, '状态')).value).toBe('已发布');
      expect(items.getCell(i + 2, revisionCol).value).toBe(item.revision);
      expect(items.getCell(i + 2, col(items, '乡镇（街道）代码')).value).toBe(YANGSHUO);
    });

    // Code lists by their zh labels, numbers as numbers, booleans as 是/否.
    const homestead = seeds.implementations.find(
      (i) => i.regionCode === YANGSHUO && i.baseCode === '0117302000',
    )!;
    expect(cellOf(workbook, '0117302000', '承诺办结时限')).toBe(homestead.promisedLimit!.value);
    expect(cellOf(workbook, '0117302000', '承诺时限单位')).toBe('个工作日');
    expect(cellOf(workbook, '0117302000', '权力来源')).toBe('法定本级行使');
    expect(cellOf(workbook, '0117302000', '办理形式')).toBe(
      '窗口办理、网上办理（电脑端）、网上办理（移动端）、快递申请',
    );
    expect(cellOf(workbook, '0117302000', '网上办理深度')).toBe('Ⅳ级（全程网办）');
    expect(cellOf(workbook, '0117302000', '进驻政务服务大厅')).toBe('是');
    // No phone is stated for 阳朔镇 (the seeds invent none); its 12345 hotline is a complaint channel.
    expect(cellOf(workbook, '0117302000', '咨询电话')).toBeNull();
    expect(cellOf(workbook, '0117302000', '其他投诉渠道')).toBe('12345政务服务便民热线');
    const base = seeds.baseItems.find((b) => b.code === '0117302000')!;
    expect(cellOf(workbook, '0117302000', '法定办结时限（基本目录）')).toBe(
      formatTimeLimit(base.statutoryLimit!),
    );

    // Dropdowns on code-list columns, from the hidden code sheet.
    const unit = items.getCell(2, col(items, '承诺时限单位')).dataValidation;
    expect(unit).toMatchObject({
      type: 'list',
      formulae: [expect.stringMatching(/^'代码表'!\$[A-Z]+\$2:\$[A-Z]+\$5$/)],
    });
    expect(items.getCell(2, col(items, '支持预约办理')).dataValidation).toMatchObject({ type: 'list' });
    expect(items.getCell(2, col(items, '到办事现场次数')).dataValidation).toMatchObject({ type: 'whole' });
    expect(workbook.getWorksheet('代码表')!.state).toBe('hidden');

    // Materials: one row per item × material, the effective requirement shown.
    const materials = workbook.getWorksheet('申请材料')!;
    const expected = listed.flatMap((item) =>
      seeds.implementations
        .find((i) => i.regionCode === YANGSHUO && i.baseCode === item.itemCode)!
        .materials.map((m) => [item.itemCode, m.material]),
    );
    expect(materials.rowCount).toBe(1 + expected.length);
    const rows = Array.from({ length: expected.length }, (_v, i) => [
      materials.getCell(i + 2, col(materials, '事项编码')).value,
      materials.getCell(i + 2, col(materials, '材料编码')).value,
    ]);
    expect(rows).toEqual(expected);
    const idCard = rows.findIndex(([item, m]) => item === '0117302000' && m === 'ID-CARD') + 2;
    expect(materials.getCell(idCard, col(materials, '必要性')).value).toBe('信息免交（信用后补）');
    expect(materials.getCell(idCard, col(materials, '材料名称')).value).toEqual(expect.stringMatching(ZH));
    expect(materials.getCell(idCard, col(materials, '材料形式')).dataValidation).toMatchObject({
      type: 'list',
    });
  });

  it('is open to the roles of the list route in scope; another township’s editor gets 403, no token 401', async () => {
    expect((await exportAs('reviewer-450321')).status).toBe(200);
    expect((await exportAs('admin-450321')).status).toBe(200);
    const other = await t.api.get(EXPORT).set(await t.as('editor-450323101'));
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(ZH) });
    expect((await t.api.get(EXPORT)).status).toBe(401);
  });

  it('an import of an untouched export changes nothing and writes nothing', async () => {
    const before = await snapshot();
    const res = await importAs(await toBuffer(await exported()));
    expect(res.status).toBe(200);
    const report = res.body as Report;
    expect(report).toMatchObject({ mode: 'all', accepted: [], refused: [], written: false });
    expect(report.unchanged).toHaveLength(42);
    expect(await snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe(`POST /api/townships/{code}/items/import (${DB_LABEL})`, () => {
  it('round trip: one edited cell is accepted with that change, saved as a draft and audited', async () => {
    const [code] = await freshItems(1);
    const before = await draft(code!);
    const limit = countedLimit(before.implementation.promisedLimit).value;
    const workbook = await exported();
    setCell(workbook, code!, '承诺办结时限', limit - 1);

    const res = await importAs(await toBuffer(workbook));
    expect(res.status).toBe(200);
    const report = res.body as Report;
    expect(report.written).toBe(true);
    expect(report.refused).toEqual([]);
    expect(report.unchanged).toHaveLength(41);
    expect(report.accepted).toEqual([
      {
        sheet: '事项',
        row: rowOf(workbook.getWorksheet('事项')!, code!),
        itemCode: code,
        changes: [
          {
            sheet: '事项',
            row: rowOf(workbook.getWorksheet('事项')!, code!),
            column: '承诺办结时限',
            path: '/promisedLimit/value',
            from: limit,
            to: limit - 1,
          },
        ],
        warnings: expect.any(Array),
        revision: before.revision + 1,
      },
    ]);

    const after = await draft(code!);
    expect(after.status).toBe('draft');
    expect(after.revision).toBe(before.revision + 1);
    expect(after.implementation.promisedLimit?.value).toBe(limit - 1);
    expect(after.implementation).toEqual({
      ...before.implementation,
      promisedLimit: { ...before.implementation.promisedLimit, value: limit - 1 },
      status: 'draft',
      version: before.implementation.version + 1,
    });
    const audits = await t.store.models.AuditEntry.findAll({ order: [['id', 'DESC']], limit: 2 });
    expect(audits.map((a) => [a.action, a.entityKey, a.username])).toEqual([
      ['import-excel', YANGSHUO, EDITOR],
      ['save-draft', `${YANGSHUO}/${code}`, EDITOR],
    ]);

    // The same file again: that row now equals the stored draft, so nothing is written.
    const again = await importAs(await toBuffer(workbook));
    expect(again.status).toBe(200);
    expect((again.body as Report).written).toBe(false);
    expect((again.body as Report).unchanged).toHaveLength(42);
  });

  it('contacts: a phone typed under its use becomes a contact of that use; a cleared cell removes it', async () => {
    const [code] = await freshItems(1);
    const before = await draft(code!);
    expect(before.implementation.contacts).toEqual([{ kind: 'complaint', channel: '12345政务服务便民热线' }]);
    const workbook = await exported();
    // A local number is taken as it is: 阳朔镇's area code is known and printed with it.
    setCell(workbook, code!, '咨询电话', '8865553');
    setCell(workbook, code!, '其他投诉渠道', null);
    const res = await importAs(await toBuffer(workbook));
    expect(res.status).toBe(200);
    expect((res.body as Report).accepted.map((a) => a.changes.map((c) => [c.column, c.from, c.to]))).toEqual([
      [
        ['咨询电话', null, '8865553'],
        ['其他投诉渠道', '12345政务服务便民热线', null],
      ],
    ]);
    expect((await draft(code!)).implementation.contacts).toEqual([{ kind: 'consult', phone: '8865553' }]);
  });

  it('mode=all: a broken row refuses the whole file (422 naming rows and columns) and nothing changes', async () => {
    const [tooLong, badLabel, notNumber, good] = await freshItems(4);
    const workbook = await exported();
    const sheet = workbook.getWorksheet('事项')!;
    setCell(workbook, tooLong!, '承诺办结时限', statutory(tooLong!).value + 10);
    setCell(workbook, tooLong!, '承诺时限单位', codeLabelOf(statutory(tooLong!).unit));
    setCell(workbook, badLabel!, '承诺时限单位', '个小时');
    setCell(workbook, notNumber!, '到办事现场次数', '两次');
    setCell(workbook, good!, '办理时间', '周一至周五 8:00—12:00');
    const before = await snapshot();

    const res = await importAs(await toBuffer(workbook));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({
      code: 'import-refused',
      message: expect.stringContaining('没有导入任何内容'),
      details: expect.any(Array),
    });
    const report = res.body.error.report as Report;
    // The report has the model's shape, the one the designer reads.
    expect(isImportReport(report)).toBe(true);
    expect(report.written).toBe(false);
    expect(report.accepted.map((a) => a.itemCode)).toEqual([good]);
    const refused = Object.fromEntries(report.refused.map((r) => [r.itemCode, r]));
    expect(Object.keys(refused).sort()).toEqual([tooLong, badLabel, notNumber].sort());

    expect(refused[tooLong!]).toMatchObject({ sheet: '事项', row: rowOf(sheet, tooLong!) });
    expect(refused[tooLong!]!.reasons).toEqual([
      {
        sheet: '事项',
        row: rowOf(sheet, tooLong!),
        column: '承诺办结时限',
        message: expect.stringContaining('超过法定办结时限'),
      },
    ]);
    expect(refused[badLabel!]!.reasons).toEqual([
      {
        sheet: '事项',
        row: rowOf(sheet, badLabel!),
        column: '承诺时限单位',
        message: '“个小时”不是“承诺时限单位”的可选值，应为：个工作日、个自然日、个月、年',
      },
    ]);
    expect(refused[notNumber!]!.reasons).toEqual([
      {
        sheet: '事项',
        row: rowOf(sheet, notNumber!),
        column: '到办事现场次数',
        message: '“到办事现场次数”应为整数，“两次”不是整数',
      },
    ]);
    expect(res.body.error.details).toContainEqual({
      path: `/事项/${rowOf(sheet, badLabel!)}/承诺时限单位`,
      message: expect.stringContaining('个小时'),
    });
    expect(await snapshot()).toEqual(before);

    // mode=valid writes the good row only and reports the others.
    const valid = await importAs(await toBuffer(workbook), 'valid');
    expect(valid.status).toBe(200);
    const written = valid.body as Report;
    expect(isImportReport(written)).toBe(true);
    expect(written.written).toBe(true);
    expect(written.mode).toBe('valid');
    expect(written.accepted.map((a) => a.itemCode)).toEqual([good]);
    expect(written.refused.map((r) => r.itemCode).sort()).toEqual([tooLong, badLabel, notNumber].sort());
    const after = await snapshot();
    const changed = after.rows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(before.rows[i]));
    expect(changed.map((r) => r.code)).toEqual([good]);
    expect((await draft(good!)).implementation.hours).toBe('周一至周五 8:00—12:00');
    expect(after.audit).toBe(before.audit + 2); // the draft save and the import
  });

  it('a change made since the export (stale revision) is refused; the current draft is kept', async () => {
    const [code] = await freshItems(1);
    const workbook = await exported();
    // Someone saves the item after the export.
    const current = await draft(code!);
    const put = await t.api
      .put(`/api/townships/${YANGSHUO}/items/${code}`)
      .set(await t.as('admin-450321'))
      .set('If-Match', `"${current.revision}"`)
      .send({ ...current.implementation, place: '阳朔镇政务服务中心 2 号窗口' });
    expect(put.status).toBe(200);
    setCell(workbook, code!, '办理时间', '全天');

    const before = await snapshot();
    const res = await importAs(await toBuffer(workbook), 'valid');
    expect(res.status).toBe(200);
    const report = res.body as Report;
    expect(report.written).toBe(false);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]!.itemCode).toBe(code);
    expect(report.refused[0]!.reasons).toContainEqual({
      sheet: '事项',
      row: rowOf(workbook.getWorksheet('事项')!, code!),
      column: '修订号（系统用，请勿修改）',
      message: expect.stringContaining('在导出后已被修改'),
    });
    expect(await snapshot()).toEqual(before);
    expect((await draft(code!)).implementation.place).toBe('阳朔镇政务服务中心 2 号窗口');
  });

  it('refuses unknown item codes, a row of another township and an item under review', async () => {
    const [other, review] = await freshItems(2);
    // An item in review cannot be changed.
    const current = await draft(review!);
    const admin = await t.as('admin');
    expect(
      (
        await t.api
          .put(`/api/townships/${YANGSHUO}/items/${review}`)
          .set(admin)
          .set('If-Match', `"${current.revision}"`)
          .send(current.implementation)
      ).status,
    ).toBe(200);
    expect((await t.api.post(`/api/townships/${YANGSHUO}/items/${review}/submit`).set(admin)).status).toBe(
      200,
    );

    const workbook = await exported();
    const sheet = workbook.getWorksheet('事项')!;
    setCell(workbook, other!, '乡镇（街道）代码', DAXU);
    setCell(workbook, other!, '办理地点', '大圩镇');
    setCell(workbook, review!, '办理地点', '审核中修改');
    const extra = sheet.addRow([]);
    extra.getCell(col(sheet, '事项编码')).value = 'ZZ9999';
    extra.getCell(col(sheet, '修订号（系统用，请勿修改）')).value = 1;

    const before = await snapshot();
    const res = await importAs(await toBuffer(workbook), 'valid');
    expect(res.status).toBe(200);
    const report = res.body as Report;
    expect(report.written).toBe(false);
    const reasons = Object.fromEntries(report.refused.map((r) => [r.itemCode, r.reasons]));
    expect(reasons[other!]).toEqual([
      expect.objectContaining({ column: '乡镇（街道）代码', message: expect.stringContaining(DAXU) }),
    ]);
    expect(reasons[review!]).toEqual([
      expect.objectContaining({ column: '状态', message: expect.stringContaining('待审核') }),
    ]);
    expect(reasons.ZZ9999).toEqual([
      {
        sheet: '事项',
        row: extra.number,
        column: '事项编码',
        message: expect.stringContaining('没有事项 ZZ9999'),
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown header refuses every row, naming the column', async () => {
    const workbook = await exported();
    const sheet = workbook.getWorksheet('事项')!;
    sheet.getCell(1, sheet.columnCount + 1).value = '备注';
    sheet.getCell(2, sheet.columnCount).value = '请核实';
    const before = await snapshot();
    const res = await importAs(await toBuffer(workbook));
    expect(res.status).toBe(422);
    const report = res.body.error.report as Report;
    expect(report.refused).toHaveLength(42);
    for (const r of report.refused)
      expect(r.reasons).toContainEqual({
        sheet: '事项',
        row: 1,
        column: '备注',
        message: expect.stringContaining('列“备注”无法识别'),
      });
    expect(await snapshot()).toEqual(before);
  });

  it('materials: lightening a requirement is accepted, asking for more than the base item is refused', async () => {
    const [lighter, heavier] = await freshItems(2);
    const workbook = await exported();
    const materials = workbook.getWorksheet('申请材料')!;
    const rowsOf = (code: string) => {
      const out: number[] = [];
      for (let r = 2; r <= materials.rowCount; r++)
        if (materials.getCell(r, col(materials, '事项编码')).value === code) out.push(r);
      return out;
    };
    // Lighter: the first material becomes 容缺后补, and the last is no longer asked for (row deleted).
    const [first] = rowsOf(lighter!);
    const firstCode = materials.getCell(first!, col(materials, '材料编码')).value as string;
    materials.getCell(first!, col(materials, '必要性')).value = '容缺后补';
    const before = (await draft(lighter!)).implementation.materials;
    materials.spliceRows(rowsOf(lighter!).at(-1)!, 1);
    // Heavier: 9 copies of a material.
    const heavy = rowsOf(heavier!)[0]!;
    materials.getCell(heavy, col(materials, '复印件份数')).value = 9;

    const res = await importAs(await toBuffer(workbook), 'valid');
    expect(res.status).toBe(200);
    const report = res.body as Report;
    expect(report.accepted.map((a) => a.itemCode)).toEqual([lighter]);
    expect(report.accepted[0]!.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: '申请材料',
          row: first,
          column: '必要性',
          path: '/materials/0/necessity',
          to: '3',
        }),
      ]),
    );
    const saved = (await draft(lighter!)).implementation.materials;
    expect(saved).toHaveLength(before.length - 1);
    expect(saved[0]).toEqual({ ...before[0], material: firstCode, necessity: '3' });
    expect(saved).toEqual([{ ...before[0], necessity: '3' }, ...before.slice(1, -1)]);

    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]).toMatchObject({ sheet: '事项', itemCode: heavier });
    expect(report.refused[0]!.reasons).toEqual([
      {
        sheet: '申请材料',
        row: heavy,
        column: '复印件份数',
        message: expect.stringContaining('多于基本目录'),
      },
    ]);
  });

  it('without a materials sheet materials stay as stored; an item with all its material rows gone is refused', async () => {
    const [kept, emptied] = await freshItems(2);
    const before = await draft(kept!);
    const workbook = await exported();
    setCell(workbook, kept!, '办理时间', '工作日全天');
    const withoutMaterials = new Workbook();
    await withoutMaterials.xlsx.load((await toBuffer(workbook)) as unknown as ArrayBuffer);
    withoutMaterials.removeWorksheet(withoutMaterials.getWorksheet('申请材料')!.id);

    const res = await importAs(await toBuffer(withoutMaterials));
    expect(res.status).toBe(200);
    const report = res.body as Report;
    expect(report.accepted.map((a) => [a.itemCode, a.changes.map((c) => c.path)])).toEqual([
      [kept, ['/hours']],
    ]);
    const after = await draft(kept!);
    expect(after.implementation.materials).toEqual(before.implementation.materials);
    expect(after.implementation.hours).toBe('工作日全天');

    // All the material rows of one item deleted (a filter gone wrong): refused, nothing written.
    const again = await exported();
    const materials = again.getWorksheet('申请材料')!;
    for (let r = materials.rowCount; r >= 2; r--)
      if (materials.getCell(r, col(materials, '事项编码')).value === emptied) materials.spliceRows(r, 1);
    const snap = await snapshot();
    const refused = await importAs(await toBuffer(again));
    expect(refused.status).toBe(422);
    expect((refused.body.error.report as Report).refused).toEqual([
      {
        sheet: '事项',
        row: rowOf(again.getWorksheet('事项')!, emptied!),
        itemCode: emptied,
        reasons: [
          expect.objectContaining({ column: '事项编码', message: expect.stringContaining('没有事项') }),
        ],
      },
    ]);
    expect(await snapshot()).toEqual(snap);
  });

  it('another township’s editor and a reviewer get 403, no token 401; nothing is read or written', async () => {
    const body = await toBuffer(await exported());
    const before = await snapshot();
    const other = await importAs(body, 'all', 'editor-450323101');
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(ZH) });
    expect((await importAs(body, 'all', 'reviewer-450321')).status).toBe(403);
    expect((await t.api.post(IMPORT).set('Content-Type', XLSX).send(body)).status).toBe(401);
    // The county admin of 阳朔县 may import into 阳朔镇.
    expect((await importAs(body, 'all', 'admin-450321')).status).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it('a body that is not xlsx: wrong content type → 415, bytes that are not a workbook → 400 in zh', async () => {
    const editor = await t.as(EDITOR);
    const json = await t.api.post(IMPORT).set(editor).send({ items: [] });
    expect(json.status).toBe(415);
    expect(json.body.error).toMatchObject({
      code: 'unsupported-media-type',
      message: expect.stringContaining('xlsx'),
    });
    const text = await t.api
      .post(IMPORT)
      .set(editor)
      .set('Content-Type', 'text/csv')
      .send('事项编码\n0117302000');
    expect(text.status).toBe(415);
    // And an xlsx body where JSON is due.
    const onPut = await t.api
      .put(`/api/townships/${YANGSHUO}/items/0117302000`)
      .set(editor)
      .set('If-Match', '"1"')
      .set('Content-Type', XLSX)
      .send(Buffer.from('PK'));
    expect(onPut.status).toBe(415);
    expect(onPut.body.error.message).toContain('JSON');

    for (const bytes of [
      Buffer.from('这不是 Excel 文件'),
      Buffer.from('PK\u0003\u0004 truncated'),
      (await toBuffer(await exported())).subarray(0, 3000),
    ]) {
      const res = await importAs(bytes);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({
        status: 400,
        code: 'bad-request',
      });
      expect(res.body.error.message).toMatch(/^上传的文件不是有效的 Excel 工作簿/);
    }
    const empty = await importAs(Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(ZH);

    const noSheet = new Workbook();
    noSheet.addWorksheet('Sheet1').getCell('A1').value = '事项编码';
    const wrong = await importAs(await toBuffer(noSheet));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('没有“事项”工作表');
    const bad = await importAs(Buffer.from('x'), 'sometimes' as 'all');
    expect(bad.status).toBe(400);
  });

  it('a file over 5 MB → 413', async () => {
    const res = await importAs(Buffer.alloc(5 * 1024 * 1024 + 1, 1));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'too-large', message: expect.stringContaining('5 MB') });
  });
});

function codeLabelOf(unit: string): string {
  return unit === 'workday' ? '个工作日' : '个自然日';
}

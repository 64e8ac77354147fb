import type { BaseItem, ItemImplementation, MaterialSelection } from '@oneseal/schemas';
import { Op } from 'sequelize';
import type { DataValidation, Worksheet } from 'exceljs';
import { Workbook } from 'exceljs';
import { chinaToday } from '../chinaDate';
import type { Store } from '../store';
import { listTownshipItems } from '../townshipItems';
import type { Column, Kind } from './columns';
import { ITEM_COLUMNS, MATERIAL_COLUMNS, optionsOf, SHEETS, toCell } from './columns';

/** Rows below the data that still get the dropdowns, so items typed in below the list get them too. */
const SPARE_ROWS = 200;

const HEADER_FILL = 'FFDDEBF7';
const INFO_FILL = 'FFEDEDED';

interface ExportedList {
  data: Buffer;
  filename: string;
  items: number;
  materials: number;
}

/**
 * The township's list as a workbook: one row per item (every item the list route shows, drafts and published
 * alike, in the list's order) and one row per item × material, with each item's revision so an import notices
 * a change made since.
 */
export async function exportList(store: Store, regionCode: string): Promise<ExportedList> {
  const listed = await listTownshipItems(store, regionCode);
  const rows = new Map(
    (await store.models.Implementation.findAll({ where: { regionCode } })).map((r) => [r.baseCode, r]),
  );
  const region = await store.models.Region.findByPk(regionCode);
  const materialNames = new Map(
    (await store.models.Material.findAll({ attributes: ['code', 'name'] })).map((m) => [m.code, m.name]),
  );
  const bases = await publishedBases(store, [...rows.keys()]);

  const workbook = new Workbook();
  workbook.creator = 'OneSeal 一章通';
  workbook.created = new Date();
  const items = workbook.addWorksheet(SHEETS.items, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  const materials = workbook.addWorksheet(SHEETS.materials, {
    views: [{ state: 'frozen', xSplit: 4, ySplit: 1 }],
  });
  const lists = codeSheet(workbook);
  guideSheet(workbook, region?.name ?? regionCode);
  header(items, ITEM_COLUMNS);
  header(materials, MATERIAL_COLUMNS);

  let materialRows = 0;
  for (const item of listed) {
    const row = rows.get(item.itemCode);
    if (!row) continue;
    const doc = row.doc as ItemImplementation;
    const base = bases.get(item.itemCode);
    const context = { regionCode, name: item.name, status: row.status, revision: row.revision, base };
    items.addRow(ITEM_COLUMNS.map((c) => toCell(c.kind, c.get(doc, context))));
    const standards = new Map((base?.materials ?? []).map((m) => [m.material, m]));
    for (const selection of doc.materials as MaterialSelection[]) {
      const materialContext = {
        itemCode: item.itemCode,
        itemName: item.name,
        standard: standards.get(selection.material),
        materialName: materialNames.get(selection.material),
      };
      materials.addRow(MATERIAL_COLUMNS.map((c) => toCell(c.kind, c.get(selection, materialContext))));
      materialRows++;
    }
  }
  validations(items, ITEM_COLUMNS, items.rowCount + SPARE_ROWS, lists);
  validations(materials, MATERIAL_COLUMNS, materials.rowCount + SPARE_ROWS, lists);
  for (const sheet of [items, materials])
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };

  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    data,
    filename: `${region?.name ?? regionCode}实施清单-${chinaToday()}.xlsx`,
    items: listed.length,
    materials: materialRows,
  };
}

/**
 * The latest published version of each base item, in two queries, for what the workbook shows: the statutory
 * limit, visits and material standards (a changed row is checked against `latestBase`, as saving checks).
 */
export async function publishedBases(store: Store, codes: string[]): Promise<Map<string, BaseItem>> {
  const latest = await store.models.BaseItem.findAll({
    where: { code: codes, version: { [Op.gt]: 0 } },
    attributes: ['code', 'version'],
  });
  if (latest.length === 0) return new Map();
  const versions = await store.models.BaseItemVersion.findAll({
    where: { [Op.or]: latest.map((b) => ({ code: b.code, version: b.version })) },
    attributes: ['code', 'doc'],
  });
  return new Map(versions.map((v) => [v.code, v.doc as BaseItem]));
}

/** Header row with notes; read-only columns grey; text columns formatted as text, so 0773… stays text. */
function header<T, C>(sheet: Worksheet, columns: readonly Column<T, C>[]): void {
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.kind.type === 'text' || c.kind.type === 'list' ? { numFmt: '@' } : {},
  }));
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.height = 32;
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    const readOnly = c.role === 'info' || c.role === 'township' || c.role === 'revision';
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: readOnly ? INFO_FILL : HEADER_FILL } };
    if (c.note) cell.note = c.note;
  });
}

/** Where each dropdown's labels are: the hidden code sheet, one column per list. */
type ListRanges = Map<string, string>;

const listKey = (kind: Kind) => (kind.type === 'code' ? kind.list : kind.type);

function codeSheet(workbook: Workbook): ListRanges {
  const sheet = workbook.addWorksheet(SHEETS.codes, { state: 'hidden' });
  const ranges: ListRanges = new Map();
  const kinds = [...ITEM_COLUMNS, ...MATERIAL_COLUMNS].map((c) => c.kind);
  for (const kind of kinds) {
    const key = listKey(kind);
    const options = optionsOf(kind);
    if (!options || ranges.has(key)) continue;
    const column = ranges.size + 1;
    sheet.getCell(1, column).value = key;
    options.forEach((label, i) => (sheet.getCell(i + 2, column).value = label));
    const letter = sheet.getColumn(column).letter;
    ranges.set(key, `'${SHEETS.codes}'!$${letter}$2:$${letter}$${options.length + 1}`);
  }
  return ranges;
}

function validations<T, C>(
  sheet: Worksheet,
  columns: readonly Column<T, C>[],
  lastRow: number,
  lists: ListRanges,
): void {
  const add = (sheet as unknown as { dataValidations: { add(range: string, v: DataValidation): void } })
    .dataValidations;
  columns.forEach((c, i) => {
    if (c.role === 'info' || c.role === 'township' || c.role === 'revision') return;
    const letter = sheet.getColumn(i + 1).letter;
    const range = `${letter}2:${letter}${lastRow}`;
    const list = lists.get(listKey(c.kind));
    if (list)
      add.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `请从下拉列表中选择“${c.header}”`,
      });
    else if (c.kind.type === 'integer' || c.kind.type === 'number')
      add.add(range, {
        type: c.kind.type === 'integer' ? 'whole' : 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [c.kind.min, c.kind.max],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `“${c.header}”应为 ${c.kind.min} 到 ${c.kind.max} 之间的${c.kind.type === 'integer' ? '整数' : '数字'}`,
      });
  });
}

function guideSheet(workbook: Workbook, regionName: string): void {
  const sheet = workbook.addWorksheet(SHEETS.guide);
  sheet.getColumn(1).width = 110;
  const lines = [
    `${regionName}实施清单（导出于 ${chinaToday()}）`,
    '',
    `1. “${SHEETS.items}”每行一个事项，“${SHEETS.materials}”每行一个事项收取的一种材料。`,
    '2. 灰色表头的列只读，导入时不读取；蓝色表头的列可以修改。代码表中的项目请从下拉列表中选择。',
    '3. 修改后通过“导入”上传本文件：每行按模型校验，并与基本目录比对（承诺时限不得超过法定时限、材料要求不得加重等）。',
    '4. 导入的修改保存为草稿，须经审核后发布。未修改的事项不会被保存。',
    '5. “修订号”列请勿修改：导出后若事项已被他人修改，该行不予导入，请重新导出后再改。',
    `6. 删除“${SHEETS.materials}”中的一行，即该事项不再收取这种材料；只能添加基本目录列出的材料。`,
  ];
  lines.forEach((text, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
}

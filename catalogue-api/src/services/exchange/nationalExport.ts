import type { ExchangeList, ItemImplementation, NationalRecord } from '@oneseal/schemas';
import { ELEMENTS, elementToCell, ITEM_NAME_ELEMENT, MATERIAL_ELEMENTS, toNational } from '@oneseal/schemas';
import type { Worksheet } from 'exceljs';
import { Workbook } from 'exceljs';
import { notFound } from '../../http/errors';
import type { Store } from '../store';
import { latestBase } from '../townshipItems';
import type { NationalFormat } from './nationalFormat';
import {
  EXCHANGE_SHEETS,
  FORMAT_NAME,
  FORMAT_VERSION,
  FRAME,
  LIST_NAMES,
  MATERIAL_ITEM_COLUMN,
} from './nationalFormat';
import { XLSX_TYPE } from '../excel/columns';

export interface NationalExport {
  data: Buffer;
  contentType: string;
  filename: string;
  items: number;
}

/** What is exported: a township's implementation list, or the base catalogue. */
export type ExportScope = { list: 'implementation'; regionCode: string } | { list: 'base' };

interface Collected {
  frame: Record<string, string | number>;
  records: NationalRecord[];
}

/**
 * A township's list (every entry of it, drafts and published alike, as the list shows them, in the list's
 * order), or the base catalogue (each item's latest published version, marked cancelled once retired), in the
 * national element set's terms.
 */
async function collect(store: Store, scope: ExportScope): Promise<Collected> {
  const frame: Record<string, string | number> = {
    [FRAME.format]: FORMAT_NAME,
    [FRAME.formatVersion]: FORMAT_VERSION,
    [FRAME.list]: LIST_NAMES[scope.list],
  };
  if (scope.list === 'base') {
    const rows = await store.models.BaseItem.findAll({ attributes: ['code'], order: [['code', 'ASC']] });
    const records: NationalRecord[] = [];
    for (const row of rows) {
      const base = await latestBase(store, row.code);
      if (base) records.push(toNational('base', base));
    }
    return { frame, records };
  }
  const region = await store.models.Region.findByPk(scope.regionCode);
  if (!region || region.level !== 'township')
    throw notFound({
      zh: `没有乡镇（街道）${scope.regionCode}`,
      en: `No township ${scope.regionCode}`,
    });
  frame[FRAME.regionCode] = region.code;
  frame[FRAME.regionName] = region.name;
  const rows = await store.models.Implementation.findAll({
    where: { regionCode: scope.regionCode },
    order: [
      ['sortOrder', 'ASC'],
      ['baseCode', 'ASC'],
    ],
  });
  const names = new Map(
    (
      await store.models.BaseItem.findAll({
        where: { code: rows.map((r) => r.baseCode) },
        attributes: ['code', 'name'],
      })
    ).map((b) => [b.code, b.name]),
  );
  return {
    frame,
    records: rows.map((r) =>
      toNational('implementation', r.doc as ItemImplementation, names.get(r.baseCode)),
    ),
  };
}

export async function exportNational(
  store: Store,
  scope: ExportScope,
  format: NationalFormat,
): Promise<NationalExport> {
  const { frame, records } = await collect(store, scope);
  const stem = scope.list === 'base' ? 'base-catalogue' : scope.regionCode;
  if (format === 'national-json')
    return {
      data: Buffer.from(`${JSON.stringify({ ...frame, [FRAME.items]: records }, null, 2)}\n`),
      contentType: 'application/json; charset=utf-8',
      filename: `${stem}-national.json`,
      items: records.length,
    };
  return {
    data: await workbookOf(scope.list, frame, records),
    contentType: XLSX_TYPE,
    filename: `${stem}-national.xlsx`,
    items: records.length,
  };
}

const HEADER_FILL = 'FFDDEBF7';

function header(sheet: Worksheet, names: string[]): void {
  sheet.columns = names.map((name) => ({
    header: name,
    width: Math.min(40, Math.max(10, name.length * 2 + 2)),
    style: { numFmt: '@' },
  }));
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  });
}

/**
 * The workbook: the frame on its own sheet, one row per item in “事项” (a column per element, nested
 * elements as their national JSON text), one row per item and material in “申请材料”.
 */
async function workbookOf(
  list: ExchangeList,
  frame: Record<string, string | number>,
  records: NationalRecord[],
): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'OneSeal 一章通';
  // A fixed date keeps two exports of the same catalogue byte-comparable in what they say.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const frameSheet = workbook.addWorksheet(EXCHANGE_SHEETS.frame);
  frameSheet.columns = [
    { header: '项目', width: 20 },
    { header: '值', width: 50 },
  ];
  for (const [name, value] of Object.entries(frame)) frameSheet.addRow([name, value]);

  const elements = ELEMENTS[list].filter((e) => e.key !== 'materials');
  const materialsElement = ELEMENTS[list].find((e) => e.key === 'materials')!;
  const itemNames = [
    ...(list === 'implementation' ? [ITEM_NAME_ELEMENT] : []),
    ...elements.map((e) => e.name),
  ];
  const items = workbook.addWorksheet(EXCHANGE_SHEETS.items, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  header(items, itemNames);
  const materials = workbook.addWorksheet(EXCHANGE_SHEETS.materials, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
  });
  header(materials, [MATERIAL_ITEM_COLUMN, ...MATERIAL_ELEMENTS.map((e) => e.name)]);

  for (const record of records) {
    items.addRow([
      ...(list === 'implementation' ? [(record[ITEM_NAME_ELEMENT] as string | undefined) ?? null] : []),
      ...elements.map((e) => elementToCell(e, record[e.name])),
    ]);
    for (const material of (record[materialsElement.name] ?? []) as Record<string, unknown>[])
      materials.addRow([
        record[MATERIAL_ITEM_COLUMN] as string,
        ...MATERIAL_ELEMENTS.map((e) => elementToCell(e, material[e.name])),
      ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

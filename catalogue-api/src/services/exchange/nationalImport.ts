import type {
  BaseItem,
  ExchangeList,
  ImportReason,
  ImportReport,
  ItemImplementation,
  NationalElement,
  NationalRecord,
  ValidationIssue,
} from '@oneseal/schemas';
import {
  assessImplementation,
  ELEMENTS,
  elementFromCell,
  fromNational,
  ITEM_NAME_ELEMENT,
  MATERIAL_ELEMENTS,
  validateItem,
} from '@oneseal/schemas';
import type { Workbook } from 'exceljs';
import type { Transaction } from 'sequelize';
import type { Principal } from '../../auth/roles';
import { inScope } from '../../auth/roles';
import { ApiError, badRequest } from '../../http/errors';
import { audit } from '../audit';
import { createBaseItem, publishBaseItem } from '../baseItems';
import type { Column } from '../excel/columns';
import type { ReadCell } from '../excel/workbook';
import { keyText, readSheet, readWorkbook } from '../excel/workbook';
import { settleImport } from '../importEngine';
import type { Store } from '../store';
import { adoptItem, EDITABLE, latestBase, saveDraft } from '../townshipItems';
import { EXCHANGE_SHEETS, FORMAT_NAME, FRAME, LIST_NAMES, MATERIAL_ITEM_COLUMN } from './nationalFormat';

/** One item of the file, as read: where it stands, its record in national terms, what could not be read. */
interface ReadRow {
  sheet: string;
  row: number;
  record: NationalRecord;
  reasons: ImportReason[];
}

interface ReadFile {
  list: ExchangeList;
  regionCode: string | undefined;
  rows: ReadRow[];
}

const unreadable = (zh: string) =>
  badRequest({ zh: `不是 OneSeal 政务服务事项交换文件：${zh}`, en: 'Not a national exchange file' });

/** True for the bytes of a zip (an .xlsx); anything else is read as JSON. */
export const isXlsx = (data: Buffer) => data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;

function listOf(name: unknown): ExchangeList {
  const list = (Object.keys(LIST_NAMES) as ExchangeList[]).find((l) => LIST_NAMES[l] === name);
  if (!list)
    throw unreadable(
      `“${FRAME.list}”应为“${LIST_NAMES.implementation}”或“${LIST_NAMES.base}”，不是“${String(name)}”`,
    );
  return list;
}

function readJson(data: Buffer): ReadFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString('utf8'));
  } catch (error) {
    throw unreadable(`不是有效的 JSON（${(error as Error).message}）`);
  }
  const file = (parsed ?? {}) as Record<string, unknown>;
  if (file[FRAME.format] !== FORMAT_NAME) throw unreadable(`缺少“${FRAME.format}”：${FORMAT_NAME}`);
  const list = listOf(file[FRAME.list]);
  const items = file[FRAME.items];
  if (!Array.isArray(items)) throw unreadable(`“${FRAME.items}”应为事项的数组`);
  return {
    list,
    regionCode: typeof file[FRAME.regionCode] === 'string' ? (file[FRAME.regionCode] as string) : undefined,
    rows: items.map((record, index) => {
      const isRecord = record !== null && typeof record === 'object' && !Array.isArray(record);
      return {
        sheet: FRAME.items,
        row: index + 1,
        record: isRecord ? (record as NationalRecord) : {},
        reasons: isRecord
          ? []
          : [{ sheet: FRAME.items, row: index + 1, column: '', message: '每个事项应为一个对象' }],
      };
    }),
  };
}

/** Columns in the shape the Excel reader matches headers against; the element tells how to read the cell. */
type ElementColumn = Column<unknown, unknown> & { element?: NationalElement };
const columnOf = (element: NationalElement): ElementColumn => ({
  header: element.name,
  width: 0,
  kind: { type: 'text' },
  element,
  get: () => undefined,
});
const infoColumn = (header: string, role: 'item' | 'info'): ElementColumn => ({
  header,
  width: 0,
  kind: { type: 'text' },
  role,
  get: () => undefined,
});

function frameOf(workbook: Workbook): Map<string, string> {
  const sheet = workbook.getWorksheet(EXCHANGE_SHEETS.frame);
  if (!sheet) throw unreadable(`工作簿中没有“${EXCHANGE_SHEETS.frame}”工作表`);
  const frame = new Map<string, string>();
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const [name, value] = [row.getCell(1).text.trim(), row.getCell(2).text.trim()];
    if (name) frame.set(name, value);
  });
  if (frame.get(FRAME.format) !== FORMAT_NAME) throw unreadable(`缺少“${FRAME.format}”：${FORMAT_NAME}`);
  return frame;
}

/** A row's cells read into a national record, each by its element's kind. */
function readCells(
  sheetName: string,
  row: number,
  cells: Map<ElementColumn, ReadCell>,
  into: Record<string, unknown>,
  reasons: ImportReason[],
): void {
  for (const [column, cell] of cells) {
    if (!column.element) continue;
    const reason = (message: string) =>
      reasons.push({ sheet: sheetName, row, column: column.header, message });
    if ('error' in cell) {
      reason(`“${column.header}”：${cell.error}`);
      continue;
    }
    const parsed = elementFromCell(column.element, cell.value);
    if ('error' in parsed) reason(parsed.error);
    else if (parsed.value !== undefined) into[column.header] = parsed.value;
  }
}

async function readXlsx(data: Buffer): Promise<ReadFile> {
  const workbook = await readWorkbook(data);
  const frame = frameOf(workbook);
  const list = listOf(frame.get(FRAME.list));
  const elements = ELEMENTS[list];
  const materialsName = elements.find((e) => e.key === 'materials')!.name;
  const itemSheet = workbook.getWorksheet(EXCHANGE_SHEETS.items);
  if (!itemSheet) throw unreadable(`工作簿中没有“${EXCHANGE_SHEETS.items}”工作表`);
  const itemColumns: ElementColumn[] = [
    ...(list === 'implementation' ? [infoColumn(ITEM_NAME_ELEMENT, 'info')] : []),
    ...elements.filter((e) => e.key !== 'materials').map(columnOf),
  ];
  const items = readSheet(itemSheet, itemColumns, []);
  const materialSheet = workbook.getWorksheet(EXCHANGE_SHEETS.materials);
  const materials = materialSheet
    ? readSheet(
        materialSheet,
        [infoColumn(MATERIAL_ITEM_COLUMN, 'item'), ...MATERIAL_ELEMENTS.map(columnOf)],
        ['item'],
      )
    : undefined;
  const headerReasons: ImportReason[] = [items, ...(materials ? [materials] : [])].flatMap((s) =>
    s.badHeaders.map((h) => ({ sheet: s.name, row: 1, ...h })),
  );

  const codeColumn = itemColumns.find((c) => c.header === MATERIAL_ITEM_COLUMN);
  const rows: ReadRow[] = items.rows.map((r) => {
    const record: NationalRecord = {};
    const reasons = [...headerReasons];
    readCells(items.name, r.row, r.cells, record, reasons);
    // Every item states its materials (the model requires the list): none listed is an empty list.
    record[materialsName] = [];
    return { sheet: items.name, row: r.row, record, reasons };
  });
  const byCode = new Map<string, ReadRow>();
  for (const row of rows) {
    const code = codeColumn && row.record[codeColumn.header];
    if (typeof code === 'string' && !byCode.has(code)) byCode.set(code, row);
  }
  for (const r of materials?.rows ?? []) {
    const code = keyText(r.cells.get(materials!.byRole.get('item')!));
    const owner = code === undefined ? undefined : byCode.get(code);
    const reason = (message: string): ImportReason => ({
      sheet: materials!.name,
      row: r.row,
      column: MATERIAL_ITEM_COLUMN,
      message,
    });
    if (!owner) {
      rows.push({
        sheet: materials!.name,
        row: r.row,
        record: {},
        reasons: [
          reason(
            code === undefined
              ? `“${MATERIAL_ITEM_COLUMN}”必须填写`
              : `“${EXCHANGE_SHEETS.items}”工作表中没有事项 ${code}`,
          ),
        ],
      });
      continue;
    }
    const material: Record<string, unknown> = {};
    readCells(materials!.name, r.row, r.cells, material, owner.reasons);
    (owner.record[materialsName] as unknown[]).push(material);
  }
  return { list, regionCode: frame.get(FRAME.regionCode) || undefined, rows };
}

export interface NationalImportOptions {
  mode: ImportReport['mode'];
  /** The township the import is for (the HTTP route's); the file must be that township's list. */
  regionCode?: string;
}

export interface NationalImported {
  report: ImportReport;
  list: ExchangeList;
  /** The township, for an implementation list. */
  regionCode?: string;
}

/** Whom a list may be written by: the catalogue's admins for the base catalogue, a township's editors for its list. */
function requireAllowed(actor: Principal, list: ExchangeList, regionCode: string | undefined): void {
  const allowed =
    list === 'base'
      ? actor.role === 'city-admin' || actor.role === 'county-admin'
      : actor.role !== 'reviewer' && regionCode !== undefined && inScope(actor, regionCode);
  if (!allowed)
    throw new ApiError(403, 'forbidden', {
      zh:
        list === 'base'
          ? `${actor.username} 不是市、县级管理员，不能导入基本目录`
          : `${actor.username} 不能修改乡镇（街道）${regionCode ?? ''} 的实施清单`,
      en: 'Not allowed to import this list',
    });
}

/**
 * Imports a national exchange file (JSON or .xlsx, told apart by their bytes): a township's implementation
 * list becomes drafts of that township (adopted from the base catalogue when new, saved over the working copy
 * otherwise); a base catalogue becomes new base items, published when the file says they are. Every row is
 * read through the national element table, validated with the model and, for an implementation entry,
 * checked against its base item as submitting it would be; then the shared import engine decides what is
 * written (all or nothing, or only the valid rows) and writes it in one transaction through the services.
 */
export async function importNational(
  store: Store,
  actor: Principal,
  data: Buffer,
  options: NationalImportOptions,
): Promise<NationalImported> {
  const file = isXlsx(data) ? await readXlsx(data) : readJson(data);
  if (options.regionCode !== undefined && file.regionCode !== options.regionCode)
    throw badRequest({
      zh: `文件是${file.regionCode ? `乡镇（街道）${file.regionCode} 的实施清单` : LIST_NAMES[file.list]}，不能导入到 ${options.regionCode} 的清单`,
      en: 'The file is not this township’s list',
    });
  requireAllowed(actor, file.list, file.regionCode);
  const report: ImportReport = {
    mode: options.mode,
    accepted: [],
    unchanged: [],
    refused: [],
    written: false,
  };
  const outcome =
    file.list === 'base'
      ? await checkBase(store, actor, file, report)
      : await checkImplementations(store, actor, file, report);
  report.refused.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === FRAME.items ? -1 : 1));
  const settled = await settleImport(store, report, outcome.pending, async (t, pending) => {
    for (const write of pending) await write.run(t);
    await audit(store, t, actor, {
      action: 'import-national',
      entityType: file.list === 'base' ? 'base-item' : 'township-list',
      entityKey: file.regionCode ?? '基本目录',
      regionCode: file.regionCode ?? actor.regionCode,
      after: {
        mode: options.mode,
        saved: report.accepted.map((a) => a.itemCode),
        refused: report.refused.map((r) => ({ sheet: r.sheet, row: r.row, itemCode: r.itemCode })),
      },
    });
  });
  return { report: settled, list: file.list, ...(file.regionCode ? { regionCode: file.regionCode } : {}) };
}

interface Write {
  run(t: Transaction): Promise<void>;
}

/** The element name of the first segment of a model path, for naming the column of an issue. */
function elementAt(list: ExchangeList, path: string): string {
  const key = path.split('/')[1] ?? '';
  return ELEMENTS[list].find((e) => e.key === key)?.name ?? '';
}

function reasonsOf(list: ExchangeList, row: ReadRow, issues: ValidationIssue[]): ImportReason[] {
  return issues.map((i) => {
    const column = elementAt(list, i.path);
    return {
      sheet: row.sheet,
      row: row.row,
      column,
      message: column
        ? `“${column}”${i.path.split('/').length > 2 ? `（${i.path}）` : ''}：${i.message}`
        : `${i.path}：${i.message}`,
    };
  });
}

async function checkImplementations(
  store: Store,
  actor: Principal,
  file: ReadFile,
  report: ImportReport,
): Promise<{ pending: Write[] }> {
  const regionCode = file.regionCode;
  const region = regionCode ? await store.models.Region.findByPk(regionCode) : null;
  if (!regionCode || !region || region.level !== 'township')
    throw badRequest({
      zh: regionCode ? `本库中没有乡镇（街道）${regionCode}` : `实施清单文件缺少“${FRAME.regionCode}”`,
      en: 'Unknown township',
    });
  const stored = new Map(
    (await store.models.Implementation.findAll({ where: { regionCode } })).map((r) => [r.baseCode, r]),
  );
  const seen = new Map<string, number>();
  const pending: Write[] = [];
  for (const row of file.rows) {
    const { doc: read, issues } = fromNational('implementation', row.record);
    const doc = read as ItemImplementation;
    const itemCode = typeof doc.baseCode === 'string' ? doc.baseCode : null;
    const reasons = [...row.reasons, ...reasonsOf('implementation', row, issues)];
    const reason = (column: string, message: string) =>
      reasons.push({ sheet: row.sheet, row: row.row, column, message });
    if (!itemCode) reason('基本编码', '“基本编码”必须填写');
    else if (seen.has(itemCode))
      reason('基本编码', `事项 ${itemCode} 已在第 ${seen.get(itemCode)} 行出现，同一事项只能有一行`);
    else seen.set(itemCode, row.row);
    if (doc.regionCode !== regionCode)
      reason('乡镇（街道）代码', `该行是 ${String(doc.regionCode)} 的事项，不能导入到 ${regionCode} 的清单`);
    const existing = itemCode ? stored.get(itemCode) : undefined;
    if (existing && !EDITABLE.has(existing.status))
      reason('状态', `清单中的事项 ${itemCode} 正在审核或已取消，不能修改`);
    const base = itemCode ? await latestBase(store, itemCode) : undefined;
    if (itemCode && !base) reason('基本编码', `基本目录中没有已发布的事项 ${itemCode}：请先导入基本目录`);
    const warnings: ImportReason[] = [];
    if (base) {
      // Checked as the draft it becomes, as submitting it would check it (also when the row has other
      // problems, so that the report names them all at once).
      const draft: ItemImplementation = { ...doc, status: 'draft', version: (existing?.version ?? 0) + 1 };
      const { errors, findings } = assessImplementation(draft, base);
      reasons.push(...reasonsOf('implementation', row, errors));
      warnings.push(
        ...reasonsOf(
          'implementation',
          row,
          findings.filter((f) => f.severity === 'warning'),
        ),
      );
    }
    if (reasons.length > 0) {
      report.refused.push({ sheet: row.sheet, row: row.row, itemCode, reasons });
      continue;
    }
    const entry = { sheet: row.sheet, row: row.row, itemCode: itemCode!, changes: [], warnings, revision: 0 };
    report.accepted.push(entry);
    pending.push({
      run: async (t) => {
        const revision = existing
          ? existing.revision
          : (await adoptItem(store, actor, regionCode, itemCode!, t)).revision;
        entry.revision = (await saveDraft(store, actor, regionCode, itemCode!, doc, revision, t)).revision;
      },
    });
  }
  return { pending };
}

async function checkBase(
  store: Store,
  actor: Principal,
  file: ReadFile,
  report: ImportReport,
): Promise<{ pending: Write[] }> {
  const seen = new Map<string, number>();
  const pending: Write[] = [];
  for (const row of file.rows) {
    const { doc: read, issues } = fromNational('base', row.record);
    const doc = read as BaseItem;
    const code = typeof doc.code === 'string' ? doc.code : null;
    const reasons = [...row.reasons, ...reasonsOf('base', row, issues)];
    const reason = (column: string, message: string) =>
      reasons.push({ sheet: row.sheet, row: row.row, column, message });
    if (!code) reason('基本编码', '“基本编码”必须填写');
    else if (seen.has(code))
      reason('基本编码', `事项 ${code} 已在第 ${seen.get(code)} 行出现，同一事项只能有一行`);
    else seen.set(code, row.row);
    if (code && (await store.models.BaseItem.findByPk(code, { attributes: ['code'] })))
      reason('基本编码', `基本目录中已有事项 ${code}；已有事项请在设计器中修改`);
    if (doc.status !== 'draft' && doc.status !== 'published')
      reason('状态', `只导入草稿和已发布的基本目录事项，不能导入“${String(doc.status)}”的事项`);
    reasons.push(...reasonsOf('base', row, validateItem(doc).errors));
    if (reasons.length > 0) {
      report.refused.push({ sheet: row.sheet, row: row.row, itemCode: code, reasons });
      continue;
    }
    const entry = { sheet: row.sheet, row: row.row, itemCode: code!, changes: [], warnings: [], revision: 0 };
    report.accepted.push(entry);
    pending.push({
      run: async (t) => {
        const created = await createBaseItem(store, actor, actor.regionCode, doc, t);
        entry.revision = created.revision;
        if (doc.status === 'published') {
          // The source platform published it; that is the reason this catalogue publishes it too.
          const reason = '数据交换导入：来源平台已发布此版本';
          await publishBaseItem(store, actor, code!, { effectiveDate: doc.effectiveDate, reason }, t);
          entry.revision += 1;
        }
      },
    });
  }
  return { pending };
}

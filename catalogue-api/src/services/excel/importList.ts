import type {
  BaseItem,
  ImportChange,
  ImportReason,
  ImportReport,
  ItemImplementation,
  MaterialSelection,
} from '@oneseal/schemas';
import { assessImplementation, codeLabel, diffDocuments } from '@oneseal/schemas';
import type { Principal } from '../../auth/roles';
import type { ImplementationRow } from '../../db/models';
import { badRequest } from '../../http/errors';
import { audit } from '../audit';
import type { Store } from '../store';
import { EXCHANGE_SHEETS } from '../exchange/nationalFormat';
import { importNational } from '../exchange/nationalImport';
import { settleImport } from '../importEngine';
import { EDITABLE, latestBase, saveDraft } from '../townshipItems';
import type { ItemColumn, ItemContext, MaterialColumn } from './columns';
import { columnAt, fromCell, ITEM_COLUMNS, MATERIAL_COLUMNS, sameValue, SHEETS } from './columns';
import type { ReadCell, ReadSheet, SheetRow } from './workbook';
import { publishedBases } from './exportList';
import { keyText, readSheet, readWorkbook } from './workbook';

export type ImportMode = ImportReport['mode'];
type Reason = ImportReason;
type Change = ImportChange;

type Items = ReadSheet<ItemColumn>;
type Materials = ReadSheet<MaterialColumn>;

interface Pending {
  itemCode: string;
  doc: ItemImplementation;
  expectedRevision: number;
  entry: ImportReport['accepted'][number];
}

/**
 * Imports an edited export of the township's list. Every row becomes the item's implementation again (cells
 * left as exported change nothing), is validated against the model and checked against its base item like a
 * submitted draft, and compared with the stored revision. `all` writes nothing unless every row passes (422
 * with the report otherwise); `valid` writes the rows that pass. Writes are the editor's own draft saves, in
 * one transaction, each audited; the review and publishing steps follow as usual.
 */
export async function importList(
  store: Store,
  actor: Principal,
  regionCode: string,
  data: Buffer,
  mode: ImportMode,
): Promise<ImportReport> {
  const workbook = await readWorkbook(data);
  // A national exchange workbook of this township goes through the national element table instead.
  if (workbook.getWorksheet(EXCHANGE_SHEETS.frame))
    return (await importNational(store, actor, data, { mode, regionCode })).report;
  const itemSheet = workbook.getWorksheet(SHEETS.items);
  if (!itemSheet)
    throw badRequest({
      zh: `工作簿中没有“${SHEETS.items}”工作表。请使用“导出”得到的文件修改后再导入`,
      en: `The workbook has no sheet named ${SHEETS.items}`,
    });
  const items: Items = readSheet(itemSheet, ITEM_COLUMNS, ['item', 'revision']);
  const materialSheet = workbook.getWorksheet(SHEETS.materials);
  // Without a materials sheet the items' materials stay as they are.
  const materials: Materials | undefined = materialSheet
    ? readSheet(materialSheet, MATERIAL_COLUMNS, ['item', 'material'])
    : undefined;
  const sheetReasons: Reason[] = [items, ...(materials ? [materials] : [])].flatMap((s) =>
    s.badHeaders.map((h) => ({ sheet: s.name, row: 1, ...h })),
  );

  const stored = new Map(
    (await store.models.Implementation.findAll({ where: { regionCode } })).map((r) => [r.baseCode, r]),
  );
  const names = new Map(
    (
      await store.models.BaseItem.findAll({
        where: { code: [...stored.keys()] },
        attributes: ['code', 'name'],
      })
    ).map((b) => [b.code, b.name]),
  );
  // The standards rows are read against (what export showed); a changed row is checked against `latestBase`.
  const standards = await publishedBases(store, [...stored.keys()]);

  const materialRows = new Map<string, SheetRow<MaterialColumn>[]>();
  const report: ImportReport = { mode, accepted: [], unchanged: [], refused: [], written: false };
  for (const r of materials?.rows ?? []) {
    const code = keyText(r.cells.get(materials!.byRole.get('item')!));
    if (!code) {
      report.refused.push({
        sheet: materials!.name,
        row: r.row,
        itemCode: null,
        reasons: [{ sheet: materials!.name, row: r.row, column: '事项编码', message: '“事项编码”必须填写' }],
      });
      continue;
    }
    const list = materialRows.get(code);
    if (list) list.push(r);
    else materialRows.set(code, [r]);
  }

  const pending: Pending[] = [];
  const firstRow = new Map<string, number>();
  for (const r of items.rows) {
    const reason = (column: string, message: string): Reason => ({
      sheet: items.name,
      row: r.row,
      column,
      message,
    });
    const refuse = (itemCode: string | null, reasons: Reason[]) =>
      report.refused.push({
        sheet: items.name,
        row: r.row,
        itemCode,
        reasons: [...sheetReasons, ...reasons],
      });
    const itemCode = keyText(r.cells.get(items.byRole.get('item')!));
    if (!itemCode) {
      refuse(null, [reason('事项编码', '“事项编码”必须填写')]);
      continue;
    }
    if (firstRow.has(itemCode)) {
      refuse(itemCode, [
        reason('事项编码', `事项 ${itemCode} 已在第 ${firstRow.get(itemCode)} 行出现，同一事项只能有一行`),
      ]);
      continue;
    }
    firstRow.set(itemCode, r.row);
    const townshipColumn = items.byRole.get('township');
    const township = townshipColumn && keyText(r.cells.get(townshipColumn));
    if (township !== undefined && township !== regionCode) {
      refuse(itemCode, [
        reason(
          '乡镇（街道）代码',
          `该行是乡镇（街道）${township} 的事项，不能导入到 ${regionCode} 的清单；请导出本乡镇（街道）的清单修改后再导入`,
        ),
      ]);
      continue;
    }
    const row = stored.get(itemCode);
    if (!row) {
      refuse(itemCode, [
        reason(
          '事项编码',
          `本乡镇（街道）${regionCode} 的清单中没有事项 ${itemCode}；新事项请先从基本目录认领`,
        ),
      ]);
      continue;
    }
    const outcome = rebuild(
      row,
      standards.get(itemCode),
      names.get(itemCode) ?? itemCode,
      items,
      r,
      materials,
      materialRows.get(itemCode),
    );
    materialRows.delete(itemCode);
    const reasons = [...outcome.reasons];
    if (sheetReasons.length === 0 && reasons.length === 0 && outcome.changes.length === 0) {
      report.unchanged.push({ sheet: items.name, row: r.row, itemCode });
      continue;
    }
    if (outcome.changes.length > 0) {
      const revisionColumn = items.byRole.get('revision')!;
      const parsed = parse(revisionColumn, r.cells.get(revisionColumn));
      if ('error' in parsed || parsed.value === undefined)
        reasons.push(
          reason(
            revisionColumn.header,
            `“${revisionColumn.header}”缺失或无效，无法确认该事项导出后是否被他人修改；请使用导出的文件修改后再导入`,
          ),
        );
      else if (parsed.value !== row.revision)
        reasons.push(
          reason(
            revisionColumn.header,
            `该事项在导出后已被修改（导出时修订号 ${String(parsed.value)}，现为 ${row.revision}），为免覆盖他人的修改，本行不予导入；请重新导出后再修改`,
          ),
        );
      if (!EDITABLE.has(row.status))
        reasons.push(
          reason(
            '状态',
            `事项处于“${codeLabel('ItemStatus', row.status) ?? row.status}”状态，不能修改${row.status === 'cancelled' ? '' : '（审核结束或退回后才能修改）'}`,
          ),
        );
    }
    {
      // Checked as the draft it would become, as submitting it would check it. Cells that could not be read
      // kept their stored value, so the rest of the row is still worth checking.
      const draft: ItemImplementation = { ...outcome.doc, status: 'draft', version: row.version + 1 };
      const base = await latestBase(store, itemCode);
      if (!base) reasons.push(reason('事项编码', `基本目录事项 ${itemCode} 没有已发布的版本，无法核对`));
      else {
        const { errors, findings } = assessImplementation(draft, base);
        reasons.push(...errors.map((e) => outcome.at(e.path, e.message)));
        outcome.warnings.push(
          ...findings.filter((f) => f.severity === 'warning').map((f) => outcome.at(f.path, f.message)),
        );
      }
    }
    if (sheetReasons.length > 0 || reasons.length > 0) {
      refuse(itemCode, reasons);
      continue;
    }
    const entry = {
      sheet: items.name,
      row: r.row,
      itemCode,
      changes: outcome.changes,
      warnings: outcome.warnings,
      revision: row.revision,
    };
    report.accepted.push(entry);
    pending.push({ itemCode, doc: outcome.doc, expectedRevision: row.revision, entry });
  }

  // Material rows of an item without a row in the items sheet: harmless when they change nothing.
  for (const [itemCode, rows] of materialRows) {
    const first = rows[0]!.row;
    const refuse = (message: string, column = '事项编码') =>
      report.refused.push({
        sheet: materials!.name,
        row: first,
        itemCode,
        reasons: [...sheetReasons, { sheet: materials!.name, row: first, column, message }],
      });
    const row = stored.get(itemCode);
    if (!row) {
      refuse(`本乡镇（街道）${regionCode} 的清单中没有事项 ${itemCode}`);
      continue;
    }
    const doc = row.doc as ItemImplementation;
    const outcome = rebuildMaterials(doc, standards.get(itemCode), itemCode, materials!, rows);
    if (outcome.reasons.length > 0 || !sameValue(outcome.selections, doc.materials))
      refuse(
        `“${SHEETS.items}”工作表中没有事项 ${itemCode} 的行（修订号在那里），它的材料不能单独修改；请把该事项的行一并导入`,
      );
  }

  report.accepted.sort((a, b) => a.row - b.row);
  report.refused.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === SHEETS.items ? -1 : 1));
  return settleImport(store, report, pending, async (t) => {
    for (const p of pending) {
      const saved = await saveDraft(store, actor, regionCode, p.itemCode, p.doc, p.expectedRevision, t);
      p.entry.revision = saved.revision;
    }
    await audit(store, t, actor, {
      action: 'import-excel',
      entityType: 'township-list',
      entityKey: regionCode,
      regionCode,
      after: {
        mode,
        saved: pending.map((p) => ({ itemCode: p.itemCode, revision: p.entry.revision })),
        unchanged: report.unchanged.length,
        refused: report.refused.map((r) => ({ sheet: r.sheet, row: r.row, itemCode: r.itemCode })),
      },
    });
  });
}

function parse(column: ItemColumn | MaterialColumn, cell: ReadCell | undefined) {
  if (!cell) return { value: undefined };
  if ('error' in cell) return { error: `“${column.header}”：${cell.error}` };
  return fromCell(column.kind, cell.value, column.header);
}

interface Rebuilt {
  doc: ItemImplementation;
  changes: Change[];
  reasons: Reason[];
  warnings: Reason[];
  /** The sheet, row and column of a path of the implementation, with a message, as a Reason. */
  at(path: string, message: string): Reason;
}

/**
 * The item's implementation from its row (and its material rows): the stored document with every cell that
 * differs from what export would show applied. Fields without a column are kept as stored.
 */
function rebuild(
  row: ImplementationRow,
  base: BaseItem | undefined,
  name: string,
  items: Items,
  r: SheetRow<ItemColumn>,
  materials: Materials | undefined,
  materialRows: SheetRow<MaterialColumn>[] | undefined,
): Rebuilt {
  const stored = row.doc as ItemImplementation;
  const doc = structuredClone(stored);
  const context: ItemContext = {
    regionCode: row.regionCode,
    name,
    status: row.status,
    revision: row.revision,
    base,
  };
  const reasons: Reason[] = [];
  for (const [column, cell] of r.cells) {
    if (!column.set) continue;
    const parsed = parse(column, cell);
    if ('error' in parsed)
      reasons.push({ sheet: items.name, row: r.row, column: column.header, message: parsed.error });
    else if (!sameValue(parsed.value, column.get(doc, context))) column.set(doc, parsed.value);
  }
  let materialRowOf: number[] = [];
  if (materials && !materialRows?.length && stored.materials.length > 0)
    // Most likely rows lost to a filter or a careless delete, not an item that no longer asks for anything.
    reasons.push({
      sheet: items.name,
      row: r.row,
      column: '事项编码',
      message: `“${materials.name}”工作表中没有事项 ${row.baseCode} 的材料行。不再收取任何材料请在网页中修改；只导入“${items.name}”工作表时，可删除整个“${materials.name}”工作表`,
    });
  else if (materials) {
    const rebuilt = rebuildMaterials(stored, base, row.baseCode, materials, materialRows ?? []);
    doc.materials = rebuilt.selections;
    materialRowOf = rebuilt.rows;
    reasons.push(...rebuilt.reasons);
  }

  const at = (path: string, message: string): Reason => {
    const material = /^\/materials\/(\d+)(\/.*)?$/.exec(path);
    if (material && materials) {
      const rowNumber = materialRowOf[Number(material[1])];
      const column = material[2] ? columnAt(MATERIAL_COLUMNS, material[2])?.header : '材料编码';
      if (rowNumber !== undefined)
        return {
          sheet: materials.name,
          row: rowNumber,
          column: column ?? '',
          message: named(column, message),
        };
    }
    const column = columnAt(
      ITEM_COLUMNS.filter((c) => c.set),
      path,
    )?.header;
    return {
      sheet: items.name,
      row: r.row,
      column: column ?? '',
      message: column ? named(column, message) : `${path}：${message}`,
    };
  };
  const byValue = ITEM_COLUMNS.filter((c) => c.byValue);
  const valueChanges = byValue.flatMap((column): Change[] => {
    const [from, to] = [column.get(stored, context), column.get(doc, context)];
    return sameValue(from, to)
      ? []
      : [
          {
            sheet: items.name,
            row: r.row,
            column: column.header,
            path: column.path!,
            from: from ?? null,
            to: to ?? null,
          },
        ];
  });
  const listed = (path: string) => byValue.some((c) => path === c.path || path.startsWith(`${c.path}/`));
  const pathChanges = diffDocuments(stored, doc)
    .filter((c) => !listed(c.path))
    .map((c): Change => {
      const values = { path: c.path, from: c.before ?? null, to: c.after ?? null };
      const where = at(c.path, '');
      // A material whose row was deleted has no row to point at.
      if (materials && where.sheet !== materials.name && c.path.startsWith('/materials/'))
        return { sheet: materials.name, column: '材料编码', ...values };
      return { sheet: where.sheet, row: where.row, column: where.column, ...values };
    });
  return { doc, changes: [...pathChanges, ...valueChanges], reasons, warnings: [], at };
}

/** A message that names its column, unless it already does. */
const named = (column: string | undefined, message: string) =>
  !column || message.includes(`“${column}”`) ? message : `“${column}”：${message}`;

/** The item's materials as the sheet lists them, in the sheet's order, each row read like an item row. */
function rebuildMaterials(
  stored: ItemImplementation,
  base: BaseItem | undefined,
  itemCode: string,
  materials: Materials,
  rows: SheetRow<MaterialColumn>[],
): { selections: MaterialSelection[]; rows: number[]; reasons: Reason[] } {
  const storedSelections = new Map(stored.materials.map((m) => [m.material, m]));
  const standards = new Map((base?.materials ?? []).map((m) => [m.material, m]));
  const codeColumn = materials.byRole.get('material')!;
  const selections: MaterialSelection[] = [];
  const rowNumbers: number[] = [];
  const reasons: Reason[] = [];
  for (const r of rows) {
    const code = keyText(r.cells.get(codeColumn));
    if (!code) {
      reasons.push({
        sheet: materials.name,
        row: r.row,
        column: codeColumn.header,
        message: `“${codeColumn.header}”必须填写`,
      });
      continue;
    }
    const selection: MaterialSelection = structuredClone(storedSelections.get(code) ?? { material: code });
    const context = { itemCode, itemName: '', standard: standards.get(code), materialName: undefined };
    for (const [column, cell] of r.cells) {
      if (!column.set) continue;
      const parsed = parse(column, cell);
      if ('error' in parsed)
        reasons.push({ sheet: materials.name, row: r.row, column: column.header, message: parsed.error });
      else if (!sameValue(parsed.value, column.get(selection, context))) column.set(selection, parsed.value);
    }
    selections.push(selection);
    rowNumbers.push(r.row);
  }
  return { selections, rows: rowNumbers, reasons };
}

import type {
  BaseItem,
  BaseItemSummaryList,
  ItemType,
  BaseItemVersionList,
  BaseItemView,
  PublishRequest,
} from '@oneseal/schemas';
import { diffDocuments, summarizeChanges, validateItem } from '@oneseal/schemas';
import type { Transaction, WhereOptions } from 'sequelize';
import { Op } from 'sequelize';
import type { Principal } from '../auth/roles';
import type { BaseItemRow } from '../db/models';
import { conflict, invalid, notFound } from '../http/errors';
import { audit } from './audit';
import { recordChange, requireReason } from './changeFeed';
import { rescoreEntries } from './entryCompleteness';
import { requireSafePatterns } from './patternSafety';
import { likeContains } from './search';
import type { Store } from './store';
import { inTransaction } from './store';
import { asDate, chinaToday } from './chinaDate';

async function requireRow(store: Store, code: string, t?: Transaction) {
  const row = await store.models.BaseItem.findByPk(code, { transaction: t });
  if (!row) throw notFound({ zh: `基本目录中没有事项 ${code}`, en: `No base item ${code}` });
  return row;
}

export function baseItemView(row: BaseItemRow): BaseItemView {
  return {
    code: row.code,
    ownerRegion: row.ownerRegion,
    status: row.status,
    publishedVersion: row.version,
    revision: row.revision,
    updatedAt: asDate(row.updatedAt).toISOString(),
    updatedBy: row.updatedBy,
    baseItem: row.doc as BaseItem,
  };
}

export async function listBaseItems(
  store: Store,
  filters: { q?: string; type?: string; status?: string },
): Promise<BaseItemSummaryList> {
  const where: WhereOptions<BaseItemRow>[] = [];
  if (filters.type) where.push({ type: filters.type });
  if (filters.status) where.push({ status: filters.status });
  if (filters.q) where.push({ name: { [Op.like]: likeContains(filters.q) } });
  const rows = await store.models.BaseItem.findAll({
    where: { [Op.and]: where },
    order: [['code', 'ASC']],
    attributes: ['code', 'name', 'type', 'status', 'version', 'ownerRegion', 'revision'],
  });
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    // The column holds '' for an item that does not state its type: the answer leaves it out, as the item does.
    ...(r.type ? { type: r.type as ItemType } : {}),
    status: r.status,
    publishedVersion: r.version,
    ownerRegion: r.ownerRegion,
    revision: r.revision,
  }));
}

export async function getBaseItem(store: Store, code: string) {
  return baseItemView(await requireRow(store, code));
}

/** Schema-valid, and every pattern of its form safe to run (a draft saved before that rule is caught at publish). */
async function requireValid(doc: BaseItem) {
  const result = validateItem(doc);
  if (!result.valid)
    throw invalid({ zh: '基本目录事项有错误', en: 'The base item is invalid' }, result.errors);
  await requireSafePatterns(doc);
}

/**
 * Creates a base item as a draft owned by `ownerRegion` (the city or a county); given `outer`, in that
 * transaction (an import creates several at once).
 */
export async function createBaseItem(
  store: Store,
  actor: Principal,
  ownerRegion: string,
  body: BaseItem,
  outer?: Transaction,
) {
  const doc: BaseItem = { ...body, status: 'draft', version: 1 };
  await requireValid(doc);
  const work = async (t: Transaction) => {
    if (await store.models.BaseItem.findByPk(doc.code, { transaction: t }))
      throw conflict('exists', { zh: `基本编码 ${doc.code} 已被使用`, en: `Code ${doc.code} is taken` });
    const row = await store.models.BaseItem.create(
      {
        code: doc.code,
        ownerRegion,
        name: doc.name,
        type: doc.type ?? '',
        status: 'draft',
        version: 0,
        revision: 1,
        doc,
        updatedAt: new Date(),
        updatedBy: actor.username,
      },
      { transaction: t },
    );
    await audit(store, t, actor, {
      action: 'create',
      entityType: 'base-item',
      entityKey: doc.code,
      regionCode: ownerRegion,
      after: doc,
    });
    return baseItemView(row);
  };
  return outer ? work(outer) : inTransaction(store, work);
}

/** Saves a base item's working copy when `expectedRevision` is current (one conditional UPDATE). */
export async function saveBaseItem(
  store: Store,
  actor: Principal,
  code: string,
  body: BaseItem,
  expectedRevision: number,
) {
  if (body.code !== code)
    throw invalid({ zh: '基本编码必须与地址一致', en: 'code must match the address' }, [
      { path: '/code', message: `应为 ${code}` },
    ]);
  const row = await requireRow(store, code);
  const doc: BaseItem = { ...body, status: 'draft', version: row.version + 1 };
  await requireValid(doc);
  return inTransaction(store, async (t) => {
    const [updated] = await store.models.BaseItem.update(
      {
        doc,
        name: doc.name,
        type: doc.type ?? '',
        status: 'draft',
        revision: expectedRevision + 1,
        updatedAt: new Date(),
        updatedBy: actor.username,
      },
      { where: { code, revision: expectedRevision }, transaction: t },
    );
    if (updated !== 1) {
      const current = await store.models.BaseItem.findByPk(code, { transaction: t, lock: t.LOCK.UPDATE });
      throw conflict(
        'stale-revision',
        { zh: '该事项已被他人修改，请比较后重新保存', en: 'Someone else changed this item' },
        { currentRevision: current?.revision, current: current?.doc },
      );
    }
    await audit(store, t, actor, {
      action: 'save-draft',
      entityType: 'base-item',
      entityKey: code,
      regionCode: row.ownerRegion,
      before: row.doc,
      after: doc,
    });
    return { revision: expectedRevision + 1, status: 'draft' };
  });
}

/**
 * Publishes the working copy as the next immutable version; township drafts then conform to it. Given
 * `outer`, in that transaction.
 */
export async function publishBaseItem(
  store: Store,
  actor: Principal,
  code: string,
  request: PublishRequest,
  outer?: Transaction,
) {
  const reason = requireReason(request.reason);
  const effectiveDate = request.effectiveDate ?? chinaToday();
  const row = await requireRow(store, code, outer);
  if (row.status !== 'draft')
    throw conflict('wrong-status', { zh: '没有待发布的修改', en: 'Nothing to publish' });
  const doc: BaseItem = {
    ...(row.doc as BaseItem),
    status: 'published',
    version: row.version + 1,
    effectiveDate,
  };
  await requireValid(doc);
  const work = async (t: Transaction) => {
    const [updated] = await store.models.BaseItem.update(
      {
        doc,
        status: 'published',
        version: doc.version,
        revision: row.revision + 1,
        updatedAt: new Date(),
        updatedBy: actor.username,
      },
      { where: { code, revision: row.revision }, transaction: t },
    );
    if (updated !== 1)
      throw conflict('stale-revision', {
        zh: '发布过程中事项被修改，请重试',
        en: 'The item changed while publishing',
      });
    await store.models.BaseItemVersion.create(
      {
        code,
        version: doc.version,
        doc,
        effectiveDate,
        publishedAt: new Date(),
        publishedBy: actor.username,
      },
      { transaction: t },
    );
    // Township entries are scored against the latest published version: this one from now on.
    await rescoreEntries(store, t, doc);
    const previous =
      row.version > 0
        ? await store.models.BaseItemVersion.findOne({
            where: { code, version: row.version },
            attributes: ['doc'],
            transaction: t,
          })
        : null;
    const library = new Map(
      (await store.models.Material.findAll({ attributes: ['code', 'name'], transaction: t })).map((m) => [
        m.code,
        m.name,
      ]),
    );
    await recordChange(store, t, actor, {
      kind: 'base-publish',
      regionCode: row.ownerRegion,
      itemCode: code,
      itemName: doc.name,
      fromVersion: previous ? row.version : null,
      toVersion: doc.version,
      effectiveDate,
      reason,
      summary: previous
        ? summarizeChanges(previous.doc as BaseItem, doc, { materialName: (c) => library.get(c) }).map(
            (l) => l.text,
          )
        : [],
    });
    await audit(store, t, actor, {
      action: 'publish',
      entityType: 'base-item',
      entityKey: code,
      regionCode: row.ownerRegion,
      before: { version: row.version },
      after: { version: doc.version, effectiveDate, reason },
    });
    return { code, version: doc.version, effectiveDate };
  };
  return outer ? work(outer) : inTransaction(store, work);
}

/** Retires (取消) a base item: it stays in history; implementations of it can no longer be published. */
export async function retireBaseItem(store: Store, actor: Principal, code: string, reasonGiven: string) {
  const reason = requireReason(reasonGiven);
  const row = await requireRow(store, code);
  if (row.status === 'cancelled') throw conflict('wrong-status', { zh: '事项已取消', en: 'Already retired' });
  const cancelDate = chinaToday();
  const previousStatus = row.status;
  return inTransaction(store, async (t) => {
    // Published versions stay as they were published; the retirement lives on the working row.
    const doc: BaseItem = { ...(row.doc as BaseItem), status: 'cancelled', cancelDate };
    await row.update(
      {
        status: 'cancelled',
        doc,
        revision: row.revision + 1,
        updatedAt: new Date(),
        updatedBy: actor.username,
      },
      { transaction: t },
    );
    await audit(store, t, actor, {
      action: 'retire',
      entityType: 'base-item',
      entityKey: code,
      regionCode: row.ownerRegion,
      before: { status: previousStatus },
      after: { status: 'cancelled', cancelDate, reason },
    });
    await recordChange(store, t, actor, {
      kind: 'base-retire',
      regionCode: row.ownerRegion,
      itemCode: code,
      itemName: doc.name,
      fromVersion: row.version > 0 ? row.version : null,
      toVersion: null,
      effectiveDate: cancelDate,
      reason,
      summary: [],
    });
    return { code, status: 'cancelled', cancelDate };
  });
}

export async function baseItemVersions(store: Store, code: string): Promise<BaseItemVersionList> {
  await requireRow(store, code);
  const rows = await store.models.BaseItemVersion.findAll({
    where: { code },
    attributes: ['version', 'effectiveDate', 'publishedAt', 'publishedBy'],
    order: [['version', 'DESC']],
  });
  return rows.map((r) => ({
    version: r.version,
    effectiveDate: r.effectiveDate,
    publishedAt: asDate(r.publishedAt).toISOString(),
    publishedBy: r.publishedBy,
  }));
}

export async function diffBaseItemVersions(store: Store, code: string, from: number, to: number) {
  const rows = await store.models.BaseItemVersion.findAll({ where: { code, version: [from, to] } });
  const a = rows.find((r) => r.version === from);
  const b = rows.find((r) => r.version === to);
  if (!a || !b)
    throw notFound({ zh: `事项 ${code} 没有第 ${!a ? from : to} 版`, en: `${code} has no such version` });
  return { from, to, changes: diffDocuments(a.doc, b.doc) };
}

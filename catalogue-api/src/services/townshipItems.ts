import type {
  BaseItem,
  DraftSaved,
  DraftView,
  ImplementationVersion,
  ImplementationVersionList,
  Item,
  ItemImplementation,
  ItemStatus,
  PublishRequest,
  ResolvedItem,
  ReviewQueue,
  StatusChange,
  TownshipItemList,
  TownshipPublished,
  ValidationIssue,
} from '@oneseal/schemas';
import {
  assessImplementation,
  codeLabel,
  diffDocuments,
  regionCodePrefix,
  resolveItem,
  SCHEMA_VERSION,
  summarizeChanges,
} from '@oneseal/schemas';
import type { Transaction } from 'sequelize';
import { Op } from 'sequelize';
import type { Principal } from '../auth/roles';
import type { ImplementationRow } from '../db/models';
import { ApiError, conflict, invalid, notFound } from '../http/errors';
import { audit } from './audit';
import { recordChange, requireReason } from './changeFeed';
import { entryCompleteness } from './entryCompleteness';
import { putPublished, removePublished } from './publishedIndex';
import type { Store } from './store';
import { forgetPublished, inTransaction } from './store';
import { asDate, chinaToday } from './chinaDate';

/** Where an item of a township's list stands in its review cycle. */
export type WorkingStatus = ImplementationRow['status'];

/** Statuses in which an editor may change the draft (PUT, or an Excel import). */
export const EDITABLE: ReadonlySet<string> = new Set(['draft', 'published', 'withdrawn']);

/**
 * The base item an implementation conforms to: its latest published version, marked cancelled when the base
 * item has since been retired (the version itself is never rewritten).
 */
export async function latestBase(store: Store, code: string, t?: Transaction): Promise<BaseItem | undefined> {
  const row = await store.models.BaseItem.findByPk(code, { transaction: t });
  if (!row || row.version === 0) return undefined;
  const version = await store.models.BaseItemVersion.findOne({
    where: { code, version: row.version },
    transaction: t,
  });
  const published = version?.doc as BaseItem | undefined;
  if (!published || row.status !== 'cancelled') return published;
  return { ...published, status: 'cancelled', cancelDate: (row.doc as BaseItem).cancelDate };
}

async function requireBase(store: Store, code: string, t?: Transaction): Promise<BaseItem> {
  const base = await latestBase(store, code, t);
  if (!base)
    throw notFound({ zh: `基本目录中没有已发布的事项 ${code}`, en: `No published base item ${code}` });
  return base;
}

/** The working copy; inside a transaction it is read `FOR UPDATE`, so a writer sees the latest committed row. */
async function requireRow(store: Store, regionCode: string, itemCode: string, t?: Transaction) {
  const row = await store.models.Implementation.findOne({
    where: { regionCode, baseCode: itemCode },
    transaction: t,
    ...(t ? { lock: t.LOCK.UPDATE } : {}),
  });
  if (!row)
    throw notFound({
      zh: `乡镇 ${regionCode} 的清单中没有事项 ${itemCode}`,
      en: `Township ${regionCode} has no item ${itemCode}`,
    });
  return row;
}

function view(row: ImplementationRow, base: BaseItem): DraftView {
  const implementation = row.doc as ItemImplementation;
  return {
    regionCode: row.regionCode,
    itemCode: row.baseCode,
    status: row.status,
    publishedVersion: row.version,
    revision: row.revision,
    reviewComment: row.reviewComment,
    updatedAt: asDate(row.updatedAt).toISOString(),
    updatedBy: row.updatedBy,
    implementation,
    // The whole published base item: the designer checks the draft against it as the editor types.
    base,
    ...assessed(implementation, base),
  };
}

/** The findings and completeness of a draft, as the designer shows them beside its fields. */
function assessed(implementation: ItemImplementation, base: BaseItem) {
  const { findings, completeness } = assessImplementation(implementation, base);
  return { findings, ...(completeness ? { completeness } : {}) };
}

export async function getDraft(store: Store, regionCode: string, itemCode: string): Promise<DraftView> {
  const row = await requireRow(store, regionCode, itemCode);
  return view(row, await requireBase(store, itemCode));
}

/** The server keeps the identity and lifecycle fields of a draft; the editor sends everything else. */
function asDraft(body: ItemImplementation, row: ImplementationRow): ItemImplementation {
  return {
    ...body,
    regionCode: row.regionCode,
    baseCode: row.baseCode,
    status: 'draft',
    version: row.version + 1,
  };
}

/**
 * Saves the draft if `expectedRevision` is still current. The check and the write are one conditional UPDATE,
 * so of several editors saving the same revision exactly one wins; the others get 409 with the current draft.
 * Given `outer`, the save joins that transaction (several drafts saved at once, as an Excel import does).
 */
export async function saveDraft(
  store: Store,
  actor: Principal,
  regionCode: string,
  itemCode: string,
  body: ItemImplementation,
  expectedRevision: number,
  outer?: Transaction,
): Promise<DraftSaved> {
  const base = await requireBase(store, itemCode, outer);
  if (body.regionCode !== regionCode || body.baseCode !== itemCode)
    throw invalid(
      {
        zh: '实施清单的乡镇代码和基本编码必须与地址一致',
        en: 'regionCode and baseCode must match the address',
      },
      [
        ...(body.regionCode !== regionCode ? [{ path: '/regionCode', message: `应为 ${regionCode}` }] : []),
        ...(body.baseCode !== itemCode ? [{ path: '/baseCode', message: `应为 ${itemCode}` }] : []),
      ],
    );
  const work = async (t: Transaction): Promise<DraftSaved> => {
    const row = await requireRow(store, regionCode, itemCode, t);
    if (row.revision !== expectedRevision) throw staleRevision(row);
    if (!EDITABLE.has(row.status))
      throw conflict('not-editable', {
        zh: `事项处于“${row.status === 'cancelled' ? '已取消' : '审核中'}”状态，不能修改`,
        en: `The item is ${row.status} and cannot be edited`,
      });
    const doc = asDraft(body, row);
    const [updated] = await store.models.Implementation.update(
      {
        doc,
        status: 'draft',
        revision: expectedRevision + 1,
        sortOrder: doc.order ?? row.sortOrder,
        updatedAt: new Date(),
        updatedBy: actor.username,
        reviewComment: null,
        completeness: entryCompleteness(doc, base),
      },
      { where: { regionCode, baseCode: itemCode, revision: expectedRevision }, transaction: t },
    );
    if (updated !== 1) throw staleRevision(await requireRow(store, regionCode, itemCode, t));
    await audit(store, t, actor, {
      action: 'save-draft',
      entityType: 'implementation',
      entityKey: `${regionCode}/${itemCode}`,
      regionCode,
      before: row.doc,
      after: doc,
    });
    return { revision: expectedRevision + 1, status: 'draft', ...assessed(doc, base) };
  };
  return outer ? work(outer) : inTransaction(store, work);
}

function staleRevision(current: ImplementationRow) {
  return conflict(
    'stale-revision',
    {
      zh: '该事项已被他人修改，请比较后重新保存',
      en: 'Someone else changed this item; compare and save again',
    },
    { currentRevision: current.revision, current: current.doc },
  );
}

/** What a township states once about itself and repeats for each of its items. */
const TOWNSHIP_FACTS = ['implementingBody', 'place', 'hours', 'contacts'] as const;

function pickStated<K extends keyof ItemImplementation>(
  doc: ItemImplementation | undefined,
  keys: readonly K[],
): Partial<Pick<ItemImplementation, K>> {
  const out: Partial<Pick<ItemImplementation, K>> = {};
  for (const key of keys) if (doc?.[key] !== undefined) out[key] = doc[key];
  return out;
}

/**
 * Adopts a base item into a township's list as a draft: the base item's materials and the township's own facts.
 * Given `outer`, it joins that transaction (an import adopts and saves several items at once).
 */
export async function adoptItem(
  store: Store,
  actor: Principal,
  regionCode: string,
  itemCode: string,
  outer?: Transaction,
): Promise<DraftView> {
  const base = await requireBase(store, itemCode, outer);
  const work = async (t: Transaction): Promise<DraftView> => {
    if (
      await store.models.Implementation.findOne({ where: { regionCode, baseCode: itemCode }, transaction: t })
    )
      throw conflict('exists', {
        zh: `清单中已有事项 ${itemCode}`,
        en: `The list already holds ${itemCode}`,
      });
    const sibling = await store.models.Implementation.findOne({
      where: { regionCode },
      order: [['sortOrder', 'DESC']],
      transaction: t,
    });
    const template = sibling?.doc as ItemImplementation | undefined;
    const order = (sibling?.sortOrder ?? 0) + 1;
    // A new entry states only what is known: the base item's materials, and what this township has already
    // stated about itself for its other items (who implements, where, when, whom to call). Limits, visits,
    // channels and the rest are the editor's to state; nothing is defaulted on their behalf.
    const doc: ItemImplementation = {
      kind: 'implementation',
      schemaVersion: SCHEMA_VERSION,
      baseCode: base.code,
      baseVersion: base.version,
      regionCode,
      ...pickStated(template, TOWNSHIP_FACTS),
      materials: base.materials.map((m) => ({ material: m.material })),
      order,
      status: 'draft',
      version: 1,
    };
    const row = await store.models.Implementation.create(
      {
        regionCode,
        baseCode: itemCode,
        status: 'draft',
        version: 0,
        revision: 1,
        sortOrder: order,
        doc,
        reviewComment: null,
        updatedAt: new Date(),
        updatedBy: actor.username,
        completeness: entryCompleteness(doc, base),
      },
      { transaction: t },
    );
    await audit(store, t, actor, {
      action: 'adopt',
      entityType: 'implementation',
      entityKey: `${regionCode}/${itemCode}`,
      regionCode,
      after: doc,
    });
    return view(row, base);
  };
  return outer ? work(outer) : inTransaction(store, work);
}

interface Transition {
  action: string;
  from: readonly ItemStatus[];
  to: ItemStatus;
  /** Must the draft be free of errors to take this step? */
  validate: boolean;
}

export const TRANSITIONS = {
  submit: { action: 'submit', from: ['draft'], to: 'submitted', validate: true },
  approve: { action: 'approve', from: ['submitted'], to: 'approved', validate: true },
  return: { action: 'return', from: ['submitted', 'approved'], to: 'draft', validate: false },
  withdraw: { action: 'withdraw', from: ['published'], to: 'withdrawn', validate: false },
  cancel: { action: 'cancel', from: ['draft', 'published', 'withdrawn'], to: 'cancelled', validate: false },
} as const satisfies Record<string, Transition>;

// What makes someone an author of the draft under review: adopting the item, saving it, submitting it.
const AUTHORING = ['adopt', 'save-draft', 'submit'];

/**
 * Everyone who wrote or submitted the working copy since it was last published, read from the audit log
 * (written in the same transactions as the changes themselves, so it is complete).
 */
async function draftAuthors(
  store: Store,
  t: Transaction,
  regionCode: string,
  itemCode: string,
): Promise<Set<string>> {
  const where = { entityType: 'implementation', entityKey: `${regionCode}/${itemCode}` };
  const published = await store.models.AuditEntry.findOne({
    where: { ...where, action: 'publish' },
    order: [['id', 'DESC']],
    attributes: ['id'],
    transaction: t,
  });
  const entries = await store.models.AuditEntry.findAll({
    where: {
      ...where,
      action: { [Op.in]: AUTHORING },
      ...(published ? { id: { [Op.gt]: published.id } } : {}),
    },
    attributes: ['username'],
    transaction: t,
  });
  return new Set(entries.map((e) => e.username));
}

/**
 * Moves one item through the review cycle; withdrawing or cancelling takes it off the public list. Four eyes:
 * an author of the draft (draftAuthors) cannot approve it, whatever the role.
 */
export async function transition(
  store: Store,
  actor: Principal,
  regionCode: string,
  itemCode: string,
  step: keyof typeof TRANSITIONS,
  words: { comment?: string; reason?: string } = {},
): Promise<StatusChange> {
  const rule: Transition = TRANSITIONS[step];
  const { comment } = words;
  const reason = step === 'withdraw' || step === 'cancel' ? requireReason(words.reason) : undefined;
  // The editor must be told what to change: a return without an opinion (or only spaces) is refused.
  if (step === 'return' && !comment?.trim())
    throw invalid({ zh: '退回时须写明审核意见', en: 'A return needs an opinion' }, [
      { path: '/comment', message: '请写明需要修改的地方' },
    ]);
  const base = await requireBase(store, itemCode);
  const result = await inTransaction(store, async (t) => {
    const row = await requireRow(store, regionCode, itemCode, t);
    if (!rule.from.includes(row.status))
      throw conflict('wrong-status', {
        zh: `事项当前为“${codeLabel('ItemStatus', row.status as ItemStatus)}”，不能${{ submit: '提交审核', approve: '审核通过', return: '退回', withdraw: '撤回', cancel: '取消' }[step]}`,
        en: `Cannot ${step} an item that is ${row.status}`,
      });
    if (step === 'approve' && (await draftAuthors(store, t, regionCode, itemCode)).has(actor.username))
      throw new ApiError(403, 'four-eyes', {
        zh: '提交或修改该事项的人不能审核通过（四眼原则），请由其他审核人员审核',
        en: 'Whoever changed or submitted this draft cannot approve it; another reviewer must',
      });
    const previousStatus = row.status;
    let doc = row.doc as ItemImplementation;
    const { errors, findings } = assessImplementation(doc, base);
    if (rule.validate && errors.length > 0)
      throw invalid({ zh: '事项有错误，请修改后再提交', en: 'The item has errors' }, errors, { findings });
    if (step === 'cancel') doc = { ...doc, status: 'cancelled', cancelDate: chinaToday() };
    else doc = { ...doc, status: rule.to as ItemImplementation['status'] };
    await row.update(
      {
        status: rule.to,
        doc,
        revision: row.revision + 1,
        reviewComment: comment ?? null,
        updatedAt: new Date(),
        updatedBy: actor.username,
      },
      { transaction: t },
    );
    if (step === 'withdraw' || step === 'cancel') {
      await removePublished(store, t, regionCode, itemCode);
      await recordChange(store, t, actor, {
        kind: step,
        regionCode,
        itemCode,
        itemName: base.name,
        fromVersion: row.version > 0 ? row.version : null,
        toVersion: null,
        effectiveDate: doc.cancelDate ?? chinaToday(),
        reason: reason!,
        summary: [],
      });
    }
    await audit(store, t, actor, {
      action: rule.action,
      entityType: 'implementation',
      entityKey: `${regionCode}/${itemCode}`,
      regionCode,
      before: { status: previousStatus },
      after: { status: rule.to, ...(comment ? { comment } : {}), ...(reason ? { reason } : {}) },
    });
    return {
      status: rule.to,
      revision: row.revision,
      warnings: findings.filter((f) => f.severity === 'warning'),
    };
  });
  // Off the public list now: this instance must not keep answering from its micro-cache.
  if (step === 'withdraw' || step === 'cancel') forgetPublished(store, regionCode, [itemCode]);
  return result;
}

/**
 * Publishes every approved draft of a township in one transaction: each becomes a new immutable numbered
 * version and replaces the public entry. Any error in any draft publishes nothing; the 422 lists them all.
 */
export async function publishTownship(
  store: Store,
  actor: Principal,
  regionCode: string,
  request: PublishRequest,
): Promise<TownshipPublished> {
  const reason = requireReason(request.reason);
  const effectiveDate = request.effectiveDate ?? chinaToday();
  const approved = await store.models.Implementation.findAll({
    where: { regionCode, status: 'approved' },
    order: [['sortOrder', 'ASC']],
  });
  if (approved.length === 0)
    throw conflict('nothing-to-publish', {
      zh: '没有审核通过、待发布的事项',
      en: 'No approved item is waiting to be published',
    });
  const region = await store.models.Region.findByPk(regionCode);
  const materialNames = new Map(
    (await store.models.Material.findAll({ attributes: ['code', 'name'] })).map((m) => [m.code, m.name]),
  );

  const prepared: { row: ImplementationRow; doc: ItemImplementation; item: ResolvedItem; base: BaseItem }[] =
    [];
  const errors: ValidationIssue[] = [];
  const warnings: TownshipPublished['warnings'] = [];
  for (const row of approved) {
    const base = await latestBase(store, row.baseCode);
    if (!base) {
      errors.push({ path: `/${row.baseCode}`, message: `基本目录事项 ${row.baseCode} 尚未发布` });
      continue;
    }
    const doc: ItemImplementation = {
      ...(row.doc as ItemImplementation),
      status: 'published',
      version: row.version + 1,
      effectiveDate,
      baseVersion: base.version,
    };
    const check = assessImplementation(doc, base);
    errors.push(...check.errors.map((e) => ({ path: `/${row.baseCode}${e.path}`, message: e.message })));
    warnings.push(
      ...check.findings
        .filter((f) => f.severity === 'warning')
        .map((f) => ({ ...f, itemCode: row.baseCode })),
    );
    if (check.errors.length === 0)
      prepared.push({
        row,
        doc,
        base,
        item: resolveItem(base, doc, {
          regionName: region?.name ?? regionCode,
          materialName: (c) => materialNames.get(c),
        }),
      });
  }
  if (errors.length > 0)
    throw invalid(
      { zh: '部分事项有错误，本次没有发布任何事项', en: 'Some items have errors; nothing was published' },
      errors,
    );

  await inTransaction(store, async (t) => {
    for (const { row, doc, item, base } of prepared) {
      const current = await requireRow(store, regionCode, row.baseCode, t);
      if (current.revision !== row.revision)
        throw conflict('stale-revision', {
          zh: `事项 ${row.baseCode} 在发布过程中被修改，请重新发布`,
          en: `${row.baseCode} changed while publishing`,
        });
      await store.models.ImplementationVersion.create(
        {
          regionCode,
          baseCode: row.baseCode,
          version: doc.version,
          baseVersion: base.version,
          doc,
          item,
          effectiveDate,
          publishedAt: new Date(),
          publishedBy: actor.username,
        },
        { transaction: t },
      );
      await putPublished(store, t, item);
      const previous =
        row.version > 0
          ? await store.models.ImplementationVersion.findOne({
              where: { regionCode, baseCode: row.baseCode, version: row.version },
              attributes: ['doc'],
              transaction: t,
            })
          : null;
      // A material is named as the base item names it, else as the library does.
      const materialName = (code: string) =>
        base.materials.find((m) => m.material === code)?.name ?? materialNames.get(code);
      await recordChange(store, t, actor, {
        kind: 'publish',
        regionCode,
        itemCode: row.baseCode,
        itemName: base.name,
        fromVersion: previous ? row.version : null,
        toVersion: doc.version,
        effectiveDate,
        reason,
        summary: previous
          ? summarizeChanges(previous.doc as ItemImplementation, doc, { materialName }).map((l) => l.text)
          : [],
      });
      await current.update(
        {
          status: 'published',
          version: doc.version,
          doc,
          revision: current.revision + 1,
          updatedAt: new Date(),
          updatedBy: actor.username,
        },
        { transaction: t },
      );
      await audit(store, t, actor, {
        action: 'publish',
        entityType: 'implementation',
        entityKey: `${regionCode}/${row.baseCode}`,
        regionCode,
        before: row.doc,
        after: doc,
      });
    }
    await audit(store, t, actor, {
      action: 'publish-list',
      entityType: 'township-list',
      entityKey: regionCode,
      regionCode,
      after: {
        effectiveDate,
        reason,
        items: prepared.map((p) => ({ itemCode: p.row.baseCode, version: p.doc.version })),
      },
    });
  });
  forgetPublished(
    store,
    regionCode,
    prepared.map((p) => p.row.baseCode),
  );
  return { published: prepared.map((p) => ({ itemCode: p.row.baseCode, version: p.doc.version })), warnings };
}

export async function listVersions(
  store: Store,
  regionCode: string,
  itemCode: string,
): Promise<ImplementationVersionList> {
  const rows = await store.models.ImplementationVersion.findAll({
    where: { regionCode, baseCode: itemCode },
    attributes: ['version', 'baseVersion', 'effectiveDate', 'publishedAt', 'publishedBy'],
    order: [['version', 'DESC']],
  });
  if (rows.length === 0) await requireRow(store, regionCode, itemCode);
  return rows.map((r) => ({
    version: r.version,
    baseVersion: r.baseVersion,
    effectiveDate: r.effectiveDate,
    publishedAt: asDate(r.publishedAt).toISOString(),
    publishedBy: r.publishedBy,
  }));
}

export async function getVersion(
  store: Store,
  regionCode: string,
  itemCode: string,
  version: number,
): Promise<ImplementationVersion> {
  const row = await store.models.ImplementationVersion.findOne({
    where: { regionCode, baseCode: itemCode, version },
  });
  if (!row)
    throw notFound({
      zh: `事项 ${itemCode} 没有第 ${version} 版`,
      en: `${itemCode} has no version ${version}`,
    });
  return {
    version: row.version,
    effectiveDate: row.effectiveDate,
    publishedAt: asDate(row.publishedAt).toISOString(),
    implementation: row.doc as ItemImplementation,
    item: row.item as Item,
  };
}

/** Field-level differences of the resolved item between two published versions. */
export async function diffVersions(
  store: Store,
  regionCode: string,
  itemCode: string,
  from: number,
  to: number,
) {
  const [a, b] = await Promise.all([
    getVersion(store, regionCode, itemCode, from),
    getVersion(store, regionCode, itemCode, to),
  ]);
  return { from, to, changes: diffDocuments(a.item, b.item) };
}

/** Names of the given base items and regions, read for those codes only. */
async function namesOf(store: Store, itemCodes: string[], regionCodes: string[] = []) {
  const [bases, regions] = await Promise.all([
    store.models.BaseItem.findAll({
      where: { code: { [Op.in]: itemCodes } },
      attributes: ['code', 'name'],
      raw: true,
    }),
    regionCodes.length > 0
      ? store.models.Region.findAll({
          where: { code: { [Op.in]: regionCodes } },
          attributes: ['code', 'name'],
          raw: true,
        })
      : [],
  ]);
  return {
    item: new Map(bases.map((b) => [b.code, b.name])),
    region: new Map(regions.map((r) => [r.code, r.name])),
  };
}

// The working rows without their documents: lists show where each item stands, not what it says.
const LISTED = [
  'regionCode',
  'baseCode',
  'status',
  'version',
  'revision',
  'sortOrder',
  'reviewComment',
  'updatedAt',
  'updatedBy',
  'completeness',
] as const;

export async function listTownshipItems(store: Store, regionCode: string): Promise<TownshipItemList> {
  const rows = await store.models.Implementation.findAll({
    where: { regionCode },
    attributes: [...LISTED],
    order: [
      ['sortOrder', 'ASC'],
      ['baseCode', 'ASC'],
    ],
    raw: true,
  });
  const names = await namesOf(
    store,
    rows.map((r) => r.baseCode),
  );
  return rows.map((r) => ({
    itemCode: r.baseCode,
    name: names.item.get(r.baseCode) ?? r.baseCode,
    completeness: r.completeness,
    status: r.status,
    publishedVersion: r.version,
    revision: r.revision,
    order: r.sortOrder,
    reviewComment: r.reviewComment,
    // A raw row holds the database's own text of the instant; the answer gives ISO 8601 like every other.
    updatedAt: asDate(r.updatedAt).toISOString(),
    updatedBy: r.updatedBy,
  }));
}

/** How many drafts a review queue shows at most: the oldest first, so nothing waits unseen for long. */
export const REVIEW_QUEUE_LIMIT = 500;

/**
 * The drafts waiting for review in a region's townships (a reviewer's queue), oldest first. Only the region's
 * rows are read, and at most REVIEW_QUEUE_LIMIT of them: a city's queue costs what its page shows.
 */
export async function reviewQueue(store: Store, regionCode: string): Promise<ReviewQueue> {
  const rows = await store.models.Implementation.findAll({
    where: { status: 'submitted', regionCode: { [Op.like]: `${regionCodePrefix(regionCode)}%` } },
    attributes: [...LISTED],
    order: [['updatedAt', 'ASC']],
    limit: REVIEW_QUEUE_LIMIT,
  });
  const names = await namesOf(
    store,
    rows.map((r) => r.baseCode),
    rows.map((r) => r.regionCode),
  );
  return rows.map((r) => ({
    township: r.regionCode,
    townshipName: names.region.get(r.regionCode) ?? r.regionCode,
    itemCode: r.baseCode,
    name: names.item.get(r.baseCode) ?? r.baseCode,
    status: r.status,
    publishedVersion: r.version,
    revision: r.revision,
    updatedAt: asDate(r.updatedAt).toISOString(),
    updatedBy: r.updatedBy,
  }));
}

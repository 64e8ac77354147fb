import type { Bundle, DataElement, Material } from '@oneseal/schemas';
import { validateDocument } from '@oneseal/schemas';
import type { Principal } from '../auth/roles';
import { conflict, invalid, notFound } from '../http/errors';
import { audit } from './audit';
import { requireSafePatterns } from './patternSafety';
import { pinyinKeys } from './search';
import type { Store } from './store';
import { inTransaction } from './store';

/** The shared, city-wide documents: the material library, the data-element dictionary and 一件事 bundles. */
export type LibraryKind = 'material' | 'data-element' | 'bundle';
type LibraryDoc = Material | DataElement | Bundle;

const LABELS: Record<LibraryKind, string> = { material: '材料', 'data-element': '数据元', bundle: '一件事' };
const CITY = '450300';

function modelOf(store: Store, kind: LibraryKind) {
  return kind === 'material'
    ? store.models.Material
    : kind === 'data-element'
      ? store.models.DataElement
      : store.models.Bundle;
}

function requireValid(kind: LibraryKind, doc: unknown): asserts doc is LibraryDoc {
  const result = validateDocument(doc);
  if (!result.valid) throw invalid({ zh: `${LABELS[kind]}有错误`, en: `Invalid ${kind}` }, result.errors);
  if ((doc as LibraryDoc).kind !== kind)
    throw invalid({ zh: `文档类型应为 ${kind}`, en: `kind must be ${kind}` }, [
      { path: '/kind', message: `应为 ${kind}` },
    ]);
}

function regionOf(doc: LibraryDoc): string {
  return doc.kind === 'bundle' ? (doc.regionCode ?? CITY) : CITY;
}

function columns(doc: LibraryDoc) {
  const common = { code: doc.code, name: doc.name, doc };
  return doc.kind === 'bundle' ? { ...common, regionCode: regionOf(doc), status: doc.status } : common;
}

export async function listLibrary(store: Store, kind: LibraryKind) {
  const rows = await modelOf(store, kind).findAll({ order: [['code', 'ASC']] });
  // Materials are picked by name in the item editor, typed as Chinese or as pinyin (全拼 or 首字母).
  return rows.map((r) => ({
    revision: r.revision,
    document: r.doc as LibraryDoc,
    ...(kind === 'material' ? { pinyin: pinyinKeys(r.name) } : {}),
  }));
}

export async function getLibraryEntry(store: Store, kind: LibraryKind, code: string) {
  const row = await modelOf(store, kind).findByPk(code);
  if (!row) throw notFound({ zh: `没有${LABELS[kind]} ${code}`, en: `No ${kind} ${code}` });
  return { revision: row.revision, document: row.doc as LibraryDoc };
}

export async function createLibraryEntry(store: Store, actor: Principal, kind: LibraryKind, body: unknown) {
  requireValid(kind, body);
  // A data element's pattern becomes the pattern of every form field bound to it: it must be safe to run.
  await requireSafePatterns(body);
  return inTransaction(store, async (t) => {
    const model = modelOf(store, kind);
    if (await model.findByPk(body.code, { transaction: t }))
      throw conflict('exists', { zh: `编码 ${body.code} 已被使用`, en: `Code ${body.code} is taken` });
    await (model as typeof store.models.Bundle).create(
      { ...columns(body), revision: 1, updatedAt: new Date() } as never,
      { transaction: t },
    );
    await audit(store, t, actor, {
      action: 'create',
      entityType: kind,
      entityKey: body.code,
      regionCode: regionOf(body),
      after: body,
    });
    return { revision: 1, document: body };
  });
}

/** Saves an entry when `expectedRevision` is current (one conditional UPDATE, 409 otherwise). */
export async function saveLibraryEntry(
  store: Store,
  actor: Principal,
  kind: LibraryKind,
  code: string,
  body: unknown,
  expectedRevision: number,
) {
  requireValid(kind, body);
  // A data element's pattern becomes the pattern of every form field bound to it: it must be safe to run.
  await requireSafePatterns(body);
  if (body.code !== code)
    throw invalid({ zh: '编码必须与地址一致', en: 'code must match the address' }, [
      { path: '/code', message: `应为 ${code}` },
    ]);
  const { document: before } = await getLibraryEntry(store, kind, code);
  if (regionOf(body) !== regionOf(before))
    throw invalid({ zh: '不能改变一件事的适用区域', en: 'A bundle cannot move to another region' }, [
      { path: '/regionCode', message: `应为 ${regionOf(before)}` },
    ]);
  return inTransaction(store, async (t) => {
    const [updated] = await (modelOf(store, kind) as typeof store.models.Bundle).update(
      { ...columns(body), revision: expectedRevision + 1, updatedAt: new Date() } as never,
      { where: { code, revision: expectedRevision }, transaction: t },
    );
    if (updated !== 1) {
      // The winner's version travels with the 409, so the editor can compare before deciding.
      const current = await modelOf(store, kind).findByPk(code, { transaction: t });
      throw conflict(
        'stale-revision',
        { zh: '已被他人修改，请比较后重新保存', en: 'Someone else changed this entry' },
        { currentRevision: current?.revision, current: current?.doc },
      );
    }
    await audit(store, t, actor, {
      action: 'save',
      entityType: kind,
      entityKey: code,
      regionCode: regionOf(body),
      before,
      after: body,
    });
    return { revision: expectedRevision + 1, document: body };
  });
}

import type { BaseItem, ItemImplementation, ResolvedItem } from '@oneseal/schemas';
import { SEED_ACTOR } from '@oneseal/schemas';
import type { SeedCatalogue } from '@oneseal/seeds';
import { resolveSeedItems } from '@oneseal/seeds';
import { hashPassword } from '../auth/password';
import type { Role } from '../auth/roles';
import { entryCompleteness } from './entryCompleteness';
import { putPublishedInBulk } from './publishedIndex';
import { pinyinKeys } from './search';
import type { Store } from './store';
import { inTransaction } from './store';
import { chinaToday } from './chinaDate';

/** Demo accounts of the embedded default (README lists them); all share one password. */
export const DEMO_PASSWORD = 'oneseal-demo';
export const DEMO_USERS: { username: string; displayName: string; role: Role; regionCode: string }[] = [
  { username: 'admin', displayName: '桂林市行政审批局管理员', role: 'city-admin', regionCode: '450300' },
  {
    username: 'admin-450321',
    displayName: '阳朔县行政审批局管理员',
    role: 'county-admin',
    regionCode: '450321',
  },
  {
    username: 'editor-450321100',
    displayName: '阳朔镇便民服务中心编辑',
    role: 'township-editor',
    regionCode: '450321100',
  },
  {
    username: 'editor-450323101',
    displayName: '大圩镇便民服务中心编辑',
    role: 'township-editor',
    regionCode: '450323101',
  },
  {
    username: 'reviewer-450321',
    displayName: '阳朔县行政审批局审核员',
    role: 'reviewer',
    regionCode: '450321',
  },
];

/** True when the database holds no regions yet: the first start. */
export async function isEmpty(store: Store): Promise<boolean> {
  return (await store.models.Region.count()) === 0;
}

/**
 * Loads the Guilin seeds in one transaction: regions, libraries, the base catalogue (each item published as
 * version 1 or its own version), every pilot township's list as published, the bundles and the demo users.
 */
export async function seedDatabase(store: Store, seeds: SeedCatalogue): Promise<void> {
  const now = new Date();
  const items: ResolvedItem[] = resolveSeedItems(seeds);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await inTransaction(store, async (t) => {
    const m = store.models;
    const opts = { transaction: t };
    await m.Region.bulkCreate(
      seeds.regions.map((r) => ({
        code: r.code,
        name: r.name,
        level: r.level,
        parentCode: r.parentCode ?? null,
        searchPinyin: pinyinKeys(r.name),
      })),
      opts,
    );
    await m.Material.bulkCreate(
      seeds.materials.map((d) => ({ code: d.code, name: d.name, doc: d, revision: 1, updatedAt: now })),
      opts,
    );
    await m.DataElement.bulkCreate(
      seeds.dataElements.map((d) => ({ code: d.code, name: d.name, doc: d, revision: 1, updatedAt: now })),
      opts,
    );
    await m.BaseItem.bulkCreate(
      seeds.baseItems.map((b: BaseItem) => ({
        code: b.code,
        ownerRegion: '450300',
        name: b.name,
        type: b.type ?? '',
        status: b.status,
        version: b.version,
        revision: 1,
        doc: b,
        updatedAt: now,
        updatedBy: SEED_ACTOR,
      })),
      opts,
    );
    await m.BaseItemVersion.bulkCreate(
      seeds.baseItems.map((b) => ({
        code: b.code,
        version: b.version,
        doc: b,
        effectiveDate: b.effectiveDate ?? chinaToday(now),
        publishedAt: now,
        publishedBy: SEED_ACTOR,
      })),
      opts,
    );
    const bases = new Map(seeds.baseItems.map((b) => [b.code, b]));
    await m.Implementation.bulkCreate(
      seeds.implementations.map((i: ItemImplementation) => ({
        regionCode: i.regionCode,
        baseCode: i.baseCode,
        status: i.status,
        version: i.version,
        revision: 1,
        sortOrder: i.order ?? 0,
        doc: i,
        reviewComment: null,
        updatedAt: now,
        updatedBy: SEED_ACTOR,
        completeness: entryCompleteness(i, bases.get(i.baseCode)),
      })),
      opts,
    );
    await m.ImplementationVersion.bulkCreate(
      items.map((item, index) => ({
        regionCode: item.regionCode,
        baseCode: item.code,
        version: item.version,
        baseVersion: item.baseVersion,
        doc: seeds.implementations[index]!,
        item,
        effectiveDate: item.effectiveDate ?? chinaToday(now),
        publishedAt: now,
        publishedBy: SEED_ACTOR,
      })),
      opts,
    );
    await putPublishedInBulk(
      store,
      t,
      items.filter((i) => i.status === 'published'),
    );
    await m.Bundle.bulkCreate(
      seeds.bundles.map((b) => ({
        code: b.code,
        regionCode: b.regionCode ?? '450300',
        name: b.name,
        status: b.status,
        revision: 1,
        doc: b,
        updatedAt: now,
      })),
      opts,
    );
    await m.User.bulkCreate(
      DEMO_USERS.map((u) => ({ ...u, passwordHash, disabled: false, createdAt: now })),
      opts,
    );
  });
}

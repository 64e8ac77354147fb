import { randomUUID } from 'node:crypto';
import type { ChangeEntry, ChangeKind, ChangePage } from '@oneseal/schemas';
import type { Transaction } from 'sequelize';
import { Op } from 'sequelize';
import type { Principal } from '../auth/roles';
import type { ChangeEntryRow, Row } from '../db/models';
import { invalid } from '../http/errors';
import type { Store } from './store';

/** As the API schema bounds it (api.schema.json Reason): what a feed entry can carry and a reader takes in. */
const MAX_REASON = 500;
export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

/**
 * The editor's reason for a publish, withdrawal or cancellation, published with the change. The routes' schema
 * already refuses a missing or blank one; this holds for every other caller of the services too.
 */
export function requireReason(reason: string | undefined): string {
  const text = reason?.trim() ?? '';
  if (text === '' || text.length > MAX_REASON)
    throw invalid({ zh: '请写明理由', en: 'A reason is required' }, [
      {
        path: '/reason',
        message: text === '' ? '必须写明理由（将公开在变更记录中）' : `理由不能超过 ${MAX_REASON} 个字`,
      },
    ]);
  return text;
}

/** What a service knows of a change when it makes it; the feed adds the event id, author and time. */
export interface ChangeRecord {
  kind: ChangeKind;
  regionCode: string;
  itemCode: string;
  itemName: string;
  fromVersion: number | null;
  toVersion: number | null;
  effectiveDate: string | null;
  reason: string;
  summary: string[];
}

/** The region and every region above it, read from the regions table (a township → county → city …). */
async function regionChain(
  store: Store,
  t: Transaction,
  code: string,
): Promise<{ codes: string[]; name: string }> {
  const codes: string[] = [];
  let name = code;
  for (let at: string | null = code; at && !codes.includes(at);) {
    const region: { name: string; parentCode: string | null } | null = await store.models.Region.findByPk(
      at,
      {
        attributes: ['name', 'parentCode'],
        transaction: t,
      },
    );
    codes.push(at);
    if (!region) break;
    if (at === code) name = region.name;
    at = region.parentCode;
  }
  return { codes, name };
}

export function toChangeEntry(row: ChangeEntryRow): ChangeEntry {
  return {
    eventId: row.eventId,
    kind: row.kind as ChangeKind,
    regionCode: row.regionCode,
    regionName: row.regionName,
    itemCode: row.itemCode,
    itemName: row.itemName,
    fromVersion: row.fromVersion,
    toVersion: row.toVersion,
    effectiveDate: row.effectiveDate,
    reason: row.reason,
    summary: row.summary,
    author: row.author,
    at: new Date(row.at).toISOString(),
  };
}

/**
 * Writes one feed entry in the caller's transaction, so a change and its entry are kept or lost together: the
 * entry, its place under each region above the item's, and one outbox row for every active webhook whose region
 * filter covers it (delivered later by the dispatcher; the outbox row is the event's truth across restarts).
 */
export async function recordChange(
  store: Store,
  t: Transaction,
  actor: Principal,
  record: ChangeRecord,
): Promise<ChangeEntry> {
  const { codes, name } = await regionChain(store, t, record.regionCode);
  const user = await store.models.User.findByPk(actor.username, {
    attributes: ['displayName'],
    transaction: t,
  });
  const row = await store.models.ChangeEntry.create(
    {
      ...record,
      eventId: randomUUID(),
      regionName: name,
      author: user?.displayName ?? actor.username,
      at: new Date(),
    },
    { transaction: t },
  );
  await store.models.ChangeRegion.bulkCreate(
    codes.map((regionCode) => ({ regionCode, entryId: row.id! })),
    { transaction: t },
  );
  const entry = toChangeEntry(row);
  const webhooks = await store.models.Webhook.findAll({
    where: { active: true, [Op.or]: [{ regionCode: null }, { regionCode: codes }] },
    attributes: ['id'],
    transaction: t,
  });
  if (webhooks.length > 0) {
    const body = JSON.stringify(entry);
    await store.models.Outbox.bulkCreate(
      webhooks.map((w) => ({
        webhookId: w.id!,
        eventId: entry.eventId,
        body,
        attempts: 0,
        nextAttemptAt: new Date(),
        deliveredAt: null,
        lastError: null,
      })),
      { transaction: t },
    );
  }
  return entry;
}

export interface ChangeQuery {
  region?: string;
  /** An ISO date or date-time: entries made at or after it. */
  since?: string;
  cursor?: string;
  limit?: number;
}

/**
 * A page of the feed, newest first. Each page is an index range: by id over all entries, or by
 * (region_code, entry_id) over a region's — a county's includes its townships' — and `since` becomes a lower
 * id bound by one look-up on the `at` index; so the cost follows the page size, not the number of rows.
 */
export async function listChanges(store: Store, query: ChangeQuery): Promise<ChangePage> {
  const limit = Math.min(query.limit ?? DEFAULT_PAGE, MAX_PAGE);
  const ids: { [Op.lt]?: number; [Op.gte]?: number } = {};
  if (query.cursor) ids[Op.lt] = Number(query.cursor);
  if (query.since) {
    const first = await store.models.ChangeEntry.findOne({
      where: { at: { [Op.gte]: new Date(query.since) } },
      order: [['at', 'ASC']],
      attributes: ['id'],
    });
    if (!first) return { entries: [], next: null };
    ids[Op.gte] = first.id!;
  }
  const bounded = Object.getOwnPropertySymbols(ids).length > 0;
  let rows: Row<ChangeEntryRow>[];
  if (query.region) {
    const keys = await store.models.ChangeRegion.findAll({
      where: { regionCode: query.region, ...(bounded ? { entryId: ids } : {}) },
      order: [['entryId', 'DESC']],
      limit: limit + 1,
      attributes: ['entryId'],
    });
    const found = await store.models.ChangeEntry.findAll({ where: { id: keys.map((k) => k.entryId) } });
    rows = found.sort((a, b) => b.id! - a.id!);
  } else {
    rows = await store.models.ChangeEntry.findAll({
      where: bounded ? { id: ids } : {},
      order: [['id', 'DESC']],
      limit: limit + 1,
    });
  }
  const page = rows.slice(0, limit);
  return {
    entries: page.map(toChangeEntry),
    next: rows.length > limit ? String(page[page.length - 1]!.id) : null,
  };
}

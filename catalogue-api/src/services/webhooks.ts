import type { Webhook, WebhookRequest } from '@oneseal/schemas';
import { fn, col } from 'sequelize';
import type { Principal } from '../auth/roles';
import type { WebhookRow } from '../db/models';
import { notFound } from '../http/errors';
import { audit } from './audit';
import type { Store } from './store';
import { inTransaction } from './store';

/** What the audit log keeps of a subscription: never its secret. */
const audited = (row: WebhookRow) => ({ url: row.url, regionCode: row.regionCode, active: row.active });

function toWebhook(row: WebhookRow, pending: number): Webhook {
  return {
    id: row.id!,
    url: row.url,
    regionCode: row.regionCode,
    active: row.active,
    createdAt: new Date(row.createdAt).toISOString(),
    createdBy: row.createdBy,
    pending,
  };
}

async function pendingCounts(store: Store): Promise<Map<number, number>> {
  const rows = (await store.models.Outbox.findAll({
    where: { deliveredAt: null },
    attributes: ['webhookId', [fn('COUNT', col('id')), 'pending']],
    group: ['webhookId'],
    raw: true,
  })) as unknown as { webhookId: number; pending: number | string }[];
  return new Map(rows.map((r) => [r.webhookId, Number(r.pending)]));
}

export async function listWebhooks(store: Store): Promise<Webhook[]> {
  const [rows, pending] = await Promise.all([
    store.models.Webhook.findAll({ order: [['id', 'ASC']] }),
    pendingCounts(store),
  ]);
  return rows.map((row) => toWebhook(row, pending.get(row.id!) ?? 0));
}

export async function createWebhook(
  store: Store,
  actor: Principal,
  request: WebhookRequest,
): Promise<Webhook> {
  return inTransaction(store, async (t) => {
    const row = await store.models.Webhook.create(
      {
        url: request.url,
        secret: request.secret,
        regionCode: request.regionCode ?? null,
        active: request.active ?? true,
        createdAt: new Date(),
        createdBy: actor.username,
      },
      { transaction: t },
    );
    await audit(store, t, actor, {
      action: 'create',
      entityType: 'webhook',
      entityKey: String(row.id),
      regionCode: actor.regionCode,
      after: audited(row),
    });
    return toWebhook(row, 0);
  });
}

export async function updateWebhook(
  store: Store,
  actor: Principal,
  id: number,
  request: WebhookRequest,
): Promise<Webhook> {
  return inTransaction(store, async (t) => {
    const row = await store.models.Webhook.findByPk(id, { transaction: t });
    if (!row) throw notFound({ zh: `没有编号为 ${id} 的 Webhook`, en: `No webhook ${id}` });
    const before = audited(row);
    await row.update(
      {
        url: request.url,
        secret: request.secret,
        regionCode: request.regionCode ?? null,
        active: request.active ?? true,
      },
      { transaction: t },
    );
    await audit(store, t, actor, {
      action: 'update',
      entityType: 'webhook',
      entityKey: String(id),
      regionCode: actor.regionCode,
      before,
      after: audited(row),
    });
    const pending = await store.models.Outbox.count({
      where: { webhookId: id, deliveredAt: null },
      transaction: t,
    });
    return toWebhook(row, pending);
  });
}

/** Removes a subscription and the events still waiting for it (delivered ones stay as the record). */
export async function deleteWebhook(store: Store, actor: Principal, id: number): Promise<Webhook> {
  return inTransaction(store, async (t) => {
    const row = await store.models.Webhook.findByPk(id, { transaction: t });
    if (!row) throw notFound({ zh: `没有编号为 ${id} 的 Webhook`, en: `No webhook ${id}` });
    const dropped = await store.models.Outbox.destroy({
      where: { webhookId: id, deliveredAt: null },
      transaction: t,
    });
    await row.destroy({ transaction: t });
    await audit(store, t, actor, {
      action: 'delete',
      entityType: 'webhook',
      entityKey: String(id),
      regionCode: actor.regionCode,
      before: { ...audited(row), pending: dropped },
    });
    return toWebhook(row, 0);
  });
}

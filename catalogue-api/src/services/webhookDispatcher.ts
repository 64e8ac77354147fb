import { createHmac } from 'node:crypto';
import { Op } from 'sequelize';
import type { OutboxRow, Row } from '../db/models';
import type { Store } from './store';

export interface DispatcherOptions {
  /** How often the outbox is read for events due. */
  intervalMs: number;
  /** The wait after the first failure; each further failure doubles it, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A receiver that has not answered by then has failed this attempt. */
  timeoutMs: number;
  /** Events sent per round. */
  batch: number;
}

export const DISPATCHER_DEFAULTS: DispatcherOptions = {
  intervalMs: 1000,
  baseDelayMs: 5000,
  maxDelayMs: 60 * 60 * 1000,
  timeoutMs: 10_000,
  batch: 20,
};

/** `sha256=<hex HMAC-SHA256 of the body with the subscription's secret>`, the X-OneSeal-Signature header. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** The wait before attempt `attempts + 1`, after `attempts` failures: base, 2 × base, 4 × base … at most max. */
export function backoff(
  attempts: number,
  options: Pick<DispatcherOptions, 'baseDelayMs' | 'maxDelayMs'>,
): number {
  return Math.min(options.baseDelayMs * 2 ** Math.max(0, attempts - 1), options.maxDelayMs);
}

/**
 * Delivers the webhook outbox. The rows are the truth: an event is sent until a receiver answers 2xx, then
 * marked delivered once; a restart or a `kill -9` loses nothing, it only resends what was not marked (at least
 * once — receivers dedupe on X-OneSeal-Event). Each row is claimed before it is sent (its attempt count moves
 * on by one where it still has the value read), so two instances on one database never send it together.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly options: DispatcherOptions = DISPATCHER_DEFAULTS,
  ) {}

  start(): this {
    this.stopped = false;
    const tick = () => {
      this.round = this.runOnce()
        .then(() => undefined)
        .catch(() => undefined) // a database fault ends this round; the next one tries again
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.intervalMs);
        });
    };
    tick();
    return this;
  }

  /** Stops after the round in flight, so no send is cut off between its answer and its mark. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  /** Sends every event due now; the number sent (delivered or failed). */
  async runOnce(): Promise<number> {
    const webhooks = new Map(
      (await this.store.models.Webhook.findAll({ where: { active: true } })).map((w) => [w.id!, w]),
    );
    if (webhooks.size === 0) return 0;
    const due = await this.store.models.Outbox.findAll({
      where: { deliveredAt: null, nextAttemptAt: { [Op.lte]: new Date() }, webhookId: [...webhooks.keys()] },
      order: [['id', 'ASC']],
      limit: this.options.batch,
    });
    let sent = 0;
    for (const row of due) {
      if (this.stopped) break;
      const webhook = webhooks.get(row.webhookId)!;
      if (!(await this.claim(row))) continue;
      await this.send(row, webhook.url, webhook.secret);
      sent++;
    }
    return sent;
  }

  private async claim(row: Row<OutboxRow>): Promise<boolean> {
    // Held for the time a send may take, so a crash mid-send retries once that has passed.
    const [claimed] = await this.store.models.Outbox.update(
      { attempts: row.attempts + 1, nextAttemptAt: new Date(Date.now() + this.options.timeoutMs * 2) },
      { where: { id: row.id!, attempts: row.attempts, deliveredAt: null } },
    );
    if (claimed === 1) row.attempts += 1;
    return claimed === 1;
  }

  private async send(row: Row<OutboxRow>, url: string, secret: string): Promise<void> {
    let failure: string | undefined;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'OneSeal-Webhook/1',
          'X-OneSeal-Event': row.eventId,
          'X-OneSeal-Delivery-Attempt': String(row.attempts),
          'X-OneSeal-Signature': signature(secret, row.body),
        },
        body: row.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) failure = `HTTP ${res.status}`;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    await this.store.models.Outbox.update(
      failure === undefined
        ? { deliveredAt: new Date(), lastError: null }
        : {
            nextAttemptAt: new Date(Date.now() + backoff(row.attempts, this.options)),
            lastError: failure.slice(0, 500),
          },
      { where: { id: row.id! } },
    );
  }
}

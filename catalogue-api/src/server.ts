import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { PdfPrinter } from '@oneseal/runtime';
import { loadSeedCatalogue } from '@oneseal/seeds';
import { createApp } from './app';
import type { ApiConfig } from './config';
import { connect } from './db/connect';
import { migrate } from './db/migrate';
import { defineModels } from './db/models';
import { createHttpServer } from './http/httpServer';
import { PublicCache } from './services/publicCache';
import { isEmpty, seedDatabase } from './services/seedDatabase';
import { StorageState } from './services/storageFaults';
import type { Store } from './services/store';
import { WebhookDispatcher } from './services/webhookDispatcher';

/** Connects, migrates, and (on an empty database, when asked) loads the Guilin seeds. */
export async function openStore(config: ApiConfig): Promise<Store> {
  const db = await connect(config.dbUrl, config.dbReadUrls);
  await migrate(db);
  // While answers are kept, the requests that find one expired wait for a single load rather than each
  // reading the database (a busy page would otherwise cost one read per concurrent request every second).
  const kept = config.publicCacheMs > 0;
  const store: Store = {
    ...db,
    models: defineModels(db.sequelize),
    publicItems: new PublicCache(config.publicCacheMs, 10_000, kept),
    // A page is a few kilobytes; searches can ask anything, so fewer pages than items are kept.
    publicLists: new PublicCache(config.publicCacheMs, 2_000, kept),
    // A city's figures are the costliest public answer: concurrent requests share one computation.
    publicMetrics: new PublicCache(config.publicCacheMs, 2_000, true),
    storage: new StorageState(),
  };
  if (config.loadSeeds && (await isEmpty(store))) await seedDatabase(store, loadSeedCatalogue());
  return store;
}

/**
 * The token secret: TOKEN_SECRET, or one generated on first start and kept in the database, so that every
 * instance on the same database accepts the same tokens.
 */
export async function tokenSecret(store: Store, configured?: string): Promise<string> {
  if (configured) return configured;
  await store.models.Setting.findOrCreate({
    where: { key: 'token-secret' },
    defaults: { key: 'token-secret', value: randomBytes(32).toString('base64url') },
  });
  const row = await store.models.Setting.findByPk('token-secret');
  return row!.value;
}

export async function startServer(
  config: ApiConfig,
): Promise<{ server: Server; store: Store; printer: PdfPrinter; dispatcher: WebhookDispatcher }> {
  const store = await openStore(config);
  const printer = new PdfPrinter();
  const app = createApp(store, config, await tokenSecret(store, config.tokenSecret), printer);
  const server = await new Promise<Server>((ready) => {
    const s = createHttpServer(app).listen(config.port, () => ready(s));
  });
  // Delivers the webhook outbox from this process; on MySQL every instance runs one, each row claimed once.
  const dispatcher = new WebhookDispatcher(store).start();
  return { server, store, printer, dispatcher };
}

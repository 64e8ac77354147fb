import { dirname, join } from 'node:path';
import type { WebApp } from './http/webApps';

/** Everything the API reads from the environment, read once at start. */
export interface ApiConfig {
  port: number;
  /** `sqlite:./data/oneseal.sqlite` (embedded default), `sqlite::memory:` or `mysql://user:pass@host:3306/db`. */
  dbUrl: string;
  /** Read replicas (Sequelize replication); reads go there, writes and transactions to `dbUrl`. */
  dbReadUrls: string[];
  /** HMAC secret for tokens; when absent, one is generated once and kept in the database for all instances. */
  tokenSecret?: string;
  tokenTtlSeconds: number;
  /** Base address of the public portal, for links and QR codes in printed documents. */
  publicBaseUrl: string;
  /** Load the Guilin seeds into an empty database. */
  loadSeeds: boolean;
  /** How long a public item answer may be reused (services/publicCache.ts); 0 turns the cache off. */
  publicCacheMs: number;
  /** The built portal (at /) and designer (at /designer), served beside the API. */
  webApps: WebApp[];
}

/** Where a workspace package's built web app lies, if the package is installed. */
function builtApp(pkg: string, dir: string): string | undefined {
  try {
    return join(dirname(require.resolve(`${pkg}/package.json`)), dir);
  } catch {
    return undefined;
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    dbUrl: env.DB_URL ?? 'sqlite:./data/oneseal.sqlite',
    dbReadUrls: (env.DB_READ_URLS ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean),
    tokenSecret: env.TOKEN_SECRET || undefined,
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 8 * 3600),
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    loadSeeds: env.LOAD_SEEDS !== 'false',
    publicCacheMs: Number(env.PUBLIC_CACHE_MS ?? 1000),
    webApps: [
      { mount: '', dir: env.PORTAL_DIR ?? builtApp('@oneseal/runtime', 'dist-web/portal') },
      {
        mount: '/designer',
        dir: env.DESIGNER_DIR ?? builtApp('@oneseal/designer', 'dist'),
        compilesInPage: true,
      },
    ].filter((app): app is WebApp => app.dir !== undefined),
  };
}

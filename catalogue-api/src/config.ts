import { dirname, join } from 'node:path';
import type { WebApp } from './http/webApps';

/** What a rate limit counts: requests of one client address to the routes of that kind. */
export const RATE_LIMIT_KINDS = ['lookup', 'submit', 'login', 'upload'] as const;
export type RateLimitKind = (typeof RATE_LIMIT_KINDS)[number];

/** At most `points` requests in `seconds`. */
export interface RateLimit {
  points: number;
  seconds: number;
}

/** Per client address; RATE_LIMIT_<KIND> overrides, as `30/1m` (30 per minute), `200/1h`, `5/30s` or `off`. */
export const RATE_LIMIT_DEFAULTS: Record<RateLimitKind, string> = {
  lookup: '30/1m',
  submit: '20/10m',
  login: '20/1m',
  upload: '30/10m',
};

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;

function parseRateLimit(name: string, value: string): RateLimit | undefined {
  if (value === 'off') return undefined;
  const match = /^(\d+)\/(\d+)([smh])$/.exec(value);
  const limit = match && {
    points: Number(match[1]),
    seconds: Number(match[2]) * UNIT_SECONDS[match[3] as keyof typeof UNIT_SECONDS],
  };
  if (!limit || limit.points < 1 || limit.seconds < 1)
    throw new Error(`${name} must look like 30/1m (requests per 1 s|m|h) or off, not "${value}"`);
  return limit;
}

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
  /**
   * Addresses and CIDR ranges of the reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY); with
   * none, the client is whoever opened the connection.
   */
  trustProxy: string[];
  /** Per kind of public request; undefined where turned off. */
  rateLimits: Record<RateLimitKind, RateLimit | undefined>;
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
      { mount: '', dir: env.PORTAL_DIR ?? builtApp('@oneseal/portal', 'dist') },
      {
        mount: '/designer',
        dir: env.DESIGNER_DIR ?? builtApp('@oneseal/designer', 'dist'),
        compilesInPage: true,
      },
    ].filter((app): app is WebApp => app.dir !== undefined),
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean),
    rateLimits: Object.fromEntries(
      RATE_LIMIT_KINDS.map((kind) => {
        const name = `RATE_LIMIT_${kind.toUpperCase()}`;
        return [kind, parseRateLimit(name, env[name] ?? RATE_LIMIT_DEFAULTS[kind])];
      }),
    ) as ApiConfig['rateLimits'],
  };
}

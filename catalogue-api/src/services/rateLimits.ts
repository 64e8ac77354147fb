import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterMemory, RateLimiterMySQL, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimit, RateLimitKind } from '../config';
import { ApiError } from '../http/errors';
import type { Store } from './store';

/** The table of migration 0004, the layout rate-limiter-flexible's MySQL store reads and writes. */
const TABLE = 'rate_limits';

export interface LimiterOptions extends RateLimit {
  /** Once over the limit, refused for this long instead of until the window ends. */
  blockSeconds?: number;
}

/**
 * A limiter whose counters every instance shares: in the database on MySQL (rows of `rate_limits`, kept in
 * memory meanwhile if the database cannot be written, so a storage fault never turns into a refusal), in
 * process memory on embedded SQLite, which serves one instance.
 */
export function createLimiter(store: Store, name: string, options: LimiterOptions): RateLimiterAbstract {
  const common = {
    keyPrefix: name,
    points: options.points,
    duration: options.seconds,
    blockDuration: options.blockSeconds ?? 0,
  };
  if (store.dialect !== 'mysql') return new RateLimiterMemory(common);
  return new RateLimiterMySQL({
    ...common,
    storeClient: store.sequelize,
    storeType: 'sequelize',
    dbName: store.sequelize.config.database,
    tableName: TABLE,
    tableCreated: true,
    insuranceLimiter: new RateLimiterMemory(common),
  });
}

/** "30 秒" or "5 分钟": how long to wait, for people. */
export function waitText(seconds: number): string {
  return seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

/** 429 with Retry-After and the usual error body. */
export function tooManyRequests(retryAfterSeconds: number, zh: string, en: string): ApiError {
  return new ApiError(
    429,
    'too-many-requests',
    { zh, en },
    [],
    {},
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

const retrySeconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Spends one point of `key`; a refusal of the limiter becomes a 429, a failure of its store stays an error. */
export async function spend(limiter: RateLimiterAbstract, key: string, zh: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (refused) {
    if (!(refused instanceof RateLimiterRes)) throw refused;
    const wait = retrySeconds(refused);
    throw tooManyRequests(
      wait,
      `${zh}过于频繁，请 ${waitText(wait)}后再试`,
      `Too many requests; try again in ${wait} s`,
    );
  }
}

const WHAT: Record<RateLimitKind, string> = {
  lookup: '查询',
  submit: '提交申请',
  login: '登录尝试',
  upload: '上传',
};

/** The per-address limits of the route table's `rateLimit` kinds (RATE_LIMIT_* in the configuration). */
export class RateLimits {
  private readonly limiters = new Map<RateLimitKind, RateLimiterAbstract>();

  constructor(store: Store, limits: Record<RateLimitKind, RateLimit | undefined>) {
    for (const [kind, limit] of Object.entries(limits) as [RateLimitKind, RateLimit | undefined][])
      if (limit) this.limiters.set(kind, createLimiter(store, `rate-${kind}`, limit));
  }

  /** Counts one request of the client at `address`; 429 once over the limit. */
  async spend(kind: RateLimitKind, address: string): Promise<void> {
    const limiter = this.limiters.get(kind);
    if (limiter) await spend(limiter, address, WHAT[kind]);
  }
}

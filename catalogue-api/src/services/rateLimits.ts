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

/** Wrong phone numbers one application may be looked up with, from all addresses together, per hour. */
export const PHONE_GUESSES_PER_REFERENCE = 10;

/**
 * The per-address limits of the route table's `rateLimit` kinds (RATE_LIMIT_* in the configuration), and the
 * per-application limit of phone guesses.
 */
export class RateLimits {
  private readonly limiters = new Map<RateLimitKind, RateLimiterAbstract>();
  private readonly phoneGuesses: RateLimiterAbstract;

  constructor(store: Store, limits: Record<RateLimitKind, RateLimit | undefined>) {
    for (const [kind, limit] of Object.entries(limits) as [RateLimitKind, RateLimit | undefined][])
      if (limit) this.limiters.set(kind, createLimiter(store, `rate-${kind}`, limit));
    this.phoneGuesses = createLimiter(store, 'phone-guesses', {
      points: PHONE_GUESSES_PER_REFERENCE,
      seconds: 3600,
      blockSeconds: 3600,
    });
  }

  /**
   * Runs a look-up of `reference` by phone number. Wrong numbers count against the application from every
   * address together, so many addresses cannot try the numbers of one application either; past the limit its
   * phone look-ups wait an hour (the 查询码 still works).
   */
  async byPhone<T>(reference: string, lookUp: () => Promise<T>): Promise<T> {
    const guessed = await this.phoneGuesses.get(reference);
    if (guessed && guessed.consumedPoints > PHONE_GUESSES_PER_REFERENCE) {
      const wait = retrySeconds(guessed);
      throw tooManyRequests(
        wait,
        `该受理编号的查询失败次数过多，请 ${waitText(wait)}后再试，或凭查询码查询`,
        `Too many wrong phone numbers for this reference; try again in ${wait} s or use the code`,
      );
    }
    try {
      return await lookUp();
    } catch (error) {
      // The one past the limit is refused by the limiter (and blocks the reference): it is a wrong guess all the same.
      if (error instanceof ApiError && error.status === 404)
        await this.phoneGuesses.consume(reference).catch((refused: unknown) => {
          if (!(refused instanceof RateLimiterRes)) throw refused;
        });
      throw error;
    }
  }

  /** Counts one request of the client at `address`; 429 once over the limit. */
  async spend(kind: RateLimitKind, address: string): Promise<void> {
    const limiter = this.limiters.get(kind);
    if (limiter) await spend(limiter, address, WHAT[kind]);
  }
}

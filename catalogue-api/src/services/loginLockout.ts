import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { addressKey } from '../http/clientAddress';
import { createLimiter, tooManyRequests, waitText } from './rateLimits';
import type { Store } from './store';

/** Wrong passwords for one user from one address before that address is locked out of that user. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_SECONDS = 15 * 60;
/** Wrong passwords for one user, from anywhere, before each further failing address must wait. */
export const DELAY_AFTER_FAILURES = 5;
export const MAX_DELAY_SECONDS = 5 * 60;

/** 2 s, 4 s, 8 s … after the user's sixth failure in 15 minutes, at most 5 minutes. */
export const delaySeconds = (userFailures: number) =>
  Math.min(2 ** (userFailures - DELAY_AFTER_FAILURES), MAX_DELAY_SECONDS);

const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/**
 * Guessing passwords must not lock the real user out. Wrong passwords lock the pair (user, address) they came
 * from — never the user everywhere — and make each further failing address wait longer the more the user is
 * attacked, so guessing from many addresses slows down while the user, at an address that has not failed,
 * signs in at once. The counters are shared by every instance (createLimiter).
 */
export class LoginLockout {
  private readonly pairs: RateLimiterAbstract;
  private readonly users: RateLimiterAbstract;
  private readonly delays: RateLimiterAbstract;

  constructor(store: Store) {
    this.pairs = createLimiter(store, 'login-pair', {
      points: LOCK_AFTER_FAILURES,
      seconds: LOCK_SECONDS,
      blockSeconds: LOCK_SECONDS,
    });
    this.users = createLimiter(store, 'login-user', {
      points: Number.MAX_SAFE_INTEGER,
      seconds: LOCK_SECONDS,
    });
    this.delays = createLimiter(store, 'login-delay', { points: 1, seconds: 1 });
  }

  /**
   * Lets one attempt of `username` from `address` go ahead, or refuses it (429). The attempt is counted before
   * the password is checked, so simultaneous guesses cannot all slip in before the first failure is recorded;
   * a correct password takes it back (`succeeded`).
   */
  async attempt(username: string, address: string): Promise<void> {
    const pair = pairKey(username, address);
    const delayed = await this.delays.get(pair);
    if (delayed && delayed.consumedPoints > 1) {
      const wait = seconds(delayed);
      throw tooManyRequests(
        wait,
        `登录失败次数较多，请 ${waitText(wait)}后再试`,
        `Too many failed sign-ins; try again in ${wait} s`,
      );
    }
    try {
      await this.pairs.consume(pair);
    } catch (refused) {
      if (!(refused instanceof RateLimiterRes)) throw refused;
      const wait = seconds(refused);
      throw tooManyRequests(
        wait,
        `该账号在此地址登录失败次数过多，请 ${waitText(wait)}后再试`,
        `Too many failed sign-ins from this address; try again in ${wait} s`,
      );
    }
  }

  /** A wrong password: the user's count grows, and past DELAY_AFTER_FAILURES this address must wait. */
  async failed(username: string, address: string): Promise<void> {
    const { consumedPoints } = await this.users.consume(username.toLowerCase());
    if (consumedPoints > DELAY_AFTER_FAILURES)
      await this.delays.block(pairKey(username, address), delaySeconds(consumedPoints));
  }

  /** The right password: this address starts afresh for this user. */
  async succeeded(username: string, address: string): Promise<void> {
    const pair = pairKey(username, address);
    await Promise.all([this.pairs.delete(pair), this.delays.delete(pair)]);
  }
}

const pairKey = (username: string, address: string) => `${username.toLowerCase()}|${addressKey(address)}`;

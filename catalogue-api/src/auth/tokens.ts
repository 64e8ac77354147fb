import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Principal, Role } from './roles';
import { ROLES } from './roles';

interface Payload {
  sub: string;
  role: Role;
  region: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * Stateless bearer tokens: base64url(payload).base64url(HMAC-SHA256). Every instance that shares the secret
 * accepts them, so the API keeps no session in memory. A disabled user is refused when the token is used.
 */
export class TokenSigner {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  issue(principal: Principal, now = Date.now()): IssuedToken {
    const exp = Math.floor(now / 1000) + this.ttlSeconds;
    const payload: Payload = {
      sub: principal.username,
      role: principal.role,
      region: principal.regionCode,
      exp,
    };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(exp * 1000) };
  }

  /** The principal of a valid, unexpired token; undefined for anything else. */
  verify(token: string, now = Date.now()): Principal | undefined {
    const [body, signature] = token.split('.');
    if (!body || !signature) return undefined;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let payload: Payload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
    } catch {
      return undefined;
    }
    if (typeof payload.exp !== 'number' || payload.exp * 1000 <= now || !ROLES.includes(payload.role))
      return undefined;
    return { username: payload.sub, role: payload.role, regionCode: payload.region };
  }
}

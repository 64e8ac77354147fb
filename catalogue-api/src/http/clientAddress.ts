import { BlockList, isIP } from 'node:net';
import type { Middleware } from 'koa';

/** `::ffff:1.2.3.4` (an IPv4 client of a dual-stack socket) is 1.2.3.4. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** TRUST_PROXY's addresses and CIDR ranges; an entry that is neither stops the server at start. */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const version = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = version === 6 ? 128 : 32;
    if (!version || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits)))
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1)`);
    const type = version === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

/**
 * Sets `ctx.ip` to the client's address. X-Forwarded-For is read only when the connection comes from a trusted
 * proxy, and then from the right: each trusted proxy appended the address it was connected from, so the first
 * address from the right that is not a trusted proxy is the client. What lies to the left of it was written by
 * the client and is ignored — forging it changes nothing.
 */
export function clientAddress(trustProxy: readonly string[]): Middleware {
  const trusted = trustedProxies(trustProxy);
  const isTrusted = (address: string) => isIP(address) !== 0 && trusted.check(address, family(address));
  return async (ctx, next) => {
    let client = plainAddress(ctx.req.socket.remoteAddress ?? '');
    if (trustProxy.length > 0 && isTrusted(client)) {
      const hops = ctx
        .get('X-Forwarded-For')
        .split(',')
        .map((hop) => plainAddress(hop.trim()))
        .filter(Boolean);
      for (let i = hops.length - 1; i >= 0; i--) {
        // A hop that is not an address cannot have been written by a proxy: stop at the last one believed.
        if (!isIP(hops[i]!)) break;
        client = hops[i]!;
        if (!isTrusted(client)) break;
      }
    }
    ctx.request.ip = client;
    await next();
  };
}

/** Expands an IPv6 address to its eight groups (`2001:db8::1` → 2001, db8, 0, …, 1). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...fill, ...right];
}

/**
 * The key rate limits count a client by: its IPv4 address, or the /64 network of an IPv6 address — one
 * subscriber gets a whole /64 and could otherwise take a fresh address for every request.
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${ipv6Groups(address.split('%')[0]!)
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, '').toLowerCase())
    .join(':')}::/64`;
}

import { readConfig } from '../../config';
import { addressKey, plainAddress, trustedProxies } from '../clientAddress';

describe('client addresses', () => {
  it('reads an IPv4 client of a dual-stack socket as IPv4', () => {
    expect(plainAddress('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(plainAddress('2001:db8::1')).toBe('2001:db8::1');
  });

  it('counts IPv6 clients by their /64 network, IPv4 clients by their address', () => {
    expect(addressKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:0db8:00aa:00bb::9')).toBe('2001:db8:aa:bb::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
  });

  it('takes addresses and CIDR ranges in TRUST_PROXY and refuses anything else at start', () => {
    const list = trustedProxies(['10.0.0.0/8', '192.0.2.7', 'fd00::/8']);
    expect(list.check('10.20.30.40', 'ipv4')).toBe(true);
    expect(list.check('192.0.2.7', 'ipv4')).toBe(true);
    expect(list.check('192.0.2.8', 'ipv4')).toBe(false);
    expect(list.check('fd12::1', 'ipv6')).toBe(true);
    for (const bad of ['loadbalancer', '10.0.0.0/33', '10.0.0.0/x', '*'])
      expect(() => trustedProxies([bad])).toThrow(`TRUST_PROXY: "${bad}"`);
  });
});

describe('rate limits in the configuration', () => {
  it('reads RATE_LIMIT_* as requests per seconds, minutes or hours, or off', () => {
    const limits = readConfig({
      RATE_LIMIT_LOOKUP: '5/30s',
      RATE_LIMIT_SUBMIT: '100/1h',
      RATE_LIMIT_LOGIN: 'off',
    }).rateLimits;
    expect(limits.lookup).toEqual({ points: 5, seconds: 30 });
    expect(limits.submit).toEqual({ points: 100, seconds: 3600 });
    expect(limits.login).toBeUndefined();
    expect(limits.upload).toEqual({ points: 30, seconds: 600 });
  });

  it('refuses a limit it cannot read, naming the variable', () => {
    for (const bad of ['30', '30/min', '0/1m', '-1/1m', '30/0s'])
      expect(() => readConfig({ RATE_LIMIT_LOOKUP: bad })).toThrow(`RATE_LIMIT_LOOKUP must look like`);
  });
});

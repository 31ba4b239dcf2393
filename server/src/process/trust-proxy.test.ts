import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from './trust-proxy.ts';

describe('BEACON_TRUST_PROXY', () => {
  it('trusts nobody when unset, empty or false', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
  });

  it('trusts every peer for true', () => {
    expect(parseTrustProxy('true')).toBe(true);
  });

  it('takes addresses, CIDR ranges (IPv4 and IPv6) and the named ranges, as a list', () => {
    expect(parseTrustProxy('10.0.0.5')).toEqual(['10.0.0.5']);
    expect(parseTrustProxy(' 10.0.0.5, 10.1.0.0/16 ,fd00::/8,loopback,uniquelocal,::1 ')).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback', 'uniquelocal', '::1']);
  });

  it('refuses a hop count, saying Fastify ignores it and what to give instead', () => {
    expect(() => parseTrustProxy('1')).toThrow(/BEACON_TRUST_PROXY="1": a hop count is not supported .*name the proxies instead: true, false, or a comma-separated list/);
  });

  it('refuses anything else with the entry at fault', () => {
    expect(() => parseTrustProxy('yes')).toThrow('"yes" is not an address, a CIDR range or a range name');
    expect(() => parseTrustProxy('10.0.0.1,nginx')).toThrow('"nginx" is not an address');
    expect(() => parseTrustProxy('0x7f.1')).toThrow('"0x7f.1" is not an address');
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow('invalid range on address: 10.0.0.0/33');
    expect(() => parseTrustProxy('10.0.0.0/x')).toThrow('invalid range on address: 10.0.0.0/x');
    expect(() => parseTrustProxy('10.0.0.1,')).toThrow('"" is not an address');
  });
});

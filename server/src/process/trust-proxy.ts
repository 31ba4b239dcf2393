import { isIP } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';

/** What Fastify's `trustProxy` gets: trust nobody, every peer, or only these proxies. */
export type TrustProxy = boolean | string[];

/** proxy-addr's named ranges (loopback 127.0.0.1/8 and ::1, linklocal, uniquelocal: 10/8, 172.16/12, 192.168/16, fc00::/7). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export const TRUST_PROXY_EXPECTED =
  'true, false, or a comma-separated list of proxy addresses, CIDR ranges and the names loopback, linklocal, uniquelocal (e.g. "10.0.0.5,10.1.0.0/16")';

/**
 * Reads BEACON_TRUST_PROXY: which peers may tell us the client's address in X-Forwarded-For. Unset
 * means none (the default, and right for a node clients reach directly: any client could forge the
 * header). A hop count is refused, not guessed at: Fastify 5 ignores numeric trust (a client could
 * add hops to spoof its address), so "1" would silently trust nobody — or, as an address, 0.0.0.1.
 * Each entry is checked by @fastify/proxy-addr, the parser Fastify itself applies to the value.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    throw new Error(`BEACON_TRUST_PROXY="${raw}": a hop count is not supported (Fastify ignores it); name the proxies instead: ${TRUST_PROXY_EXPECTED}`);
  }
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (NAMED_RANGES.has(entry)) continue;
    // node:net first: proxy-addr alone would read "10" or "0x7f.1" as IPv4 addresses.
    const address = entry.includes('/') ? entry.slice(0, entry.lastIndexOf('/')) : entry;
    if (isIP(address) === 0) {
      throw new Error(`BEACON_TRUST_PROXY="${raw}": "${entry}" is not an address, a CIDR range or a range name; expected ${TRUST_PROXY_EXPECTED}`);
    }
  }
  try {
    proxyAddr.compile(entries);
  } catch (err) {
    throw new Error(`BEACON_TRUST_PROXY="${raw}": ${(err as Error).message}; expected ${TRUST_PROXY_EXPECTED}`);
  }
  return entries;
}

/** The process shell's reading: a malformed value stops the start with one line saying why (exit 2, like a bad --port). */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv): TrustProxy {
  try {
    return parseTrustProxy(env.BEACON_TRUST_PROXY);
  } catch (err) {
    console.error(`beacon: ${(err as Error).message}`);
    process.exit(2);
  }
}

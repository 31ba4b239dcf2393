import { request } from 'node:http';
import { parseTrustProxy } from '@beacon/server/process/trust-proxy.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type TestProxy } from '../support/proxy.ts';
import { startServerProcess } from '../support/server-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Behind a proxy, every node sees the proxy's address. With BEACON_TRUST_PROXY naming the proxy, the
// sign-in limit per address and the audit trail see the client's, from X-Forwarded-For; without
// it they see the proxy (and a client's own X-Forwarded-For is never believed).

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

/** A failed sign-in sent from a chosen loopback address (all of 127.0.0.0/8 is this machine), optionally with a forged X-Forwarded-For. */
function signInFrom(baseUrl: string, localAddress: string, username: string, forwardedFor?: string) {
  const { hostname, port } = new URL(baseUrl);
  const body = JSON.stringify({ username, password: 'not-the-password' });
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) };
  return new Promise<number>((resolve, reject) => {
    request({ host: hostname, port, localAddress, method: 'POST', path: '/api/v1/auth/sign-in', headers }, (res) => {
      res.resume().on('end', () => resolve(res.statusCode!));
    }).on('error', reject).end(body);
  });
}

async function auditedAddresses(server: TestServer, prefix: string): Promise<string[]> {
  const rows = await server.db.sql<{ address: string }[]>`
    select details->>'address' as address from audit_entries where action = 'auth.sign-in' and actor_name like ${`${prefix}%`} order by id`;
  return rows.map((r) => r.address);
}

describe.each([
  { trust: '127.0.0.1', sees: 'the client' },
  { trust: undefined, sees: 'the proxy' },
])('BEACON_TRUST_PROXY=$trust: the server sees $sees', ({ trust }) => {
  let server: TestServer;
  let proxy: TestProxy;
  beforeAll(async () => {
    server = await startTestServer(database.url, { auth: { signInPerAddressPerMinute: 2 } }, { trustProxy: parseTrustProxy(trust) });
    proxy = await startProxy([server.baseUrl]);
    await server.db.sql`truncate rate_limit_counters`;
  });
  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });

  it('in the audit trail and the per-address sign-in limit', async () => {
    const who = trust ? 'trusted' : 'untrusted';
    // Two clients behind the proxy, the first forging an address of its own choosing.
    const statuses = [
      await signInFrom(proxy.baseUrl, '127.0.0.51', `${who}-a1`, '203.0.113.7'),
      await signInFrom(proxy.baseUrl, '127.0.0.51', `${who}-a2`),
      await signInFrom(proxy.baseUrl, '127.0.0.52', `${who}-b1`),
    ];
    if (trust) {
      // The proxy named; the client behind it counted alone; the forged hop ignored (it came from the client, not the proxy).
      expect(statuses).toEqual([401, 401, 401]);
      expect(await auditedAddresses(server, who)).toEqual(['127.0.0.51', '127.0.0.51', '127.0.0.52']);
      expect(await signInFrom(proxy.baseUrl, '127.0.0.51', `${who}-a3`)).toBe(429);
    } else {
      // Everyone behind the proxy is one address: the third client is refused for the first two's attempts.
      expect(statuses).toEqual([401, 401, 429]);
      expect(await auditedAddresses(server, who)).toEqual(['127.0.0.1', '127.0.0.1']);
    }
  });
});

describe('the process', () => {
  // Every malformed form is in server/src/process/trust-proxy.test.ts; this is the shell's wiring.
  it('refuses a malformed BEACON_TRUST_PROXY before it starts anything', async () => {
    const started = startServerProcess(database.url, { BEACON_TRUST_PROXY: '1' });
    await expect(started).rejects.toThrow(/server exited \(2\) before it was up/);
    await expect(started).rejects.toThrow('beacon: BEACON_TRUST_PROXY="1": a hop count is not supported');
  });
});

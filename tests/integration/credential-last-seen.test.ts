import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { AccessRevocations } from '@beacon/server/auth/revocations.ts';
import { guardNamespace } from '@beacon/server/auth/socket-auth.ts';
import { openStream } from '../support/stream-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { testGauge } from '../support/test-gauges.ts';

/**
 * The admin's "last seen" (kiosk tokens) and "last used" (department keys): recorded in the paths
 * that authenticate them, at most once a minute, and served with the lists; revoking a key by id.
 */

let database: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { rateLimit: false });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

const asAdmin = (path: string, init: RequestInit = {}) =>
  fetch(`${server.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${server.tokens.admin}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers } });

function ingest(key: string) {
  return fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ records: [{ stationId: testGauge(0), observedAt: new Date(Date.now() - 60_000).toISOString(), rainfall1hMm: 1.5 }] }),
  });
}

interface KeyRow { id: string; department: string; label: string; revokedAt: string | null; lastUsedAt: string | null }
interface KioskRow { id: string; label: string; revokedAt: string | null; lastSeenAt: string | null }

async function keys(): Promise<KeyRow[]> {
  const res = await asAdmin('/api/v1/department-keys');
  expect(res.status).toBe(200);
  return (await res.json()) as KeyRow[];
}

describe('department keys: last used', () => {
  it('is null until the key authenticates, then the time of that request', async () => {
    const { id, key } = await createDepartmentKey(server.db.sql, 'meteorology', 'gauge gateway');
    expect((await keys()).find((k) => k.id === id)).toMatchObject({ department: 'meteorology', label: 'gauge gateway', revokedAt: null, lastUsedAt: null });
    const before = await dbNow();
    expect((await ingest(key)).status).toBe(200);
    const used = (await keys()).find((k) => k.id === id)!;
    expect(Date.parse(used.lastUsedAt!)).toBeGreaterThanOrEqual(before);
    // Never the key, never its hash.
    expect(JSON.stringify(await keys())).not.toContain(key.slice(3, 20));
    expect(Object.keys(used).sort()).toEqual(['createdAt', 'department', 'id', 'label', 'lastUsedAt', 'revokedAt']);
  });

  it('is written at most once a minute: a second batch within the minute leaves it, one a minute later moves it', async () => {
    const { id, key } = await createDepartmentKey(server.db.sql, 'meteorology', 'throttled');
    const old = '2026-01-01T00:00:30.000Z';
    await server.db.sql`update department_keys set last_used_at = now() - interval '30 seconds' where id = ${id}`;
    const [recent] = await server.db.sql<{ at: Date }[]>`select last_used_at as at from department_keys where id = ${id}`;
    expect((await ingest(key)).status).toBe(200);
    expect((await keys()).find((k) => k.id === id)!.lastUsedAt).toBe(recent!.at.toISOString());
    await server.db.sql`update department_keys set last_used_at = ${old} where id = ${id}`;
    expect((await ingest(key)).status).toBe(200);
    expect(Date.parse((await keys()).find((k) => k.id === id)!.lastUsedAt!)).toBeGreaterThan(Date.parse(old));
  });

  it('keeps moving on an open ingest stream: its periodic key re-check notes the use', async () => {
    // Re-check on every message here (30 s in the app), so the second message shows it.
    const strict = await startTestServer(database.url, { rateLimit: false, stream: { recheckKeyMs: 0 } });
    try {
      const { id, key } = await createDepartmentKey(strict.db.sql, 'meteorology', 'stream gateway');
      const stream = await openStream(strict.baseUrl, { key });
      await strict.db.sql`update department_keys set last_used_at = now() - interval '3 hours' where id = ${id}`;
      const before = await dbNow();
      const reply = await stream.request({ id: 'm-1', category: 'rain-gauge', records: [{ stationId: testGauge(1), observedAt: new Date(Date.now() - 60_000).toISOString(), rainfall1hMm: 2 }] });
      expect(reply).toMatchObject({ id: 'm-1', ok: true });
      const [row] = await strict.db.sql<{ at: Date }[]>`select last_used_at as at from department_keys where id = ${id}`;
      expect(row!.at.getTime()).toBeGreaterThanOrEqual(before);
      stream.close();
    } finally {
      await strict.close();
    }
  });

  it('is not written for an unknown or revoked key', async () => {
    const { id, key } = await createDepartmentKey(server.db.sql, 'meteorology', 'to revoke');
    const revoke = await asAdmin(`/api/v1/department-keys/${id}`, { method: 'DELETE' });
    expect(revoke.status).toBe(200);
    expect(await revoke.json()).toEqual({ id, revoked: true });
    expect((await ingest(key)).status).toBe(401);
    expect((await keys()).find((k) => k.id === id)).toMatchObject({ lastUsedAt: null });
    expect((await keys()).find((k) => k.id === id)!.revokedAt).not.toBeNull();
  });
});

describe('revoking a department key by id', () => {
  it('refuses the key from then on, audits who revoked it, and answers an unknown or spent id with 404 and the field', async () => {
    const { id, key } = await createDepartmentKey(server.db.sql, 'meteorology', 'revoked by id');
    expect((await ingest(key)).status).toBe(200);
    expect((await asAdmin(`/api/v1/department-keys/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await ingest(key)).status).toBe(401);
    const again = await asAdmin(`/api/v1/department-keys/${id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ code: 'BEACON_UNKNOWN_KEY', issues: [{ path: 'params.id', expected: 'the id of a live department key', got: id }] });
    const [audit] = await server.db.sql<{ actor_role: string; target: string; details: { keyId: string } }[]>`
      select actor_role, target, details from audit_entries where action = 'admin.department-key-revoked' and details->>'keyId' = ${id}`;
    expect(audit).toMatchObject({ actor_role: 'admin', target: 'meteorology', details: { keyId: id } });
  });

  it('answers an id no key can have (NUL, a lone surrogate, a prototype name, too long) with a 4xx naming what was wrong, never a 5xx', async () => {
    // A surrogate cannot be UTF-8 in a URL: that one is refused as a malformed URL (path "url"), the rest at the id ("/id" from the schema, "params.id" for no such key).
    for (const id of ['%00', '%ED%A0%80', '__proto__', 'constructor', 'x'.repeat(81)]) {
      const res = await asAdmin(`/api/v1/department-keys/${id}`, { method: 'DELETE' });
      const body = (await res.json()) as { issues: { path: string }[] };
      expect(res.status, id).toBeGreaterThanOrEqual(400);
      expect(res.status, id).toBeLessThan(500);
      expect(body.issues[0]!.path, id).toMatch(/^(\/id|params\.id|url)$/);
    }
  });

  it('is for admins only', async () => {
    const { id } = await createDepartmentKey(server.db.sql, 'meteorology', 'not yours');
    for (const role of ['duty', 'commander'] as const) {
      const res = await fetch(`${server.baseUrl}/api/v1/department-keys/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${server.tokens[role]}` } });
      expect(res.status).toBe(403);
    }
    expect((await keys()).find((k) => k.id === id)!.revokedAt).toBeNull();
  });
});

describe('kiosk tokens: last seen', () => {
  async function kiosks(): Promise<KioskRow[]> {
    const res = await asAdmin('/api/v1/kiosk-tokens');
    expect(res.status).toBe(200);
    return (await res.json()) as KioskRow[];
  }

  async function issue(label: string) {
    const res = await asAdmin('/api/v1/kiosk-tokens', { method: 'POST', body: JSON.stringify({ label }) });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; token: string };
  }

  it('is null until the wall connects, then set by the socket handshake; the list never holds the token', async () => {
    const wall = await issue('hall main wall');
    expect((await kiosks()).find((k) => k.id === wall.id)).toMatchObject({ label: 'hall main wall', revokedAt: null, lastSeenAt: null });
    const before = await dbNow();
    const socket = io(server.baseUrl, { transports: ['websocket'], auth: { token: wall.token }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    socket.close();
    const seen = (await kiosks()).find((k) => k.id === wall.id)!;
    expect(Date.parse(seen.lastSeenAt!)).toBeGreaterThanOrEqual(before);
    expect(JSON.stringify(await kiosks())).not.toContain(wall.token);
  });

  it('keeps moving while the wall stays connected (every minute; here every 50 ms on a namespace guarded for the test)', async () => {
    const wall = await issue('connected wall');
    // The app's own namespaces note an open wall every 60 s; a namespace of the same server, guarded
    // the same way with a short period, shows the mechanism without waiting a minute.
    guardNamespace(server.app.hub.io.of('/seen-test'), '/', {
      sql: server.db.sql, tokens: server.app.tokens, now: Date.now, revocations: new AccessRevocations(), kioskSeenEveryMs: 50,
    });
    const socket = io(`${server.baseUrl}/seen-test`, { transports: ['websocket'], auth: { token: wall.token }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    try {
      // As if the handshake had been long ago: the open socket must bring it back to now.
      await server.db.sql`update kiosk_tokens set last_seen_at = now() - interval '3 hours' where id = ${wall.id}`;
      const before = await dbNow();
      await expect.poll(async () => Date.parse((await kiosks()).find((k) => k.id === wall.id)!.lastSeenAt!), { timeout: 10_000 }).toBeGreaterThanOrEqual(before);
    } finally {
      socket.close();
    }
  });

  it('is set by a request with the token, at most once a minute', async () => {
    const wall = await issue('side wall');
    const me = () => fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${wall.token}` } });
    await server.db.sql`update kiosk_tokens set last_seen_at = now() - interval '20 seconds' where id = ${wall.id}`;
    const [row] = await server.db.sql<{ at: Date }[]>`select last_seen_at as at from kiosk_tokens where id = ${wall.id}`;
    expect((await me()).status).toBe(200);
    expect((await kiosks()).find((k) => k.id === wall.id)!.lastSeenAt).toBe(row!.at.toISOString());
    await server.db.sql`update kiosk_tokens set last_seen_at = now() - interval '2 minutes' where id = ${wall.id}`;
    const before = await dbNow();
    expect((await me()).status).toBe(200);
    expect(Date.parse((await kiosks()).find((k) => k.id === wall.id)!.lastSeenAt!)).toBeGreaterThanOrEqual(before);
  });

  it('is not moved by a revoked token, which is refused', async () => {
    const wall = await issue('revoked wall');
    expect((await asAdmin(`/api/v1/kiosk-tokens/${wall.id}`, { method: 'DELETE' })).status).toBe(200);
    const res = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${wall.token}` } });
    expect(res.status).toBe(401);
    expect((await kiosks()).find((k) => k.id === wall.id)).toMatchObject({ lastSeenAt: null });
  });

  it('lists for admins only', async () => {
    for (const path of ['/api/v1/kiosk-tokens', '/api/v1/department-keys']) {
      for (const token of [server.tokens.duty, server.tokens.commander, server.wallToken]) {
        expect((await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })).status, path).toBe(403);
      }
    }
  });
});

/** The database's clock, to the millisecond: what "now()" in the update said, bar the statement's own time. */
async function dbNow(): Promise<number> {
  const [row] = await server.db.sql<{ now: Date }[]>`select clock_timestamp() as now`;
  return Math.floor(row!.now.getTime());
}

import { request } from 'node:http';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '@beacon/db';
import { provisionFirstStart } from '@beacon/server/auth/first-start.ts';
import { createTokenService, loadTokenSecret } from '@beacon/server/auth/tokens.ts';
import { createUser } from '@beacon/server/auth/users.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let database: TestDatabase;
let server: TestServer;
let clock = Date.now();

beforeAll(async () => {
  database = await createTestDatabase();
  // Every request of this file comes from 127.0.0.1: the per-address cap has its own server below.
  server = await startTestServer(database.url, { now: () => clock, auth: { signInPerAddressPerMinute: 1000 } });
  await createUser(server.db.sql, { username: 'wang', displayName: '王指挥', role: 'commander', password: 'typhoon-meranti-2016' });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

function signIn(username: string, password: string) {
  return fetch(`${server.baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('sign-in', () => {
  it('returns a token that works, with who it belongs to', async () => {
    const res = await signIn('wang', 'typhoon-meranti-2016');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { token: string; expiresAt: number; actor: { name: string; role: string } };
    expect(body.actor).toMatchObject({ name: '王指挥', role: 'commander' });
    expect(body.expiresAt).toBe(Math.floor(clock / 1000) * 1000 + 12 * 3600_000);
    const me = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(await me.json()).toMatchObject({ name: '王指挥', role: 'commander' });
  });

  it('stores only an argon2id hash', async () => {
    const [row] = await server.db.sql<{ password_hash: string }[]>`select password_hash from users where username = 'wang'`;
    expect(row!.password_hash).toMatch(/^\$argon2id\$/);
    expect(row!.password_hash).not.toContain('typhoon-meranti-2016');
  });

  it('answers a wrong password and an unknown user alike, and audits both', async () => {
    const wrong = await signIn('wang', 'nope');
    const unknown = await signIn('nobody', 'nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(b);
    expect(a).toMatchObject({ code: 'BEACON_SIGN_IN_FAILED', issues: [{ path: '/password' }] });
    const audit = await server.db.sql<{ actor_name: string; outcome: string }[]>`select actor_name, outcome from audit_entries where action = 'auth.sign-in' order by id`;
    expect(audit.map((r) => `${r.actor_name}:${r.outcome}`)).toEqual(expect.arrayContaining(['王指挥:ok', 'wang:refused', 'nobody:refused']));
  });

  it('names the missing field of a malformed sign-in', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wang' }) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('password');
  });

  it('limits attempts per user name: the 11th in a minute is refused even with the right password', async () => {
    await createUser(server.db.sql, { username: 'li', displayName: '李值班', role: 'duty', password: 'correct-horse-battery' });
    for (let i = 0; i < 10; i++) expect((await signIn('li', `guess-${i}`)).status).toBe(401);
    const limited = await signIn('li', 'correct-horse-battery');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'BEACON_RATE_LIMITED', issues: [{ path: '/username' }] });
    // Other users are not locked out by it.
    expect((await signIn('wang', 'typhoon-meranti-2016')).status).toBe(200);
  });

  it('tells a client refused by the per-name limit when to retry', async () => {
    await createUser(server.db.sql, { username: 'sun', displayName: '孙值班', role: 'duty', password: 'harbour-wind-signal-8' });
    for (let i = 0; i < 10; i++) await signIn('sun', `guess-${i}`);
    const limited = await signIn('sun', `guess-10`);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({
      message: `more than 10 sign-in attempts per minute for one user name from one address; retry in ${retryAfter} s`,
      issues: [{ path: '/username', expected: 'at most 10 sign-in attempts per minute for one user name from one address' }],
    });
  });

  it('refuses a token once it has expired', async () => {
    const { token } = (await (await signIn('wang', 'typhoon-meranti-2016')).json()) as { token: string };
    clock += 12 * 3600_000 + 1000;
    try {
      const res = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ issues: [{ got: 'an expired token' }] });
    } finally {
      clock -= 12 * 3600_000 + 1000;
    }
  });
});

describe('the per-address cap across user names', () => {
  /** A sign-in sent from a chosen loopback address (all of 127.0.0.0/8 reaches the server on 127.0.0.1). */
  function signInFrom(baseUrl: string, localAddress: string, username: string, password: string) {
    const { port } = new URL(baseUrl);
    const body = JSON.stringify({ username, password });
    return new Promise<{ status: number; retryAfter: string | undefined; body: unknown }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, localAddress, method: 'POST', path: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => { text += chunk; }).on('end', () => {
          resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text) });
        });
      });
      req.on('error', reject).end(body);
    });
  }

  it('refuses the 31st attempt in a minute from one address whatever the names, before checking any password', async () => {
    // A fresh server with the default limits, on the same database. The counters are the database's,
    // shared with the server above (which signed in from 127.0.0.1): this test's addresses are its own.
    const capped = await startTestServer(database.url, { now: () => clock });
    try {
      await createUser(capped.db.sql, { username: 'zhou', displayName: '周值班', role: 'duty', password: 'ferry-terminal-east-9' });
      // 60 different names from one address: only the first 30 are checked.
      const answers = [];
      for (let i = 0; i < 60; i++) answers.push(await signInFrom(capped.baseUrl, '127.0.0.31', `spray-${i}`, 'Summer2026!'));
      expect(answers.slice(0, 30).map((a) => a.status)).toEqual(Array(30).fill(401));
      expect(answers.slice(30).map((a) => a.status)).toEqual(Array(30).fill(429));
      const refused = answers[30]!;
      const retryAfter = Number(refused.retryAfter);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.body).toEqual({
        statusCode: 429, code: 'BEACON_RATE_LIMITED', error: 'Too Many Requests',
        message: `more than 30 sign-in attempts per minute from one address, whatever the user names; retry in ${retryAfter} s`,
        issues: [{
          path: '', expected: 'at most 30 sign-in attempts per minute from one address, whatever the user names',
          got: `more than 30 in the current minute; retry after ${retryAfter} s`,
        }],
      });
      // Only 30 passwords were checked (each refused check is audited); the rest were turned away first.
      const [checked] = await capped.db.sql<{ n: number }[]>`select count(*)::int as n from audit_entries where action = 'auth.sign-in' and actor_name like 'spray-%'`;
      expect(checked?.n).toBe(30);
      // The cap is the address's: the right password from it waits too, another address does not.
      expect((await signInFrom(capped.baseUrl, '127.0.0.31', 'zhou', 'ferry-terminal-east-9')).status).toBe(429);
      expect((await signInFrom(capped.baseUrl, '127.0.0.32', 'zhou', 'ferry-terminal-east-9')).status).toBe(200);
      expect((await signInFrom(capped.baseUrl, '127.0.0.32', 'spray-0', 'Summer2026!')).status).toBe(401);
    } finally {
      await capped.close();
    }
  });
});

describe('the first start', () => {
  it('creates an admin, a commander, a duty officer and a wall link once, with random passwords that sign in', async () => {
    const fresh = await createTestDatabase();
    // Provisioned before any server (the test server adds its own test users).
    const db = connectDatabase(fresh.url, { max: 1 });
    const tokens = createTokenService(await loadTokenSecret(db.sql), Date.now);
    const first = await provisionFirstStart(db.sql, tokens);
    expect(await provisionFirstStart(db.sql, tokens)).toBeNull();
    await db.close();
    const other = await startTestServer(fresh.url);
    try {
      expect(first!.users.map((u) => u.role)).toEqual(['admin', 'commander', 'duty']);
      expect(new Set(first!.users.map((u) => u.password)).size).toBe(3);
      const admin = first!.users[0]!;
      const res = await fetch(`${other.baseUrl}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: admin.username, password: admin.password }) });
      expect(res.status).toBe(200);
      const wall = await fetch(`${other.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${first!.kioskToken}` } });
      expect(await wall.json()).toMatchObject({ role: 'wall' });
    } finally {
      await other.close();
      await fresh.drop();
    }
  });
});

describe('revoking access', () => {
  it('stops a disabled user\'s token at once, and refuses their sign-in', async () => {
    await createUser(server.db.sql, { username: 'zhao', displayName: '赵值班', role: 'duty', password: 'lantern-on-the-night-desk' });
    const { token } = (await (await signIn('zhao', 'lantern-on-the-night-desk')).json()) as { token: string };
    const me = () => fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    const res = await fetch(`${server.baseUrl}/api/v1/users/zhao/disable`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.admin}` } });
    expect(res.status).toBe(200);
    expect(await (await me()).json()).toMatchObject({ statusCode: 401, issues: [{ got: 'a token of a disabled or unknown user' }] });
    expect((await signIn('zhao', 'lantern-on-the-night-desk')).status).toBe(401);
    const again = await fetch(`${server.baseUrl}/api/v1/users/zhao/disable`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.admin}` } });
    expect(again.status).toBe(404);
  });

  it('revokes a wall\'s kiosk token through the API', async () => {
    const created = (await (await fetch(`${server.baseUrl}/api/v1/kiosk-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.tokens.admin}` }, body: JSON.stringify({ label: '二号屏' }),
    })).json()) as { id: string; token: string; wallPath: string };
    expect(created.wallPath).toBe(`/wall#kiosk=${created.token}`);
    const me = () => fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${created.token}` } });
    expect(await (await me()).json()).toMatchObject({ role: 'wall', name: '二号屏' });
    expect((await fetch(`${server.baseUrl}/api/v1/kiosk-tokens/${created.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${server.tokens.admin}` } })).status).toBe(200);
    expect((await me()).status).toBe(401);
  });
});

describe('revoking access closes open connections', () => {
  /** A screen's socket on a namespace, connected with `token`; resolves once the handshake passed. */
  async function connected(namespace: '/' | '/replay', token: string): Promise<Socket> {
    const socket = io(`${server.baseUrl}${namespace === '/' ? '' : namespace}`, { transports: ['websocket'], auth: { token }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }
  const disconnection = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));
  /** What the handshake answers when the socket tries again, as a screen does after a server disconnect. */
  const reconnectRefusal = (socket: Socket) => new Promise<{ message: string; data?: { code?: string } }>((resolve, reject) => {
    socket.once('connect', () => reject(new Error('reconnected with a revoked credential')));
    socket.once('connect_error', resolve);
    socket.connect();
  });

  it('disconnects a disabled user\'s live and replay sockets at once, and refuses them again', async () => {
    await createUser(server.db.sql, { username: 'qian', displayName: '钱值班', role: 'duty', password: 'rain-gauge-at-dawn-17' });
    const { token } = (await (await signIn('qian', 'rain-gauge-at-dawn-17')).json()) as { token: string };
    const live = await connected('/', token);
    const replay = await connected('/replay', token);
    const bystander = await connected('/', server.tokens.duty);
    const closed = Promise.all([disconnection(live), disconnection(replay)]);
    const res = await fetch(`${server.baseUrl}/api/v1/users/qian/disable`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.admin}` } });
    expect(res.status).toBe(200);
    expect(await closed).toEqual(['io server disconnect', 'io server disconnect']);
    const refusal = await reconnectRefusal(live);
    expect(refusal.data?.code).toBe('BEACON_UNAUTHENTICATED');
    expect(refusal.message).toContain('a token of an active user');
    // Someone else's session is untouched.
    expect(bystander.connected).toBe(true);
    for (const s of [live, replay, bystander]) s.close();
  });

  it('disconnects a wall whose kiosk token is revoked', async () => {
    const created = (await (await fetch(`${server.baseUrl}/api/v1/kiosk-tokens`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.tokens.admin}` }, body: JSON.stringify({ label: '三号屏' }),
    })).json()) as { id: string; token: string };
    const wall = await connected('/', created.token);
    const otherWall = await connected('/', server.wallToken);
    const closed = disconnection(wall);
    expect((await fetch(`${server.baseUrl}/api/v1/kiosk-tokens/${created.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${server.tokens.admin}` } })).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    expect((await reconnectRefusal(wall)).message).toContain('a live kiosk token');
    expect(otherWall.connected).toBe(true);
    for (const s of [wall, otherWall]) s.close();
  });
});

describe('generated input', () => {
  it('answers any body on the sign-in and admin routes with a 2xx or a 4xx that names the problem, never a 5xx', async () => {
    const routes = ['/api/v1/auth/sign-in', '/api/v1/users', '/api/v1/kiosk-tokens', '/api/v1/department-keys'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          fc.anything(),
          fc.record({ username: fc.string(), password: fc.string(), displayName: fc.string(), role: fc.string(), label: fc.string(), department: fc.string() }, { requiredKeys: [] }),
        ),
        async (route, body) => {
          const res = await fetch(`${server.baseUrl}${route}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${server.tokens.admin}` },
            body: JSON.stringify(body) ?? 'null',
          });
          const answer = (await res.json()) as { issues?: unknown[] };
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(answer.issues?.length ?? 0).toBeGreaterThan(0);
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('security headers', () => {
  it('sends a content security policy that allows only this origin', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/health`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the same headers on refusals and unknown routes as on answers', async () => {
    const answered = await fetch(`${server.baseUrl}/api/v1/health`);
    const refused = await fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const unknown = await fetch(`${server.baseUrl}/api/v1/no-such-route`);
    expect(refused.status).toBe(401);
    expect(unknown.status).toBe(404);
    for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy']) {
      expect(answered.headers.get(name)).toBeTruthy();
      expect(refused.headers.get(name)).toBe(answered.headers.get(name));
      expect(unknown.headers.get(name)).toBe(answered.headers.get(name));
    }
  });
});

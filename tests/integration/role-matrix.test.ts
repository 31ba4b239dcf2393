import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { connectDatabase, type Database } from '@beacon/db';
import { beacon, createFastify, defaultScreenDir } from '@beacon/server';
import { libraryRouteAccess, type Access } from '@beacon/server/auth/access.ts';
import { createKioskToken, revokeKiosk } from '@beacon/server/auth/kiosk.ts';
import { socketAccess } from '@beacon/server/auth/socket-auth.ts';
import { createTokenService, loadTokenSecret, USER_TOKEN_TTL_MS } from '@beacon/server/auth/tokens.ts';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { categories, commandKinds, commandRoles, PROTOCOL_VERSION, type Command, type CommandKind } from '@beacon/shared';
import type { FastifyInstance } from 'fastify';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokensFor } from '../support/test-server.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Every HTTP route and socket event against every credential: each allowed or refused as its
 * declared access says. Routes are collected as the app registers them, so a new route is in the
 * matrix without anyone adding it here.
 */

type Credential = 'none' | 'expired' | 'tampered' | 'foreign' | 'revoked-kiosk' | 'signed-out' | 'wall' | 'duty' | 'commander' | 'admin' | 'department' | 'scraper';
const credentials: Credential[] = ['none', 'expired', 'tampered', 'foreign', 'revoked-kiosk', 'signed-out', 'wall', 'duty', 'commander', 'admin', 'department', 'scraper'];
const signedIn = new Set<Credential>(['wall', 'duty', 'commander', 'admin']);

let database: TestDatabase;
let db: Database;
let app: FastifyInstance;
let baseUrl: string;
/** `machine`: the route also takes a machine's token (the metrics scrape token), which the 'scraper' credential is. */
const routes: { method: string; url: string; access: Access; machine: boolean }[] = [];
const SCRAPE_TOKEN = randomBytes(32).toString('hex');
const token: Partial<Record<Credential, string>> = {};
let cells = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 4 });
  app = createFastify();
  app.addHook('onRoute', (r) => {
    // HEAD included: Fastify's automatic HEAD twin of each GET route passes through here too.
    for (const method of [r.method].flat()) routes.push({ method, url: r.url, access: (r.config?.access ?? libraryRouteAccess(r.url)) as Access, machine: Boolean(r.config?.machineToken) });
  });
  const screenDir = existsSync(join(defaultScreenDir, 'index.html')) ? defaultScreenDir : null;
  await app.register(beacon, { db, screenDir, rateLimit: false, auth: { signInPerMinute: 10_000, signInPerAddressPerMinute: 10_000 }, metrics: { scrapeToken: SCRAPE_TOKEN } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  Object.assign(token, await tokensFor(app, db.sql));
  token.wall = (await createKioskToken(db.sql, app.tokens, 'matrix wall')).token;
  const revoked = await createKioskToken(db.sql, app.tokens, 'revoked wall');
  await revokeKiosk(db.sql, revoked.id);
  token['revoked-kiosk'] = revoked.token;
  // A commander's token ended by sign-out (the user is active; only this token is refused).
  const signedOut = await app.tokens.issue({ id: 'test-commander', name: 'commander (test)', role: 'commander' }, 'user', USER_TOKEN_TTL_MS);
  const signOut = await fetch(`${baseUrl}/api/v1/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${signedOut.token}` } });
  if (signOut.status !== 200) throw new Error(`sign-out answered ${signOut.status}`);
  token['signed-out'] = signedOut.token;
  token.department = (await createDepartmentKey(db.sql, 'emergency', 'matrix')).key;
  token.scraper = SCRAPE_TOKEN;
  const secret = await loadTokenSecret(db.sql);
  const actor = { id: 'test-commander', name: 'commander (test)', role: 'commander' as const };
  token.expired = (await createTokenService(secret, () => Date.now() - USER_TOKEN_TTL_MS - 60_000).issue(actor, 'user', USER_TOKEN_TTL_MS)).token;
  token.foreign = (await createTokenService(randomBytes(32), Date.now).issue({ ...actor, role: 'admin' }, 'user', USER_TOKEN_TTL_MS)).token;
  // A duty officer's token with the role in the payload changed to admin, signature left as it was.
  const [h, p, s] = token.duty!.split('.');
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
  token.tampered = [h, Buffer.from(JSON.stringify({ ...payload, role: 'admin' })).toString('base64url'), s].join('.');
});

afterAll(async () => {
  console.log(`role matrix: ${routes.length} HTTP routes × ${credentials.length} credentials + commands + socket events = ${cells} checked cells`);
  await app?.close();
  await db?.close();
  await database?.drop();
});

const SIGN_OUT = '/api/v1/auth/sign-out';

/** The matrix's department key is the emergency bureau's: it may write only the emergency bureau's categories. */
const KEY_DEPARTMENT = 'emergency';

function expectation(route: { url: string; access: Access; machine: boolean }, who: Credential): 'allowed' | 'refused' | 401 | 403 {
  const access = route.access;
  if (access === 'public') return 'allowed';
  if (who === 'scraper' && route.machine) return 'allowed';
  const roles = access as readonly string[];
  if (roles.every((r) => r === 'department')) {
    if (who !== 'department') return who === 'none' ? 401 : 'refused';
    const category = /^\/api\/v1\/ingest\/([a-z-]+)$/.exec(route.url)?.[1];
    if (category === 'cap') return 403; // only the four warning issuers send CAP
    return category && categories.get(category)?.department !== KEY_DEPARTMENT ? 403 : 'allowed';
  }
  if (who === 'department') return 403;
  if (!signedIn.has(who)) return 401;
  return roles.includes(who) ? 'allowed' : 403;
}

describe('HTTP routes × credentials', () => {
  it('declares access on every route', () => {
    expect(routes.length).toBeGreaterThan(60);
    for (const r of routes) expect(r.access, `${r.method} ${r.url}`).toBeDefined();
  });

  it('lets the metrics scrape token open /metrics (GET and HEAD) and nothing else', () => {
    expect(routes.filter((r) => r.machine).map((r) => `${r.method} ${r.url}`).sort()).toEqual(['GET /metrics', 'HEAD /metrics']);
    expect(routes.filter((r) => r.url === '/metrics').map((r) => r.access)).toEqual([['admin'], ['admin']]);
  });

  it('will not start with a route that declares no access', async () => {
    const bare = createFastify();
    await bare.register(beacon, { db, screenDir: null, rateLimit: false });
    expect(() => bare.get('/api/v1/forgotten', async () => 'secret')).toThrow('GET /api/v1/forgotten declares no config.access');
    await bare.close();
  });

  /**
   * Signing out ends the token it is called with: that route gets a token of its own for each
   * signed-in credential, so the shared ones stay good for the rest of the matrix.
   */
  async function bearerFor(r: { method: string; url: string }, who: Credential): Promise<string | undefined> {
    if (r.url !== SIGN_OUT || !signedIn.has(who)) return token[who];
    if (who === 'wall') return (await createKioskToken(db.sql, app.tokens, 'matrix sign-out wall')).token;
    const id = `test-${who}`;
    return (await app.tokens.issue({ id, name: `${who} (test)`, role: who as 'duty' | 'commander' | 'admin' }, 'user', USER_TOKEN_TTL_MS)).token;
  }

  it('answers HEAD on every GET route, under the same access rule', () => {
    const heads = new Set(routes.filter((r) => r.method === 'HEAD').map((r) => r.url));
    const gets = routes.filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(15);
    expect(gets.filter((r) => !heads.has(r.url)).map((r) => r.url)).toEqual([]);
    for (const get of gets) expect(routes.find((r) => r.method === 'HEAD' && r.url === get.url)!.access, get.url).toEqual(get.access);
  });

  it('allows or refuses every route, HEAD twins included, for every credential as declared', async () => {
    const failures: string[] = [];
    expect(routes.some((r) => r.method === 'POST' && r.url === SIGN_OUT)).toBe(true);
    for (const r of routes) {
      const url = r.url.replace(/:[A-Za-z]+/g, 'X-1').replace('*', 'index.html');
      for (const who of credentials) {
        const bearer = await bearerFor(r, who);
        const res = await fetch(`${baseUrl}${url}`, {
          method: r.method,
          redirect: 'manual',
          headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(r.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
          ...(r.method === 'POST' ? { body: '{}' } : {}),
        });
        await res.arrayBuffer();
        cells += 1;
        const want = expectation(r, who);
        const got = res.status;
        const ok = want === 'allowed' ? got !== 401 && got !== 403 && got < 500
          : want === 'refused' ? got === 401 || got === 403
          : got === want;
        if (!ok) failures.push(`${r.method} ${r.url} as ${who}: expected ${String(want)}, got ${got}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000); // over a thousand requests (GET and HEAD each read replay state): a minute on a busy two-core machine

  it('has no OPTIONS: every route answers OPTIONS with the same 404 for every credential', async () => {
    const failures: string[] = [];
    const urls = [...new Set(routes.map((r) => r.url.replace(/:[A-Za-z]+/g, 'X-1').replace('*', 'index.html')))];
    for (const url of urls) {
      for (const who of credentials) {
        const res = await fetch(`${baseUrl}${url}`, { method: 'OPTIONS', redirect: 'manual', headers: token[who] ? { authorization: `Bearer ${token[who]}` } : {} });
        const body = (await res.json()) as { code?: string; message?: string };
        cells += 1;
        // The very answer a path that does not exist gets: nothing about the route or the caller.
        if (res.status !== 404 || body.code !== 'BEACON_NOT_FOUND' || body.message !== `no route OPTIONS ${url}; the API is described at /docs`) {
          failures.push(`OPTIONS ${url} as ${who}: ${res.status} ${body.code ?? ''}`);
        }
      }
    }
    expect(urls.length).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  }, 60_000);

  it('refuses a token-less HEAD before any work: no 500, no length that depends on the data', async () => {
    for (const url of ['/api/v1/auth/me', '/api/v1/users', '/api/v1/audit', '/api/v1/replay/state']) {
      const head = await fetch(`${baseUrl}${url}`, { method: 'HEAD' });
      const get = await fetch(`${baseUrl}${url}`);
      const refusal = await get.text();
      expect(head.status, url).toBe(401);
      expect(get.status, url).toBe(401);
      expect(Number(head.headers.get('content-length')), url).toBe(Buffer.byteLength(refusal));
    }
    const me = await fetch(`${baseUrl}/api/v1/auth/me`, { method: 'HEAD', headers: { authorization: `Bearer ${token.duty}` } });
    expect(me.status).toBe(200);
  });

  it('refuses with the error shape that names what was expected', async () => {
    const res = await fetch(`${baseUrl}/api/v1/audit`, { headers: { authorization: `Bearer ${token.expired}` } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'BEACON_UNAUTHENTICATED', issues: [{ path: 'authorization', got: 'an expired token' }] });
    const dept = await fetch(`${baseUrl}/api/v1/audit`, { headers: { authorization: `Bearer ${token.department}` } });
    expect(await dept.json()).toMatchObject({ code: 'BEACON_FORBIDDEN', issues: [{ got: 'a department API key' }] });
  });
});

describe('commands × roles', () => {
  const sample: Record<CommandKind, Command> = {
    'response.set': { kind: 'response.set', level: 'IV' },
    'post.order': { kind: 'post.order', postId: 'FP-M', incidentId: 'NONE' },
    'post.milestone': { kind: 'post.milestone', postId: 'FP-M', milestone: 'on-site' },
    'team.dispatch': { kind: 'team.dispatch', teamId: 'T-M', incidentId: 'NONE' },
    'team.release': { kind: 'team.release', teamId: 'T-M' },
    'incident.acknowledge': { kind: 'incident.acknowledge', incidentId: 'NONE' },
    'wall.focus': { kind: 'wall.focus', view: { kind: 'city' } },
    'wall.replay': { kind: 'wall.replay', from: '2026-09-14T00:00:00Z', to: '2026-09-14T06:00:00Z', speed: 60 },
    'wall.live': { kind: 'wall.live' },
    'wall.layers': { kind: 'wall.layers', hidden: ['population'] },
  };

  it('lets each role issue exactly the commands it may; the wall and department keys none', async () => {
    const failures: string[] = [];
    for (const kind of commandKinds) {
      for (const who of credentials) {
        const res = await fetch(`${baseUrl}/api/v1/commands`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token[who] ? { authorization: `Bearer ${token[who]}` } : {}) },
          body: JSON.stringify({ commandId: randomUUID(), reason: 'matrix', command: sample[kind] }),
        });
        const body = (await res.json()) as { code?: string };
        cells += 1;
        const may = (commandRoles[kind] as readonly string[]).includes(who);
        const ok = !signedIn.has(who) && who !== 'department' ? res.status === 401
          : may ? res.status !== 401 && res.status !== 403 && res.status < 500
          : res.status === 403 && body.code === 'BEACON_FORBIDDEN';
        if (!ok) failures.push(`${kind} as ${who}: got ${res.status} ${body.code ?? ''}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('socket namespaces and events × credentials', () => {
  function connect(namespace: string, who: Credential) {
    const socket = io(`${baseUrl}${namespace === '/' ? '' : namespace}`, {
      transports: ['websocket'], reconnection: false, forceNew: true, ...(token[who] ? { auth: { token: token[who] } } : {}),
    });
    return new Promise<{ socket: typeof socket; error: { code?: string } | null }>((resolve) => {
      socket.once('connect', () => resolve({ socket, error: null }));
      socket.once('connect_error', (err: Error & { data?: { code?: string } }) => resolve({ socket, error: err.data ?? { code: err.message } }));
    });
  }
  const sampleArgs: Record<string, unknown> = {
    'view:subscribe': { protocol: PROTOCOL_VERSION, view: { kind: 'city' } },
    'replay:open': { protocol: PROTOCOL_VERSION, from: new Date(Date.now() - 3600_000).toISOString(), to: new Date().toISOString() },
    'replay:seek': { at: new Date().toISOString() },
    'replay:play': { speed: 60 },
    'replay:pause': {},
  };

  it('authenticates at the handshake and checks every event', async () => {
    const failures: string[] = [];
    for (const [namespace, policy] of Object.entries(socketAccess)) {
      for (const who of credentials) {
        const { socket, error } = await connect(namespace, who);
        cells += 1;
        const mayConnect = (policy.connect as readonly string[]).includes(who);
        if (mayConnect !== (error === null)) failures.push(`${namespace} connect as ${who}: ${error ? `refused ${error.code}` : 'connected'}`);
        if (error === null) {
          for (const [event, roles] of Object.entries(policy.events)) {
            const answer = await socket.timeout(5000).emitWithAck(event as never, sampleArgs[event] as never) as { ok: boolean; error?: { code: string } };
            cells += 1;
            const may = (roles as readonly string[]).includes(who);
            if (!may && answer.error?.code !== 'BEACON_FORBIDDEN') failures.push(`${namespace} ${event} as ${who}: not refused`);
            if (may && answer.error?.code === 'BEACON_FORBIDDEN') failures.push(`${namespace} ${event} as ${who}: refused`);
          }
          const unknown = await socket.timeout(5000).emitWithAck('admin:drop-tables' as never, {} as never) as { error?: { code: string } };
          cells += 1;
          if (unknown.error?.code !== 'BEACON_UNKNOWN_EVENT') failures.push(`${namespace} unknown event as ${who}: not refused`);
        }
        socket.close();
      }
    }
    expect(failures).toEqual([]);
  });
});

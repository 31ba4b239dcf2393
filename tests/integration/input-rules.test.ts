// The inputs measured as 500s (issue #13): times the shared reader refuses and text PostgreSQL cannot
// store now come back as 400s naming the path, on every way in, and nothing is stored.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ErrorBody, type ReplayClientEvents, type ReplayServerEvents } from '@beacon/shared';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { exampleOf } from '@beacon/shared/categories/catalog/example-record.ts';
import { categorySchemasOf } from '@beacon/shared/schemas.ts';
import { openStream } from '../support/stream-client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const fixture = (name: string) => readFileSync(new URL(`../../server/src/ingest/cap/fixtures/${name}.xml`, import.meta.url), 'utf8');

let database: TestDatabase;
let server: TestServer;
let oceanKey: string;
const NOW = Date.parse('2026-09-14T12:00:00Z');
/** A category's record schema on the region the server runs on (BEACON_TEST_REGION). */
const schemaOf = (category: string) => categorySchemasOf(server.region)[category]!;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { now: () => NOW });
  oceanKey = (await createDepartmentKey(server.db.sql, 'ocean', 'test')).key;
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

type Refusal = Omit<ErrorBody, 'error' | 'message'>;

async function send(path: string, init: { method?: string; token?: string; json?: unknown; body?: string; type?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined || init.body !== undefined) headers['content-type'] = init.type ?? 'application/json';
  const res = await fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? (init.json !== undefined || init.body !== undefined ? 'POST' : 'GET'),
    headers,
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body !== undefined ? { body: init.body } : {}),
  });
  return { status: res.status, body: (await res.json()) as Refusal & Record<string, unknown> };
}

const stored = async () => Number((await server.db.sql<{ n: string }[]>`select count(*) as n from events where type = 'record.received'`)[0]!.n);

describe('times: one reader on every way in', () => {
  const rain = (observedAt: string) => ({ records: [{ stationId: server.region.rainGauges[0]!.id, observedAt, rainfall1hMm: 3 }] });

  it.each([
    ['2016-12-31T23:59:60Z', /leap seconds/],
    ['2026-09-14T08:05:00+08', /±hh:mm/],
    ['0000-09-14T08:05:00Z', /before 1970/],
    ['0001-01-01T00:00:00+08:00', /before 1970/],
  ])('HTTP ingest observedAt %s: 400 naming /records/0/observedAt, nothing stored', async (observedAt, why) => {
    const before = await stored();
    const { status, body } = await send('/api/v1/ingest/rain-gauge', { token: server.meteorologyKey, json: rain(observedAt) });
    expect(status).toBe(400);
    expect(body.issues).toEqual([{ path: '/records/0/observedAt', expected: expect.stringMatching(why), got: observedAt }]);
    expect(await stored()).toBe(before);
  });

  it('the WebSocket stream answers a leap second with the same issue, not a failure', async () => {
    const stream = await openStream(server.baseUrl, { key: server.meteorologyKey });
    try {
      const reply = await stream.request({ id: 'leap', category: 'rain-gauge', records: rain('2016-12-31T23:59:60Z').records });
      expect(reply).toMatchObject({ id: 'leap', ok: false });
      expect(JSON.stringify(reply)).toContain('/records/0/observedAt');
      expect(JSON.stringify(reply)).toContain('leap seconds');
    } finally {
      stream.close();
    }
  });

  it('-00:00 (UTC, local offset unknown) is accepted', async () => {
    const { status } = await send('/api/v1/ingest/rain-gauge', { token: server.meteorologyKey, json: rain('2026-09-14T11:55:00-00:00') });
    expect(status).toBe(200);
  });

  it('/replay/state?at= in year +275760: 400 naming query.at', async () => {
    const { status, body } = await send(`/api/v1/replay/state?at=${encodeURIComponent('+275760-09-13T00:00:00Z')}`, { token: server.tokens.duty });
    expect(status).toBe(400);
    expect(body.issues).toEqual([{ path: 'query.at', expected: expect.stringMatching(/four digits/), got: '+275760-09-13T00:00:00Z' }]);
  });

  it('audit from=0000-…: 400 naming it', async () => {
    const { status, body } = await send(`/api/v1/audit?from=${encodeURIComponent('0000-01-01T00:00:00Z')}`, { token: server.tokens.duty });
    expect(status).toBe(400);
    expect(body.issues).toEqual([{ path: '/from', expected: expect.stringMatching(/before 1970/), got: '0000-01-01T00:00:00Z' }]);
  });

  it('replay:open over the socket with a year +275760: refused with the path, not a failure', async () => {
    const socket: Socket<ReplayServerEvents, ReplayClientEvents> = io(`${server.baseUrl}/replay`, { transports: ['websocket'], reconnection: false, auth: { token: server.tokens.duty } });
    try {
      await new Promise((r) => socket.once('connect', () => r(null)));
      const answer = await new Promise<{ ok: boolean; error?: Refusal }>((resolve) =>
        socket.emit('replay:open', { protocol: PROTOCOL_VERSION, from: '2026-09-14T00:00:00+08:00', to: '+275760-09-13T00:00:00Z' }, resolve as never),
      );
      expect(answer).toMatchObject({ ok: false, error: { code: 'BEACON_INVALID_REPLAY_REQUEST', issues: [{ path: '/to', expected: expect.stringMatching(/four digits/) }] } });
    } finally {
      socket.close();
    }
  });
});

describe('text: no NUL, no lone surrogate, anywhere', () => {
  it('a NUL in a record\'s free text: 400 with the path; the refusal reaches feed health (it used to fail to log)', async () => {
    const track = { ...(exampleOf(schemaOf('typhoon-track')) as object), name: '海\u0000葵' };
    const { status, body } = await send('/api/v1/ingest/typhoon-track', { token: server.meteorologyKey, json: { records: [track] } });
    expect(status).toBe(400);
    expect(body.issues).toEqual([{ path: '/records/0/name', expected: expect.stringMatching(/NUL/), got: '海\\u0000葵' }]);
    const [rejected] = await server.db.sql<{ payload: { reason: string } }[]>`select payload from events where type = 'feed.rejected' and category = 'typhoon-track' order by seq desc limit 1`;
    expect(rejected?.payload.reason).toMatch(/^\/records\/0\/name: expected text without NUL/);
  });

  it('any text in a free-text field is stored (200) or refused (400) — 400 exactly when it breaks the text rule, never a 500', async () => {
    const example = exampleOf(schemaOf('typhoon-track')) as Record<string, unknown>;
    const unit = fc.constantFrom('a', '台', '\u0000', '\uD800', '\uDFFF', '\uD83C\uDF00', '\u0001', '"', '\\');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(unit, { minLength: 1, maxLength: 10 }).map((a) => a.join('')), async (name) => {
        fc.pre([...name].length <= 30);
        const record = { ...example, typhoonId: `P${n++}`, name };
        const { status } = await send('/api/v1/ingest/typhoon-track', { token: server.meteorologyKey, json: { records: [record] } });
        const bad = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name);
        expect(status, JSON.stringify(name)).toBe(bad ? 400 : 200);
      }),
      { numRuns: 40 },
    );
  });

  it('a lone surrogate in a station id: 400 with the path', async () => {
    const { status, body } = await send('/api/v1/ingest/rain-gauge', { token: server.meteorologyKey, json: { records: [{ stationId: 'SM\uD800', observedAt: '2026-09-14T08:00:00+08:00', rainfall1hMm: 1 }] } });
    expect(status).toBe(400);
    expect(body.issues).toContainEqual({ path: '/records/0/stationId', expected: expect.stringMatching(/unpaired surrogates/), got: 'SM\\ud800' });
  });

  it('CAP: a NUL in <headline>, <sent> in year 0000, a truncated file — 400s naming the element or the place', async () => {
    const post = (xml: string) => send('/api/v1/ingest/cap', { token: server.meteorologyKey, body: xml, type: 'application/cap+xml' });
    const nul = await post(fixture('typhoon-orange-alert').replace('<headline>厦门市', '<headline>厦门\u0000市'));
    expect(nul.status).toBe(400);
    expect(nul.body.issues).toEqual([expect.objectContaining({ path: '/alert/info/0/headline', got: expect.stringContaining('\\u0000') })]);
    const year0 = await post(fixture('typhoon-orange-alert').replace('<sent>2026-09-14T07:00:00+08:00</sent>', '<sent>0000-09-14T07:00:00+08:00</sent>'));
    expect(year0.status).toBe(400);
    expect(year0.body.issues).toEqual([{ path: '/alert/sent', expected: expect.stringMatching(/before 1970/), got: expect.stringMatching(/^0000-09-14T07:00:00\+08:00 \(line \d+, column \d+\)$/) }]);
    const cut = await post(fixture('refused/truncated'));
    expect(cut.status).toBe(400);
    expect(cut.body).toMatchObject({ code: 'BEACON_MALFORMED_XML', issues: [{ path: '', got: expect.stringMatching(/truncated\?\) at line 24, column 69/) }] });
  });

  it("CAP: a storm-surge warning for the city's code covers every district", async () => {
    // The fixture is Xiamen's (city code 350200); on another region it carries that region's city code.
    const xml = fixture('storm-surge-city-geocode').replaceAll('<value>350200</value>', `<value>${server.region.adminCodes!.city}</value>`);
    const { status, body } = await send('/api/v1/ingest/cap', { token: oceanKey, body: xml, type: 'application/cap+xml' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ category: 'storm-surge-warning', alert: { areas: Object.keys(server.region.districtNames) } });
  });

  it('commands: a NUL in the reason, a lone surrogate in a subdistrict — 400 with the path, nothing logged', async () => {
    const command = (reason: string, subdistrict: string) => ({ commandId: randomUUID(), reason, command: { kind: 'wall.focus', view: { kind: 'subdistrict', district: Object.keys(server.region.districtNames)[0], subdistrict } } });
    const before = (await server.db.sql`select seq from events where type = 'command.issued'`).length;
    const a = await send('/api/v1/commands', { token: server.tokens.commander, json: command('台风\u0000', '鼓浪屿') });
    expect(a.status).toBe(400);
    expect(a.body.issues).toEqual([{ path: '/reason', expected: expect.stringMatching(/NUL/), got: '台风\\u0000' }]);
    const b = await send('/api/v1/commands', { token: server.tokens.commander, json: command('台风', '鼓浪\uDC00') });
    expect(b.status).toBe(400);
    expect(b.body.issues).toContainEqual({ path: '/command/view/subdistrict', expected: expect.stringMatching(/unpaired surrogates/), got: '鼓浪\\udc00' });
    expect((await server.db.sql`select seq from events where type = 'command.issued'`).length).toBe(before);
  });

  it('sign-in with a NUL in the user name, an audit actor filter with one, a user created with one: 400s', async () => {
    const signIn = await send('/api/v1/auth/sign-in', { json: { username: 'wang\u0000', password: 'whatever-it-is' } });
    expect(signIn.status).toBe(400);
    expect(signIn.body.issues).toEqual([{ path: '/username', expected: expect.stringMatching(/NUL/), got: 'wang\\u0000' }]);
    const audit = await send(`/api/v1/audit?actor=${encodeURIComponent('wang\u0000')}`, { token: server.tokens.duty });
    expect(audit.status).toBe(400);
    expect(audit.body.issues).toEqual([{ path: '/actor', expected: expect.stringMatching(/NUL/), got: 'wang\\u0000' }]);
    const user = await send('/api/v1/users', { token: server.tokens.admin, json: { username: 'zhao', displayName: '赵\u0000', role: 'duty' } });
    expect(user.status).toBe(400);
    expect(user.body.issues).toEqual([{ path: '/displayName', expected: expect.stringMatching(/NUL/), got: '赵\\u0000' }]);
  });
});

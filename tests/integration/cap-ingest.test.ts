import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '@beacon/db';
import { buildApp } from '@beacon/server';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { errorCodes, type DepartmentId, type ErrorBody } from '@beacon/shared';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const NOW = Date.parse('2026-09-14T13:00:00Z'); // 21:00 in Xiamen, after every fixture was sent
const fixture = (name: string) => readFileSync(new URL(`../../server/src/ingest/cap/fixtures/${name}.xml`, import.meta.url), 'utf8');
const ORIGINAL = '35020041600000_20260914070000';

let database: TestDatabase;
let db: Database;
let app: FastifyInstance;
let baseUrl: string;
const keys = {} as Record<'meteorology' | 'water' | 'fire', string>;

beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 4 });
  // The real app, which registers the CAP route itself.
  app = await buildApp({ db, screenDir: null, now: () => NOW, rateLimit: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  for (const d of ['meteorology', 'water', 'fire'] as const satisfies DepartmentId[]) keys[d] = (await createDepartmentKey(db.sql, d, 'test')).key;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  await database?.drop();
});

function post(body: string, key = keys.meteorology, contentType = 'application/cap+xml') {
  return fetch(`${baseUrl}/api/v1/ingest/cap`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${key}` }, body });
}

/** Responses are checked field by field; `any` keeps those checks readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(res: Response): Promise<any> {
  return res.json();
}

async function storedCount(): Promise<number> {
  const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`;
  return row!.n;
}

async function held(category: string, alertId: string) {
  await app.engine.catchUp();
  return app.engine.state.latest[category]?.[alertId];
}

describe('CAP 1.2 warnings over HTTP', () => {
  it('stores an alert as the department\'s warning category and answers with the ack and the mapped record', async () => {
    const res = await post(fixture('typhoon-orange-alert'));
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ accepted: 1, duplicates: 0, category: 'weather-warning', alert: { alertId: ORIGINAL, level: 'orange', status: 'active' } });
    expect(await held('weather-warning', ORIGINAL)).toMatchObject({ version: 1, data: { level: 'orange', headline: '厦门市气象台发布台风橙色预警信号', areas: expect.arrayContaining(['思明区', '翔安区']) } });
  });

  it('the same alert sent again is a duplicate', async () => {
    const before = await storedCount();
    expect(await json(await post(fixture('typhoon-orange-alert'), keys.meteorology, 'application/xml; charset=utf-8'))).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await storedCount()).toBe(before);
  });

  it('an Update replaces the original under the same alertId with a higher version', async () => {
    expect((await post(fixture('typhoon-red-update'))).status).toBe(200);
    expect(await held('weather-warning', ORIGINAL)).toMatchObject({ version: 2, data: { level: 'red', status: 'active', areas: ['思明区', '湖里区', '翔安区'] } });
  });

  it('a Cancel lifts it: same alertId, higher version, status lifted', async () => {
    const body = await json(await post(fixture('typhoon-cancel')));
    expect(body).toMatchObject({ accepted: 1, alert: { alertId: ORIGINAL, version: 3, status: 'lifted' } });
    expect(await held('weather-warning', ORIGINAL)).toMatchObject({ version: 3, data: { status: 'lifted' } });
    const [row] = await db.sql`select payload from current_state where category = 'weather-warning' and entity_id = ${ORIGINAL}`;
    expect(row!.payload).toMatchObject({ status: 'lifted', version: 3 });
  });

  it('an Update that names only the Update before it stays with the original warning (CAP allows that chain)', async () => {
    const [a, b, c] = ['CHAIN_A', 'CHAIN_B', 'CHAIN_C'];
    const alert = fixture('typhoon-orange-alert').replace(ORIGINAL, a);
    // B names A; C names only B, as a release system that keeps only the last reference sends it.
    const update = fixture('typhoon-red-update').replace('35020041600000_20260914100000', b).replace(ORIGINAL, a);
    const later = fixture('typhoon-red-update')
      .replace('35020041600000_20260914100000', c)
      .replace('<cap:sent>2026-09-14T10:00:00+08:00</cap:sent>', '<cap:sent>2026-09-14T12:00:00+08:00</cap:sent>')
      .replace(`35020041600000,${ORIGINAL},2026-09-14T07:00:00+08:00`, `35020041600000,${b},2026-09-14T10:00:00+08:00`)
      .replace('升级为红色预警信号', '红色预警信号继续生效');
    expect((await post(alert)).status).toBe(200);
    expect((await json(await post(update))).alert.alertId).toBe(a);
    const third = await json(await post(later));
    expect(third).toMatchObject({ accepted: 1, alert: { alertId: a, status: 'active' } });
    expect(await held('weather-warning', a)).toMatchObject({ data: { headline: expect.stringContaining('继续生效') } });
    // One warning on the wall, not a second one under B's identifier.
    expect(await held('weather-warning', b)).toBeUndefined();
    // And a Cancel without <info> naming only C lifts the original.
    const cancel = fixture('typhoon-cancel')
      .replace('35020041600000_20260914200000', 'CHAIN_CANCEL')
      .replace(/<references>[^<]*<\/references>/, `<references>35020041600000,${c},2026-09-14T12:00:00+08:00</references>`);
    expect(await json(await post(cancel))).toMatchObject({ accepted: 1, alert: { alertId: a, status: 'lifted' } });
    expect(await held('weather-warning', a)).toMatchObject({ data: { status: 'lifted' } });
  });

  it('water\'s key stores a flash-flood warning', async () => {
    const xml = fixture('rainstorm-bilingual').replaceAll('暴雨', '山洪').replace('厦门市气象台', '厦门市水利局');
    const body = await json(await post(xml, keys.water));
    expect(body).toMatchObject({ accepted: 1, category: 'flash-flood-warning', alert: { event: '山洪', level: 'yellow', areas: ['同安区', '翔安区'] } });
  });
});

describe('refusals name what is wrong and store nothing', () => {
  async function refused(res: Promise<Response>, status: number) {
    const before = await storedCount();
    const r = await res;
    expect(r.status).toBe(status);
    const body = await json(r);
    expect(body).toMatchObject({ statusCode: status, code: expect.toBeOneOf(errorCodes) });
    expect(await storedCount()).toBe(before);
    return body as ErrorBody;
  }

  it('malformed XML: 400 with the line and column', async () => {
    const e = await refused(post(fixture('typhoon-orange-alert').replace('</headline>', '</headlin>')), 400);
    expect(e).toMatchObject({ code: 'BEACON_MALFORMED_XML', issues: [{ path: '', expected: 'a well-formed XML document', got: expect.stringMatching(/headline.*line \d+, column \d+/) }] });
    const [logged] = await db.sql`select payload from events where type = 'feed.rejected' order by seq desc limit 1`;
    expect(logged!.payload).toMatchObject({ code: 'BEACON_MALFORMED_XML' });
  });

  it('valid XML that is not CAP: 400 naming the root', async () => {
    const e = await refused(post('<?xml version="1.0"?><rss version="2.0"><channel><title>厦门天气</title></channel></rss>'), 400);
    expect(e).toMatchObject({ code: 'BEACON_NOT_CAP', issues: [{ path: '/', expected: 'one root element <alert> (CAP 1.2)', got: '<rss>' }] });
  });

  it('a severity outside CAP\'s list: 400 naming /alert/info/0/severity', async () => {
    const e = await refused(post(fixture('typhoon-orange-alert').replace('<severity>Severe</severity>', '<severity>High</severity>')), 400);
    expect(e.issues).toEqual([{ path: '/alert/info/0/severity', expected: 'one of Extreme, Severe, Moderate, Minor, Unknown', got: expect.stringMatching(/^High \(line \d+, column \d+\)$/) }]);
  });

  it('a schema problem of the mapped record points back at the element', async () => {
    const xml = fixture('typhoon-orange-alert').replace('<identifier>35020041600000_20260914070000</identifier>', '<identifier>XM-2</identifier>').replace('2026-09-14T07:00:00+08:00</sent>', '2026-09-15T07:00:00+08:00</sent>');
    const e = await refused(post(xml), 422);
    expect(e.issues).toEqual([expect.objectContaining({ path: '/alert/sent', got: '2026-09-15T07:00:00+08:00' })]);
  });

  it('a department that issues no warnings: 403', async () => {
    const e = await refused(post(fixture('typhoon-orange-alert'), keys.fire), 403);
    expect(e.issues[0]).toMatchObject({ path: 'authorization', expected: 'a key of department meteorology, water, geology, ocean' });
  });

  it('no key: 401; JSON instead of XML: 415; too large: 413', async () => {
    const none = await fetch(`${baseUrl}/api/v1/ingest/cap`, { method: 'POST', headers: { 'content-type': 'application/cap+xml' }, body: fixture('typhoon-orange-alert') });
    expect(none.status).toBe(401);
    const e = await refused(post('{"alert": {}}', keys.meteorology, 'application/json'), 415);
    expect(e.issues[0]).toMatchObject({ path: 'content-type', got: 'application/json' });
    const big = fixture('typhoon-orange-alert').replace('</description>', `${'风'.repeat(100_000)}</description>`);
    await refused(post(big), 413);
  });

  it('an exercise never reaches the wall: 422 naming /alert/status', async () => {
    const e = await refused(post(fixture('typhoon-orange-alert').replace('<status>Actual</status>', '<status>Exercise</status>')), 422);
    expect(e.issues).toEqual([expect.objectContaining({ path: '/alert/status', got: 'Exercise' })]);
  });
});

describe('generated malformed CAP (fast-check)', () => {
  const valid = fixture('typhoon-orange-alert');
  const elements = ['identifier', 'sender', 'sent', 'status', 'msgType', 'event', 'severity'];
  const broken = fc.oneof(
    // cut anywhere before the end: never well-formed
    fc.integer({ min: 0, max: valid.length - 10 }).map((n) => valid.slice(0, n)),
    // a required element emptied or given a value outside its type
    fc.record({ element: fc.constantFrom(...elements), value: fc.oneof(fc.constant(''), fc.string({ maxLength: 8 }).map((s) => `x${s.replace(/[<&]/g, '')}`)) }).map(({ element, value }) =>
      valid.replace(new RegExp(`<${element}>[^<]*</${element}>`), `<${element}>${value}</${element}>`),
    ).filter((xml) => xml !== valid && !/<(identifier|sender|event)>x/.test(xml)), // free text: any non-empty value is valid
    // arbitrary text
    fc.string({ maxLength: 200 }),
  );

  it('refuses every one with issues and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(broken, async (xml) => {
        const before = await storedCount();
        const res = await post(xml);
        const body = await json(res);
        expect(res.status, xml).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(body.issues.length).toBeGreaterThan(0);
        expect(await storedCount()).toBe(before);
      }),
      { numRuns: 80 },
    );
  });
});

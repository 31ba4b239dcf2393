import fc from 'fast-check';
import { categoryList, type DepartmentId } from '@beacon/shared';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { generateRecords, rainReadings } from '@beacon/simulator';
import { xiamen } from '@beacon/shared';
import { exampleOf } from '@beacon/shared/categories/catalog/example-record.ts';
import { categorySchemasOf } from '@beacon/shared/schemas.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let database: TestDatabase;
let server: TestServer;
const keys = new Map<DepartmentId, string>();
const at = new Date(Date.now() - 60_000).toISOString();

/**
 * Records of a category at the height of the storm, as the department's simulator sends them. The
 * department simulators play Xiamen (their places are its): on another region a category's records
 * are the example its schema for that region admits.
 */
function recordsOf(category: string): Record<string, unknown>[] {
  if (category === 'rain-gauge') return rainReadings(server.region.rainGauges, 0.45, at);
  if (server.region === xiamen) return generateRecords(category, 0.45, at);
  return [exampleOf(categorySchemasOf(server.region)[category]!, at) as Record<string, unknown>];
}

async function post(category: string, department: DepartmentId, body: unknown) {
  const res = await fetch(`${server.baseUrl}/api/v1/ingest/${category}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.get(department)}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { accepted?: number; issues?: { path: string }[] } };
}

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.url, { rateLimit: false });
  for (const c of categoryList) if (!keys.has(c.department)) keys.set(c.department, (await createDepartmentKey(server.db.sql, c.department, 'test')).key);
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('every one of the 56 categories', () => {
  it('is accepted over HTTP from its own department and reaches live state', async () => {
    expect(categoryList).toHaveLength(56);
    for (const c of categoryList) {
      const records = recordsOf(c.id).slice(0, 200);
      expect(records.length, c.id).toBeGreaterThan(0);
      const res = await post(c.id, c.department, { records });
      expect([c.id, res.status]).toEqual([c.id, 200]);
      expect(res.body.accepted, c.id).toBe(records.length);
    }
    await server.app.engine.catchUp();
    const state = server.app.engine.state;
    for (const c of categoryList) {
      expect([c.id, Object.keys(state.latest[c.id] ?? {}).length > 0]).toEqual([c.id, true]);
      expect([c.id, state.feeds[c.id]?.department]).toEqual([c.id, c.department]);
    }
  });

  it('answers a record missing any required field with that field named, and stores nothing (generated)', async () => {
    const count = async () => (await server.db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`)[0]!.n;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...categoryList), fc.nat(), async (c, pick) => {
        run += 1;
        // A time of its own, so a valid record (an optional field left out) is new, not a conflicting repeat.
        const record: Record<string, unknown> = { ...recordsOf(c.id)[0]!, observedAt: new Date(Date.parse(at) - run * 1000).toISOString() };
        const fields = Object.keys(record).filter((k) => k !== 'version');
        const field = fields[pick % fields.length]!;
        delete record[field];
        const before = await count();
        const res = await post(c.id, c.department, { records: [record] });
        // Optional fields may be left out: then the record is valid. Required ones must be named.
        if (res.status === 200) return;
        expect([c.id, field, res.status]).toEqual([c.id, field, 400]);
        expect(res.body.issues?.some((i) => i.path === `/records/0/${field}`), `${c.id}.${field}`).toBe(true);
        expect(await count()).toBe(before);
      }),
      { numRuns: 120 },
    );
  });

  it('is refused from another department', async () => {
    for (const c of categoryList.filter((_, i) => i % 7 === 0)) {
      const other = c.department === 'fire' ? 'health' : 'fire';
      const res = await post(c.id, other, { records: recordsOf(c.id).slice(0, 1) });
      expect([c.id, res.status]).toEqual([c.id, 403]);
    }
  });
});

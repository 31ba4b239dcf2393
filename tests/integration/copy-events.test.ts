// Ingest writes the log with COPY (server/src/ingest/copy-events.ts): text that needs escaping comes
// back exactly as sent, and a COPY the server refuses fails the transaction cleanly — the connection
// goes back to the pool (postgres.js hung on this path before the patch in patches/, never rolling back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '@beacon/db';
import { copyEvents, type EventRow } from '@beacon/server/ingest/copy-events.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let db: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 2 });
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const nextSeq = async () => Number((await db.sql<{ seq: string }[]>`select nextval('events_seq_seq')::text as seq`)[0]!.seq);
const row = async (entityId: string, payload: Record<string, unknown>, dedupeKey = `k:${entityId}:${Math.random()}`): Promise<EventRow & { seq: number }> => ({
  seq: await nextSeq(), department: 'meteorology', category: 'rain-gauge', entityId, observedAt: '2026-09-14T00:05:00.000Z', dedupeKey, sourceId: 'copy-test', payload,
});

describe('copyEvents', () => {
  it('stores text with backslashes, tabs, newlines, carriage returns, quotes and CJK exactly as sent', async () => {
    const awkward = 'a\\b\tc\nd\re "q" \\N \\. 厦门 🌀 \\\\t';
    const r = await row(`id${awkward}`, { note: awkward, nested: { list: [awkward, 1.5, null, true] } });
    await db.sql.begin((tx) => copyEvents(tx, [r], [r.seq]));
    const [back] = await db.sql<{ entity_id: string; payload: unknown; dedupe_key: string }[]>`select entity_id, payload, dedupe_key from events where seq = ${r.seq}`;
    expect(back!.entity_id).toBe(r.entityId);
    expect(back!.dedupe_key).toBe(r.dedupeKey);
    expect(back!.payload).toEqual(r.payload);
  });

  it('a refused COPY rolls its transaction back and frees its connection, every time', async () => {
    // More failures than the pool has connections: one leaked connection per failure would hang this.
    for (let i = 0; i < 6; i++) {
      const a = await row(`dup-${i}`, { i }, `same-key-${i}`);
      const b = await row(`dup-${i}-again`, { i }, `same-key-${i}`);
      const failed = await db.sql.begin((tx) => copyEvents(tx, [a, b], [a.seq, b.seq])).then(() => null, (e: { code?: string }) => e);
      expect(failed?.code).toBe('23505');
      const [n] = await db.sql<{ n: number }[]>`select count(*)::int as n from events where dedupe_key = ${`same-key-${i}`}`;
      expect(n!.n).toBe(0);
    }
    const [open] = await db.sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`;
    expect(open!.n).toBe(0);
  });
});

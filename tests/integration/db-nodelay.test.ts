// Every connection to PostgreSQL disables Nagle's algorithm (TCP_NODELAY). postgres.js left it on: a
// COPY's data and its CopyDone, or queries sent together, are separate small writes, and each write after
// the first waited for the server's delayed ACK (40 ms on Linux). One single-record ingest request took
// ~90 ms instead of ~5 ms, and the fan-out bench's 170 requests a second queued until their senders gave up.
// The fix is a line in patches/postgres@3.4.9.patch; this guards that the patch is applied and reaches
// the connections our own client factory opens.
import net from 'node:net';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { connectDatabase, type Database } from '@beacon/db';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let testDb: TestDatabase;
let db: Database | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  vi.restoreAllMocks();
  await db?.close();
  await testDb?.drop();
});

it('opens every PostgreSQL connection with TCP_NODELAY set', async () => {
  const noDelay = vi.spyOn(net.Socket.prototype, 'setNoDelay');
  db = connectDatabase(testDb.url, { max: 3 });
  // Three connections at once: the pool opens one per query in flight.
  await Promise.all([db.sql`select pg_sleep(0.05)`, db.sql`select pg_sleep(0.05)`, db.sql`select pg_sleep(0.05)`]);
  const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where application_name = current_setting('application_name')`;
  const n = row!.n;
  expect(n).toBeGreaterThanOrEqual(3);
  const enabled = noDelay.mock.calls.filter(([on]) => on === undefined || on === true).length;
  expect(enabled).toBeGreaterThanOrEqual(n);
});

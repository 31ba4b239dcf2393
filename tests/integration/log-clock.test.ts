import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '@beacon/db';
import { readDatabaseClock, startLogClock } from '@beacon/server/clock/log-clock.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 1 });
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('the log clock', () => {
  it('reads the real database clock between asking and the answer', async () => {
    const r = await readDatabaseClock(db.sql);
    // Same host here: the database's clock falls inside the round trip (a few ms of rounding aside).
    expect(r.remote).toBeGreaterThanOrEqual(r.before - 5);
    expect(r.remote).toBeLessThanOrEqual(r.after + 5);
  });

  it('follows the database clock when this host\'s clock is off', async () => {
    const dbNow = async () => Number((await db.sql<{ ms: string }[]>`select (extract(epoch from clock_timestamp()) * 1000)::bigint::text as ms`)[0]!.ms);
    // This host's clock 90 s slow.
    const clock = await startLogClock(db.sql, { local: () => Date.now() - 90_000 });
    try {
      expect(clock.offsetMs).toBeGreaterThan(89_000);
      expect(clock.offsetMs).toBeLessThan(91_000);
      expect(Math.abs(clock.now() - (await dbNow()))).toBeLessThan(1000);
    } finally {
      clock.stop();
    }
    // And with this host's clock right, there is (on one machine) nothing to correct.
    const right = await startLogClock(db.sql);
    right.stop();
    expect(Math.abs(right.offsetMs)).toBeLessThan(1000);
  });
});

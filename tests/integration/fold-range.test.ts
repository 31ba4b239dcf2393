// foldRange reads the log a page at a time and asks for the next page before folding the current
// one. What must hold: the pages cover the range exactly once, in order, and a failure while folding
// stops it with that failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '@beacon/db';
import { emptyLiveState, fold, type BeaconEvent } from '@beacon/shared';
import { foldRange, foldWholeLog } from '@beacon/server/engine/fold-log.ts';
import { EVENT_COLUMNS, rowToEvent, type LogRow } from '@beacon/server/engine/log-rows.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 4 });
  await db.sql`
    insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
    select 'record.received', 'meteorology', 'rain-gauge', 'SM0' || (1 + i % 6), timestamptz '2026-09-14T00:00:00Z' + i * interval '1 minute',
      'fold-range:' || i, 'test', jsonb_build_object('stationId', 'SM0' || (1 + i % 6), 'observedAt', to_char((timestamptz '2026-09-14T00:00:00Z' + i * interval '1 minute') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'rainfall1hMm', i % 40, 'version', 1)
    from generate_series(1, 1234) as i`;
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('foldRange', () => {
  it('hands on every event of the range once, in order, over many pages and a short last one', async () => {
    const seen: number[] = [];
    const froms: number[] = [];
    const state = await foldRange(db.sql, emptyLiveState(), 1000, (events, from) => {
      froms.push(from);
      seen.push(...events.map((e) => e.seq));
    }, 64);
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(froms[0]).toBe(0);
    expect(froms.slice(1)).toEqual(Array.from({ length: froms.length - 1 }, (_, i) => (i + 1) * 64));
    const rows = await db.sql.unsafe<LogRow[]>(`select ${EVENT_COLUMNS} from events where seq <= 1000 order by seq`);
    expect(state).toEqual(fold(emptyLiveState(), rows.map(rowToEvent)));
  });

  it('ends exactly at a range that is a whole number of pages, and at the log end', async () => {
    const seen: BeaconEvent[] = [];
    await foldRange(db.sql, emptyLiveState(), 128, (events) => seen.push(...events), 64);
    expect(seen.map((e) => e.seq).at(-1)).toBe(128);
    expect(seen).toHaveLength(128);
    expect((await foldWholeLog(db.sql)).seq).toBe(1234);
  });

  it('a page that throws while folded stops the fold with its error, and the connections are all free again', async () => {
    let pages = 0;
    const failing = foldRange(db.sql, emptyLiveState(), 1234, () => {
      pages += 1;
      if (pages === 2) throw new Error('screen went away');
    }, 64);
    await expect(failing).rejects.toThrow('screen went away');
    expect(pages).toBe(2);
    // The page asked for ahead completes and frees its connection: the pool of 4 still serves 4 at once.
    const answers = await Promise.all(Array.from({ length: 4 }, () => db.sql`select 1 as one`));
    expect(answers.map((a) => a[0]!.one)).toEqual([1, 1, 1, 1]);
  });
});

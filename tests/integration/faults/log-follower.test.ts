import { connectDatabase, type Database } from '@beacon/db';
import { rainfallOf, type BeaconEvent } from '@beacon/shared';
import { LogFollower } from '@beacon/server/engine/log-follower.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectEngineMatchesLog, expectScreensMatchLog } from '../../support/log-truth.ts';
import { watch } from '../../support/socket-client.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { startTestServer } from '../../support/test-server.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testGauge } from '../../support/test-gauges.ts';

// Fault cases for log following: each ends with the node (and its screens) equal to a fold of the log.

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 8 });
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

type Reserved = Awaited<ReturnType<Database['sql']['reserve']>>;

/** A writer that behaves like ingest: an xid first, then a sequence number, commit when told. */
async function writer(): Promise<{ conn: Reserved; insert(station: string, mm: number): Promise<number>; commit(): Promise<void>; rollback(): Promise<void> }> {
  const conn = await db.sql.reserve();
  await conn`begin`;
  await conn`select pg_current_xact_id()`;
  return {
    conn,
    async insert(station, mm) {
      const observedAt = new Date(Date.UTC(2026, 8, 14, 0, 0, 0) + Math.floor(Math.random() * 1e9)).toISOString();
      const [row] = await conn<{ seq: string }[]>`
        insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
        values ('record.received', 'meteorology', 'rain-gauge', ${station}, ${observedAt}, ${`fault:${station}:${observedAt}:${mm}`}, 'fault-test',
                ${conn.json({ stationId: station, observedAt, rainfall1hMm: mm, version: 1 })})
        returning seq`;
      return Number(row!.seq);
    },
    async commit() {
      await conn`select pg_notify('beacon_log', '0')`;
      await conn`commit`;
      conn.release();
    },
    async rollback() {
      await conn`rollback`;
      conn.release();
    },
  };
}

describe('log following under concurrent writers', () => {
  it('does not settle a gap whose owner holds an xid above the snapshot xmax (three writers)', async () => {
    const seen: BeaconEvent[] = [];
    const [head] = await db.sql<{ max: string | null }[]>`select max(seq)::text as max from events`;
    const follower = new LogFollower({ sql: db.sql, from: Number(head?.max ?? 0), onEvents: (e) => seen.push(...e), pollMs: 60_000 });
    try {
      const a = await writer(); // takes the lower xid
      const b = await writer(); // the next xid
      const x = await b.insert(testGauge(0), 11.1); // B draws X
      const y = await a.insert(testGauge(1), 22.2); // A draws Y > X and commits first
      expect(y).toBeGreaterThan(x);
      await a.commit();
      await follower.poll(); // sees Y with a gap at X
      const c = await writer(); // a later xid commits too
      await c.insert(testGauge(2), 33.3);
      await c.commit();
      await follower.poll();
      await follower.poll();
      expect(seen.map((e) => e.seq)).not.toContain(y); // Y waits behind X: B is still running
      await b.commit(); // X commits late
      await follower.catchUp();
      expect(seen.map((e) => e.seq)).toContain(x);
      expect(seen.map((e) => e.seq)).toEqual([...seen.map((e) => e.seq)].sort((p, q) => p - q));
      expect(new Set(seen.map((e) => e.seq)).size).toBe(seen.length);
    } finally {
      await follower.stop();
    }
  });

  it('holds events behind a transaction kept open across many polls, then folds them all', async () => {
    const server = await startTestServer(database.url, { hub: { tickMs: 20 } });
    const screen = await watch(server, { kind: 'city' });
    try {
      const held = await writer();
      await held.insert(testGauge(3), 66.6);
      for (let i = 0; i < 5; i += 1) {
        const w = await writer();
        await w.insert(testGauge(4), 10 + i);
        await w.commit();
        server.app.engine.poke();
      }
      // Many polls pass (notifications of the later commits, the recheck), the gap stays held.
      await new Promise((r) => setTimeout(r, 300));
      expect(rainfallOf(server.app.engine.state, testGauge(3))?.rainfall1hMm).not.toBe(66.6);
      await held.commit();
      await server.app.engine.catchUp();
      expect(rainfallOf(server.app.engine.state, testGauge(3))?.rainfall1hMm).toBe(66.6);
      await expectEngineMatchesLog(db.sql, server.app.engine.state);
      await expectScreensMatchLog(db.sql, testRegion(), [{ client: screen, view: { kind: 'city' } }]);
    } finally {
      screen.close();
      await server.close();
    }
  });

  it('settles thousands of numbers that never committed in a couple of reads', async () => {
    const { follower, counts } = await followerAtHead();
    try {
      // 5,000 numbers drawn and rolled back, then one record that commits after them.
      await db.sql.begin(async (tx) => {
        await tx`select pg_current_xact_id()`;
        await tx`select nextval('events_seq_seq') from generate_series(1, 5000)`;
        throw new RollbackOnPurpose();
      }).catch((e) => { if (!(e instanceof RollbackOnPurpose)) throw e; });
      const w = await writer();
      const last = await w.insert(testGauge(5), 44.4);
      await w.commit();
      await follower.catchUp();
      expect(follower.position).toBe(last);
      // The first read bounds all 5,000 gaps at once; the next settles them (not one gap per read).
      expect(counts.reads).toBeLessThanOrEqual(4);
    } finally {
      await follower.stop();
    }
  });
});

/** Counts the follower's page reads (one statement each, with its snapshot) and its xid bounds (a one-statement query). */
function countingSql() {
  const counts = { reads: 0, bounds: 0 };
  const sql = new Proxy(db.sql, {
    apply(target, thisArg, args: unknown[]) {
      const strings = args[0] as readonly string[] | undefined;
      const text = Array.isArray(strings) ? strings.join('') : '';
      if (text.includes('pg_current_snapshot')) counts.reads += 1;
      if (text.includes('pg_current_xact_id')) counts.bounds += 1;
      return Reflect.apply(target, thisArg, args);
    },
  });
  return { sql, counts };
}

/** The event ingest would hint for a row `writer().insert` logged (only its number and entity matter here). */
function recordEvent(seq: number, station: string): BeaconEvent {
  const observedAt = new Date(Date.UTC(2026, 8, 14)).toISOString();
  return {
    type: 'record.received', seq, receivedAt: observedAt, department: 'meteorology', category: 'rain-gauge', entityId: station,
    observedAt, version: 1, payload: { stationId: station, observedAt, rainfall1hMm: 1, version: 1 },
  };
}

/** A follower from the log's head that only reads when told (no timer), with what it handed on and its reads and bounds counted. */
async function followerAtHead() {
  const [head] = await db.sql<{ max: string | null }[]>`select max(seq)::text as max from events`;
  const seen: number[] = [];
  const { sql, counts } = countingSql();
  const follower = new LogFollower({ sql, from: Number(head?.max ?? 0), onEvents: (e) => seen.push(...e.map((x) => x.seq)), pollMs: 60_000 });
  return { follower, seen, counts };
}

/** A follower from the log's head, listening for NOTIFYs, after its first read; stopped when `body` ends. */
async function withListeningFollower(body: (f: Awaited<ReturnType<typeof followerAtHead>>) => Promise<void>): Promise<void> {
  const f = await followerAtHead();
  await f.follower.start();
  try {
    await vi.waitFor(() => expect(f.counts.reads).toBeGreaterThan(0)); // start reads once
    await body(f);
  } finally {
    await f.follower.stop();
  }
}

describe("gaps this node's own ingest transactions leave", () => {
  // Ingest tells the follower the numbers it draws (`own`) and when their transaction ends (`release`):
  // such a gap is waited for, not bounded by an xid and rechecked on a timer. What counts as settled
  // must not change: a rolled-back own number still settles by the xid rule, and nothing is skipped.
  it('waits for its own transaction without bounding or re-reading, then folds in order when it commits', async () => {
    const { follower, seen, counts } = await followerAtHead();
    try {
      const mine = await writer();
      const x = await mine.insert(testGauge(0), 12.3);
      follower.own([x]);
      const other = await writer();
      const y = await other.insert(testGauge(1), 4.5);
      await other.commit();
      await follower.poll(); // sees Y held behind X, X is this node's own
      expect(seen).not.toContain(y);
      expect(counts.bounds).toBe(0);
      const reads = counts.reads;
      follower.poke(); // the next number is own and in flight: no read can hand anything on
      follower.poke();
      expect(counts.reads).toBe(reads);
      await mine.commit();
      follower.release([x], true);
      follower.poke(); // as ingest does once the commit is acknowledged
      await follower.catchUp();
      expect(seen.slice(-2)).toEqual([x, y]);
      expect(counts.bounds).toBe(0);
    } finally {
      await follower.stop();
    }
  });

  it('settles its own number that rolled back by the xid rule, and hands on what follows it', async () => {
    const { follower, seen, counts } = await followerAtHead();
    try {
      const mine = await writer();
      const x = await mine.insert(testGauge(2), 7.7);
      follower.own([x]);
      const other = await writer();
      const y = await other.insert(testGauge(6), 8.8);
      await other.commit();
      await follower.poll();
      expect(seen).not.toContain(y);
      await mine.rollback();
      follower.release([x], false); // nothing else will poke: release looks by itself
      await follower.catchUp();
      expect(seen).toContain(y);
      expect(seen).not.toContain(x);
      expect(counts.bounds).toBeGreaterThan(0); // an ordinary gap now, settled by an xid bound
    } finally {
      await follower.stop();
    }
  });

  // After its own commit, ingest calls `ownCommitted`: events that follow the position without a gap are
  // handed on from what ingest told the follower, with no read of the log; anything else still reads.
  it('hands on its own committed events that follow the position at once, without reading the log', async () => {
    const { follower, seen, counts } = await followerAtHead();
    try {
      const mine = await writer();
      const x = await mine.insert(testGauge(3), 1.5);
      const y = await mine.insert(testGauge(4), 2.5);
      follower.own([x, y]);
      follower.hint([recordEvent(x, testGauge(3)), recordEvent(y, testGauge(4))]);
      await mine.commit();
      follower.release([x, y], true);
      follower.ownCommitted();
      expect(seen.slice(-2)).toEqual([x, y]); // at once: no await between
      expect(counts.reads).toBe(0);
      expect(follower.position).toBe(y);
    } finally {
      await follower.stop();
    }
  });

  it("does not hand on its own committed events behind another writer's number until that one is settled", async () => {
    const { follower, seen, counts } = await followerAtHead();
    try {
      const other = await writer();
      const x = await other.insert(testGauge(5), 3.5); // another writer's number, still running
      const mine = await writer();
      const y = await mine.insert(testGauge(0), 4.5);
      follower.own([y]);
      follower.hint([recordEvent(y, testGauge(0))]);
      await mine.commit();
      follower.release([y], true);
      follower.ownCommitted(); // y does not follow the position: a read is owed, and it holds y behind x
      await vi.waitFor(() => expect(counts.reads).toBeGreaterThan(0));
      await follower.poll();
      expect(seen).not.toContain(y);
      await other.commit();
      await follower.catchUp();
      expect(seen.slice(-2)).toEqual([x, y]);
    } finally {
      await follower.stop();
    }
  });

  it('reads after its own commit when a NOTIFY announced numbers past its own', async () => {
    await withListeningFollower(async ({ follower, seen }) => {
      const mine = await writer();
      const x = await mine.insert(testGauge(1), 5.5);
      follower.own([x]);
      follower.hint([recordEvent(x, testGauge(1))]);
      const other = await writer();
      const y = await other.insert(testGauge(2), 6.5);
      await other.conn`select pg_notify('beacon_log', ${String(y)})`;
      await other.commit(); // announced y while x (own, in flight) comes first: nothing is read for it yet
      await mine.commit();
      follower.release([x], true);
      follower.ownCommitted(); // x at once; y was announced past it, so a read follows by itself
      expect(seen.at(-1)).toBe(x);
      await vi.waitFor(() => expect(seen.at(-1)).toBe(y));
    });
  });

  // The usual small batch is one statement (ingest/store-records.ts): its numbers come with its answer,
  // and its commit's NOTIFY often reaches the follower first. The read that NOTIFY owes waits for the
  // appends in flight to answer (`appending`), or for a short while if one never does.
  it("does not read the log for its own one-statement append announced before the append's answer, and hands its events on with the answer", async () => {
    await withListeningFollower(async ({ follower, seen, counts }) => {
      const reads = counts.reads;
      const answered = follower.appending();
      const mine = await writer();
      const x = await mine.insert(testGauge(3), 9.5);
      await mine.conn`select pg_notify('beacon_log', ${String(x)})`;
      await mine.commit();
      await vi.waitFor(() => expect(follower.announced).toBe(x)); // the NOTIFY is in; the answer is not
      expect(counts.reads).toBe(reads);
      expect(seen).not.toContain(x);
      // The answer, as ingest hands it on: numbers, events, committed; then the append is done.
      follower.own([x]);
      follower.hint([recordEvent(x, testGauge(3))]);
      follower.release([x], true);
      answered();
      expect(seen.at(-1)).toBe(x); // at once, from what the answer brought
      expect(counts.reads).toBe(reads);
    });
  });

  it('reads anyway when an append in flight does not answer soon (one blocked on a lock must not hold back what is announced)', async () => {
    await withListeningFollower(async ({ follower, seen }) => {
      follower.appending(); // never answers
      const other = await writer();
      const y = await other.insert(testGauge(4), 3.25);
      await other.conn`select pg_notify('beacon_log', ${String(y)})`;
      await other.commit();
      await vi.waitFor(() => expect(seen.at(-1)).toBe(y));
    });
  });

  it('through the app: a batch whose COPY fails after drawing its numbers (a racing original commits) leaves the node equal to the log', async () => {
    const server = await startTestServer(database.url, { hub: { tickMs: 20 } });
    const screen = await watch(server, { kind: 'city' });
    try {
      const observedAt = new Date(Date.UTC(2026, 8, 14, 3, 0)).toISOString();
      const record = { stationId: testGauge(7), observedAt, rainfall1hMm: 31.5 };
      // The original, logged by another session and held open: the batch's COPY waits on its key.
      const original = await writer();
      const [row] = await original.conn<{ seq: string }[]>`
        insert into events (type, department, category, entity_id, observed_at, dedupe_key, source_id, payload)
        values ('record.received', 'meteorology', 'rain-gauge', ${testGauge(7)}, ${observedAt}, ${`rain-gauge:${testGauge(7)}:${observedAt}:1`}, 'original',
                ${original.conn.json({ ...record, version: 1 })})
        returning seq`;
      const later = { stationId: testGauge(7), observedAt: new Date(Date.UTC(2026, 8, 14, 3, 10)).toISOString(), rainfall1hMm: 2 };
      const sent = fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.meteorologyKey}` },
        body: JSON.stringify({ records: [record, later] }),
      });
      let answered = false;
      void sent.finally(() => (answered = true));
      for (;;) {
        const [w] = await db.sql<{ n: number }[]>`select count(*)::int as n from pg_locks where not granted`;
        if (w!.n > 0 || answered) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(answered, 'the batch must be waiting on the original, not answered yet').toBe(false);
      await original.commit(); // the batch's first attempt fails (23505) with its numbers drawn; the retry answers a duplicate
      const res = await sent;
      expect(res.status).toBe(200);
      const ack = (await res.json()) as { accepted: number; duplicates: number; records: { seq: number; status: string }[] };
      expect(ack.records.map((r) => r.status)).toEqual(['duplicate', 'stored']);
      expect(ack.records[0]!.seq).toBe(Number(row!.seq));
      await server.app.engine.catchUp();
      expect(rainfallOf(server.app.engine.state, testGauge(7))?.rainfall1hMm).toBe(2);
      await expectEngineMatchesLog(db.sql, server.app.engine.state);
      await expectScreensMatchLog(db.sql, testRegion(), [{ client: screen, view: { kind: 'city' } }]);
    } finally {
      screen.close();
      await server.close();
    }
  });
});

class RollbackOnPurpose extends Error {}

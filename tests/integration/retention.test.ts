import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyLiveState } from '@beacon/shared';
import { foldRange } from '@beacon/server/engine/fold-log.ts';
import { stateAtSeq } from '@beacon/server/replay/state-at.ts';
import { prune } from '@beacon/server/retention/prune.ts';
import { defaultRetention, type RetentionPolicy } from '@beacon/server/retention/retention-policy.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { testGauge } from '../support/test-gauges.ts';

// Pruning is given its `now`: no test waits for days to pass.
const NOW = new Date('2026-09-14T08:00:00Z');
const DAY = 86_400_000;
const ago = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * DAY + extraMs);

const databases: TestDatabase[] = [];
async function freshDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  databases.push(db);
  return db;
}
afterAll(async () => {
  for (const db of databases) await db.drop();
});

async function seqs(server: TestServer, table: 'state_snapshots' | 'events'): Promise<number[]> {
  return (await server.db.sql<{ seq: string }[]>`select seq from ${server.db.sql(table)} order by seq`).map((r) => Number(r.seq));
}

/** Sends `batches` batches of four readings, each batch its own commit. */
async function feed(server: TestServer, batches: number, from = 0): Promise<void> {
  for (let i = from; i < from + batches; i++) {
    const records = [testGauge(0), testGauge(1), testGauge(2), testGauge(3)].map((stationId, k) => ({
      stationId, observedAt: new Date(Date.now() - (300 - i) * 60_000).toISOString(), rainfall1hMm: (i * 3 + k) % 90,
    }));
    const res = await fetch(`${server.baseUrl}/api/v1/ingest/rain-gauge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.meteorologyKey}` },
      body: JSON.stringify({ records }),
    });
    expect(res.status).toBe(200);
    await server.app.engine.catchUp();
  }
}

/** What replay shows at every log position, as JSON. */
async function replayAtEverySeq(server: TestServer, from: number, to: number): Promise<unknown[]> {
  const shown: unknown[] = [];
  for (let seq = from; seq <= to; seq++) shown.push(plain(await stateAtSeq(server.db.sql, seq)));
  return shown;
}

/** Compared as data: a state read back from jsonb has its keys in another order. */
function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}

describe('snapshot thinning', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer((await freshDatabase()).url, { snapshots: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('keeps every recent snapshot, then the newest of each hour, then of each day, and always the newest and the oldest', async () => {
    const taken: [number, Date][] = [
      [1, ago(402, 1 * 3600_000)], // the oldest of all: kept
      [2, ago(402, 2 * 3600_000)], // same day (beyond a year): only the day's newest, 3, is kept
      [3, ago(402, 5 * 3600_000)],
      [4, ago(400, 1 * 3600_000)], // alone in its day: kept
      [10, ago(40, 5 * 60_000)], // 40 days ago: the hour's newest (12) is kept
      [11, ago(40, 20 * 60_000)],
      [12, ago(40, 50 * 60_000)],
      [13, ago(40, 3600_000 + 5 * 60_000)], // the next hour: kept
      [20, ago(29)], // the last 30 days: all kept
      [21, ago(1)],
      [22, ago(1, 60_000)],
    ];
    for (const [seq, at] of taken) await server.db.sql`insert into state_snapshots (seq, taken_at, state) values (${seq}, ${at}, '{}'::jsonb)`;
    const policy: RetentionPolicy = { ...defaultRetention, snapshotsAllDays: 30, snapshotsHourlyDays: 365 };
    const pruned = await prune(server.db.sql, policy, NOW);
    expect(await seqs(server, 'state_snapshots')).toEqual([1, 3, 4, 12, 13, 20, 21, 22]);
    expect(pruned).toEqual({ log: { base: 0, events: 0, snapshots: 0 }, snapshots: 3, audit: 0 });
    // Idempotent: the same moment prunes nothing more.
    expect((await prune(server.db.sql, policy, NOW)).snapshots).toBe(0);
  });
});

describe('replay after pruning', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Snapshots every 8 events while the log is written; closing waits for the one being written.
    const database = await freshDatabase();
    const writer = await startTestServer(database.url, { snapshots: { everyEvents: 8, retention: false } });
    await feed(writer, 12);
    await writer.close();
    server = await startTestServer(database.url, { snapshots: false });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('shows the same wall at every log position after snapshots were thinned, and the log is kept forever by default', async () => {
    await server.app.engine.whenCurrent();
    const snapshots = await seqs(server, 'state_snapshots');
    expect(snapshots.length).toBeGreaterThanOrEqual(4);
    // Age the snapshots 100 days, into one hour: thinning keeps the newest and the oldest. (The events
    // keep their times: the feed counts of a snapshot were folded from them.)
    await server.db.sql`update state_snapshots set taken_at = ${ago(100)}`;
    await server.db.sql`update audit_entries set at = ${ago(3650)}`;
    const head = server.app.engine.state.seq;
    const before = await replayAtEverySeq(server, 1, head);
    const eventsBefore = await seqs(server, 'events');
    const audit = await server.db.sql`select id from audit_entries`;

    const pruned = await prune(server.db.sql, defaultRetention, NOW);
    expect(pruned.snapshots).toBe(snapshots.length - 2);
    expect(await seqs(server, 'state_snapshots')).toEqual([snapshots[0], snapshots.at(-1)]);
    expect(await replayAtEverySeq(server, 1, head)).toEqual(before);
    // Forever by default: not one event or audit entry went, however old.
    expect(await seqs(server, 'events')).toEqual(eventsBefore);
    expect(await server.db.sql`select id from audit_entries`).toHaveLength(audit.length);
  });
});

describe('log and audit retention, when set', () => {
  it('deletes events up to the newest snapshot before the horizon, keeps that snapshot as the base, and a restart shows the same state', async () => {
    const database = await freshDatabase();
    const first = await startTestServer(database.url, { snapshots: { everyEvents: 8, retention: false } });
    await feed(first, 8);
    await first.close(); // waits for the snapshot being written
    const server = await startTestServer(database.url, { snapshots: { everyEvents: 8, retention: false } });
    let base: number;
    let state: unknown;
    let replay: unknown[];
    try {
      // The snapshots so far were taken 100 days ago; then 8 more batches today.
      await server.db.sql`update state_snapshots set taken_at = ${ago(100)}`;
      const old = await seqs(server, 'state_snapshots');
      expect(old.length).toBeGreaterThanOrEqual(2);
      base = old.at(-1)!;
      await feed(server, 8, 8);
      await server.app.engine.catchUp();
      const head = server.app.engine.state.seq;
      state = plain(server.app.engine.state);
      replay = await replayAtEverySeq(server, base, head);

      const pruned = await prune(server.db.sql, { ...defaultRetention, logDays: 50 }, NOW);
      expect(pruned.log.base).toBe(base);
      expect(pruned.log.snapshots).toBe(old.length - 1);
      expect(Math.min(...(await seqs(server, 'events')))).toBeGreaterThan(base);
      expect((await seqs(server, 'state_snapshots'))[0]).toBe(base);
      expect(await replayAtEverySeq(server, base, head)).toEqual(replay);
    } finally {
      await server.close();
    }
    const restarted = await startTestServer(database.url, { snapshots: false });
    try {
      await restarted.app.engine.whenCurrent();
      expect(plain(restarted.app.engine.state)).toEqual(state);
      // The remaining log folded onto the base is today's state.
      const fromBase = await foldRange(restarted.db.sql, (await stateAtSeq(restarted.db.sql, base)), Number.MAX_SAFE_INTEGER);
      expect(plain(fromBase)).toEqual(state);
      expect(plain(await stateAtSeq(restarted.db.sql, base - 1))).toEqual(plain(emptyLiveState()));
    } finally {
      await restarted.close();
    }
  }, 120_000);

  it('deletes audit entries older than the period, and only those', async () => {
    const server = await startTestServer((await freshDatabase()).url, { snapshots: false });
    try {
      await server.db.sql`delete from audit_entries`;
      for (const [days, action] of [[400, 'old'], [91, 'old'], [89, 'kept'], [1, 'kept']] as const) {
        await server.db.sql`insert into audit_entries (at, actor_id, actor_name, actor_role, action, target, outcome, reason, details)
                            values (${ago(days)}, 'a', 'a', 'admin', ${action}, '', 'ok', '', '{}'::jsonb)`;
      }
      expect((await prune(server.db.sql, { ...defaultRetention, auditDays: 90 }, NOW)).audit).toBe(2);
      expect((await server.db.sql<{ action: string }[]>`select action from audit_entries`).map((r) => r.action)).toEqual(['kept', 'kept']);
    } finally {
      await server.close();
    }
  });
});

describe('the running server', () => {
  it('prunes after it stores a snapshot', async () => {
    const server = await startTestServer((await freshDatabase()).url, {
      snapshots: { everyEvents: 8, retention: { ...defaultRetention, snapshotsAllDays: 1, snapshotsHourlyDays: 2 } },
    });
    try {
      // Three old snapshots below the log's first positions, in one hour: the middle one is not the newest of its hour.
      for (const seq of [1, 2, 3]) await server.db.sql`insert into state_snapshots (seq, taken_at, state) values (${seq}, now() - interval '10 days', '{}'::jsonb)`;
      await feed(server, 4);
      const deadline = Date.now() + 10_000;
      while ((await seqs(server, 'state_snapshots')).includes(2) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const kept = await seqs(server, 'state_snapshots');
      expect(kept.slice(0, 2)).toEqual([1, 3]);
      expect(kept.length).toBeGreaterThan(2);
    } finally {
      await server.close();
    }
  });
});

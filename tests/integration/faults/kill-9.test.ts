import { connectDatabase, type Database } from '@beacon/db';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKioskToken } from '@beacon/server/auth/kiosk.ts';
import { createTokenService, loadTokenSecret } from '@beacon/server/auth/tokens.ts';
import { expectScreensMatchLog } from '../../support/log-truth.ts';
import { watch } from '../../support/socket-client.ts';
import { startServerProcess } from '../../support/server-process.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testGauge } from '../../support/test-gauges.ts';

// kill -9 of the server process while departments send data: nothing acknowledged is lost, nothing is
// stored twice (the department retries what was not acknowledged), and the restarted node equals the log.

let database: TestDatabase;
let db: Database;
let key: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = connectDatabase(database.url, { max: 2 });
  key = (await createDepartmentKey(db.sql, 'meteorology', 'kill -9 test')).key;
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const STATIONS = [testGauge(0), testGauge(1), testGauge(2), testGauge(3), testGauge(4), testGauge(5)];

/** Batch n: six readings at minute n, the same content however often it is sent. */
function batch(n: number): string {
  const observedAt = new Date(Date.UTC(2026, 8, 14) + n * 60_000).toISOString();
  return JSON.stringify({ records: STATIONS.map((stationId, i) => ({ stationId, observedAt, rainfall1hMm: (n * 7 + i) % 120 })) });
}

async function recordCount(): Promise<number> {
  const [row] = await db.sql<{ n: string }[]>`select count(*)::text as n from events where type = 'record.received'`;
  return Number(row!.n);
}

async function send(baseUrl: string, n: number): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/api/v1/ingest/rain-gauge`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: batch(n),
    });
    return res.status === 200;
  } catch {
    return false; // the connection died with the process: not acknowledged
  }
}

/** Health once nothing is behind, or the last answer after 200 tries (the assertion then shows it). */
async function currentHealth(baseUrl: string): Promise<{ status: string; behind?: number }> {
  let body: { status: string; behind?: number } = { status: 'unasked' };
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const res = await fetch(`${baseUrl}/api/v1/health`);
    body = (await res.json()) as typeof body;
    if (res.status === 200 && body.behind === 0) return body;
    await new Promise((r) => setTimeout(r, 25));
  }
  return body;
}

describe('kill -9 during ingest', () => {
  it('loses nothing acknowledged and doubles nothing, over three kills', { timeout: 180_000 }, async () => {
    const acknowledged = new Set<number>();
    const unanswered = new Set<number>();
    let next = 0;
    for (let trial = 0; trial < 3; trial += 1) {
      const server = await startServerProcess(database.url);
      // Four senders in flight, as a department's gateway would; kill once a few dozen batches are in.
      let stop = false;
      const sender = async () => {
        while (!stop) {
          const n = next++;
          if (await send(server.baseUrl, n)) acknowledged.add(n);
          else unanswered.add(n);
        }
      };
      const senders = Array.from({ length: 4 }, sender);
      const target = acknowledged.size + 30;
      while (acknowledged.size < target) await new Promise((r) => setTimeout(r, 10));
      server.child.kill('SIGKILL');
      stop = true;
      await Promise.all(senders);
      expect((await server.exited).signal).toBe('SIGKILL');
    }
    // Everything acknowledged is in the log, once per record.
    const rows = await db.sql<{ k: string; n: string }[]>`select dedupe_key as k, count(*)::text as n from events group by dedupe_key having count(*) > 1`;
    expect(rows).toEqual([]);
    expect(await recordCount()).toBeGreaterThanOrEqual(acknowledged.size * STATIONS.length);

    // The department retries what was never answered: each is stored once, or answered as a duplicate.
    const server = await startServerProcess(database.url);
    try {
      for (const n of unanswered) expect(await send(server.baseUrl, n)).toBe(true);
      expect(await recordCount()).toBe((acknowledged.size + unanswered.size) * STATIONS.length);
      // Current: ready, and (once the follower has folded the last acknowledged batch, which it does
      // after the answer, not before) nothing behind. Asking at once raced that fold: behind 6 in CI.
      expect(await currentHealth(server.baseUrl)).toMatchObject({ status: 'ok', behind: 0 });
      // A wall on the restarted node shows exactly the log folded from the start.
      const tokens = createTokenService(await loadTokenSecret(db.sql), () => Date.now());
      const { token } = await createKioskToken(db.sql, tokens, 'kill -9 test wall');
      const wall = await watch({ baseUrl: server.baseUrl, wallToken: token });
      try {
        await expectScreensMatchLog(db.sql, testRegion(), [{ client: wall, view: { kind: 'city' } }]);
      } finally {
        wall.close();
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});

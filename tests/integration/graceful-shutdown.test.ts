import { connectDatabase } from '@beacon/db';
import { createDepartmentKey } from '@beacon/server/credentials/department-keys.ts';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { clearSession, eventually, startTestBroker, type TestBroker } from '../support/mqtt-broker.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testGauge } from '../support/test-gauges.ts';

// The real process: server/src/main.ts through tsx (`node --import tsx`, as `pnpm dev:server -- --no-sim`
// runs it; `pnpm start` runs the same code built: one process, no relay in front of it that could kill it mid-close), against a
// fresh database. Departments send batches (HTTP and the WebSocket stream) without pause; the
// process gets SIGINT in the middle. Every batch it acknowledged must be in the log exactly once,
// and it must end cleanly: exit code 0, nothing on stderr, no error line on stdout.

const gauges = testRegion().rainGauges.map((g) => g.id);
// Every batch its own observation time: a record's identity is station + time + version.
const BASE = Date.now() - 6 * 3600_000;

let database: TestDatabase;
let key: string;
let broker: TestBroker;
const run = randomBytes(4).toString('hex');
const mqttPrefix = `beacon-shutdown/${run}`;
const mqttClientId = `bs-${run}`;
const configDir = mkdtempSync(join(tmpdir(), 'beacon-shutdown-'));
const mqttConfig = join(configDir, 'mqtt.json');

beforeAll(async () => {
  broker = await startTestBroker();
  writeFileSync(mqttConfig, JSON.stringify([{ department: 'meteorology', url: broker.url, topics: { [`${mqttPrefix}/+`]: 'rain-gauge' }, clientId: mqttClientId }]));
  database = await createTestDatabase();
  const db = connectDatabase(database.url, { max: 1 });
  try {
    key = (await createDepartmentKey(db.sql, 'meteorology', 'shutdown test')).key;
  } finally {
    await db.close();
  }
});
afterAll(async () => {
  await clearSession(broker.url, mqttClientId).catch(() => {});
  await broker?.close();
  rmSync(configDir, { recursive: true, force: true });
  await database?.drop();
});

/** The real process, with the MQTT source this test publishes to and no per-department rate limit. */
function startServer(): Promise<ServerProcess> {
  return startServerProcess(database.url, { BEACON_MQTT_CONFIG: mqttConfig, BEACON_RATE_LIMIT: '1000000' });
}

type Acked = { stationId: string; observedAt: string; seq: number };

function batch(n: number) {
  const observedAt = new Date(BASE + n * 1000).toISOString();
  return gauges.slice(0, 10).map((stationId, i) => ({ stationId, observedAt, rainfall1hMm: (n + i) % 50 }));
}

/** Posts batches one after another until the server stops answering; returns what it acknowledged. */
async function httpSender(baseUrl: string, next: () => number, stop: () => boolean): Promise<{ acked: Acked[]; answers: number[] }> {
  const acked: Acked[] = [];
  const answers: number[] = [];
  while (!stop()) {
    const records = batch(next());
    let res: Response;
    try {
      res = await fetch(`${baseUrl}/api/v1/ingest/rain-gauge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ records }),
      });
    } catch {
      break; // connection refused or reset: the server is gone; this batch was not acknowledged
    }
    answers.push(res.status);
    if (res.status !== 200) {
      await res.text();
      // 503 while closing: not acknowledged, the department would retry later.
      if (res.status === 503) break;
      continue;
    }
    const body = (await res.json()) as { records: { index: number; seq: number }[] };
    for (const r of body.records) acked.push({ stationId: records[r.index]!.stationId, observedAt: records[r.index]!.observedAt, seq: r.seq });
  }
  return { acked, answers };
}

/** Sends on the WebSocket stream with several messages in flight; collects the acknowledged ones. */
async function streamSender(baseUrl: string, next: () => number, stop: () => boolean): Promise<{ acked: Acked[]; answers: boolean[]; closeCode: number }> {
  const acked: Acked[] = [];
  const answers: boolean[] = [];
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/stream`, { headers: { authorization: `Bearer ${key}` } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const sent = new Map<string, ReturnType<typeof batch>>();
  ws.on('message', (data) => {
    const reply = JSON.parse(String(data)) as { id: string; ok: boolean; ack?: { records: { index: number; seq: number }[] } };
    answers.push(reply.ok);
    const records = sent.get(reply.id)!;
    sent.delete(reply.id);
    if (reply.ok) for (const r of reply.ack!.records) acked.push({ stationId: records[r.index]!.stationId, observedAt: records[r.index]!.observedAt, seq: r.seq });
    send();
  });
  const send = () => {
    if (stop() || ws.readyState !== ws.OPEN) return;
    const n = next();
    const records = batch(n);
    sent.set(`m${n}`, records);
    ws.send(JSON.stringify({ id: `m${n}`, category: 'rain-gauge', records }));
  };
  for (let i = 0; i < 4; i++) send();
  const closeCode = await new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return { acked, answers, closeCode };
}

/** Publishes batches on the department's broker (QoS 1), a few in flight; collects those Beacon answered as stored. */
async function mqttSender(next: () => number, stop: () => boolean): Promise<{ acked: Acked[]; answers: number }> {
  const acked: Acked[] = [];
  let answers = 0;
  const client = await mqtt.connectAsync(broker.url, { clientId: `bsp-${run}`, clean: true, reconnectPeriod: 0 });
  await client.subscribeAsync(`${mqttPrefix}/+/ack`, { qos: 1 });
  const sent = new Map<string, ReturnType<typeof batch>>();
  const send = () => {
    if (stop()) return;
    const n = next();
    const records = batch(n);
    sent.set(`q${n}`, records);
    void client.publishAsync(`${mqttPrefix}/q${n}`, JSON.stringify({ id: `q${n}`, records }), { qos: 1 });
  };
  client.on('message', (_topic, payload) => {
    const reply = JSON.parse(String(payload)) as { id: string; accepted?: number; records?: { index: number; seq: number }[] };
    answers += 1;
    const records = sent.get(reply.id);
    if (records && reply.records) for (const r of reply.records) acked.push({ stationId: records[r.index]!.stationId, observedAt: records[r.index]!.observedAt, seq: r.seq });
    send();
  });
  for (let i = 0; i < 3; i++) send();
  await eventually(stop, 120_000);
  await client.endAsync();
  return { acked, answers };
}

describe('graceful shutdown of the real process', () => {
  it('on SIGINT while departments send: exit 0, no error lines, every acknowledged record stored exactly once', async () => {
    const server = await startServer();
    let counter = 0;
    const next = () => ++counter;
    let done = false;
    const stop = () => done;
    const senders = [
      httpSender(server.baseUrl, next, stop),
      httpSender(server.baseUrl, next, stop),
      httpSender(server.baseUrl, next, stop),
      streamSender(server.baseUrl, next, stop),
      mqttSender(next, stop),
    ];
    // Let real traffic build up, then interrupt it mid-flight.
    const db = connectDatabase(database.url, { max: 1 });
    try {
      await eventually(async () => {
        const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from events where type = 'record.received'`;
        return row!.n >= 400;
      }, 30_000);
      server.child.kill('SIGINT');
      const exit = await server.exited;
      done = true;
      const results = await Promise.all(senders);

      expect(server.stderr()).toBe('');
      expect(server.stdout()).not.toMatch(/error|failed|TypeError|CONNECTION_CLOSED/i);
      expect(server.stdout()).toContain('SIGINT: closing');
      expect(exit).toEqual({ code: 0, signal: null });

      const acked = results.flatMap((r) => r.acked);
      expect((results[4] as { answers: number }).answers).toBeGreaterThan(0); // the MQTT link was answering too
      expect(acked.length).toBeGreaterThanOrEqual(400);
      // The stream sender was answered too (and nothing it was told stored is missing, below).
      const stream = results[3] as { answers: boolean[]; closeCode: number };
      expect(stream.answers.filter(Boolean).length).toBeGreaterThan(0);
      expect(stream.answers.every(Boolean)).toBe(true); // drained: every message read was stored and answered
      expect(stream.closeCode).toBe(1001); // "going away", after the drain
      // HTTP answers were 200, or 503 once the server was closing: never a 500.
      for (const r of results.slice(0, 3) as { answers: number[] }[]) for (const status of r.answers) expect([200, 503]).toContain(status);

      const rows = await db.sql<{ entity_id: string; observed_at: Date; seq: string }[]>`
        select entity_id, observed_at, seq from events where type = 'record.received'`;
      const stored = new Map<string, string[]>();
      for (const r of rows) {
        const k = `${r.entity_id}@${r.observed_at.toISOString()}`;
        stored.set(k, [...(stored.get(k) ?? []), String(r.seq)]);
      }
      const missingOrTwice = acked.filter((a) => {
        const seqs = stored.get(`${a.stationId}@${a.observedAt}`) ?? [];
        return seqs.length !== 1 || seqs[0] !== String(a.seq);
      });
      expect(missingOrTwice).toEqual([]);
    } finally {
      done = true;
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      await db.close();
    }
  }, 120_000);
});

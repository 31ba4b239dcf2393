import { afterEach, describe, expect, it } from 'vitest';
import { validateBatch } from '../../ingest/validation.ts';
import { startIngestTestServer, storedReply } from '../ingest-test-server.ts';
import type { IngestTestServer, ScriptedReply } from '../ingest-test-server.ts';
import { demoIntervalMs, startDepartmentSimulators } from './feeder.ts';
import type { DepartmentSimulators } from './feeder.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const quiet = { info: () => {}, warn: () => {} };
const keys = { meteorology: 'key-met', water: 'key-water', emergency: 'key-emg', ocean: 'key-ocean' } as const;

let server: IngestTestServer | undefined;
let simulators: DepartmentSimulators | undefined;

afterEach(async () => {
  await simulators?.stop();
  await server?.close();
  simulators = undefined;
  server = undefined;
});

const categoryOf = (path: string) => path.replace('/api/v1/ingest/', '');

describe('department simulators', () => {
  it('posts each department’s batches to its category path with that department’s key', async () => {
    server = await startIngestTestServer(() => storedReply(1));
    simulators = startDepartmentSimulators({
      baseUrl: `${server.baseUrl}/`,
      keys,
      categories: ['typhoon-track', 'river-level', 'shelter', 'rescue-team', 'tide-level', 'fire-station'],
      startPhase: 0.5,
      minIntervalMs: 40,
      maxIntervalMs: 80,
      log: quiet,
    });
    expect([...simulators.schedule.keys()].sort()).toEqual(['rescue-team', 'river-level', 'shelter', 'tide-level', 'typhoon-track']); // no fire key
    await server.waitForRequests(15, 3000);
    const expectedKey: Record<string, string> = {
      'typhoon-track': keys.meteorology, 'river-level': keys.water, shelter: keys.emergency, 'rescue-team': keys.emergency, 'tide-level': keys.ocean,
    };
    for (const r of server.requests) {
      const category = categoryOf(r.path);
      expect(r.method).toBe('POST');
      expect(r.headers.authorization).toBe(`Bearer ${expectedKey[category]}`);
      expect(validateBatch(category, JSON.parse(r.body))).toEqual([]);
    }
    expect(new Set(server.requests.map((r) => categoryOf(r.path)))).toEqual(new Set(Object.keys(expectedKey)));
  });

  it('skips ticks while a batch is still being delivered, and stops cleanly', async () => {
    server = await startIngestTestServer((r): ScriptedReply => (r.path.endsWith('/shelter') ? storedReply(14, 300) : storedReply(1)));
    simulators = startDepartmentSimulators({ baseUrl: server.baseUrl, keys, categories: ['shelter'], startPhase: 0.5, minIntervalMs: 30, maxIntervalMs: 30, log: quiet });
    await pause(800);
    const times = server.requests.map((r) => r.receivedAt);
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect(times.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(290);
    expect(server.maxConcurrent).toBe(1);
    await simulators.stop();
    const sent = server.requests.length;
    await pause(150);
    expect(server.requests.length).toBe(sent);
  });

  it('retries the same batch after a server error', async () => {
    server = await startIngestTestServer((_, i): ScriptedReply => (i === 0 ? { status: 503 } : storedReply(1)));
    simulators = startDepartmentSimulators({
      baseUrl: server.baseUrl, keys, categories: ['typhoon-track'], startPhase: 0.5, minIntervalMs: 200, maxIntervalMs: 200,
      backoff: { initialMs: 20, maxMs: 40 }, log: quiet,
    });
    await server.waitForRequests(2, 8000);
    expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
  });

  it('sends sensors every few seconds and registers every 30 s in the demo', () => {
    expect(demoIntervalMs('river-level')).toBe(5_000);
    expect(demoIntervalMs('shelter')).toBe(10_000);
    expect(demoIntervalMs('fire-station')).toBe(30_000);
    expect(demoIntervalMs('ambulance')).toBe(5_000);
  });
});

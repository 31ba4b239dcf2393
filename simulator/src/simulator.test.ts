import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Value from 'typebox/value';
import { xiamen } from '@beacon/shared';
import { categorySchemasOf } from '@beacon/shared/schemas.ts';
import { scriptedFetch, storedReply } from './scripted-fetch.ts';
import type { FetchedRequest, FetchScript, ScriptedFetch } from './scripted-fetch.ts';
import { demoIntervalMs, startSimulator } from './simulator.ts';
import type { Simulator, SimulatorOptions } from './simulator.ts';

// Fake timers throughout: the ticks, backoff waits and answer delays fire only as the test advances
// the fake clock. The network edge is a scripted fetch; the simulators' own code runs unmocked.
const START = Date.parse('2026-09-14T08:00:00.000Z');
const quiet = { info: () => {}, warn: () => {} };
const keys = { meteorology: 'key-met', water: 'key-water', emergency: 'key-emg', ocean: 'key-ocean' } as const;

let simulators: Simulator | undefined;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(START);
});

afterEach(async () => {
  await simulators?.stop();
  simulators = undefined;
  vi.useRealTimers();
});

const categoryOf = (url: string) => new URL(url).pathname.replace('/api/v1/ingest/', '');

function run(script: (request: FetchedRequest, index: number) => FetchScript, options: Omit<SimulatorOptions, 'baseUrl' | 'keys'>): ScriptedFetch {
  const ingest = scriptedFetch(script);
  simulators = startSimulator({ baseUrl: 'http://beacon.test', keys, startPhase: 0.5, log: quiet, fetch: ingest.fetch, ...options });
  return ingest;
}

/** Whether every record of a posted batch passes its category's schema (the server's own validation runs in server/src/ingest). */
const validBatch = (category: string, body: string) => {
  const { records } = JSON.parse(body) as { records: unknown[] };
  return records.length > 0 && records.every((r) => Value.Check(categorySchemasOf(xiamen)[category]!, r));
};

describe('the simulator', () => {
  it('posts each department’s batches to its category path with that department’s key', async () => {
    const ingest = scriptedFetch(() => storedReply(1));
    simulators = startSimulator({
      baseUrl: 'http://beacon.test/',
      keys,
      categories: ['typhoon-track', 'river-level', 'shelter', 'rescue-team', 'tide-level', 'fire-station'],
      startPhase: 0.5,
      minIntervalMs: 40,
      maxIntervalMs: 80,
      log: quiet,
      fetch: ingest.fetch,
    });
    expect([...simulators.schedule.keys()].sort()).toEqual(['rescue-team', 'river-level', 'shelter', 'tide-level', 'typhoon-track']); // no fire key
    await vi.advanceTimersByTimeAsync(400); // at least 5 ticks of every category
    expect(ingest.requests.length).toBeGreaterThanOrEqual(15);
    const expectedKey: Record<string, string> = {
      'typhoon-track': keys.meteorology, 'river-level': keys.water, shelter: keys.emergency, 'rescue-team': keys.emergency, 'tide-level': keys.ocean,
    };
    for (const r of ingest.requests) {
      const category = categoryOf(r.url);
      expect(r.url).toBe(`http://beacon.test/api/v1/ingest/${category}`);
      expect(r.method).toBe('POST');
      expect(r.headers.authorization).toBe(`Bearer ${expectedKey[category]}`);
      expect(validBatch(category, r.body)).toBe(true);
    }
    expect(new Set(ingest.requests.map((r) => categoryOf(r.url)))).toEqual(new Set(Object.keys(expectedKey)));
  });

  it('sends rain gauges like any category: every gauge of the region in one batch, with the meteorology key', async () => {
    const ingest = run(() => storedReply(), { categories: ['rain-gauge'], minIntervalMs: 25, maxIntervalMs: 25 });
    await vi.advanceTimersByTimeAsync(100);
    expect(ingest.requests.length).toBeGreaterThanOrEqual(3);
    for (const r of ingest.requests) {
      expect(r.url).toBe('http://beacon.test/api/v1/ingest/rain-gauge');
      expect(r.headers.authorization).toBe(`Bearer ${keys.meteorology}`);
      expect(validBatch('rain-gauge', r.body)).toBe(true);
      const { records } = JSON.parse(r.body) as { records: { stationId: string; observedAt: string }[] };
      expect(records.map((g) => g.stationId)).toEqual(xiamen.rainGauges.map((g) => g.id));
      expect(new Set(records.map((g) => g.observedAt))).toEqual(new Set([new Date(r.at).toISOString()]));
    }
  });

  it('sends every category of the keyed departments by default, rain gauges among them', () => {
    simulators = startSimulator({ baseUrl: 'http://beacon.test', keys, log: quiet, fetch: scriptedFetch(() => storedReply()).fetch });
    expect(simulators.schedule.get('rain-gauge')).toBe(5_000); // a 5-minute feed, 60× faster
    expect(simulators.schedule.has('river-level')).toBe(true);
    expect(simulators.schedule.has('fire-station')).toBe(false); // no fire key
  });

  it('skips ticks while a batch is still being delivered, and stops cleanly', async () => {
    // Each shelter answer takes 290 ms; a tick comes every 30 ms.
    const ingest = run((r) => (r.url.endsWith('/shelter') ? storedReply(14, 290) : storedReply(1)), { categories: ['shelter'], minIntervalMs: 30, maxIntervalMs: 30 });
    await vi.advanceTimersByTimeAsync(800);
    const times = ingest.requests.map((r) => r.at);
    // The next send goes at the first tick after the answer (300 ms on), not queued at the answer (290).
    expect(times).toHaveLength(3);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([300, 300]);
    expect(ingest.maxConcurrent).toBe(1);
    // stop() resolves on the abort of the third send alone, with no timer firing, and leaves none.
    let stopped = false;
    void simulators!.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(true);
    expect(ingest.requests[2]!.signal?.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ingest.requests).toHaveLength(3);
  });

  it('retries the same batch after a server error', async () => {
    const ingest = run((_, i) => (i === 0 ? { status: 503 } : storedReply(1)), {
      categories: ['typhoon-track'], minIntervalMs: 200, maxIntervalMs: 200, backoff: { initialMs: 20, maxMs: 40 },
    });
    for (let t = 0; t < 200 && ingest.requests.length === 0; t++) await vi.advanceTimersByTimeAsync(1); // the first tick, staggered within the interval
    expect(ingest.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(40); // the longest first backoff wait (maxMs); the next tick is 200 ms on
    expect(ingest.requests).toHaveLength(2);
    expect(ingest.requests[1]!.body).toBe(ingest.requests[0]!.body);
  });

  it('sends sensors every few seconds and registers every 30 s in the demo', () => {
    expect(demoIntervalMs('river-level')).toBe(5_000);
    expect(demoIntervalMs('shelter')).toBe(10_000);
    expect(demoIntervalMs('fire-station')).toBe(30_000);
    expect(demoIntervalMs('ambulance')).toBe(5_000);
  });
});

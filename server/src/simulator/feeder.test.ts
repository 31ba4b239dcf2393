import { afterEach, describe, expect, it, vi } from 'vitest';
import Value from 'typebox/value';
import { xiamen } from '@beacon/shared';
import { RainBatch } from '@beacon/shared/schemas.ts';
import { startRainSimulator } from './feeder.ts';
import type { RainSimulator, RainSimulatorOptions } from './feeder.ts';
import { startIngestTestServer, storedReply } from './ingest-test-server.ts';
import type { IngestTestServer, ScriptedReply } from './ingest-test-server.ts';

const START = Date.parse('2026-09-14T08:00:00.000Z');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: IngestTestServer | undefined;
let simulator: RainSimulator | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await simulator?.stop();
  await server?.close();
  simulator = undefined;
  server = undefined;
});

/**
 * Watches the timers the simulator's own files create (the tick interval, request timeouts,
 * backoff waits) and reports those still pending: neither fired nor cleared.
 */
function watchSimulatorTimers(): () => number {
  const pending = new Set<unknown>();
  const fromSimulator = () => /simulator[\\/](feeder|delivery)\.ts/.test(new Error().stack ?? '');
  const { setTimeout: realSetTimeout, setInterval: realSetInterval, clearTimeout: realClearTimeout, clearInterval: realClearInterval } = globalThis;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: () => void, ms?: number) => {
    const timer = realSetTimeout(() => {
      pending.delete(timer);
      callback();
    }, ms);
    if (fromSimulator()) pending.add(timer);
    return timer;
  }) as never);
  vi.spyOn(globalThis, 'setInterval').mockImplementation(((callback: () => void, ms?: number) => {
    const timer = realSetInterval(callback, ms);
    if (fromSimulator()) pending.add(timer);
    return timer;
  }) as never);
  vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((timer: NodeJS.Timeout) => {
    pending.delete(timer);
    realClearTimeout(timer);
  }) as never);
  vi.spyOn(globalThis, 'clearInterval').mockImplementation(((timer: NodeJS.Timeout) => {
    pending.delete(timer);
    realClearInterval(timer);
  }) as never);
  return () => pending.size;
}

/** A clock that moves 5 s of "real" time per reading, so every tick's batch differs from the last. */
function steppingClock() {
  let t = START;
  return () => (t += 5_000);
}

function recordingLog() {
  const lines = { info: [] as string[], warn: [] as string[] };
  return { lines, log: { info: (m: string) => lines.info.push(m), warn: (m: string) => lines.warn.push(m) } };
}

async function run(script: (index: number) => ScriptedReply, options: Partial<RainSimulatorOptions> = {}) {
  server = await startIngestTestServer((_, index) => script(index));
  const { lines, log } = recordingLog();
  simulator = startRainSimulator({
    baseUrl: `${server.baseUrl}/`,
    apiKey: 'bk_meteorology_test',
    now: steppingClock(),
    log,
    intervalMs: 10_000,
    backoff: { initialMs: 10, maxMs: 40 },
    ...options,
  });
  return { server, lines };
}

describe('rain simulator feeder', () => {
  it('posts one valid batch per tick with a reading for every gauge, authenticated as the department', async () => {
    const { server } = await run(() => storedReply(), { intervalMs: 25 });
    await server.waitForRequests(3);
    for (const request of server.requests.slice(0, 3)) {
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/api/v1/ingest/rain-gauge');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers.authorization).toBe('Bearer bk_meteorology_test');
      const body: unknown = JSON.parse(request.body);
      expect(Value.Check(RainBatch, body)).toBe(true);
      const { records } = body as RainBatch;
      expect(records.map((r) => r.stationId)).toEqual(xiamen.rainGauges.map((g) => g.id));
      expect(new Set(records.map((r) => r.observedAt)).size).toBe(1);
    }
    const times = server.requests.slice(0, 3).map((r) => (JSON.parse(r.body) as RainBatch).records[0]!.observedAt);
    expect(times).toEqual(['2026-09-14T08:00:10.000Z', '2026-09-14T08:00:15.000Z', '2026-09-14T08:00:20.000Z']);
  });

  it('retries the same body after a 503', async () => {
    const { server, lines } = await run((i) => (i === 0 ? { status: 503, body: { message: 'busy' } } : storedReply()));
    await server.waitForRequests(2);
    await pause(30);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
    expect(lines.warn.join('\n')).toMatch(/503.*retrying the same batch/);
    expect(lines.info.join('\n')).toMatch(/delivered after 2 attempts/);
  });

  it('retries the same body after the connection drops (a thrown network error)', async () => {
    const { server, lines } = await run((i) => (i === 0 ? 'drop' : storedReply()));
    await server.waitForRequests(2);
    await pause(30);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
    expect(lines.warn.join('\n')).toMatch(/network error/);
  });

  it('backs off exponentially while the server keeps failing', async () => {
    // Fake timers: the waits are read off the fake clock, so a busy machine cannot stretch them.
    // Only the timers and Date are faked; the answers come from a scripted fetch, not a socket.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      const attempts: { at: number; body: string }[] = [];
      const failing = (async (_url: string, init: RequestInit) => {
        attempts.push({ at: Date.now(), body: String(init.body) });
        return new Response('', { status: 502, statusText: 'Bad Gateway' });
      }) as typeof fetch;
      const { log } = recordingLog();
      // Jitter at its middle: the waits are exactly 20, 40, 80 ms.
      const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
      simulator = startRainSimulator({
        baseUrl: 'http://beacon.invalid', apiKey: 'k', now: steppingClock(), log, fetch: failing,
        intervalMs: 10_000, backoff: { initialMs: 20, maxMs: 1000 },
      });
      const gapsAfter = async (count: number) => {
        while (attempts.length < count) await vi.advanceTimersByTimeAsync(1);
        const at = attempts.map((a) => a.at);
        return at.slice(1).map((t, i) => t - at[i]!);
      };
      expect(await gapsAfter(4)).toEqual([20, 40, 80]);
      expect(new Set(attempts.map((a) => a.body)).size).toBe(1); // the same batch every time
      // And with the jitter at its extremes (±25%) each wait is still clearly longer than the last.
      attempts.length = 0;
      await simulator.stop();
      const extremes = [0, 0.999999, 0, 0.999999];
      random.mockImplementation(() => extremes.shift() ?? 0.5);
      simulator = startRainSimulator({
        baseUrl: 'http://beacon.invalid', apiKey: 'k', now: steppingClock(), log, fetch: failing,
        intervalMs: 10_000, backoff: { initialMs: 20, maxMs: 1000 },
      });
      const gaps = await gapsAfter(4);
      expect(gaps[0]!).toBeGreaterThanOrEqual(15); // 20 × 0.75
      expect(gaps[1]!).toBeGreaterThan(gaps[0]!); // 40 × 1.25 vs 30 … 40 × 0.75 vs 25
      expect(gaps[2]!).toBeGreaterThan(gaps[0]! * 1.5);
      expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    } finally {
      await simulator?.stop();
      vi.useRealTimers();
    }
  });

  it('does not retry a 400 and logs it once in one line with the issues', async () => {
    const rejection: ScriptedReply = {
      status: 400,
      body: {
        statusCode: 400,
        code: 'BEACON_INVALID_RECORDS',
        error: 'Bad Request',
        message: 'records do not match the rain-gauge schema',
        issues: [{ path: '/records/3/rainfall1hMm', expected: 'number ≤ 400', got: 999 }],
      },
    };
    const { server, lines } = await run(() => rejection, { intervalMs: 150 });
    await server.waitForRequests(3);
    const at = server.requests.map((r) => r.receivedAt);
    // Each request is a new tick (new readings), not an immediate retry of the rejected one.
    expect(at[1]! - at[0]!).toBeGreaterThan(100);
    expect(at[2]! - at[1]!).toBeGreaterThan(100);
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(3);
    expect(lines.warn).toHaveLength(1);
    expect(lines.warn[0]).not.toContain('\n');
    expect(lines.warn[0]).toContain('400');
    expect(lines.warn[0]).toContain('BEACON_INVALID_RECORDS');
    expect(lines.warn[0]).toContain('/records/3/rainfall1hMm expected number ≤ 400, got 999');
  });

  it('honours retry-after on a 429 and then retries the same body', async () => {
    const { server } = await run((i) =>
      i === 0 ? { status: 429, headers: { 'retry-after': '0.3' }, body: { message: 'slow down' } } : storedReply(),
    );
    await server.waitForRequests(2);
    const [first, second] = server.requests;
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(280);
    expect(second!.body).toBe(first!.body);
  });

  it('never runs two sends at once and skips ticks while one is in flight', async () => {
    const { server, lines } = await run(() => storedReply(31, 120), {
      intervalMs: 20,
    });
    await pause(450);
    expect(server.maxConcurrent).toBe(1);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(server.requests.length).toBeLessThanOrEqual(5);
    expect(lines.info.join('\n')).toMatch(/skipped \d+ tick/);
  });

  it('stop() aborts a slow in-flight send, sends nothing more and leaves no timers', async () => {
    const pendingTimers = watchSimulatorTimers();
    const { server: ingest } = await run(() => storedReply(31, 2000), { intervalMs: 30 });
    await ingest.waitForRequests(1);
    expect(pendingTimers()).toBe(2); // the tick interval and the request timeout
    const began = performance.now();
    await simulator!.stop();
    expect(performance.now() - began).toBeLessThan(500);
    await pause(100);
    expect(ingest.requests).toHaveLength(1);
    await ingest.close();
    server = undefined;
    expect(pendingTimers()).toBe(0);
  });

  it('stop() ends a backoff wait at once and leaves no timers', async () => {
    const pendingTimers = watchSimulatorTimers();
    const { server: ingest } = await run(() => ({ status: 503 }), { backoff: { initialMs: 10_000, maxMs: 30_000 } });
    await ingest.waitForRequests(1);
    await pause(20); // now waiting ~10 s before the retry
    expect(pendingTimers()).toBe(2); // the tick interval and the backoff wait
    const began = performance.now();
    await simulator!.stop();
    expect(performance.now() - began).toBeLessThan(100);
    await pause(50);
    expect(ingest.requests).toHaveLength(1);
    await ingest.close();
    server = undefined;
    expect(pendingTimers()).toBe(0);
  });

  it('refuses an empty gauge list with a clear error', () => {
    expect(() => startRainSimulator({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k', gauges: [] })).toThrow(/1 to 1000 gauges/);
  });
});

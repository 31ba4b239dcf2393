import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Value from 'typebox/value';
import { xiamen } from '@beacon/shared';
import { RainBatch } from '@beacon/shared/schemas.ts';
import { startRainSimulator } from './feeder.ts';
import type { RainSimulator, RainSimulatorOptions } from './feeder.ts';
import { scriptedFetch, storedReply } from './scripted-fetch.ts';
import type { FetchedRequest, FetchScript } from './scripted-fetch.ts';

// Every test runs on fake timers: the feeder's tick interval, request timeouts and backoff waits
// fire only when the test advances the fake clock, so a busy machine cannot stretch or reorder them.
// The network edge is a scripted fetch (./scripted-fetch.ts); the feeder's own code runs unmocked.
const START = Date.parse('2026-09-14T08:00:00.000Z');

let simulator: RainSimulator | undefined;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(START);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await simulator?.stop();
  simulator = undefined;
  vi.useRealTimers();
});

/** Fake milliseconds since the test began, when each request was made. */
const sentAt = (requests: FetchedRequest[]) => requests.map((r) => r.at - START);

/** Whether `promise` settles while the fake clock advances by `ms` (0: on pending promise jobs alone, no timer firing). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
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

function run(script: (index: number) => FetchScript, options: Partial<RainSimulatorOptions> = {}) {
  const ingest = scriptedFetch((_, index) => script(index));
  const { lines, log } = recordingLog();
  simulator = startRainSimulator({
    baseUrl: 'http://beacon.test/',
    apiKey: 'bk_meteorology_test',
    now: steppingClock(),
    log,
    fetch: ingest.fetch,
    intervalMs: 10_000,
    backoff: { initialMs: 10, maxMs: 40 },
    ...options,
  });
  return { ingest, lines };
}

describe('rain simulator feeder', () => {
  it('posts one valid batch per tick with a reading for every gauge, authenticated as the department', async () => {
    const { ingest } = run(() => storedReply(), { intervalMs: 25 });
    await vi.advanceTimersByTimeAsync(50);
    expect(sentAt(ingest.requests)).toEqual([0, 25, 50]); // one at start, then one per tick
    for (const request of ingest.requests) {
      expect(request.method).toBe('POST');
      expect(request.url).toBe('http://beacon.test/api/v1/ingest/rain-gauge');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers.authorization).toBe('Bearer bk_meteorology_test');
      const body: unknown = JSON.parse(request.body);
      expect(Value.Check(RainBatch, body)).toBe(true);
      const { records } = body as RainBatch;
      expect(records.map((r) => r.stationId)).toEqual(xiamen.rainGauges.map((g) => g.id));
      expect(new Set(records.map((r) => r.observedAt)).size).toBe(1);
    }
    const times = ingest.requests.map((r) => (JSON.parse(r.body) as RainBatch).records[0]!.observedAt);
    expect(times).toEqual(['2026-09-14T08:00:10.000Z', '2026-09-14T08:00:15.000Z', '2026-09-14T08:00:20.000Z']);
  });

  it('retries the same body after a 503', async () => {
    const { ingest, lines } = run((i) => (i === 0 ? { status: 503, body: { message: 'busy' } } : storedReply()));
    await vi.advanceTimersByTimeAsync(40); // the longest first backoff wait (maxMs)
    expect(ingest.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(9_000); // stored: nothing more until the next tick at 10 s
    expect(ingest.requests).toHaveLength(2);
    expect(ingest.requests[1]!.body).toBe(ingest.requests[0]!.body);
    expect(lines.warn.join('\n')).toMatch(/503.*retrying the same batch/);
    expect(lines.info.join('\n')).toMatch(/delivered after 2 attempts/);
  });

  it('retries the same body after the connection drops (a thrown network error)', async () => {
    const { ingest, lines } = run((i) => (i === 0 ? 'drop' : storedReply()));
    await vi.advanceTimersByTimeAsync(40);
    expect(ingest.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(ingest.requests).toHaveLength(2);
    expect(ingest.requests[1]!.body).toBe(ingest.requests[0]!.body);
    expect(lines.warn.join('\n')).toMatch(/network error \(fetch failed: other side closed\)/);
  });

  it('backs off exponentially while the server keeps failing', async () => {
    const failing = () => ({ status: 502 });
    // Jitter at its middle: the waits are exactly 20, 40, 80 ms.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    let { ingest } = run(failing, { backoff: { initialMs: 20, maxMs: 1000 } });
    const gapsAfter = async (count: number) => {
      while (ingest.requests.length < count) await vi.advanceTimersByTimeAsync(1);
      const at = sentAt(ingest.requests);
      return at.slice(1).map((t, i) => t - at[i]!);
    };
    expect(await gapsAfter(4)).toEqual([20, 40, 80]);
    expect(new Set(ingest.requests.map((r) => r.body)).size).toBe(1); // the same batch every time
    // And with the jitter at its extremes (±25%) each wait is still clearly longer than the last.
    await simulator!.stop();
    const extremes = [0, 0.999999, 0, 0.999999];
    random.mockImplementation(() => extremes.shift() ?? 0.5);
    ({ ingest } = run(failing, { backoff: { initialMs: 20, maxMs: 1000 } }));
    const gaps = await gapsAfter(4);
    expect(gaps[0]!).toBeGreaterThanOrEqual(15); // 20 × 0.75
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!); // 40 × 1.25 vs 30 … 40 × 0.75 vs 25
    expect(gaps[2]!).toBeGreaterThan(gaps[0]! * 1.5);
    expect(new Set(ingest.requests.map((r) => r.body)).size).toBe(1);
  });

  it('does not retry a 400 and logs it once in one line with the issues', async () => {
    const rejection: FetchScript = {
      status: 400,
      body: {
        statusCode: 400,
        code: 'BEACON_INVALID_RECORDS',
        error: 'Bad Request',
        message: 'records do not match the rain-gauge schema',
        issues: [{ path: '/records/3/rainfall1hMm', expected: 'number ≤ 400', got: 999 }],
      },
    };
    const { ingest, lines } = run(() => rejection, { intervalMs: 150 });
    await vi.advanceTimersByTimeAsync(300);
    // Each request is a new tick (new readings), not an immediate retry of the rejected one.
    expect(sentAt(ingest.requests)).toEqual([0, 150, 300]);
    expect(new Set(ingest.requests.map((r) => r.body)).size).toBe(3);
    expect(lines.warn).toHaveLength(1);
    expect(lines.warn[0]).not.toContain('\n');
    expect(lines.warn[0]).toContain('400');
    expect(lines.warn[0]).toContain('BEACON_INVALID_RECORDS');
    expect(lines.warn[0]).toContain('/records/3/rainfall1hMm expected number ≤ 400, got 999');
  });

  it('honours retry-after on a 429 and then retries the same body', async () => {
    const { ingest } = run((i) =>
      i === 0 ? { status: 429, headers: { 'retry-after': '0.3' }, body: { message: 'slow down' } } : storedReply(),
    );
    await vi.advanceTimersByTimeAsync(299);
    expect(ingest.requests).toHaveLength(1); // not the 10 … 40 ms backoff: the 300 ms it was told
    await vi.advanceTimersByTimeAsync(1);
    expect(sentAt(ingest.requests)).toEqual([0, 300]);
    const [first, second] = ingest.requests;
    expect(second!.body).toBe(first!.body);
  });

  it('never runs two sends at once and skips ticks while one is in flight', async () => {
    // Each answer takes 110 ms; a tick comes every 20 ms.
    const { ingest, lines } = run(() => storedReply(31, 110), { intervalMs: 20 });
    await vi.advanceTimersByTimeAsync(450);
    expect(ingest.maxConcurrent).toBe(1);
    // Sent at start, then at the first tick after each answer (110 → 120, 230 → 240, 350 → 360): skipped, not queued.
    expect(sentAt(ingest.requests)).toEqual([0, 120, 240, 360]);
    // 20 … 100, 140 … 220 and 260 … 340: each run of skipped ticks reported once, when the next batch goes.
    expect(lines.info.filter((line) => line.includes('skipped')).map((line) => line.match(/skipped (\d+) tick/)?.[1])).toEqual(['5', '5', '5']);
  });

  it('stop() aborts a slow in-flight send, sends nothing more and leaves no timers', async () => {
    const { ingest } = run(() => 'hang', { intervalMs: 30 });
    await vi.advanceTimersByTimeAsync(0);
    expect(ingest.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(2); // the tick interval and the request timeout
    // stop() resolves on the abort alone: no timer fires and the fake clock does not move.
    expect(await settlesWithin(simulator!.stop(), 0)).toBe(true);
    expect(ingest.requests[0]!.signal?.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000); // past many ticks and the 10 s request timeout
    expect(ingest.requests).toHaveLength(1);
  });

  it('stop() ends a backoff wait at once and leaves no timers', async () => {
    const { ingest } = run(() => ({ status: 503 }), { backoff: { initialMs: 10_000, maxMs: 30_000 } });
    await vi.advanceTimersByTimeAsync(20); // now waiting 7.5 … 12.5 s before the retry
    expect(ingest.requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(2); // the tick interval and the backoff wait
    expect(await settlesWithin(simulator!.stop(), 0)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000); // past the backoff wait and several ticks
    expect(ingest.requests).toHaveLength(1);
  });

  it('refuses an empty gauge list with a clear error', () => {
    expect(() => startRainSimulator({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k', gauges: [] })).toThrow(/1 to 1000 gauges/);
  });
});

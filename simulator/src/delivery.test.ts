import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deliverBatch, type Delivery } from './delivery.ts';
import { scriptedFetch, storedReply } from './scripted-fetch.ts';
import type { FetchedRequest, FetchScript, ScriptedFetch } from './scripted-fetch.ts';

// Every test runs on fake timers: request timeouts and backoff waits fire only when the test
// advances the fake clock, so a busy machine cannot stretch or reorder them. The network edge is a
// scripted fetch (./scripted-fetch.ts); delivery's own code runs unmocked.
const START = Date.parse('2026-09-14T08:00:00.000Z');
const BODY = JSON.stringify({ records: [{ stationId: 'XM-SM-001', observedAt: '2026-09-14T08:00:00.000Z', rainfall1hMm: 12.5 }] });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.restoreAllMocks();
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

function setup(script: (index: number) => FetchScript, backoff = { initialMs: 10, maxMs: 40 }) {
  const ingest: ScriptedFetch = scriptedFetch((_, index) => script(index));
  const lines = { info: [] as string[], warn: [] as string[] };
  const stopping = new AbortController();
  const delivery: Delivery = {
    label: 'simulator (rain-gauge)',
    url: 'http://beacon.test/api/v1/ingest/rain-gauge',
    apiKey: 'bk_meteorology_test',
    fetch: ingest.fetch,
    log: { info: (m) => lines.info.push(m), warn: (m) => lines.warn.push(m) },
    backoff,
    requestTimeoutMs: 10_000,
    signal: stopping.signal,
    lastRejection: { line: '' },
  };
  return { ingest, lines, delivery, stop: () => stopping.abort() };
}

describe('delivery of one batch', () => {
  it('posts the body as JSON, authenticated with the department key, and is done when it is stored', async () => {
    const { ingest, delivery, lines } = setup(() => storedReply(1));
    expect(await settlesWithin(deliverBatch(delivery, BODY), 0)).toBe(true);
    expect(ingest.requests).toHaveLength(1);
    const [request] = ingest.requests;
    expect(request!.method).toBe('POST');
    expect(request!.url).toBe('http://beacon.test/api/v1/ingest/rain-gauge');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers.authorization).toBe('Bearer bk_meteorology_test');
    expect(request!.body).toBe(BODY);
    expect(lines).toEqual({ info: [], warn: [] });
  });

  it('retries the same body after a 503, naming the feed in its log lines', async () => {
    const { ingest, lines, delivery } = setup((i) => (i === 0 ? { status: 503, body: { message: 'busy' } } : storedReply()));
    expect(await settlesWithin(deliverBatch(delivery, BODY), 40)).toBe(true); // the longest first backoff wait (maxMs)
    expect(ingest.requests).toHaveLength(2);
    expect(ingest.requests[1]!.body).toBe(ingest.requests[0]!.body);
    expect(lines.warn.join('\n')).toMatch(/^simulator \(rain-gauge\): 503.*retrying the same batch/);
    expect(lines.info.join('\n')).toMatch(/^simulator \(rain-gauge\): batch delivered after 2 attempts/);
  });

  it('retries the same body after the connection drops (a thrown network error)', async () => {
    const { ingest, lines, delivery } = setup((i) => (i === 0 ? 'drop' : storedReply()));
    expect(await settlesWithin(deliverBatch(delivery, BODY), 40)).toBe(true);
    expect(ingest.requests).toHaveLength(2);
    expect(ingest.requests[1]!.body).toBe(ingest.requests[0]!.body);
    expect(lines.warn.join('\n')).toMatch(/network error \(fetch failed: other side closed\)/);
  });

  it('backs off exponentially while the server keeps failing', async () => {
    const failing = () => ({ status: 502 });
    // Jitter at its middle: the waits are exactly 20, 40, 80 ms.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const gapsOf = async (count: number) => {
      const { ingest, delivery, stop } = setup(failing, { initialMs: 20, maxMs: 1000 });
      const done = deliverBatch(delivery, BODY);
      while (ingest.requests.length < count) await vi.advanceTimersByTimeAsync(1);
      stop();
      await done;
      expect(new Set(ingest.requests.map((r) => r.body)).size).toBe(1); // the same batch every time
      const at = sentAt(ingest.requests);
      return at.slice(1).map((t, i) => t - at[i]!);
    };
    expect(await gapsOf(4)).toEqual([20, 40, 80]);
    // And with the jitter at its extremes (±25%) each wait is still clearly longer than the last.
    const extremes = [0, 0.999999, 0, 0.999999];
    random.mockImplementation(() => extremes.shift() ?? 0.5);
    const gaps = await gapsOf(4);
    expect(gaps[0]!).toBeGreaterThanOrEqual(15); // 20 × 0.75
    expect(gaps[1]!).toBeGreaterThan(gaps[0]!); // 40 × 1.25 vs 30 … 40 × 0.75 vs 25
    expect(gaps[2]!).toBeGreaterThan(gaps[0]! * 1.5);
  });

  it('does not retry a 400, and logs it once in one line with the issues however often it recurs', async () => {
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
    const { ingest, lines, delivery } = setup(() => rejection);
    for (let batch = 0; batch < 3; batch++) expect(await settlesWithin(deliverBatch(delivery, BODY), 0)).toBe(true);
    expect(ingest.requests).toHaveLength(3); // one request per batch: none retried
    expect(lines.warn).toHaveLength(1);
    expect(lines.warn[0]).not.toContain('\n');
    expect(lines.warn[0]).toMatch(/^simulator \(rain-gauge\): batch rejected with 400, not retried/);
    expect(lines.warn[0]).toContain('BEACON_INVALID_RECORDS');
    expect(lines.warn[0]).toContain('/records/3/rainfall1hMm expected number ≤ 400, got 999');
  });

  it('honours retry-after on a 429 and then retries the same body', async () => {
    const { ingest, delivery } = setup((i) => (i === 0 ? { status: 429, headers: { 'retry-after': '0.3' }, body: { message: 'slow down' } } : storedReply()));
    const done = deliverBatch(delivery, BODY);
    await vi.advanceTimersByTimeAsync(299);
    expect(ingest.requests).toHaveLength(1); // not the 10 … 40 ms backoff: the 300 ms it was told
    expect(await settlesWithin(done, 1)).toBe(true);
    expect(sentAt(ingest.requests)).toEqual([0, 300]);
    expect(ingest.requests[1]!.body).toBe(ingest.requests[0]!.body);
  });

  it('retries a request that gets no answer within the timeout', async () => {
    const { ingest, lines, delivery } = setup((i) => (i === 0 ? 'hang' : storedReply()));
    expect(await settlesWithin(deliverBatch(delivery, BODY), 10_040)).toBe(true);
    expect(sentAt(ingest.requests)[1]).toBeGreaterThanOrEqual(10_000);
    expect(lines.warn.join('\n')).toMatch(/no answer within 10000 ms/);
  });

  it('ends a slow request at once when stopped, and leaves no timers', async () => {
    const { ingest, delivery, stop } = setup(() => 'hang');
    const done = deliverBatch(delivery, BODY);
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(1); // the request timeout
    stop();
    // Resolves on the abort alone: no timer fires and the fake clock does not move.
    expect(await settlesWithin(done, 0)).toBe(true);
    expect(ingest.requests[0]!.signal?.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends a backoff wait at once when stopped, and leaves no timers', async () => {
    const { ingest, delivery, stop } = setup(() => ({ status: 503 }), { initialMs: 10_000, maxMs: 30_000 });
    const done = deliverBatch(delivery, BODY);
    await vi.advanceTimersByTimeAsync(20); // now waiting 7.5 … 12.5 s before the retry
    expect(vi.getTimerCount()).toBe(1); // the backoff wait
    stop();
    expect(await settlesWithin(done, 0)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ingest.requests).toHaveLength(1);
  });
});

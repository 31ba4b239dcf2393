import { describe, expect, it } from 'vitest';
import { rainEvent } from '../testing.ts';
import { emptyLiveState } from './live-state.ts';
import { evolve, feedRate, fold, TREND_WINDOW_MS } from './reducer.ts';
import type { FeedRejected } from '../events.ts';
import { rainfallOf, stationTrend } from './selectors.ts';
import type { RecordReceived } from '../events.ts';
import { latestRecord } from './live-state.ts';

const T0 = Date.parse('2026-09-14T08:00:00Z');
const min = (m: number) => T0 + m * 60_000;
const rain = (id: string, m: number, mm: number, extra: { version?: number; receivedMin?: number } = {}) =>
  rainEvent(id, min(m), mm, { ...(extra.version ? { version: extra.version } : {}), receivedAt: min(extra.receivedMin ?? m) });

describe('records', () => {
  it('keeps the newest record of each entity as latest', () => {
    const s = fold(emptyLiveState(), [rain('SM01', 0, 3), rain('SM01', 5, 7.5), rain('HL01', 5, 1)]);
    expect(rainfallOf(s, 'SM01')?.rainfall1hMm).toBe(7.5);
    expect(rainfallOf(s, 'HL01')?.rainfall1hMm).toBe(1);
    expect(s.latest['rain-gauge']?.SM01?.data).toMatchObject({ stationId: 'SM01', rainfall1hMm: 7.5 });
  });

  it('never lets a late, older record replace a newer one, but files it in the trend', () => {
    const s = fold(emptyLiveState(), [rain('SM01', 10, 20), rain('SM01', 0, 99, { receivedMin: 12 })]);
    expect(rainfallOf(s, 'SM01')?.rainfall1hMm).toBe(20);
    expect(stationTrend(s, 'SM01').map((p) => p.value)).toEqual([99, 20]);
  });

  it('lets a higher version correct the same observation, and not a lower one', () => {
    const corrected = fold(emptyLiveState(), [rain('SM01', 0, 10), rain('SM01', 0, 12, { version: 2 })]);
    expect(corrected.latest['rain-gauge']?.SM01).toMatchObject({ version: 2, data: { rainfall1hMm: 12 } });
    expect(stationTrend(corrected, 'SM01')).toEqual([{ t: T0, value: 12, v: 2 }]);
    const stale = evolve(corrected, rain('SM01', 0, 10, { version: 1 }));
    expect(stale.latest['rain-gauge']?.SM01).toMatchObject({ version: 2, data: { rainfall1hMm: 12 } });
    expect(stationTrend(stale, 'SM01')).toEqual([{ t: T0, value: 12, v: 2 }]);
  });

  it('keeps one trend point per 5-minute slot, the newest in the slot', () => {
    const s = fold(emptyLiveState(), [rain('SM01', 0, 1), rain('SM01', 1, 2), rain('SM01', 4, 3), rain('SM01', 5, 4)]);
    expect(stationTrend(s, 'SM01').map((p) => p.value)).toEqual([3, 4]);
  });

  it('drops trend points older than 24 hours before the latest record', () => {
    const s = fold(emptyLiveState(), [rain('SM01', 0, 1), rain('SM01', 60, 2), rain('SM01', 24 * 60 + 30, 3)]);
    const trend = stationTrend(s, 'SM01');
    expect(trend.map((p) => p.value)).toEqual([2, 3]);
    expect(trend.every((p) => p.t > min(24 * 60 + 30) - TREND_WINDOW_MS)).toBe(true);
  });

  it('tracks the highest sequence folded in', () => {
    const a = rain('SM01', 0, 1);
    const b = rain('SM01', 5, 1);
    expect(fold(emptyLiveState(), [b, a]).seq).toBe(b.seq);
  });

  it('does not change the state it was given', () => {
    const before = fold(emptyLiveState(), [rain('SM01', 0, 1)]);
    const copy = structuredClone(before);
    evolve(before, rain('SM01', 5, 9));
    expect(before).toEqual(copy);
  });
});

describe('feed health', () => {
  it('records the newest receive time and counts records per category', () => {
    const s = fold(emptyLiveState(), [rain('SM01', 0, 1, { receivedMin: 9 }), rain('SM02', 1, 1, { receivedMin: 3 })]);
    expect(s.feeds['rain-gauge']).toMatchObject({ department: 'meteorology', category: 'rain-gauge', lastReceivedAt: min(9), records: 2, rejections: 0 });
  });

  it('counts refused batches and keeps the newest reason', () => {
    const rejected = (seq: number, at: number, reason: string): FeedRejected => ({
      type: 'feed.rejected', seq, receivedAt: new Date(at).toISOString(), department: 'meteorology', category: 'rain-gauge', records: 3, code: 'BEACON_INVALID_INPUT', reason,
    });
    const s = fold(emptyLiveState(), [rain('SM01', 0, 1), rejected(100, min(2), 'older'), rejected(101, min(5), 'newer')]);
    expect(s.feeds['rain-gauge']).toMatchObject({ records: 1, rejections: 2, lastRejection: { at: min(5), reason: 'newer' } });
    expect(s.seq).toBe(101);
  });

  it('gives the rate of a feed as records per minute over the last five minutes', () => {
    const events = Array.from({ length: 10 }, (_, i) => rain('SM01', i, 1, { receivedMin: i }));
    const s = fold(emptyLiveState(), events);
    expect(Object.keys(s.feeds['rain-gauge']!.perMinute)).toHaveLength(5);
    expect(feedRate(s.feeds['rain-gauge']!.perMinute, min(9) + 30_000)).toBe(1);
    expect(feedRate(s.feeds['rain-gauge']!.perMinute, min(30))).toBe(0);
  });
});

describe('fold', () => {
  it('equals folding one event at a time, and leaves its input untouched, for generated logs', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.constantFrom('SM01', 'SM02', 'HL01'), m: fc.integer({ min: 0, max: 3000 }), mm: fc.integer({ min: 0, max: 500 }), v: fc.integer({ min: 1, max: 3 }) }), { maxLength: 80 }),
        fc.nat({ max: 80 }),
        (rs, cut) => {
          const events = rs.map((r, i) => rainEvent(r.s, min(r.m), r.mm / 10, { version: r.v, seq: i + 1, receivedAt: min(i) }));
          const head = fold(emptyLiveState(), events.slice(0, cut));
          const frozen = structuredClone(head);
          let oneByOne = head;
          for (const e of events.slice(cut)) oneByOne = evolve(oneByOne, e);
          expect(fold(head, events.slice(cut))).toEqual(oneByOne);
          expect(head).toEqual(frozen);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('an entity\'s first observation (an incident\'s 接报)', () => {
  const T = Date.UTC(2026, 8, 14, 6, 0, 0);
  const incident = (seq: number, at: number, status: string): RecordReceived => ({
    type: 'record.received', seq, receivedAt: new Date(T + seq).toISOString(), department: 'emergency', category: 'incident',
    entityId: 'INC-9', observedAt: new Date(at).toISOString(), version: 1,
    payload: { title: '后溪内涝', kind: 'waterlogging', severity: 'IV', status, lon: 118.05, lat: 24.6, district: '集美区' },
  });

  it('stays at the first report while status updates move the newest record on', () => {
    const s = fold(emptyLiveState(), [incident(1, T, 'open'), incident(2, T + 300_000, 'handling'), incident(3, T + 900_000, 'closed')]);
    expect(latestRecord(s, 'incident', 'INC-9')).toMatchObject({ observedAt: T + 900_000, firstObservedAt: T });
  });

  it('moves earlier for a late, older record, which does not replace the newest', () => {
    const s = fold(emptyLiveState(), [incident(1, T + 300_000, 'handling'), incident(2, T, 'open')]);
    expect(latestRecord(s, 'incident', 'INC-9')).toMatchObject({ observedAt: T + 300_000, seq: 1, firstObservedAt: T });
  });

  it('is the same whatever order the records are folded in', () => {
    const events = [incident(1, T + 60_000, 'open'), incident(2, T, 'open'), incident(3, T + 120_000, 'handling')];
    const orders = [[0, 1, 2], [1, 0, 2], [2, 1, 0], [0, 2, 1]].map((o) => latestRecord(fold(emptyLiveState(), o.map((i) => events[i]!)), 'incident', 'INC-9'));
    for (const rec of orders) expect(rec).toMatchObject({ observedAt: T + 120_000, firstObservedAt: T });
  });
});

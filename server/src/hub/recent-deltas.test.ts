import { describe, expect, it } from 'vitest';
import { emptyLogDelta, type LogDelta } from '@beacon/shared';
import { RecentDeltas } from './recent-deltas.ts';

/** A delta covering (from, to], with one record standing for its events. */
function delta(from: number, to: number): LogDelta {
  return { ...emptyLogDelta(from), toSeq: to, latest: { 'rain-gauge': { [`G${to}`]: { entityId: `G${to}`, seq: to, observedAt: to, version: 1, data: {} } } } };
}

describe('RecentDeltas', () => {
  it('resumes a screen with everything after its sequence, merged', () => {
    const recent = new RecentDeltas();
    for (let s = 0; s < 10; s++) recent.push(delta(s * 10, s * 10 + 10));
    const merged = recent.since(40, 100)!;
    expect(merged.fromSeq).toBe(40);
    expect(merged.toSeq).toBe(100);
    expect(Object.keys(merged.latest['rain-gauge']!).sort()).toEqual(['G100', 'G50', 'G60', 'G70', 'G80', 'G90'].sort());
  });

  it('answers a position inside a kept delta with null (a snapshot): where entities were then is not known', () => {
    const recent = new RecentDeltas();
    for (let s = 0; s < 10; s++) recent.push(delta(s * 10, s * 10 + 10));
    expect(recent.since(35, 100)).toBeNull();
    expect(recent.since(30, 100)?.fromSeq).toBe(30);
  });

  it('keeps the earliest prior place of an entity when merging a resume', () => {
    const recent = new RecentDeltas();
    const rec = (seq: number, district: string) => ({ entityId: 'T1', seq, observedAt: seq, version: 1, data: { district } });
    recent.push({ ...delta(0, 10), movedFrom: { 'rescue-team': { T1: rec(5, '思明区') } } });
    recent.push({ ...delta(10, 20), movedFrom: { 'rescue-team': { T1: rec(10, '湖里区') } } });
    expect(recent.since(0, 20)?.movedFrom['rescue-team']?.T1?.data.district).toBe('思明区');
    expect(recent.since(10, 20)?.movedFrom['rescue-team']?.T1?.data.district).toBe('湖里区');
  });

  it('keeps at most the given number of deltas', () => {
    const recent = new RecentDeltas({ deltas: 3, events: 1e9 });
    for (let s = 0; s < 10; s++) recent.push(delta(s, s + 1));
    expect(recent.since(7, 10)).not.toBeNull();
    expect(recent.since(6, 10)).toBeNull(); // dropped: that screen gets a snapshot
  });

  it('keeps deltas covering at most the given number of events, whatever the feed rate', () => {
    const recent = new RecentDeltas({ deltas: 3000, events: 1000 });
    // A fast feed: 400 events a tick. Only the last two ticks (800 events) fit under 1,000.
    for (let s = 0; s < 10; s++) recent.push(delta(s * 400, s * 400 + 400));
    expect(recent.since(3200, 4000)).not.toBeNull();
    expect(recent.since(2800, 4000)).toBeNull();
  });

  it('always keeps the newest delta, even one over the event bound', () => {
    const recent = new RecentDeltas({ events: 10 });
    recent.push(delta(0, 500));
    expect(recent.since(0, 500)?.toSeq).toBe(500);
  });
});

import { describe, expect, it } from 'vitest';
import { emptyDelta, type StateDelta } from '@beacon/shared';
import { RecentDeltas } from './recent-deltas.ts';

/** A delta covering (from, to], with one record standing for its events. */
function delta(from: number, to: number): StateDelta {
  return { ...emptyDelta(from), toSeq: to, latest: { 'rain-gauge': { [`G${to}`]: { entityId: `G${to}`, seq: to, observedAt: to, version: 1, data: {} } } } };
}

describe('RecentDeltas', () => {
  it('resumes a screen with everything after its sequence, merged', () => {
    const recent = new RecentDeltas();
    for (let s = 0; s < 10; s++) recent.push(delta(s * 10, s * 10 + 10));
    const merged = recent.since(35, 100)!;
    // From the delta that holds 35 on: re-applying (30, 35] is harmless, the newest record wins.
    expect(merged.fromSeq).toBeLessThanOrEqual(35);
    expect(merged.toSeq).toBe(100);
    expect(Object.keys(merged.latest['rain-gauge']!).sort()).toEqual(['G100', 'G40', 'G50', 'G60', 'G70', 'G80', 'G90'].sort());
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

import { describe, expect, it, vi } from 'vitest';
import { emptyLiveState, PROTOCOL_VERSION, rainfallOf, type BeaconEvent } from '@beacon/shared';
import { rainEvent } from '@beacon/shared/testing.ts';
import { applyEvents, clockOffset, isCompatible, reloadForProtocol } from './live-sync.ts';

function rain(seq: number, stationId: string, mm: number, observedAt = '2026-09-14T08:00:00+08:00'): BeaconEvent {
  return rainEvent(stationId, Date.parse(observedAt), mm, { seq, receivedAt: Date.parse('2026-09-14T00:00:30Z') });
}

describe('live sync', () => {
  it('folds events with the shared reducer', () => {
    const s = applyEvents(emptyLiveState(), [rain(1, 'SM01', 12), rain(2, 'HL01', 40)]);
    expect(s.seq).toBe(2);
    expect(rainfallOf(s, 'SM01')?.rainfall1hMm).toBe(12);
    expect(s.feeds['rain-gauge']?.records).toBe(2);
  });

  it('skips events the state already holds so records are not counted twice', () => {
    const s1 = applyEvents(emptyLiveState(), [rain(1, 'SM01', 12), rain(2, 'HL01', 40)]);
    const s2 = applyEvents(s1, [rain(2, 'HL01', 40), rain(3, 'SM01', 20, '2026-09-14T08:05:00+08:00')]);
    expect(s2.seq).toBe(3);
    expect(s2.feeds['rain-gauge']?.records).toBe(3);
    expect(rainfallOf(s2, 'SM01')?.rainfall1hMm).toBe(20);
    expect(applyEvents(s2, [rain(3, 'SM01', 20)])).toBe(s2);
  });

  it('computes the clock offset as server minus local', () => {
    expect(clockOffset(10_500, 10_000)).toBe(500);
    expect(clockOffset(9_000, 10_000)).toBe(-1_000);
  });

  it('accepts only its own protocol version', () => {
    expect(isCompatible(PROTOCOL_VERSION)).toBe(true);
    expect(isCompatible(PROTOCOL_VERSION + 1)).toBe(false);
  });

  it('reloads for a new protocol at most once per 30 s', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const reload = vi.fn();
    expect(reloadForProtocol(storage, 100_000, reload)).toBe(true);
    expect(reloadForProtocol(storage, 110_000, reload)).toBe(false);
    expect(reloadForProtocol(storage, 140_001, reload)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { RainObserved } from '../events.ts';
import { emptyLiveState } from './live-state.ts';
import { evolve, fold, TREND_WINDOW_MS } from './reducer.ts';

const T0 = Date.parse('2026-09-14T08:00:00Z');
let seq = 0;
function rain(stationId: string, minutesAfterT0: number, mm: number, extra: { version?: number; receivedMin?: number } = {}): RainObserved {
  seq += 1;
  return {
    seq,
    type: 'rain.observed',
    department: 'meteorology',
    receivedAt: new Date(T0 + (extra.receivedMin ?? minutesAfterT0) * 60_000).toISOString(),
    payload: {
      stationId,
      observedAt: new Date(T0 + minutesAfterT0 * 60_000).toISOString(),
      rainfall1hMm: mm,
      ...(extra.version ? { version: extra.version } : {}),
    },
  };
}

describe('rain readings', () => {
  it('keeps the newest reading of each station as latest', () => {
    const s = fold(emptyLiveState(), [rain('SM01', 0, 3), rain('SM01', 5, 7.5), rain('HL01', 5, 1)]);
    expect(s.rain.SM01?.latest?.rainfall1hMm).toBe(7.5);
    expect(s.rain.HL01?.latest?.rainfall1hMm).toBe(1);
    expect(s.seq).toBe(seq);
  });

  it('never lets a late, older reading replace a newer one, but files it in the trend', () => {
    const s = fold(emptyLiveState(), [rain('SM01', 10, 20), rain('SM01', 0, 99, { receivedMin: 12 })]);
    expect(s.rain.SM01?.latest?.rainfall1hMm).toBe(20);
    expect(s.rain.SM01?.trend.map((p) => p.mm)).toEqual([99, 20]);
  });

  it('lets a higher version correct the same observation, and not a lower one', () => {
    const corrected = fold(emptyLiveState(), [rain('SM01', 0, 10), rain('SM01', 0, 12, { version: 2 })]);
    expect(corrected.rain.SM01?.latest).toMatchObject({ rainfall1hMm: 12, version: 2 });
    expect(corrected.rain.SM01?.trend).toEqual([{ t: T0, mm: 12, v: 2 }]);
    const stale = evolve(corrected, rain('SM01', 0, 10, { version: 1 }));
    expect(stale.rain.SM01?.latest).toMatchObject({ rainfall1hMm: 12, version: 2 });
    expect(stale.rain.SM01?.trend).toEqual([{ t: T0, mm: 12, v: 2 }]);
  });

  it('keeps one trend point per 5-minute slot, the newest in the slot', () => {
    const s = fold(emptyLiveState(), [rain('SM01', 0, 1), rain('SM01', 1, 2), rain('SM01', 4, 3), rain('SM01', 5, 4)]);
    expect(s.rain.SM01?.trend.map((p) => p.mm)).toEqual([3, 4]);
  });

  it('drops trend points older than 24 hours before the latest reading', () => {
    const s = fold(emptyLiveState(), [rain('SM01', 0, 1), rain('SM01', 60, 2), rain('SM01', 24 * 60 + 30, 3)]);
    const trend = s.rain.SM01?.trend ?? [];
    expect(trend.map((p) => p.mm)).toEqual([2, 3]);
    expect(trend.every((p) => p.t > T0 + (24 * 60 + 30) * 60_000 - TREND_WINDOW_MS)).toBe(true);
  });

  it('does not change the state it was given', () => {
    const before = fold(emptyLiveState(), [rain('SM01', 0, 1)]);
    const copy = structuredClone(before);
    evolve(before, rain('SM01', 5, 9));
    expect(before).toEqual(copy);
  });
});

describe('feed health', () => {
  it('records the newest receive time and counts records per department', () => {
    const s = fold(emptyLiveState(), [rain('SM01', 0, 1, { receivedMin: 9 }), rain('SM02', 1, 1, { receivedMin: 3 })]);
    expect(s.feeds.meteorology).toEqual({ department: 'meteorology', lastReceivedAt: T0 + 9 * 60_000, records: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { rainEvent } from '../testing.ts';
import { emptyLiveState } from './live-state.ts';
import { fold } from './reducer.ts';
import { feedStatus, rainRanking } from './selectors.ts';

const at = Date.parse('2026-09-14T08:00:00.000Z');
const reading = (seq: number, stationId: string, mm: number) => rainEvent(stationId, at, mm, { seq });

describe('rainRanking', () => {
  it('orders by rainfall, wettest first, ties by id, and grades each', () => {
    const s = fold(emptyLiveState(), [reading(1, 'B', 20), reading(2, 'A', 20), reading(3, 'C', 55), reading(4, 'D', 2)]);
    expect(rainRanking(s, 3).map((r) => [r.stationId, r.grade])).toEqual([['C', 'red'], ['A', 'yellow'], ['B', 'yellow']]);
  });
});

describe('feedStatus', () => {
  const interval = 60_000;
  it.each([
    [undefined, 'never'],
    [0, 'live'],
    [2 * interval, 'live'],
    [2 * interval + 1, 'late'],
    [6 * interval, 'late'],
    [6 * interval + 1, 'silent'],
  ] as const)('a record %s ms old is %s', (age, status) => {
    const now = 10_000_000;
    expect(feedStatus(age === undefined ? undefined : now - age, now, interval)).toBe(status);
  });
});

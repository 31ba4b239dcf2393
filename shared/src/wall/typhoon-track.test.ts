import { describe, expect, it } from 'vitest';
import { applyDelta, deltaOf } from '../state/delta.ts';
import { emptyLiveState } from '../state/live-state.ts';
import { fold } from '../state/reducer.ts';
import type { RecordReceived } from '../events.ts';
import { activeTyphoons } from './typhoon.ts';

const T0 = Date.parse('2026-09-14T00:00:00Z');
const fix = (hour: number, lon: number, lat: number, seq: number): RecordReceived => {
  const at = new Date(T0 + hour * 3600_000).toISOString();
  return {
    type: 'record.received', seq, receivedAt: at, department: 'meteorology', category: 'typhoon-track', entityId: '2614', observedAt: at, version: 1,
    payload: { typhoonId: '2614', name: '杜鹃', lon, lat, pressureHpa: 950, maxWindMs: 45, radius7Km: 300, radius10Km: 120, radius12Km: 60 },
  };
};

describe('the typhoon\'s past track', () => {
  const events = [fix(0, 120.5, 22.0, 1), fix(3, 119.8, 23.0, 2), fix(6, 118.9, 24.0, 3)];
  it('is kept from the trend, oldest first, ending where the centre is now', () => {
    const s = fold(emptyLiveState(), events);
    expect(activeTyphoons(s, T0 + 6 * 3600_000)[0]!.past).toEqual([[120.5, 22.0], [119.8, 23.0], [118.9, 24.0]]);
  });
  it('reaches screens through deltas the same way', () => {
    const server = fold(emptyLiveState(), events);
    const screen = applyDelta(emptyLiveState(), deltaOf(emptyLiveState(), server, events));
    expect(activeTyphoons(screen, T0 + 6 * 3600_000)[0]!.past).toEqual(activeTyphoons(server, T0 + 6 * 3600_000)[0]!.past);
  });
  it('drops positions older than 24 h, like every trend', () => {
    const s = fold(emptyLiveState(), [...events, fix(31, 117.5, 26.0, 4)]);
    expect(activeTyphoons(s, T0 + 31 * 3600_000)[0]!.past).toEqual([[117.5, 26.0]]);
  });
});

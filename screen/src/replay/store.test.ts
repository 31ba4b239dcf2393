import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { emptyDelta, emptyLiveState, type LiveState } from '@beacon/shared';
import { useReplayStore } from './store.ts';

const T = Date.parse('2026-09-14T00:00:00Z');
const W = { from: T, to: T + 3_600_000 };

function stateWithGauge(mm: number, seq: number): LiveState {
  return {
    ...emptyLiveState(),
    seq,
    latest: { 'rain-gauge': { SM01: { entityId: 'SM01', observedAt: T, version: 1, seq, data: { rainfall1hMm: mm } } } },
  };
}

describe('replay store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('takes the snapshot, then applies deltas with the shared code', () => {
    const r = useReplayStore();
    r.opened(W, []);
    r.receiveSnapshot({ at: T, state: stateWithGauge(3, 10) });
    expect(r.hasSnapshot).toBe(true);
    expect(r.at).toBe(T);
    const delta = { ...emptyDelta(10), toSeq: 11, latest: { 'rain-gauge': { SM01: { entityId: 'SM01', observedAt: T + 60_000, version: 1, seq: 11, data: { rainfall1hMm: 7 } } } } };
    r.receiveDelta({ at: T + 60_000, delta });
    expect(r.state.latest['rain-gauge']?.SM01?.data.rainfall1hMm).toBe(7);
    expect(r.state.seq).toBe(11);
    expect(r.at).toBe(T + 60_000);
  });

  it('follows the server clock, and remembers the speed it plays at', () => {
    const r = useReplayStore();
    r.receiveClock({ at: T + 5000, playing: true, speed: 600, window: W });
    expect([r.at, r.playing, r.speed, r.chosenSpeed]).toEqual([T + 5000, true, 600, 600]);
    expect(r.window).toEqual(W);
    r.receiveClock({ at: T + 6000, playing: false, speed: 600, window: W });
    r.chooseSpeed(10);
    r.receiveClock({ at: T + 6000, playing: false, speed: 600, window: W });
    expect(r.chosenSpeed).toBe(10);
  });

  it('ignores the empty window the server reports before its first open', () => {
    const r = useReplayStore();
    r.receiveClock({ at: 0, playing: false, speed: 60, window: { from: 0, to: 0 } });
    expect(r.window).toBeNull();
  });

  it('holds the thumb at a seek in flight until its snapshot arrives', () => {
    const r = useReplayStore();
    r.receiveSnapshot({ at: T, state: stateWithGauge(3, 10) });
    r.startSeek(T + 1_800_000);
    r.receiveClock({ at: T + 1000, playing: true, speed: 60, window: W });
    r.receiveDelta({ at: T + 2000, delta: emptyDelta(10) });
    expect(r.seekingTo).toBe(T + 1_800_000);
    expect(r.at).toBe(T);
    r.receiveSnapshot({ at: T + 1_800_000, state: stateWithGauge(9, 40) });
    expect(r.seekingTo).toBeNull();
    expect(r.at).toBe(T + 1_800_000);
  });

  it('reports a refusal and stops waiting; a lost connection is not playing', () => {
    const r = useReplayStore();
    r.startLoading();
    r.startSeek(T);
    r.fail('no');
    expect([r.error, r.loading, r.seekingTo]).toEqual(['no', false, null]);
    r.receiveClock({ at: T, playing: true, speed: 60, window: W });
    r.setConnection('disconnected');
    expect(r.playing).toBe(false);
  });
});

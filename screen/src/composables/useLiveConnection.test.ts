import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { PROTOCOL_VERSION, emptyDelta, emptyLiveState, type LatestRecord, type LiveState, type PatchedDelta, type ViewRef } from '@beacon/shared';
import { useLiveStore } from '../stores/live.ts';
import { followView, type BeaconSocket } from './useLiveConnection.ts';

const T = Date.parse('2026-09-14T00:00:00Z');
const view: ViewRef = { kind: 'city' };

const gauge = (seq: number, mm: number): LatestRecord => ({ entityId: 'SM01', observedAt: T + seq * 60_000, version: 1, seq, data: { stationId: 'SM01', rainfall1hMm: mm } });
const stateAt = (rec: LatestRecord): LiveState => ({ ...emptyLiveState(), seq: rec.seq, latest: { 'rain-gauge': { SM01: rec } } });
/** A delta that patches SM01 from the record of seq `base` to seq `seq`. */
const patchDelta = (base: number, seq: number, mm: number): PatchedDelta => ({
  ...emptyDelta(seq - 1),
  toSeq: seq,
  patches: { 'rain-gauge': { SM01: { entityId: 'SM01', observedAt: T + seq * 60_000, version: 1, seq, base, set: { rainfall1hMm: mm } } } },
});

/** A socket as far as followView uses it: handlers by event, and what the screen emitted. */
function fakeSocket() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const emitted: { event: string; payload: unknown }[] = [];
  const socket = {
    on(event: string, handler: (...args: unknown[]) => void) {
      handlers.set(event, handler);
      return socket;
    },
    emit(event: string, payload: unknown) {
      emitted.push({ event, payload });
      return socket;
    },
  };
  /** The server sends `event`; says whether the screen acknowledged it. */
  const receive = (event: string, message: unknown): boolean => {
    let acked = false;
    handlers.get(event)!(message, () => (acked = true));
    return acked;
  };
  /** The server sends `event` without asking for an acknowledgement (protocol 5: most deltas). */
  const receiveUnasked = (event: string, message: unknown) => handlers.get(event)!(message);
  return { socket: socket as unknown as BeaconSocket, emitted, receive, receiveUnasked, connect: () => handlers.get('connect')!() };
}

describe('a live screen following its view', () => {
  beforeEach(() => setActivePinia(createPinia()));

  function follow() {
    const live = useLiveStore();
    const s = fakeSocket();
    followView(s.socket, live, view, () => true);
    s.connect();
    expect(s.receive('view:snapshot', { protocol: PROTOCOL_VERSION, serverTime: T, view, state: stateAt(gauge(10, 3)) })).toBe(true);
    return { live, ...s };
  }

  it('applies a patch made against the record it holds, and acknowledges it', () => {
    const { live, receive } = follow();
    expect(receive('view:delta', { protocol: PROTOCOL_VERSION, serverTime: T, view, delta: patchDelta(10, 11, 7) })).toBe(true);
    expect(live.state.latest['rain-gauge']?.SM01).toEqual({ ...gauge(11, 7) });
    expect(live.state.seq).toBe(11);
    expect(live.resumeFrom()).toBe(11);
  });

  it('applies a delta that asks for no acknowledgement (protocol 5), and the next that asks is acknowledged', () => {
    const { live, receive, receiveUnasked } = follow();
    receiveUnasked('view:delta', { protocol: PROTOCOL_VERSION, serverTime: T, view, delta: patchDelta(10, 11, 7) });
    expect(live.state.latest['rain-gauge']?.SM01).toEqual({ ...gauge(11, 7) });
    expect(receive('view:delta', { protocol: PROTOCOL_VERSION, serverTime: T, view, delta: patchDelta(11, 12, 9) })).toBe(true);
    expect(live.state.latest['rain-gauge']?.SM01).toEqual({ ...gauge(12, 9) });
    expect(live.resumeFrom()).toBe(12);
  });

  it('on a patch made against another record: applies nothing, does not acknowledge, and subscribes again for a snapshot', () => {
    const { live, emitted, receive } = follow();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const shown = live.state;
    expect(receive('view:delta', { protocol: PROTOCOL_VERSION, serverTime: T, view, delta: patchDelta(9, 11, 7) })).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    expect(live.state).toBe(shown); // the record it had, not one built on the wrong base
    expect(emitted.map((e) => e.payload)).toEqual([
      { protocol: PROTOCOL_VERSION, view }, // the first subscription
      { protocol: PROTOCOL_VERSION, view }, // again, without `since`: the hub answers with a snapshot
    ]);
    expect(live.resumeFrom()).toBeUndefined(); // a reconnect meanwhile asks for a snapshot too

    // Deltas before the snapshot are ignored (acknowledged, as nothing waits on them); the snapshot sets it right.
    expect(receive('view:delta', { protocol: PROTOCOL_VERSION, serverTime: T, view, delta: patchDelta(10, 11, 7) })).toBe(true);
    expect(live.state).toBe(shown);
    expect(receive('view:snapshot', { protocol: PROTOCOL_VERSION, serverTime: T, view, state: stateAt(gauge(12, 9)) })).toBe(true);
    expect(live.state.latest['rain-gauge']?.SM01?.data.rainfall1hMm).toBe(9);
    expect(receive('view:delta', { protocol: PROTOCOL_VERSION, serverTime: T, view, delta: patchDelta(12, 13, 4) })).toBe(true);
    expect(live.state.latest['rain-gauge']?.SM01?.data.rainfall1hMm).toBe(4);
    expect(live.resumeFrom()).toBe(13);
    warn.mockRestore();
  });

  it('resumes from the state it holds when it reconnects', () => {
    const { live, emitted, receive, connect } = follow();
    receive('view:delta', { protocol: PROTOCOL_VERSION, serverTime: T, view, delta: patchDelta(10, 11, 7) });
    connect();
    expect(emitted.at(-1)?.payload).toEqual({ protocol: PROTOCOL_VERSION, view, since: 11 });
    expect(live.state.seq).toBe(11);
  });
});

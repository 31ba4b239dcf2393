/** Builds LiveState for unit tests through the real shared reducer, not by hand. */
import { emptyLiveState, fold, type BeaconEvent, type LiveState } from '@beacon/shared';

export const T0 = Date.parse('2026-09-14T00:00:00Z');

export interface Reading {
  stationId: string;
  mm: number;
  /** Observation time, epoch ms. */
  at: number;
  /** Receive time, epoch ms; defaults to 30 s after the observation. */
  receivedAt?: number;
}

export function rainState(readings: Reading[], base: LiveState = emptyLiveState()): LiveState {
  let seq = base.seq;
  const events: BeaconEvent[] = readings.map((r) => ({
    type: 'rain.observed',
    seq: ++seq,
    receivedAt: new Date(r.receivedAt ?? r.at + 30_000).toISOString(),
    department: 'meteorology',
    payload: { stationId: r.stationId, observedAt: new Date(r.at).toISOString(), rainfall1hMm: r.mm },
  }));
  return fold(base, events);
}

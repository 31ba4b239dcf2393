/** Builds LiveState for unit tests through the real shared reducer, not by hand. */
import { emptyLiveState, fold, type LiveState } from '@beacon/shared';
import { rainEvent } from '@beacon/shared/testing.ts';

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
  const events = readings.map((r) => rainEvent(r.stationId, r.at, r.mm, { seq: ++seq, receivedAt: r.receivedAt ?? r.at + 30_000 }));
  return fold(base, events);
}

// Builders for the surroundings tests (pure): live state with chosen records, points at chosen distances.
import { emptyLiveState, type LatestRecord, type LiveState } from '../state/live-state.ts';
import { EARTH_RADIUS_KM } from '../geo/distance.ts';
import { dict, setOwn } from '../util/dict.ts';

export const CENTRE = { lon: 118.1, lat: 24.48 } as const;
export const T0 = Date.parse('2026-09-14T08:00:00Z');

/** Kilometres per degree of latitude on the sphere `distanceKm` uses (EARTH_RADIUS_KM). */
export const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;

/** A point `km` due north (bearing 0) or due east (bearing 90) of the centre. */
export function offset(km: number, bearing: 0 | 90 = 0, from: { lon: number; lat: number } = CENTRE): { lon: number; lat: number } {
  if (bearing === 0) return { lon: from.lon, lat: from.lat + km / KM_PER_DEG };
  // East along the parallel is slightly longer than the great circle; close enough for tests that allow metres.
  return { lon: from.lon + km / (KM_PER_DEG * Math.cos((from.lat * Math.PI) / 180)), lat: from.lat };
}

export interface Rec {
  id: string;
  data: Record<string, unknown>;
  observedAt?: number;
}

/** Live state holding exactly these latest records, by category. */
export function stateWith(records: Record<string, Rec[]>, seq = 1): LiveState {
  const s = emptyLiveState();
  s.seq = seq;
  for (const [category, recs] of Object.entries(records)) {
    setOwn(s.latest, category, dict<LatestRecord>(recs.map((r) => [r.id, { entityId: r.id, observedAt: r.observedAt ?? T0, version: 1, seq, data: r.data }] as const)));
  }
  return s;
}

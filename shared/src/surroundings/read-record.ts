import { latestIn, type LatestRecord, type LiveState } from '../state/live-state.ts';

// Reading live-state records defensively, for every kind of point around an incident: a record
// without a usable position or field is left out, never allowed to break the answer.

export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
export const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The record's position, or null if it has none usable. */
function position(r: LatestRecord): { lon: number; lat: number } | null {
  const lon = num(r.data.lon);
  const lat = num(r.data.lat);
  if (lon === null || lat === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lon, lat };
}

// Each reader builds its point in one object literal (no spreads): a kind is re-read whenever one
// of its records changes, and this is most of the cost of bringing its index up to date.
export function each<T>(state: LiveState, category: string, read: (r: LatestRecord, at: { lon: number; lat: number }) => T | null, out: T[] = []): T[] {
  for (const r of Object.values(latestIn(state, category))) {
    const at = position(r);
    const p = at && read(r, at);
    if (p) out.push(p);
  }
  return out;
}

export const nameOf = (r: LatestRecord) => str(r.data.name) ?? r.entityId;

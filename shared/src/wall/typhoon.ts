import { trendOf, type LiveState } from '../state/live-state.ts';
import { latestOf } from '../state/selectors.ts';
import { distanceKm } from '../geo/distance.ts';

export type LonLat = [number, number];

export interface TyphoonForecastPoint {
  at: number;
  lon: number;
  lat: number;
  maxWindMs: number | null;
}

export interface Typhoon {
  id: string;
  name: string;
  observedAt: number;
  lon: number;
  lat: number;
  pressureHpa: number | null;
  maxWindMs: number | null;
  movingDirection: number | null;
  movingSpeedKmh: number | null;
  /** Wind radii in km by force; null when the storm has no winds of that force. */
  radiiKm: { 7: number | null; 10: number | null; 12: number | null };
  forecast: TyphoonForecastPoint[];
  /** Where the centre has been in the last 24 h, oldest first, ending at the current position. */
  past: LonLat[];
}

/** China's typhoon grades (GB/T 19201-2006) by 2-minute mean wind near the centre, weakest first. */
export const TYPHOON_GRADES = [
  { id: 'TD', minMs: 10.8 },
  { id: 'TS', minMs: 17.2 },
  { id: 'STS', minMs: 24.5 },
  { id: 'TY', minMs: 32.7 },
  { id: 'STY', minMs: 41.5 },
  { id: 'SuperTY', minMs: 51.0 },
] as const;
export type TyphoonGrade = (typeof TYPHOON_GRADES)[number]['id'];

export function typhoonGrade(maxWindMs: number | null): TyphoonGrade | null {
  if (maxWindMs === null) return null;
  let grade: TyphoonGrade | null = null;
  for (const g of TYPHOON_GRADES) if (maxWindMs >= g.minMs) grade = g.id;
  return grade;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Default as the risk model's: a position older than 6 h is a dissipated storm or a dead feed. */
export const TYPHOON_SHOW_MAX_AGE_MS = 6 * 3600_000;

/** The centre's past positions from the trend (which keeps position for this category), ending where it is now. */
function pastTrack(state: LiveState, id: string, now: LonLat): LonLat[] {
  const points = trendOf(state, 'typhoon-track', id).flatMap((p): LonLat[] =>
    typeof p.lon === 'number' && typeof p.lat === 'number' ? [[p.lon, p.lat]] : []);
  const last = points.at(-1);
  if (!last || last[0] !== now[0] || last[1] !== now[1]) points.push(now);
  return points;
}

/** The typhoons whose newest position is at most `maxAgeMs` old, newest first. */
export function activeTyphoons(state: LiveState, now: number, maxAgeMs = TYPHOON_SHOW_MAX_AGE_MS): Typhoon[] {
  const out: Typhoon[] = [];
  for (const r of latestOf(state, 'typhoon-track')) {
    const d = r.data;
    const lon = num(d.lon);
    const lat = num(d.lat);
    if (lon === null || lat === null || now - r.observedAt > maxAgeMs) continue;
    const forecast = Array.isArray(d.forecast)
      ? d.forecast.flatMap((f: unknown): TyphoonForecastPoint[] => {
          const p = f as Record<string, unknown>;
          const at = typeof p.at === 'string' ? Date.parse(p.at) : NaN;
          const flon = num(p.lon);
          const flat = num(p.lat);
          return Number.isFinite(at) && flon !== null && flat !== null ? [{ at, lon: flon, lat: flat, maxWindMs: num(p.maxWindMs) }] : [];
        })
      : [];
    out.push({
      id: r.entityId,
      name: typeof d.name === 'string' ? d.name : r.entityId,
      observedAt: r.observedAt,
      lon,
      lat,
      pressureHpa: num(d.pressureHpa),
      maxWindMs: num(d.maxWindMs),
      movingDirection: num(d.movingDirection),
      movingSpeedKmh: num(d.movingSpeedKmh),
      radiiKm: { 7: num(d.radius7Km), 10: num(d.radius10Km), 12: num(d.radius12Km) },
      forecast: forecast.sort((a, b) => a.at - b.at),
      past: pastTrack(state, r.entityId, [lon, lat]),
    });
  }
  return out.sort((a, b) => b.observedAt - a.observedAt || a.id.localeCompare(b.id));
}

const KM_PER_DEG_LAT = 111.32;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Initial bearing from a to b, degrees clockwise from north, 0–360. */
export function bearingDeg(a: LonLat, b: LonLat): number {
  const y = Math.sin(rad(b[0] - a[0])) * Math.cos(rad(b[1]));
  const x = Math.cos(rad(a[1])) * Math.sin(rad(b[1])) - Math.sin(rad(a[1])) * Math.cos(rad(b[1])) * Math.cos(rad(b[0] - a[0]));
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

/** One of 8 compass points (0 = N, 1 = NE … 7 = NW) for a bearing. */
/** Distance and bearing of a point from the city's centre: "120 km south-east of Xiamen". */
export function fromCentre(centre: LonLat, p: LonLat): { km: number; bearing: number } {
  return { km: distanceKm(centre[0], centre[1], p[0], p[1]), bearing: bearingDeg(centre, p) };
}

export function compassPoint(bearing: number): number {
  return Math.round((((bearing % 360) + 360) % 360) / 45) % 8;
}

/**
 * A circle of `km` around a centre as a closed lon/lat ring. Local flat-earth offsets are exact
 * enough for wind radii of a few hundred km at these latitudes and keep the ring cheap to draw.
 */
export function circleRing(center: LonLat, km: number, steps = 72): LonLat[] {
  const ring: LonLat[] = [];
  const kmPerDegLon = KM_PER_DEG_LAT * Math.cos(rad(center[1]));
  for (let i = 0; i <= steps; i++) {
    const a = (2 * Math.PI * i) / steps;
    ring.push([center[0] + (km * Math.sin(a)) / kmPerDegLon, center[1] + (km * Math.cos(a)) / KM_PER_DEG_LAT]);
  }
  return ring;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, not closed. */
export function convexHull(points: readonly LonLat[]): LonLat[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: LonLat, a: LonLat, b: LonLat) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: LonLat[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower.at(-2)!, lower.at(-1)!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: LonLat[] = [];
  for (const p of pts.reverse()) {
    while (upper.length >= 2 && cross(upper.at(-2)!, upper.at(-1)!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/**
 * Forecast position error grows with lead time; CMA's 70 % circles are roughly 70 km at 24 h,
 * 130 km at 48 h and 190 km at 72 h. The cone is the hull of those circles along the forecast.
 */
export function forecastErrorKm(leadHours: number): number {
  return Math.max(0, Math.min(300, 10 + leadHours * 2.5));
}

export function forecastCone(t: Typhoon): LonLat[] {
  if (t.forecast.length === 0) return [];
  const pts: LonLat[] = [[t.lon, t.lat]];
  for (const f of t.forecast) pts.push(...circleRing([f.lon, f.lat], forecastErrorKm((f.at - t.observedAt) / 3600_000), 36));
  return convexHull(pts);
}

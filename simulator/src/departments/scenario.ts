/**
 * The shared clock and vocabulary of the department scenario. Every department reads the same
 * typhoon (storm.ts): storm hour, the storm's grip on the city, and the rain that fell, so the
 * warnings, shelters, outages and rivers on the wall tell one story. Pure: no clock, no Math.random.
 */
import { hash01, rainfallField, stormAt, stormHourAt } from '../storm.ts';

export type Rec = Record<string, unknown>;

/** One instant of the scenario as every generator sees it. */
export interface Moment {
  phase: number;
  /** Storm hours relative to landfall (-30 … +30). */
  hour: number;
  nowIso: string;
  nowMs: number;
}

export type Generator = (m: Moment) => Rec[];
export type Generators = Readonly<Record<string, Generator>>;

export function momentAt(phase: number, nowIso: string): Moment {
  return { phase, hour: stormHourAt(phase), nowIso, nowMs: Date.parse(nowIso) };
}

export const FIRST_HOUR = -30;
export const LAST_HOUR = 30;
/** Resolution of tabulated storm-hour functions. */
const STEP_H = 0.25;

/** The phase at which the storm clock shows `hour` (stormHourAt is increasing, so bisection finds it). */
export function phaseAtStormHour(hour: number): number {
  if (hour <= FIRST_HOUR) return 0;
  let lo = 0;
  let hi = 0.999_999;
  if (hour >= stormHourAt(hi)) return hi;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (stormHourAt(mid) < hour) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const CITY = { lon: 118.11, lat: 24.55 };

/**
 * How hard the typhoon grips the city at a storm hour, 0 … 1: its strength (45 m/s = 1) fading with
 * the centre's distance (e-folding ~150 km). About 0.5 eight hours out, 1 at landfall.
 */
export function impactAtHour(hour: number): number {
  const s = stormAt(phaseAtStormHour(hour));
  const dxKm = (s.lon - CITY.lon) * 101.3;
  const dyKm = (s.lat - CITY.lat) * 110.6;
  return clamp01((s.maxWindMs / 45) * Math.exp(-((dxKm ** 2 + dyKm ** 2) / 150 ** 2)));
}

const impactTable = tabulate((h) => impactAtHour(h));
/** impactAtHour from a table: generators call it thousands of times per tick. */
export const impact = (hour: number): number => impactTable(hour);

/** Forecast-driven grip: what the city expects within the next `leadHours` (warnings go out ahead). */
export function expectedImpact(hour: number, leadHours = 12): number {
  let max = 0;
  for (let k = 0; k <= leadHours; k += 1) max = Math.max(max, impact(hour + k));
  return max;
}

/** A smooth function of storm hour sampled once on a quarter-hour grid and interpolated. */
export function tabulate(f: (hour: number) => number): (hour: number) => number {
  const n = Math.round((LAST_HOUR - FIRST_HOUR) / STEP_H) + 1;
  let values: Float64Array | null = null;
  return (hour) => {
    if (!values) {
      values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = f(FIRST_HOUR + i * STEP_H);
    }
    const x = (Math.min(LAST_HOUR, Math.max(FIRST_HOUR, hour)) - FIRST_HOUR) / STEP_H;
    const i = Math.min(n - 2, Math.floor(x));
    return values[i]! + (values[i + 1]! - values[i]!) * (x - i);
  };
}

const rainTables = new Map<string, (hour: number) => number>();

/** 1-hour rainfall (mm) at a place and storm hour: the same smooth field the rain gauges report. */
export function rainAt(lon: number, lat: number, hour: number): number {
  const key = `${lon.toFixed(3)},${lat.toFixed(3)}`;
  let table = rainTables.get(key);
  if (!table) {
    table = tabulate((h) => rainfallField(lon, lat, phaseAtStormHour(h)));
    rainTables.set(key, table);
  }
  return table(hour);
}

/** Rain (mm) over the `hours` before `hour`, summed hour by hour. */
export function accumulatedRain(lon: number, lat: number, hour: number, hours: number): number {
  let mm = 0;
  for (let k = 0; k < hours; k++) mm += rainAt(lon, lat, hour - k);
  return mm;
}

/**
 * Rain still "in the ground" (mm): every past hour's rain, fading with time constant `tauHours`.
 * Rivers respond in hours, reservoirs and slopes in a day: the same rain, different memories.
 */
export function rainMemory(lon: number, lat: number, hour: number, tauHours: number): number {
  let mm = 0;
  for (let k = 0; k < 4 * tauHours && hour - k >= FIRST_HOUR; k++) mm += rainAt(lon, lat, hour - k) * Math.exp(-k / tauHours);
  return mm;
}

/** A stable pseudo-random number in [0, 1) for a key. */
export const rand = (key: string): number => hash01(key);

export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
export const lerp = (a: number, b: number, f: number): number => a + (b - a) * clamp01(f);
export const round = (x: number, decimals = 0): number => Math.round(x * 10 ** decimals) / 10 ** decimals;

export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = clamp01((x - edge0) / (edge1 - edge0));
  return t * t * (3 - 2 * t);
}

/** A rise from `start` to full at `full`, held, then a fall to nothing at `end`: most response curves. */
export function plateau(hour: number, start: number, full: number, fallFrom: number, end: number): number {
  return smoothstep(start, full, hour) * (1 - smoothstep(fallFrom, end, hour));
}

/** Real time offset from now, for expiry and restore estimates. */
export const isoAfter = (m: Moment, hours: number): string => new Date(m.nowMs + hours * 3600_000).toISOString();

/**
 * A pure, reproducible typhoon for Xiamen: no clock, no Math.random. The same phase always gives
 * the same storm and the same rainfall, so tests, demos and replays agree.
 *
 * The track is modelled on Typhoon Meranti (2016): out of the Bashi Channel, north-west across the
 * Taiwan Strait, landfall on the Xiang'an/Siming coast near 950 hPa and 45 m/s, then inland to the
 * north-west, filling as it goes. One scenario pass (phase 0 → 1) covers 60 storm hours, landfall
 * at phase 0.5, so both ends are calm and the scenario can loop without a jump.
 */

/** Scenario position in [0, 1): 0 and 1 are calm, LANDFALL_PHASE is the peak. */
export type Phase = number;

export const STORM_HOURS_PER_PASS = 60;
export const LANDFALL_PHASE = 0.5;
export const MAX_RAINFALL_1H_MM = 400;

export interface StormState {
  /** Hours relative to landfall: negative before, positive after. */
  stormHour: number;
  lon: number;
  lat: number;
  maxWindMs: number;
  centralPressureHpa: number;
  /** Direction of motion, degrees clockwise from north. */
  headingDeg: number;
}

interface TrackPoint {
  hour: number;
  lon: number;
  lat: number;
  pressureHpa: number;
  windMs: number;
}

// Best-track style waypoints. Intensity holds over the warm strait, then decays fast over land
// (friction and loss of the ocean's heat), as Fujian landfalls do.
const track: readonly TrackPoint[] = [
  { hour: -30, lon: 121.0, lat: 21.3, pressureHpa: 935, windMs: 52 },
  { hour: -18, lon: 120.0, lat: 22.5, pressureHpa: 940, windMs: 50 },
  { hour: -8, lon: 119.0, lat: 23.6, pressureHpa: 945, windMs: 48 },
  { hour: 0, lon: 118.23, lat: 24.53, pressureHpa: 950, windMs: 45 },
  { hour: 6, lon: 117.85, lat: 24.95, pressureHpa: 975, windMs: 30 },
  { hour: 14, lon: 117.4, lat: 25.45, pressureHpa: 990, windMs: 20 },
  { hour: 30, lon: 116.6, lat: 26.4, pressureHpa: 1000, windMs: 10 },
];

/** Wraps any phase (including negatives and values ≥ 1) into [0, 1). */
export function normalizePhase(phase: number): Phase {
  const wrapped = phase - Math.floor(phase);
  return wrapped >= 1 ? 0 : wrapped;
}

/** Where in the scenario we are after `elapsedMs` of real time, one pass taking `passMs`. */
export function scenarioPhase(elapsedMs: number, passMs: number, startPhase = 0): Phase {
  return normalizePhase(startPhase + elapsedMs / passMs);
}

/** Share of the storm-hour pace kept at landfall: below 1 the scenario slows down near the peak. */
const LANDFALL_PACE = 0.25;

/**
 * Storm hours relative to landfall at a phase. The clock is warped (a cubic in phase) so the calm
 * approach and the inland decay pass quickly while the hours around landfall play in slow motion:
 * a viewer sees the rain build and peak over several real minutes, not a blink.
 */
export function stormHourAt(phase: number): number {
  const u = 2 * (normalizePhase(phase) - LANDFALL_PHASE); // -1 .. 1
  const warped = LANDFALL_PACE * u + (1 - LANDFALL_PACE) * u ** 3;
  return (warped * STORM_HOURS_PER_PASS) / 2;
}

function trackPointAt(hour: number): TrackPoint {
  const first = track[0]!;
  const last = track[track.length - 1]!;
  if (hour <= first.hour) return first;
  if (hour >= last.hour) return last;
  for (let i = 1; i < track.length; i++) {
    const b = track[i]!;
    if (hour <= b.hour) {
      const a = track[i - 1]!;
      const f = (hour - a.hour) / (b.hour - a.hour);
      const lerp = (x: number, y: number) => x + (y - x) * f;
      return {
        hour,
        lon: lerp(a.lon, b.lon),
        lat: lerp(a.lat, b.lat),
        pressureHpa: lerp(a.pressureHpa, b.pressureHpa),
        windMs: lerp(a.windMs, b.windMs),
      };
    }
  }
  return last;
}

export function stormAt(phase: number): StormState {
  const hour = stormHourAt(phase);
  const here = trackPointAt(hour);
  // Heading from a centred difference, so it turns smoothly at the waypoints.
  const before = trackPointAt(hour - 1);
  const after = trackPointAt(hour + 1);
  const { dxKm, dyKm } = offsetKm(before.lon, before.lat, after.lon, after.lat);
  const headingDeg = (((Math.atan2(dxKm, dyKm) * 180) / Math.PI) + 360) % 360;
  return {
    stormHour: hour,
    lon: round(here.lon, 3),
    lat: round(here.lat, 3),
    maxWindMs: round(here.windMs, 1),
    centralPressureHpa: round(here.pressureHpa, 0),
    headingDeg: round(headingDeg, 0),
  };
}

/** East and north offset in km from (lon0, lat0) to (lon1, lat1); equirectangular is plenty at city scale. */
function offsetKm(lon0: number, lat0: number, lon1: number, lat1: number): { dxKm: number; dyKm: number } {
  const meanLat = ((lat0 + lat1) / 2) * (Math.PI / 180);
  return { dxKm: (lon1 - lon0) * 111.32 * Math.cos(meanLat), dyKm: (lat1 - lat0) * 110.57 };
}

const EYE_WALL_RADIUS_KM = 35;
/** Eyewall rain rate (mm/h) of the storm at landfall strength, before local effects. */
const EYE_WALL_RAIN_MM = 34;

function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

/**
 * Radial rain profile, 1 at the eyewall: a calm-ish eye, a heavy ring at 20–60 km, and outer
 * spiral bands that fade with distance and stop beyond ~400 km.
 */
function radialProfile(rKm: number, bandFactor: number): number {
  const eyewall = Math.exp(-(((rKm - EYE_WALL_RADIUS_KM) / 15) ** 2));
  const outerBands = 0.4 * Math.exp(-rKm / 110) * smoothstep(15, 45, rKm) * bandFactor;
  const reach = 1 - smoothstep(250, 400, rKm);
  return (eyewall + outerBands) * reach;
}

/**
 * Two trailing spiral arms. In the northern hemisphere bands curl anticlockwise inwards, so along
 * an arm the angle grows as the radius shrinks; the pattern turns slowly with storm time.
 */
function spiralBands(rKm: number, angleRad: number, stormHour: number): number {
  const armPhase = 2 * (angleRad + 2.5 * Math.log(Math.max(rKm, 1) / EYE_WALL_RADIUS_KM)) - 0.8 * stormHour;
  return 0.6 + 0.4 * Math.cos(armPhase);
}

/**
 * How much the hills lift rainfall at a place (1 = flat). Moist onshore flow forced up the
 * northern hills (Tong'an's Lianhua/Tingxi uplands, the Jimei–Haicang western hills behind
 * Guankou and Houxi) rains out more than the coastal plain.
 */
export function orographicFactor(lon: number, lat: number): number {
  const hill = (cLon: number, cLat: number, radiusDeg: number) =>
    Math.exp(-(((lon - cLon) ** 2 + (lat - cLat) ** 2) / radiusDeg ** 2));
  const height = Math.min(1, hill(118.1, 24.83, 0.1) + 0.8 * hill(117.98, 24.62, 0.07));
  return 1 + 0.45 * height;
}

/**
 * The smooth 1-hour rainfall field (mm) at a place: no per-gauge noise, no rounding. Heaviest in the
 * front-right quadrant of a moving typhoon, where the motion adds to the inflow.
 */
export function rainfallField(lon: number, lat: number, phase: number): number {
  const storm = stormAt(phase);
  const { dxKm, dyKm } = offsetKm(storm.lon, storm.lat, lon, lat);
  const rKm = Math.hypot(dxKm, dyKm);
  const angleRad = Math.atan2(dyKm, dxKm); // mathematical angle: east 0, anticlockwise
  const motionRad = Math.PI / 2 - (storm.headingDeg * Math.PI) / 180;
  const frontRightRad = motionRad - Math.PI / 4;
  const asymmetry = 1 + 0.4 * Math.cos(angleRad - frontRightRad);
  // Rain falls off more slowly than wind as the storm fills over land.
  const strength = 0.3 + 0.7 * Math.min(1.2, storm.maxWindMs / 45) ** 1.3;
  const profile = radialProfile(rKm, spiralBands(rKm, angleRad, storm.stormHour));
  return EYE_WALL_RAIN_MM * strength * profile * asymmetry * orographicFactor(lon, lat);
}

/** FNV-1a then a murmur-style finaliser: a stable pseudo-random number in [0, 1) for a key. */
export function hash01(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 0x1_0000_0000;
}

/**
 * Local convective cells: each gauge drifts ±15% around the field, interpolated between
 * half-hourly storm-time knots so a reading never jumps between ticks.
 */
function cellVariation(stationId: string, stormHour: number): number {
  const knot = Math.floor(stormHour * 2);
  const f = stormHour * 2 - knot;
  const a = hash01(`${stationId}:${knot}`);
  const b = hash01(`${stationId}:${knot + 1}`);
  const eased = f * f * (3 - 2 * f);
  return 0.85 + 0.3 * (a + (b - a) * eased);
}

/** A gauge's fixed bias (exposure, siting): some always catch a bit more than their neighbours. */
function siteBias(stationId: string): number {
  return 0.85 + 0.35 * hash01(`site:${stationId}`);
}

export interface GaugeLocation {
  id: string;
  lon: number;
  lat: number;
}

/** What a gauge reports at a phase: mm in the last hour, rounded to 0.1, within the schema's 0..400. */
export function gaugeRainfall1h(gauge: GaugeLocation, phase: number): number {
  const stormHour = stormHourAt(phase);
  const raw = rainfallField(gauge.lon, gauge.lat, phase) * siteBias(gauge.id) * cellVariation(gauge.id, stormHour);
  const clamped = Math.min(MAX_RAINFALL_1H_MM, Math.max(0, Number.isFinite(raw) ? raw : 0));
  return round(clamped, 1);
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

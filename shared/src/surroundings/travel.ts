import type { LocalName } from '../region/types.ts';

// Travel-time model: straight-line (great-circle) distance, stretched to a road distance by one
// winding factor, driven at one speed per kind of trip, slowed by one factor when the incident's
// district is under heavy rain or waterlogged. Every number is a constant below so the duty officer
// can say how an ETA was made: "8.2 km × 1.4 ÷ 40 km/h = 17 min". It is an estimate for ranking
// and for the one-hour supply circle, not a router: it knows no closed roads or bridges.

/**
 * Road distance ÷ straight-line distance. Measured circuity of urban road networks is about 1.2–1.4;
 * we take the top end because Xiamen is an island joined to the mainland by a few bridges and
 * tunnels, and a trip across the water winds more than one across a grid of streets.
 */
export const ROAD_WINDING_FACTOR = 1.4;

/** The kinds of trip the surroundings estimate. */
export type TripKind = 'team' | 'depot' | 'hospital' | 'shelter';

/**
 * Average road speed, km/h, door to door, in a typhoon.
 * - team: rescue vehicles under lights and sirens through wet city streets (~40 km/h urban average).
 * - depot: laden supply trucks without priority, slower than rescue vehicles (~30 km/h).
 * - hospital: an ambulance from the incident to the hospital, with priority like a rescue team.
 * - shelter: evacuation buses, which stop, load and move with traffic (~25 km/h).
 */
export const SPEED_KMH: Readonly<Record<TripKind, number>> = { team: 40, depot: 30, hospital: 40, shelter: 25 };

/**
 * Travel times are multiplied by this when the incident's district has heavy rain or standing water:
 * drivers slow to about 80 % of their usual speed in heavy rain and around flooded underpasses.
 * One factor, not one per cause, so an ETA stays explainable.
 */
export const BAD_WEATHER_SLOWDOWN = 1.25;

/** Supplies must reach the incident within this many minutes to be inside the supply circle (一小时物资保障圈). */
export const SUPPLY_CIRCLE_MINUTES = 60;

/** How much slower than usual trips are now, and why (empty reasons: no slowdown). */
export interface Slowdown {
  factor: number;
  reasons: LocalName[];
}

export const NO_SLOWDOWN: Slowdown = { factor: 1, reasons: [] };

/** Estimated minutes to cover a straight-line distance on the roads, for a kind of trip. */
export function etaMinutes(distanceKm: number, kind: TripKind, slowdown: Slowdown = NO_SLOWDOWN): number {
  return ((distanceKm * ROAD_WINDING_FACTOR) / SPEED_KMH[kind]) * 60 * slowdown.factor;
}

/** The straight-line distance a trip covers in `minutes`: the inverse of etaMinutes. */
export function reachKm(minutes: number, kind: TripKind, slowdown: Slowdown = NO_SLOWDOWN): number {
  return (minutes / 60 / slowdown.factor) * SPEED_KMH[kind] / ROAD_WINDING_FACTOR;
}

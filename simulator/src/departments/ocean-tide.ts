/** The sea at Xiamen: a semi-diurnal astronomical tide plus the surge the typhoon pushes ashore. */
import { impact, round } from './scenario.ts';

const M2_PERIOD_H = 12.42;
/** Mean sea level and half-range of the astronomical tide at Xiamen station, cm above the station datum. */
const MEAN_CM = 380;
const HALF_RANGE_CM = 250;
/** Blue warning tide level used by the simulated stations (simulated, not the station's published value). */
export const WARNING_TIDE_CM = 680;

export function astronomicalTideCm(hour: number, lagH: number): number {
  // High water falls 1.5 h before landfall: the worst timing, as in many of Fujian's surge disasters.
  return MEAN_CM + HALF_RANGE_CM * Math.cos((2 * Math.PI * (hour + 1.5 - lagH)) / M2_PERIOD_H);
}

/** Surge peaks as the storm crosses the coast: up to ~1.6 m for a landfalling 45 m/s typhoon. */
export function surgeCm(hour: number): number {
  return 160 * impact(hour) ** 1.6;
}

export function tideLevelCm(hour: number, lagH: number): number {
  return round(astronomicalTideCm(hour, lagH) + surgeCm(hour), 0);
}

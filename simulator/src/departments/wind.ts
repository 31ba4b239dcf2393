/** Wind at a place from the model typhoon: a Rankine-like vortex, weaker over rough land. */
import { stormAt } from '../storm.ts';
import { phaseAtStormHour, rand, round, tabulate } from './scenario.ts';

const RADIUS_MAX_WIND_KM = 35;

/** 10-minute mean wind (m/s) at a place and storm hour. */
export function windSpeedAt(lon: number, lat: number, hour: number, siteKey: string): number {
  const s = stormAt(phaseAtStormHour(hour));
  const rKm = Math.hypot((lon - s.lon) * 101.3, (lat - s.lat) * 110.6);
  const vortex = rKm < RADIUS_MAX_WIND_KM ? rKm / RADIUS_MAX_WIND_KM : (RADIUS_MAX_WIND_KM / rKm) ** 0.6;
  const exposure = 0.75 + 0.3 * rand(`exposure:${siteKey}`); // coast and hilltops catch more
  return round(Math.max(1.5, s.maxWindMs * vortex * exposure), 1);
}

const cityWind = tabulate((h) => windSpeedAt(118.12, 24.52, h, 'city'));
/** The wind over the city centre: what tower cranes, bridges and ferries answer to. */
export const cityWindAt = (hour: number): number => cityWind(hour);

const cityWindMax = tabulate((h) => {
  let max = 0;
  for (let k = -30; k <= h; k += 0.25) max = Math.max(max, cityWind(k));
  return max;
});
/** The strongest city wind of the pass up to `hour`: has a wind-triggered measure ever been needed? */
export const cityWindMaxSoFar = (hour: number): number => cityWindMax(hour);

/** Wind direction (degrees from) around a cyclonic vortex: inflow-angled, anticlockwise. */
export function windFromDeg(lon: number, lat: number, hour: number): number {
  const s = stormAt(phaseAtStormHour(hour));
  const bearingToPlace = (Math.atan2((lon - s.lon) * 101.3, (lat - s.lat) * 110.6) * 180) / Math.PI;
  // Air circles anticlockwise, angled 20° inwards; "from" is the opposite of where it blows to.
  const blowsTo = bearingToPlace - 90 - 20;
  return round((((blowsTo + 180) % 360) + 360) % 360, 0);
}

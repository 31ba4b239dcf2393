import { rainGaugeCategory } from '../categories/catalog/meteorology.ts';
import type { Region } from '../region/types.ts';
import { isFresh } from '../risk/read.ts';
// The risk model's rules: readings older than an hour say nothing about now, and standing water
// counts from this depth — so the roads slow exactly where the risk map says there is water.
import { OBSERVATION_MAX_AGE_MS, WATERLOGGING_COUNT_CM } from '../risk/weights.ts';
import { latestIn, type LiveState } from '../state/live-state.ts';
import { rainfallOf } from '../state/selectors.ts';
import { BAD_WEATHER_SLOWDOWN, NO_SLOWDOWN, type Slowdown } from './travel.ts';

/**
 * Whether trips to an incident in `district` are slowed: heavy rain (a gauge of the district at or
 * above the hall's orange 1-hour mark) or a waterlogging point of the district at least
 * WATERLOGGING_COUNT_CM deep, each read within the last hour. The whole trip is slowed by one
 * factor, whichever causes apply: a route mostly lies in or near the incident's district.
 */
export function roadConditions(state: LiveState, region: Region, district: string | null, now: number): Slowdown {
  if (!district) return NO_SLOWDOWN;
  const reasons: Slowdown['reasons'] = [];

  const heavyMm = rainGaugeCategory.thresholds.orange;
  let wettest = -Infinity;
  for (const gauge of region.rainGauges) {
    if (gauge.district !== district) continue;
    const r = rainfallOf(state, gauge.id);
    if (r && isFresh(r.observedAt, now, OBSERVATION_MAX_AGE_MS)) wettest = Math.max(wettest, r.rainfall1hMm);
  }
  if (wettest >= heavyMm) {
    reasons.push({ zh: `暴雨：1 小时雨量 ${wettest.toFixed(1)} 毫米`, en: `Heavy rain: ${wettest.toFixed(1)} mm in 1 h` });
  }

  let flooded = 0;
  let deepest = 0;
  for (const r of Object.values(latestIn(state, 'waterlogging-point'))) {
    const depth = r.data.depthCm;
    if (r.data.district !== district || typeof depth !== 'number' || depth < WATERLOGGING_COUNT_CM) continue;
    if (!isFresh(r.observedAt, now, OBSERVATION_MAX_AGE_MS)) continue;
    flooded++;
    deepest = Math.max(deepest, depth);
  }
  if (flooded > 0) {
    reasons.push({ zh: `积水 ${flooded} 处，最深 ${Math.round(deepest)} 厘米`, en: `${flooded} waterlogged point${flooded === 1 ? '' : 's'}, deepest ${Math.round(deepest)} cm` });
  }

  return reasons.length ? { factor: BAD_WEATHER_SLOWDOWN, reasons } : NO_SLOWDOWN;
}

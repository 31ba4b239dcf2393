import { rainGaugeCategory } from '../categories/rain-gauge.ts';
import type { Region } from '../region/types.ts';
import type { LiveState } from '../state/live-state.ts';
import { BAD_WEATHER_SLOWDOWN, NO_SLOWDOWN, type Slowdown } from './travel.ts';

/** Readings older than this say nothing about the roads now. */
export const CONDITIONS_MAX_AGE_MS = 60 * 60_000;

/** Standing water this deep (cm) or deeper slows traffic: the depth the risk model starts counting at. */
export const WATERLOGGING_SLOW_CM = 15;

/**
 * Whether trips to an incident in `district` are slowed: heavy rain (a gauge of the district at or
 * above the hall's orange 1-hour mark) or a waterlogging point of the district at least
 * WATERLOGGING_SLOW_CM deep, each read within the last hour. The whole trip is slowed by one
 * factor, whichever causes apply: a route mostly lies in or near the incident's district.
 */
export function roadConditions(state: LiveState, region: Region, district: string | null, now: number): Slowdown {
  if (!district) return NO_SLOWDOWN;
  const reasons: Slowdown['reasons'] = [];

  const heavyMm = rainGaugeCategory.thresholds.orange;
  let wettest = -Infinity;
  const rain = state.latest[rainGaugeCategory.id] ?? {};
  for (const gauge of region.rainGauges) {
    if (gauge.district !== district) continue;
    const r = rain[gauge.id];
    const mm = r?.data[rainGaugeCategory.valueField];
    if (!r || typeof mm !== 'number' || now - r.observedAt > CONDITIONS_MAX_AGE_MS) continue;
    wettest = Math.max(wettest, mm);
  }
  if (wettest >= heavyMm) {
    reasons.push({ zh: `暴雨:1小时雨量 ${wettest.toFixed(1)} 毫米`, en: `Heavy rain: ${wettest.toFixed(1)} mm in 1 h` });
  }

  let flooded = 0;
  let deepest = 0;
  for (const r of Object.values(state.latest['waterlogging-point'] ?? {})) {
    const depth = r.data.depthCm;
    if (r.data.district !== district || typeof depth !== 'number' || depth < WATERLOGGING_SLOW_CM) continue;
    if (now - r.observedAt > CONDITIONS_MAX_AGE_MS) continue;
    flooded++;
    deepest = Math.max(deepest, depth);
  }
  if (flooded > 0) {
    reasons.push({ zh: `积水 ${flooded} 处,最深 ${Math.round(deepest)} 厘米`, en: `${flooded} waterlogged point(s), deepest ${Math.round(deepest)} cm` });
  }

  return reasons.length ? { factor: BAD_WEATHER_SLOWDOWN, reasons } : NO_SLOWDOWN;
}

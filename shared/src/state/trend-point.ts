import { categories } from '../categories/registry.ts';
import { defenceTallyOf } from '../wall/defence-tally.ts';
import type { TrendPoint } from './live-state.ts';

/**
 * The trend point a record makes, or null when its category trends nothing: the graded value, and for
 * categories that track position, where the thing was. Entity categories that count towards a
 * typhoon-defence figure (households without power, schools closed …) trend their tally instead, so
 * the wall can show those figures over the last hours (wall/defence-tally.ts). One rule for the
 * reducer and for deltas.
 */
export function trendPointOf(category: string, payload: Record<string, unknown>, observedAt: number, version: number): TrendPoint | null {
  const c = categories.get(category);
  const value = c?.valueField ? payload[c.valueField] : defenceTallyOf(category, payload);
  if (typeof value !== 'number') return null;
  const point: TrendPoint = { t: observedAt, value, v: version };
  if (c?.tracksPosition && typeof payload.lon === 'number' && typeof payload.lat === 'number') {
    point.lon = payload.lon;
    point.lat = payload.lat;
  }
  return point;
}

import type { Region } from '../region/types.ts';
import { latestIn, type LatestRecord, type LiveState } from '../state/live-state.ts';
import type { AreaPlace, RegionAreas } from './areas.ts';
import { pointOf, str } from './read.ts';
import type { RiskFactor } from './types.ts';

/** What every hazard reader gets: the state, the region's areas and the time it is assessed at. */
export interface RiskContext {
  state: LiveState;
  region: Region;
  areas: RegionAreas;
  now: number;
  maxObservationAgeMs: number;
  maxTyphoonAgeMs: number;
  maxPopulationAgeMs: number;
}

/** A factor before scoring: its raw points, which the score may scale down when the total passes 100. */
export type RawFactor = Omit<RiskFactor, 'contribution'> & { points: number };

/** Per area key, the things of one kind that bear on it. */
export type AreaBuckets<T> = Map<string, T[]>;

/** Where a thing lies: some districts (or all), and its subdistrict when it has a point. */
export interface Coverage {
  districts: readonly string[] | 'all';
  subdistrict: string | null;
}

export function records(state: LiveState, category: string): LatestRecord[] {
  return Object.values(latestIn(state, category));
}

/**
 * The place of a point record: its own `district` when it names one of the region's (departments
 * know their districts better than a coarse outline does), else the district its point falls in;
 * the subdistrict is the nearest seat. Null when it has neither.
 */
export function placeOfRecord(areas: RegionAreas, data: Record<string, unknown>): AreaPlace | null {
  const named = str(data, 'district');
  const point = pointOf(data);
  if (named && areas.subdistrictsOf.has(named)) {
    return { district: named, subdistrict: point ? areas.subdistrictOf(named, point.lon, point.lat) : null };
  }
  return point ? areas.locate(point.lon, point.lat) : null;
}

/**
 * Adds an item to the buckets of every area it covers. A thing known only by district bears on
 * every subdistrict of it: the model cannot tell which, and would rather over-warn a town than miss one.
 */
export function place<T>(areas: RegionAreas, buckets: AreaBuckets<T>, item: T, where: Coverage): void {
  const push = (key: string) => {
    const list = buckets.get(key);
    if (list) list.push(item);
    else buckets.set(key, [item]);
  };
  const districts = where.districts === 'all' ? areas.districts.map((d) => d.area.district) : where.districts;
  for (const district of districts) {
    const subs = areas.subdistrictsOf.get(district);
    if (!subs) continue;
    push(district);
    const known = where.subdistrict && districts.length === 1 ? subs.find((s) => s.area.subdistrict === where.subdistrict) : undefined;
    for (const s of known ? [known] : subs) push(s.key);
  }
}

import type { Region } from '../region/types.ts';
import type { LatestRecord } from '../state/live-state.ts';
import { type RegionAreas, regionAreas } from './areas.ts';

/**
 * Work that depends only on the region and on a record that has not changed: the areas and their
 * locator, and the people per area of a population grid (tens of thousands of cells to place in
 * polygons). Live state is copy-on-write, so an unchanged record is the same object from tick to
 * tick and a WeakMap keyed by it is exact: a new grid is a new object and is placed afresh, and old
 * ones are collected with the states that held them. Results never depend on whether a cache is given.
 */
export interface RiskCache {
  readonly byRegion: WeakMap<Region, RegionMemo>;
}

export interface RegionMemo {
  areas: RegionAreas;
  peopleByGrid: WeakMap<LatestRecord, ReadonlyMap<string, number>>;
}

/** Keep one per engine (or per screen) and pass it to every assessRisk call. */
export function createRiskCache(): RiskCache {
  return { byRegion: new WeakMap() };
}

/** The region's memo from the cache, or a fresh one that lives for this call only. */
export function regionMemo(region: Region, cache: RiskCache | undefined): RegionMemo {
  const hit = cache?.byRegion.get(region);
  if (hit) return hit;
  const memo: RegionMemo = { areas: regionAreas(region), peopleByGrid: new WeakMap() };
  cache?.byRegion.set(region, memo);
  return memo;
}

import type { LatestRecord } from '../../state/live-state.ts';
import { areaKey, type GradedArea, type RegionAreas } from '../areas.ts';
import type { RegionMemo } from '../cache.ts';
import { type RawFactor, type RiskContext, records } from '../context.ts';
import { isFresh } from '../read.ts';
import { round1 } from '../severity.ts';
import { EXPOSURE_FULL_PEOPLE_DISTRICT, EXPOSURE_FULL_PEOPLE_SUBDISTRICT, EXPOSURE_MAX_UPLIFT } from '../weights.ts';

/** People of one grid per area key: a cell counts in the district its centre lies in and in the subdistrict of the nearest seat. */
function peopleOfGrid(areas: RegionAreas, grid: LatestRecord): Map<string, number> {
  const out = new Map<string, number>();
  const cells = grid.data.cells;
  if (!Array.isArray(cells)) return out;
  const add = (key: string, n: number) => out.set(key, (out.get(key) ?? 0) + n);
  for (const cell of cells) {
    if (!Array.isArray(cell)) continue;
    const [lon, lat, people] = cell as unknown[];
    if (typeof lon !== 'number' || typeof lat !== 'number' || typeof people !== 'number' || !(people > 0)) continue;
    const where = areas.locate(lon, lat);
    if (!where) continue; // at sea, or outside the coarse outline
    add(areaKey(where.district), people);
    if (where.subdistrict) add(areaKey(where.district, where.subdistrict), people);
  }
  return out;
}

/**
 * People per area from the fresh population grids. Several grids are alternatives (resolutions of the
 * same city), not tiles, so an area takes the largest count among them rather than their sum.
 */
export function peopleByArea(ctx: RiskContext, memo: RegionMemo): Map<string, number> {
  const out = new Map<string, number>();
  for (const grid of records(ctx.state, 'population-heat')) {
    if (!isFresh(grid.observedAt, ctx.now, ctx.maxPopulationAgeMs)) continue;
    let counts = memo.peopleByGrid.get(grid);
    if (!counts) {
      counts = peopleOfGrid(ctx.areas, grid);
      memo.peopleByGrid.set(grid, counts);
    }
    for (const [key, n] of counts) out.set(key, Math.max(out.get(key) ?? 0, n));
  }
  return out;
}

/** 1 + uplift × share of the full-exposure population, capped at 1 + EXPOSURE_MAX_UPLIFT. */
export function exposureMultiplier(area: GradedArea, people: number): number {
  const full = area.area.subdistrict ? EXPOSURE_FULL_PEOPLE_SUBDISTRICT : EXPOSURE_FULL_PEOPLE_DISTRICT;
  return 1 + EXPOSURE_MAX_UPLIFT * Math.min(1, Math.max(0, people) / full);
}

/** Exposure as a factor: the points the multiplier adds to the hazard (hazard × (multiplier − 1)). */
export function exposureFactor(area: GradedArea, people: number | undefined, hazardPoints: number): RawFactor | null {
  if (!people || hazardPoints <= 0) return null;
  const m = exposureMultiplier(area, people);
  const uplift = round1((m - 1) * 100);
  return {
    id: 'exposure',
    label: { zh: '人口暴露', en: 'Exposed population' },
    value: Math.round(people),
    unit: 'people',
    points: hazardPoints * (m - 1),
    detail: {
      zh: `区域内约 ${Math.round(people)} 人,致灾得分上浮 ${uplift}%`,
      en: `About ${Math.round(people)} people in the area: hazard points raised by ${uplift}%`,
    },
  };
}

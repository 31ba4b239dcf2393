import { distanceKm } from '../geo/distance.ts';
import type { PopulationCell } from './points.ts';
import type { PopulationRing } from './answer.schema.ts';

/** The rings the wall shows: people within 1, 3 and 5 km of an incident. */
export const POPULATION_RADII_KM: readonly number[] = [1, 3, 5];

/**
 * People within each radius of a point: the sum over grid cells whose centre lies within it (a cell
 * straddling the edge counts whole or not at all, which is within half a cell of the truth). Rings
 * are cumulative: the 3 km figure includes the 1 km one. `cells` may be every cell of the grid or
 * only those near the point (a spatial index's answer): cells beyond the largest radius add nothing.
 */
export function populationWithin(cells: Iterable<PopulationCell>, lon: number, lat: number, radiiKm: readonly number[] = POPULATION_RADII_KM): PopulationRing[] {
  const radii = [...radiiKm].sort((a, b) => a - b);
  const sums = radii.map(() => 0);
  const outer = radii.at(-1) ?? 0;
  for (const c of cells) {
    const d = distanceKm(lon, lat, c.lon, c.lat);
    if (d > outer) continue;
    for (let i = radii.length - 1; i >= 0 && d <= radii[i]!; i--) sums[i]! += c.people;
  }
  return radii.map((radiusKm, i) => ({ radiusKm, people: Math.round(sums[i]!) }));
}

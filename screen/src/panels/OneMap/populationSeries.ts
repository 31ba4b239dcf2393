import { latestOf, type LiveState } from '@beacon/shared';
import { populationClasses } from './mapStyle.ts';

/** The newest population grid's cells ([lon, lat, people]) and its cell size, if any grid arrived. */
export function newestGrid(state: LiveState): { cells: [number, number, number][]; cellSizeM: number; observedAt: number } | null {
  const grid = latestOf(state, 'population-heat').sort((a, b) => b.observedAt - a.observedAt)[0];
  if (!grid || !Array.isArray(grid.data.cells)) return null;
  const cells = (grid.data.cells as unknown[]).filter(
    (c): c is [number, number, number] => Array.isArray(c) && c.length === 3 && c.every((v) => typeof v === 'number') && (c[2] as number) > 0,
  );
  const size = typeof grid.data.cellSizeM === 'number' ? grid.data.cellSizeM : 500;
  return { cells, cellSizeM: size, observedAt: grid.observedAt };
}

/** The class a cell falls into: the highest whose minimum it reaches. */
export function populationClass(people: number): number {
  let k = 0;
  populationClasses.forEach((c, i) => {
    if (people >= c.min) k = i;
  });
  return k;
}

/**
 * One large-mode scatter per density class (large mode draws thousands of cells fast but takes one
 * colour per series). Cells are squares of their ground size on the map.
 */
export function populationSeries(state: LiveState, pxPerKm: number, greyed: boolean) {
  const grid = newestGrid(state);
  const buckets: [number, number][][] = populationClasses.map(() => []);
  for (const [lon, lat, people] of grid?.cells ?? []) buckets[populationClass(people)]!.push([lon, lat]);
  const side = Math.max(3, Math.round(((grid?.cellSizeM ?? 500) / 1000) * pxPerKm));
  return populationClasses.map((c, i) => ({
    id: `population-${i}`,
    type: 'scatter' as const,
    coordinateSystem: 'geo' as const,
    geoIndex: 0,
    silent: true,
    z: 1,
    large: true,
    largeThreshold: 500,
    symbol: 'rect',
    symbolSize: side,
    itemStyle: { color: greyed ? 'rgba(138, 148, 163, 0.18)' : c.colour, opacity: 1 },
    data: buckets[i]!,
  }));
}


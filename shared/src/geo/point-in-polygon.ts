import type { DistrictCollection } from '../region/types.ts';

type Ring = number[][];

// Even-odd ray casting: a handful of lines, exact for simple polygons, no dependency needed for
// the few hundred checks the region tests make. A spatial index arrives with the surroundings query.
function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lon: number, lat: number, rings: Ring[]): boolean {
  const [outer, ...holes] = rings;
  return outer !== undefined && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h));
}

/** The name of the district containing the point, or null when it lies outside them all. */
export function districtAt(districts: DistrictCollection, lon: number, lat: number): string | null {
  for (const feature of districts.features) {
    const g = feature.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    if (polygons.some((rings) => inPolygon(lon, lat, rings))) return feature.properties.name;
  }
  return null;
}

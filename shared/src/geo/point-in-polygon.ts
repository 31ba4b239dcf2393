import type { DistrictCollection } from '../region/types.ts';

// Which district a point lies in: even-odd ray casting, exact for simple polygons with holes. Each
// ring's edges are bucketed by latitude band, so a point is tested against the few edges near its
// latitude instead of all of them: a population grid of 100,000 cells is placed in tens of
// milliseconds instead of seconds, and a single lookup costs no more than a plain scan would.

const BANDS = 256;

interface RingIndex {
  /** Per band, the edges whose latitude span touches it, flat: x1, y1, x2, y2, … */
  bands: number[][];
}

interface PolygonIndex {
  outer: RingIndex;
  holes: RingIndex[];
}

interface DistrictIndex {
  name: string;
  polygons: PolygonIndex[];
  minLon: number;
  maxLon: number;
  minLat: number;
  maxLat: number;
}

export interface DistrictLocator {
  /** The name of the district containing the point, or null when it lies outside them all. */
  districtAt(lon: number, lat: number): string | null;
}

/** An index of the districts' boundaries, for many lookups against the same collection. */
export function indexDistricts(districts: DistrictCollection): DistrictLocator {
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const f of districts.features) {
    for (const rings of polygonsOf(f.geometry)) for (const ring of rings) for (const p of ring) {
      const lat = p[1]!;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  const height = (maxLat - minLat) / BANDS || 1;
  const bandOf = (lat: number) => Math.min(BANDS - 1, Math.max(0, Math.floor((lat - minLat) / height)));

  const indexRing = (ring: number[][]): RingIndex => {
    const bands: number[][] = Array.from({ length: BANDS }, () => []);
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      for (let b = bandOf(Math.min(yi, yj)); b <= bandOf(Math.max(yi, yj)); b++) bands[b]!.push(xi, yi, xj, yj);
    }
    return { bands };
  };

  const index: DistrictIndex[] = districts.features.map((f) => {
    const polygons = polygonsOf(f.geometry).map(([outer, ...holes]) => ({ outer: indexRing(outer ?? []), holes: holes.map(indexRing) }));
    let minLon = Infinity, maxLon = -Infinity, dMinLat = Infinity, dMaxLat = -Infinity;
    for (const rings of polygonsOf(f.geometry)) for (const [lon, lat] of rings[0] ?? []) {
      minLon = Math.min(minLon, lon!);
      maxLon = Math.max(maxLon, lon!);
      dMinLat = Math.min(dMinLat, lat!);
      dMaxLat = Math.max(dMaxLat, lat!);
    }
    return { name: f.properties.name, polygons, minLon, maxLon, minLat: dMinLat, maxLat: dMaxLat };
  });

  const inRing = (lon: number, lat: number, ring: RingIndex): boolean => {
    const edges = ring.bands[bandOf(lat)]!;
    let inside = false;
    for (let k = 0; k < edges.length; k += 4) {
      const xi = edges[k]!, yi = edges[k + 1]!, xj = edges[k + 2]!, yj = edges[k + 3]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };

  return {
    districtAt(lon, lat) {
      for (const d of index) {
        if (lon < d.minLon || lon > d.maxLon || lat < d.minLat || lat > d.maxLat) continue;
        if (d.polygons.some((p) => inRing(lon, lat, p.outer) && !p.holes.some((h) => inRing(lon, lat, h)))) return d.name;
      }
      return null;
    },
  };
}

// A region's boundaries are built once and never change: one index each, dropped with the collection.
const indexes = new WeakMap<DistrictCollection, DistrictLocator>();

/** The name of the district containing the point, or null when it lies outside them all. */
export function districtAt(districts: DistrictCollection, lon: number, lat: number): string | null {
  let index = indexes.get(districts);
  if (!index) indexes.set(districts, (index = indexDistricts(districts)));
  return index.districtAt(lon, lat);
}

function polygonsOf(g: DistrictCollection['features'][number]['geometry']): number[][][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

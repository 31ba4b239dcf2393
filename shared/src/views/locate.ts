import { distanceKm } from '../geo/distance.ts';
import { districtAt } from '../geo/point-in-polygon.ts';
import type { Region } from '../region/types.ts';
import type { LatestRecord } from '../state/live-state.ts';

/** Where a record is, as far as its data says: a point, a district, a list of districts, or nowhere (city-wide). */
export interface Place {
  lon?: number;
  lat?: number;
  districts: string[] | 'all';
}

/**
 * Records name their place in one of three ways: lon/lat, a `district`, or (alerts) `areas`. A
 * registered station (rain gauges) has its place in the region file. Anything else is city-wide.
 */
export function placeOf(region: Region, category: string, rec: LatestRecord, gauges: ReadonlyMap<string, { lon: number; lat: number; district: string }>): Place {
  const d = rec.data;
  if (category === 'rain-gauge') {
    const g = gauges.get(rec.entityId);
    return g ? { lon: g.lon, lat: g.lat, districts: [g.district] } : { districts: [] };
  }
  if (typeof d.lon === 'number' && typeof d.lat === 'number') {
    const district = typeof d.district === 'string' ? d.district : districtAt(region.districts, d.lon, d.lat);
    return { lon: d.lon, lat: d.lat, districts: district ? [district] : [] };
  }
  if (typeof d.district === 'string') return { districts: [d.district] };
  if (Array.isArray(d.areas)) return d.areas.length ? { districts: d.areas.map(String) } : { districts: 'all' };
  return { districts: 'all' };
}

/**
 * Whether two records of one entity are in the same place for every view: they agree on each field
 * `placeOf` reads. Kept beside it so the two cannot drift apart.
 */
export function samePlace(a: LatestRecord, b: LatestRecord): boolean {
  const x = a.data;
  const y = b.data;
  return x.lon === y.lon && x.lat === y.lat && x.district === y.district && sameAreas(x.areas, y.areas);
}

function sameAreas(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
  return a.length === b.length && a.every((v, i) => String(v) === String(b[i]));
}

/** The subdistrict (or town) of a point: the nearest subdistrict seat in its district. The region ships seats, not boundaries. */
export function subdistrictAt(region: Region, district: string, lon: number, lat: number): string | null {
  let best: { name: string; km: number } | null = null;
  for (const g of region.rainGauges) {
    if (g.district !== district) continue;
    const km = distanceKm(lon, lat, g.lon, g.lat);
    if (!best || km < best.km) best = { name: g.name.zh, km };
  }
  return best?.name ?? null;
}

import type { Region } from '../region/types.ts';
import { subdistrictAt } from '../views/locate.ts';
import { indexDistricts } from '../geo/point-in-polygon.ts';
import type { RiskArea } from './types.ts';

/** An area the model grades, with the point its distance to a typhoon is measured from. */
export interface GradedArea {
  key: string;
  area: RiskArea;
  lon: number;
  lat: number;
}

/** Where something is, as far as the model can tell: its district and, when it has a point, its subdistrict. */
export interface AreaPlace {
  district: string;
  subdistrict: string | null;
}

/** The region's areas and a fast point locator: built once per call (or once per region with a cache). */
export interface RegionAreas {
  districts: GradedArea[];
  subdistricts: GradedArea[];
  subdistrictsOf: ReadonlyMap<string, GradedArea[]>;
  locate(lon: number, lat: number): AreaPlace | null;
  /** The subdistrict of a point in a known district (nearest seat), as views/locate.ts decides it. */
  subdistrictOf(district: string, lon: number, lat: number): string | null;
}

export function areaKey(district: string, subdistrict?: string | null): string {
  return subdistrict ? `${district}/${subdistrict}` : district;
}

export function regionAreas(region: Region): RegionAreas {
  const districts: GradedArea[] = region.districts.features.map((f) => ({
    key: areaKey(f.properties.name),
    area: { district: f.properties.name },
    lon: f.properties.center[0],
    lat: f.properties.center[1],
  }));
  const known = new Set(districts.map((d) => d.area.district));
  const subdistrictsOf = new Map<string, GradedArea[]>(districts.map((d) => [d.area.district, []]));
  const subdistricts: GradedArea[] = [];
  for (const g of region.rainGauges) {
    const key = areaKey(g.district, g.name.zh);
    if (!known.has(g.district) || subdistricts.some((s) => s.key === key)) continue;
    const s: GradedArea = { key, area: { district: g.district, subdistrict: g.name.zh }, lon: g.lon, lat: g.lat };
    subdistricts.push(s);
    subdistrictsOf.get(g.district)!.push(s);
  }
  const polygons = indexDistricts(region.districts);
  const subdistrictOf = (district: string, lon: number, lat: number) => subdistrictAt(region, district, lon, lat);
  return {
    districts,
    subdistricts,
    subdistrictsOf,
    subdistrictOf,
    locate(lon, lat) {
      const district = polygons.districtAt(lon, lat);
      return district ? { district, subdistrict: subdistrictOf(district, lon, lat) } : null;
    },
  };
}

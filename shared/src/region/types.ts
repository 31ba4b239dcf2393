/** A name in both UI languages: the hall reads Chinese, English is switchable. */
export interface LocalName {
  zh: string;
  en: string;
}

export interface RainGauge {
  id: string;
  name: LocalName;
  /** District name exactly as in the region's boundary file (`properties.name`). */
  district: string;
  lon: number;
  lat: number;
}

/** A city's bounding box, WGS-84 decimal degrees: the schemas refuse a position outside it. */
export interface CityBounds {
  lonMin: number;
  lonMax: number;
  latMin: number;
  latMax: number;
}

export interface DistrictFeature {
  type: 'Feature';
  properties: { name: string; center: [number, number] };
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface DistrictCollection {
  type: 'FeatureCollection';
  features: DistrictFeature[];
}

/** Everything that makes one city: swap this object to load another city without code changes. */
export interface Region {
  id: string;
  name: LocalName;
  /** ECharts map name the screen registers the boundaries under. */
  mapName: string;
  districts: DistrictCollection;
  districtNames: Record<string, LocalName>;
  /**
   * Where the city's data may lie: wide enough for its waters and islands, narrow enough that a
   * swapped or GCJ-02-shifted coordinate falls outside.
   */
  bounds: CityBounds;
  rainGauges: readonly RainGauge[];
  /**
   * Administrative division codes (GB/T 2260) as warnings carry them in CAP <geocode>: the city's
   * code covers every district; each district's code names that district (keys of districtNames).
   */
  adminCodes?: { city: string; districts: Record<string, string> };
}

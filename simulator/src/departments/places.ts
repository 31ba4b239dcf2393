/**
 * Where things are. Every place is set relative to one of the region's rain gauges (each sits in a
 * known subdistrict or town of a known district), so a simulated shelter or team is always on land
 * in the district it names, and another region's gauges would move the whole scenario with it.
 */
import { xiamen } from '@beacon/shared';

export interface Place {
  lon: number;
  lat: number;
  district: string;
}

/** The region whose places the scenario uses: a server on another city would refuse them. */
export const SIMULATED_REGION_ID = xiamen.id;

const gauges = new Map(xiamen.rainGauges.map((g) => [g.id, g]));

/** A point `dLon`/`dLat` degrees (≤ 0.01, about 1 km) from a gauge, in that gauge's district. */
export function near(gaugeId: string, dLon = 0, dLat = 0): Place {
  const g = gauges.get(gaugeId);
  if (!g) throw new Error(`no rain gauge ${gaugeId} in the region`);
  return { lon: round3(g.lon + dLon), lat: round3(g.lat + dLat), district: g.district };
}

/** District administrative codes, the id of district-level records (lightning, evacuation). */
export const districtCodes: Readonly<Record<string, string>> = {
  思明区: '350203',
  海沧区: '350205',
  湖里区: '350206',
  集美区: '350211',
  同安区: '350212',
  翔安区: '350213',
};

export const districtNames = Object.keys(districtCodes);

/** The two-letter prefix the city's registers put on ids (SM-…, HL-…). */
export const districtPrefix: Readonly<Record<string, string>> = {
  思明区: 'SM', 湖里区: 'HL', 集美区: 'JM', 海沧区: 'HC', 同安区: 'TA', 翔安区: 'XA',
};

/** The point `f` of the way from a to b: a team on the road. */
export function along(a: Place, b: Place, f: number): { lon: number; lat: number } {
  const t = Math.min(1, Math.max(0, f));
  return { lon: round3(a.lon + (b.lon - a.lon) * t), lat: round3(a.lat + (b.lat - a.lat) * t) };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

// Test support: places to put things in a view test, cast from a region's own rain-gauge seats (each is
// in its own subdistrict), so the same view tests run on every region (BEACON_TEST_REGION).
import type { RainGauge, Region } from '../region/types.ts';
import { distanceKm } from '../geo/distance.ts';
import { INCIDENT_RADIUS_KM } from './view.ts';

export interface TestPlaces {
  /** A1 and A2: two seats of district A within an incident's radius of each other; A3: a third seat of A. */
  A1: RainGauge;
  A2: RainGauge;
  A3: RainGauge;
  /** Two seats of a district B. */
  B1: RainGauge;
  B2: RainGauge;
  /** Two seats of a district C within an incident's radius of each other, both beyond it from A1 and A2. */
  C1: RainGauge;
  C2: RainGauge;
}

const near = (a: RainGauge, b: RainGauge) => distanceKm(a.lon, a.lat, b.lon, b.lat) < INCIDENT_RADIUS_KM - 0.5;
const far = (a: RainGauge, b: RainGauge) => distanceKm(a.lon, a.lat, b.lon, b.lat) > INCIDENT_RADIUS_KM + 0.5;

/** The first pair of seats in `gauges` near each other, or null. */
function nearPair(gauges: readonly RainGauge[]): [RainGauge, RainGauge] | null {
  for (const [i, a] of gauges.entries()) for (const b of gauges.slice(i + 1)) if (near(a, b)) return [a, b];
  return null;
}

/** Cast A, B and C from the region's districts in their order; a region that cannot offer them is unfit for the view tests. */
export function testPlaces(region: Region): TestPlaces {
  const inDistrict = (d: string) => region.rainGauges.filter((g) => g.district === d);
  const districts = Object.keys(region.districtNames);
  for (const a of districts) {
    const pairA = inDistrict(a).length >= 3 ? nearPair(inDistrict(a)) : null;
    if (!pairA) continue;
    const [A1, A2] = pairA;
    const A3 = inDistrict(a).find((g) => g !== A1 && g !== A2)!;
    for (const c of districts.filter((d) => d !== a)) {
      const pairC = nearPair(inDistrict(c).filter((g) => far(g, A1) && far(g, A2)));
      const b = districts.find((d) => d !== a && d !== c && inDistrict(d).length >= 2);
      if (!pairC || !b) continue;
      const [B1, B2] = inDistrict(b) as [RainGauge, RainGauge];
      return { A1, A2, A3, B1, B2, C1: pairC[0], C2: pairC[1] };
    }
  }
  throw new Error(`${region.id}: no districts A, B, C with seats as the view tests need them`);
}

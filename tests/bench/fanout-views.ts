import { ViewFilter, emptyLiveState, viewKey, xiamen, type ViewRef } from '@beacon/shared';

/** The screens of the fan-out benchmark: one wall on the city, the rest on districts and subdistricts. */
export function benchViews(count: number): ViewRef[] {
  const districts = Object.keys(xiamen.districtNames);
  return Array.from({ length: count }, (_, i): ViewRef => {
    if (i === 0) return { kind: 'city' };
    const district = districts[i % districts.length]!;
    if (i % 5 === 0) {
      const seat = xiamen.rainGauges.filter((g) => g.district === district)[i % 3]!;
      return { kind: 'subdistrict', district, subdistrict: seat.name.zh };
    }
    return { kind: 'district', district };
  });
}

const byKey = new Map<string, Set<string>>();

/** The rain gauges a view shows, by the same filter Beacon uses (so the baseline sends the same frames). */
export function stationsInView(key: string): Set<string> {
  let set = byKey.get(key);
  if (set) return set;
  const view = benchViews(500).find((v) => viewKey(v) === key) ?? { kind: 'city' };
  const filter = ViewFilter.for(xiamen, view, emptyLiveState());
  set = new Set(
    xiamen.rainGauges
      .filter((g) => filter.includes('rain-gauge', { entityId: g.id, observedAt: 0, version: 1, seq: 0, data: {} }))
      .map((g) => g.id),
  );
  byKey.set(key, set);
  return set;
}

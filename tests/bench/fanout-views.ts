import { ViewFilter, emptyLiveState, fold, viewKey, xiamen, type LiveState, type RecordReceived, type ViewRef } from '@beacon/shared';

/**
 * Incidents the benchmark opens before it starts, one beside every fourth gauge: leaders' tablets
 * watch incident views (an incident and its 5 km surroundings), which filter by distance.
 */
export const benchIncidents = xiamen.rainGauges.filter((_, i) => i % 4 === 0).map((g, i) => ({
  incidentId: `BENCH-${i}`, observedAt: new Date(Date.UTC(2026, 8, 14)).toISOString(), version: 1, kind: 'waterlogging', severity: 'III', status: 'open',
  title: `${g.name.zh}积水`, lon: g.lon + 0.004, lat: g.lat + 0.003, district: g.district,
}));

/** The incidents as state, so the baseline's filter places incident views exactly as Beacon does. */
const incidentState: LiveState = fold(emptyLiveState(), benchIncidents.map((r, i): RecordReceived => ({
  type: 'record.received', seq: i + 1, receivedAt: r.observedAt, department: 'emergency', category: 'incident', entityId: r.incidentId,
  observedAt: r.observedAt, version: 1, payload: r,
})));

/**
 * The screens of the fan-out benchmark: one wall on the city; of the rest, a fifth on incidents, a
 * fifth on subdistricts, the others on districts.
 */
export function benchViews(count: number): ViewRef[] {
  const districts = Object.keys(xiamen.districtNames);
  return Array.from({ length: count }, (_, i): ViewRef => {
    if (i === 0) return { kind: 'city' };
    if (i % 5 === 1) return { kind: 'incident', incidentId: benchIncidents[i % benchIncidents.length]!.incidentId };
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
  const filter = ViewFilter.for(xiamen, view, incidentState);
  set = new Set(
    xiamen.rainGauges
      .filter((g) => filter.includes('rain-gauge', { entityId: g.id, observedAt: 0, version: 1, seq: 0, data: {} }))
      .map((g) => g.id),
  );
  byKey.set(key, set);
  return set;
}

import { latestOf, viewKey, type LiveState, type Region, type ViewRef } from '@beacon/shared';
import { localName, type Locale } from '../i18n/index.ts';
import { districtLabel, subdistrictsOf } from './drill.ts';

/** A place on the console's map that a tap drills into. */
export interface MapTarget {
  key: string;
  kind: 'district' | 'subdistrict' | 'incident';
  label: string;
  at: [number, number];
  view: ViewRef;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * What a tap on the map can reach from a view, one drill level down, as the cards below it do: from
 * the city the districts, from a district its subdistricts (at their seats; the region ships seats, not
 * boundaries); and from the city, a district or a subdistrict every open incident in it.
 */
export function consoleMapTargets(view: ViewRef, state: LiveState, region: Region, locale: Locale): MapTarget[] {
  const out: MapTarget[] = [];
  if (view.kind === 'city') {
    for (const f of region.districts.features) {
      const name = f.properties.name;
      const v: ViewRef = { kind: 'district', district: name };
      out.push({ key: viewKey(v), kind: 'district', label: districtLabel(region, name, locale), at: f.properties.center, view: v });
    }
  }
  if (view.kind === 'district') {
    for (const name of subdistrictsOf(region, view.district)) {
      const seat = region.rainGauges.find((g) => g.district === view.district && g.name.zh === name)!;
      const v: ViewRef = { kind: 'subdistrict', district: view.district, subdistrict: name };
      out.push({ key: viewKey(v), kind: 'subdistrict', label: localName(seat.name, locale, name), at: [seat.lon, seat.lat], view: v });
    }
  }
  if (view.kind === 'incident') return out;
  const inView = (d: Record<string, unknown>) => view.kind === 'city' || d.district === view.district;
  for (const r of latestOf(state, 'incident')) {
    const lon = num(r.data.lon);
    const lat = num(r.data.lat);
    if (r.data.status === 'closed' || lon === null || lat === null || !inView(r.data)) continue;
    const v: ViewRef = { kind: 'incident', incidentId: r.entityId };
    out.push({ key: viewKey(v), kind: 'incident', label: typeof r.data.title === 'string' ? r.data.title : r.entityId, at: [lon, lat], view: v });
  }
  return out;
}

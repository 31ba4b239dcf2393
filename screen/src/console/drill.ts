import { subdistrictAt, viewKey, type LiveState, type Region, type ViewRef } from '@beacon/shared';
import { latestRecord, own } from '@beacon/shared';
import { localName, type Locale } from '../i18n/index.ts';

/**
 * The drill path lives in the URL (`?view=district:集美区`), so the browser's back button and a
 * shared link work. The value is the shared viewKey; anything unknown falls back to the city.
 */
export function parseViewParam(value: string | null, region: Region): ViewRef {
  if (!value) return { kind: 'city' };
  const colon = value.indexOf(':');
  const kind = colon < 0 ? value : value.slice(0, colon);
  const rest = colon < 0 ? '' : value.slice(colon + 1);
  const known = (d: string) => region.districts.features.some((f) => f.properties.name === d);
  if (kind === 'district' && known(rest)) return { kind: 'district', district: rest };
  if (kind === 'subdistrict') {
    const slash = rest.indexOf('/');
    const district = rest.slice(0, slash);
    const subdistrict = rest.slice(slash + 1);
    if (slash > 0 && known(district) && subdistrictsOf(region, district).includes(subdistrict)) return { kind: 'subdistrict', district, subdistrict };
  }
  if (kind === 'incident' && /^[A-Za-z0-9_.:-]{1,64}$/.test(rest)) return { kind: 'incident', incidentId: rest };
  return { kind: 'city' };
}

/** The query string for a view, keeping the other parameters (language, tab). */
export function searchWithView(search: string, view: ViewRef): string {
  const q = new URLSearchParams(search);
  if (view.kind === 'city') q.delete('view');
  else q.set('view', viewKey(view));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The subdistricts (towns) of a district: the region names them by their seats, the rain gauges. */
export function subdistrictsOf(region: Region, district: string): string[] {
  const out: string[] = [];
  for (const g of region.rainGauges) if (g.district === district && !out.includes(g.name.zh)) out.push(g.name.zh);
  return out;
}

/** Where an incident is: its district and the subdistrict of its point. */
export function incidentPlace(state: LiveState, region: Region, incidentId: string): { district: string | null; subdistrict: string | null } {
  const d = latestRecord(state, 'incident', incidentId)?.data;
  const district = typeof d?.district === 'string' ? d.district : null;
  const subdistrict = district && typeof d?.lon === 'number' && typeof d?.lat === 'number' ? subdistrictAt(region, district, d.lon, d.lat) : null;
  return { district, subdistrict };
}

export function incidentTitle(state: LiveState, incidentId: string): string {
  const t = latestRecord(state, 'incident', incidentId)?.data.title;
  return typeof t === 'string' ? t : incidentId;
}

export interface Crumb {
  label: string;
  view: ViewRef;
}

export const districtLabel = (region: Region, d: string, locale: Locale) => localName(own(region.districtNames, d), locale, d);

export function subdistrictLabel(region: Region, district: string, name: string, locale: Locale): string {
  const g = region.rainGauges.find((x) => x.district === district && x.name.zh === name);
  return g ? localName(g.name, locale, name) : name;
}

/** Where an incident is, in words: "集美区 · 灌口" / "Jimei · Guankou"; "" when unknown. */
export function placeLabel(region: Region, place: { district: string | null; subdistrict: string | null }, locale: Locale): string {
  if (!place.district) return '';
  return [districtLabel(region, place.district, locale), place.subdistrict ? subdistrictLabel(region, place.district, place.subdistrict, locale) : ''].filter(Boolean).join(' · ');
}

/** A view in words, e.g. "集美区 · 灌口镇" (for the wall card and the reason of a wall command). */
export function viewLabel(view: ViewRef, state: LiveState, region: Region, locale: Locale, cityLabel: string): string {
  switch (view.kind) {
    case 'city':
      return cityLabel;
    case 'district':
      return districtLabel(region, view.district, locale);
    case 'subdistrict':
      return `${districtLabel(region, view.district, locale)} · ${subdistrictLabel(region, view.district, view.subdistrict, locale)}`;
    case 'incident':
      return incidentTitle(state, view.incidentId);
  }
}

/** City → district → subdistrict → incident; an incident's trail goes through the place it is in. */
export function breadcrumbs(view: ViewRef, state: LiveState, region: Region, locale: Locale, cityLabel: string): Crumb[] {
  const crumbs: Crumb[] = [{ label: cityLabel, view: { kind: 'city' } }];
  let district: string | null = null;
  let subdistrict: string | null = null;
  if (view.kind === 'district' || view.kind === 'subdistrict') district = view.district;
  if (view.kind === 'subdistrict') subdistrict = view.subdistrict;
  if (view.kind === 'incident') ({ district, subdistrict } = incidentPlace(state, region, view.incidentId));
  if (district) crumbs.push({ label: districtLabel(region, district, locale), view: { kind: 'district', district } });
  if (district && subdistrict) crumbs.push({ label: subdistrictLabel(region, district, subdistrict, locale), view: { kind: 'subdistrict', district, subdistrict } });
  if (view.kind === 'incident') crumbs.push({ label: incidentTitle(state, view.incidentId), view });
  return crumbs;
}

export function sameView(a: ViewRef, b: ViewRef): boolean {
  return viewKey(a) === viewKey(b);
}

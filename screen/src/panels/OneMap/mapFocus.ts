import { INCIDENT_RADIUS_KM, type LiveState, type Region, type ViewRef } from '@beacon/shared';
import { latestRecord } from '@beacon/shared';
import { regionBounds, type Bounds } from './mapGeometry.ts';

/** Where the one-map looks when the console puts a view on the wall. */
export interface MapFocus {
  center: [number, number];
  /** ECharts geo zoom: 1 shows the whole region. */
  zoom: number;
  /** The district to outline, if the view is in one. */
  district: string | null;
  /** An incident's position: the map rings its 1, 3 and 5 km surroundings. */
  incident: [number, number] | null;
}

const KM_PER_DEG_LAT = 111.32;
// Leave a margin around what is focused: labels and markers at its edge stay on the map.
const MARGIN = 0.8;
// A subdistrict (town) is shown as about this wide; the region has no town boundaries.
const SUBDISTRICT_KM = 8;

function districtBounds(region: Region, name: string): Bounds | null {
  const feature = region.districts.features.find((f) => f.properties.name === name);
  if (!feature) return null;
  return regionBounds({ ...region, districts: { ...region.districts, features: [feature] } });
}

function zoomToFit(whole: Bounds, part: { lonSpan: number; latSpan: number }): number {
  const z = Math.min((whole.lonMax - whole.lonMin) / part.lonSpan, (whole.latMax - whole.latMin) / part.latSpan) * MARGIN;
  return Math.max(1, Math.min(z, 12));
}

function spanOfKm(km: number, lat: number) {
  return { latSpan: km / KM_PER_DEG_LAT, lonSpan: km / (KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180)) };
}

/**
 * The centre and zoom for a view: a district fills the map, a subdistrict is shown around its seat
 * (the gauge it is named after), an incident with its 5 km surroundings. Null for the city (and for
 * an incident without a position): the whole region, as laid out.
 */
export function mapFocus(region: Region, state: LiveState, view: ViewRef): MapFocus | null {
  const whole = regionBounds(region);
  switch (view.kind) {
    case 'city':
      return null;
    case 'district': {
      const b = districtBounds(region, view.district);
      if (!b) return null;
      return { center: [(b.lonMin + b.lonMax) / 2, (b.latMin + b.latMax) / 2], zoom: zoomToFit(whole, { lonSpan: b.lonMax - b.lonMin, latSpan: b.latMax - b.latMin }), district: view.district, incident: null };
    }
    case 'subdistrict': {
      const seat = region.rainGauges.find((g) => g.district === view.district && g.name.zh === view.subdistrict);
      if (!seat) return mapFocus(region, state, { kind: 'district', district: view.district });
      return { center: [seat.lon, seat.lat], zoom: zoomToFit(whole, spanOfKm(SUBDISTRICT_KM, seat.lat)), district: view.district, incident: null };
    }
    case 'incident': {
      const d = latestRecord(state, 'incident', view.incidentId)?.data;
      if (!d || typeof d.lon !== 'number' || typeof d.lat !== 'number') return null;
      return {
        center: [d.lon, d.lat],
        zoom: zoomToFit(whole, spanOfKm(2 * INCIDENT_RADIUS_KM, d.lat)),
        district: typeof d.district === 'string' ? d.district : null,
        incident: [d.lon, d.lat],
      };
    }
  }
}

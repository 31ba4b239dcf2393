import type { Region } from '../region/types.ts';
import type { StateDelta } from '../state/delta.ts';
import type { LatestRecord, LiveState } from '../state/live-state.ts';
import { distanceKm, placeOf, subdistrictAt, type Place } from './locate.ts';
import { INCIDENT_RADIUS_KM, type ViewRef } from './view.ts';

/**
 * Decides which records a view shows. City-wide records (no place, or an alert for the whole city)
 * are in every view; feeds are in every view, so every screen can show staleness.
 */
export class ViewFilter {
  readonly #gauges: ReadonlyMap<string, { lon: number; lat: number; district: string }>;

  constructor(
    readonly region: Region,
    readonly view: ViewRef,
    /** The incident's position, for incident views (null when the incident is unknown). */
    readonly centre: { lon: number; lat: number; district: string | null } | null = null,
  ) {
    this.#gauges = new Map(region.rainGauges.map((g) => [g.id, g]));
  }

  static for(region: Region, view: ViewRef, state: LiveState): ViewFilter {
    if (view.kind !== 'incident') return new ViewFilter(region, view);
    const incident = state.latest.incident?.[view.incidentId];
    const d = incident?.data;
    const centre = d && typeof d.lon === 'number' && typeof d.lat === 'number'
      ? { lon: d.lon, lat: d.lat, district: typeof d.district === 'string' ? d.district : null }
      : null;
    return new ViewFilter(region, view, centre);
  }

  includes(category: string, rec: LatestRecord): boolean {
    const v = this.view;
    if (v.kind === 'city') return true;
    if (v.kind === 'incident' && category === 'incident' && rec.entityId === v.incidentId) return true;
    const place = placeOf(this.region, category, rec, this.#gauges);
    if (place.districts === 'all') return true;
    if (v.kind === 'district') return place.districts.includes(v.district);
    if (v.kind === 'subdistrict') {
      if (!place.districts.includes(v.district)) return false;
      if (place.lon === undefined || place.lat === undefined) return true; // district-level record: show it
      return subdistrictAt(this.region, v.district, place.lon, place.lat) === v.subdistrict;
    }
    return this.nearIncident(place);
  }

  private nearIncident(place: Place): boolean {
    if (!this.centre) return false;
    if (place.lon !== undefined && place.lat !== undefined) {
      return distanceKm(place.lon, place.lat, this.centre.lon, this.centre.lat) <= INCIDENT_RADIUS_KM;
    }
    return this.centre.district !== null && place.districts !== 'all' && place.districts.includes(this.centre.district);
  }

  state(s: LiveState): LiveState {
    const latest: LiveState['latest'] = {};
    const trends: LiveState['trends'] = {};
    for (const [c, byId] of Object.entries(s.latest)) {
      for (const [id, rec] of Object.entries(byId)) {
        if (!this.includes(c, rec)) continue;
        (latest[c] ??= {})[id] = rec;
        const trend = s.trends[c]?.[id];
        if (trend) (trends[c] ??= {})[id] = trend;
      }
    }
    return { seq: s.seq, latest, trends, feeds: s.feeds, command: s.command };
  }

  /** The part of a delta this view shows; `state` tells where entities are (points carry no place). */
  delta(d: StateDelta, s: LiveState): StateDelta {
    const out: StateDelta = {
      fromSeq: d.fromSeq, toSeq: d.toSeq, latest: {}, points: {}, feeds: d.feeds, transitions: {}, ...(d.command ? { command: d.command } : {}),
    };
    for (const [c, byId] of Object.entries(d.latest)) {
      for (const [id, rec] of Object.entries(byId)) if (this.includes(c, rec)) (out.latest[c] ??= {})[id] = rec;
    }
    for (const [c, byId] of Object.entries(d.points)) {
      for (const [id, ps] of Object.entries(byId)) {
        const rec = s.latest[c]?.[id];
        if (rec && this.includes(c, rec)) (out.points[c] ??= {})[id] = ps;
      }
    }
    for (const [c, list] of Object.entries(d.transitions)) {
      const kept = list.filter((rec) => this.includes(c, rec));
      if (kept.length) out.transitions[c] = kept;
    }
    return out;
  }
}

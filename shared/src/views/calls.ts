import { firstObservedOf, latestIn, latestRecord, type LatestRecord, type LiveState } from '../state/live-state.ts';
import { distanceKm } from '../geo/distance.ts';
import type { Region } from '../region/types.ts';

/**
 * Calls and reports from the public and the field: 119 calls (fire-call), disaster informants,
 * casualty reports and 122 accident reports. The catalog has no 110 or 120 call category: 110's
 * deployments and 120's ambulances are forces, not calls.
 */
export const CALL_CATEGORIES = ['fire-call', 'informant-report', 'casualty-report', 'accident-report'] as const;
export type CallCategory = (typeof CALL_CATEGORIES)[number];

export interface CallVolumeRow {
  district: string;
  /** Calls first received in each hour, oldest hour first (the last one is the current hour). */
  perHour: number[];
  total: number;
}

export interface CallVolume {
  /** Start (epoch ms) of each hour column, oldest first. */
  hours: number[];
  rows: CallVolumeRow[];
  /** Calls in the window by category, whatever the district. */
  byCategory: Record<CallCategory, number>;
}

const HOUR = 3_600_000;

/**
 * Call volume by the region's districts over the last `hours` hours up to `now` (hour columns aligned
 * to the clock hour). A call counts in the hour it was first received, so a later status update does not move it.
 */
export function callVolume(state: Pick<LiveState, 'latest'>, region: Pick<Region, 'districtNames'>, now: number, hours = 6, include: (category: string, rec: LatestRecord) => boolean = () => true): CallVolume {
  const firstHour = Math.floor(now / HOUR) * HOUR - (hours - 1) * HOUR;
  const cols = Array.from({ length: hours }, (_, i) => firstHour + i * HOUR);
  const rows = new Map<string, number[]>(Object.keys(region.districtNames).map((d) => [d, cols.map(() => 0)]));
  const byCategory = { 'fire-call': 0, 'informant-report': 0, 'casualty-report': 0, 'accident-report': 0 };
  for (const category of CALL_CATEGORIES) {
    for (const rec of Object.values(latestIn(state, category))) {
      if (!include(category, rec)) continue;
      const at = firstObservedOf(rec);
      const col = Math.floor((at - firstHour) / HOUR);
      if (col < 0 || col >= hours) continue;
      byCategory[category]++;
      const row = typeof rec.data.district === 'string' ? rows.get(rec.data.district) : undefined;
      if (row) row[col]!++;
    }
  }
  return {
    hours: cols,
    rows: [...rows].map(([district, perHour]) => ({ district, perHour, total: perHour.reduce((a, b) => a + b, 0) })),
    byCategory,
  };
}

/** How near (km) and how soon around its first report a report must be to belong to an incident without naming it. */
export const REPORT_RADIUS_KM = 1;
export const REPORT_BEFORE_MS = HOUR;
export const REPORT_AFTER_MS = 6 * HOUR;

export interface IncidentReport {
  category: CallCategory;
  id: string;
  /** When the report was first received (epoch ms). */
  at: number;
  /** How it was matched: the report names the incident, or it was made near it around the time; 'area' for an area's list. */
  match: 'id' | 'place' | 'area';
  distanceKm: number | null;
  data: Record<string, unknown>;
}

/**
 * The calls and reports that belong to an incident, oldest first: those naming it by `incidentId`
 * (casualty reports can), and those within REPORT_RADIUS_KM of it received from an hour before its
 * first report to six hours after (the others carry no incident id). A report naming another incident never matches by place.
 */
export function incidentReports(state: Pick<LiveState, 'latest'>, incidentId: string): IncidentReport[] {
  const incident = latestRecord(state, 'incident', incidentId);
  const d = incident?.data;
  const centre = d && typeof d.lon === 'number' && typeof d.lat === 'number' ? { lon: d.lon, lat: d.lat } : null;
  const reported = incident ? firstObservedOf(incident) : null;
  const out: IncidentReport[] = [];
  for (const category of CALL_CATEGORIES) {
    for (const rec of Object.values(latestIn(state, category))) {
      const r = rec.data;
      const at = firstObservedOf(rec);
      const km = centre && typeof r.lon === 'number' && typeof r.lat === 'number' ? distanceKm(r.lon, r.lat, centre.lon, centre.lat) : null;
      if (r.incidentId === incidentId) {
        out.push({ category, id: rec.entityId, at, match: 'id', distanceKm: km, data: r });
      } else if (r.incidentId === undefined && km !== null && km <= REPORT_RADIUS_KM && reported !== null
        && at >= reported - REPORT_BEFORE_MS && at <= reported + REPORT_AFTER_MS) {
        out.push({ category, id: rec.entityId, at, match: 'place', distanceKm: km, data: r });
      }
    }
  }
  return out.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** The newest calls and reports of an area (by when they were first received), newest first, at most `limit`. */
export function latestCalls(state: Pick<LiveState, 'latest'>, include: (category: string, rec: LatestRecord) => boolean, limit = 8): IncidentReport[] {
  const out: IncidentReport[] = [];
  for (const category of CALL_CATEGORIES) {
    for (const rec of Object.values(latestIn(state, category))) {
      if (include(category, rec)) out.push({ category, id: rec.entityId, at: firstObservedOf(rec), match: 'area', distanceKm: null, data: rec.data });
    }
  }
  return out.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id)).slice(0, limit);
}

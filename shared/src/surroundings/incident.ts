import { districtAt } from '../geo/point-in-polygon.ts';
import type { Region } from '../region/types.ts';
import { latestRecord, type LiveState } from '../state/live-state.ts';
import { roadConditions } from './conditions.ts';
import { readDepots, readHazards, readHospitals, readPopulation, readShelters, readStock, readTeams } from './points.ts';
import { readDangerousBuildings, readDikes, readPonding, readPumps, readSluices } from './watch-points.ts';
import { surroundingsOf, type IncidentSummary, type SurroundingsInput } from './surroundings.ts';
import type { SurroundingsAnswer } from './answer.schema.ts';

export interface IncidentPlace {
  incident: IncidentSummary;
  centre: { lon: number; lat: number; district: string | null };
}

/** An incident's summary and place from live state, or null if there is no such incident or it has no position. */
export function incidentPlace(state: LiveState, region: Region, incidentId: string): IncidentPlace | null {
  const r = latestRecord(state, 'incident', incidentId);
  if (!r) return null;
  const d = r.data;
  if (typeof d.lon !== 'number' || typeof d.lat !== 'number') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    incident: { incidentId, title: text(d.title) || incidentId, kind: text(d.kind), severity: text(d.severity), status: text(d.status) },
    centre: { lon: d.lon, lat: d.lat, district: typeof d.district === 'string' ? d.district : districtAt(region.districts, d.lon, d.lat) },
  };
}

/** The centre of a bare point: its district from the region's boundaries (null at sea or outside). */
export function pointPlace(region: Region, lon: number, lat: number): SurroundingsInput['centre'] {
  return { lon, lat, district: districtAt(region.districts, lon, lat) };
}

/**
 * Surroundings by a linear scan over every point of interest in live state: the reference the
 * server's spatial index is tested and benchmarked against, and fine for small states.
 */
export function scanSurroundings(
  state: LiveState,
  region: Region,
  centre: SurroundingsInput['centre'],
  incident: IncidentSummary | null,
  now: number,
): SurroundingsAnswer {
  const grid = readPopulation(state);
  return surroundingsOf({
    centre,
    incident,
    teams: readTeams(state),
    depots: readDepots(state),
    stock: readStock(state),
    hospitals: readHospitals(state),
    shelters: readShelters(state),
    hazards: readHazards(state),
    sluices: readSluices(state),
    pumps: readPumps(state),
    dikes: readDikes(state),
    dangerousBuildings: readDangerousBuildings(state),
    ponding: readPonding(state),
    population: { grid: grid && { gridId: grid.gridId, observedAt: grid.observedAt }, cells: grid?.cells ?? [] },
    slowdown: roadConditions(state, region, centre.district, now),
    now,
    seq: state.seq,
  });
}

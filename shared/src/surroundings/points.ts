import { teamCommitment } from '../commands/forces.ts';
import type { StateDelta } from '../state/delta.ts';
import { latestIn, type LatestRecord, type LiveState } from '../state/live-state.ts';
import { each, nameOf, num, str } from './read-record.ts';
import { WATCH_POINT_CATEGORIES } from './watch-points.ts';

// The points of interest around an incident, read from live state. Records are read defensively:
// a record without a usable position or field is left out, never allowed to break the answer.

interface Located {
  id: string;
  name: string;
  lon: number;
  lat: number;
  observedAt: number;
}

export interface TeamPoint extends Located {
  category: 'rescue-team' | 'fire-station';
  status: string | null;
  members: number;
  incidentId: string | null;
}

export interface DepotPoint extends Located {
  level: string | null;
}

export interface HospitalPoint extends Located {
  freeBeds: number;
  totalBeds: number;
  icuFree: number | null;
  grade: string | null;
}

export interface ShelterPoint extends Located {
  category: 'shelter' | 'resettlement-site' | 'school-shelter';
  capacity: number;
  occupancy: number;
  status: string;
}

/** What can block or cut off a response near an incident. */
export const HAZARD_CATEGORIES = ['road-closure', 'traffic-control', 'power-outage', 'base-station-outage', 'reservoir-level', 'river-level', 'tide-level'] as const;
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];

/**
 * A closed road, a traffic control, an outage or a station over its level. `status` is the record's own;
 * `households` is an outage's; `overBy` is how far a station is above its warning or flood-limit level,
 * in the station's unit (m for rivers and reservoirs, cm for tides).
 */
export interface HazardPoint extends Located {
  category: HazardCategory;
  status: string | null;
  households: number | null;
  overBy: number | null;
}

/** A population grid cell: its centre and the people in it. */
export interface PopulationCell {
  lon: number;
  lat: number;
  people: number;
}

export interface PopulationGrid {
  gridId: string;
  observedAt: number;
  cells: PopulationCell[];
}

export interface StockItem {
  item: string;
  quantity: number;
  unit: string;
}

/** Which live-state categories feed each kind of point: a change to one of them changes that kind (a category may feed several). */
export const POINT_CATEGORIES = {
  teams: ['rescue-team', 'fire-station'],
  depots: ['supply-depot'],
  stock: ['depot-stock'],
  hospitals: ['hospital-beds'],
  shelters: ['shelter', 'resettlement-site', 'school-shelter'],
  population: ['population-heat'],
  hazards: HAZARD_CATEGORIES,
  ...WATCH_POINT_CATEGORIES,
} as const;

export type PointKind = keyof typeof POINT_CATEGORIES;

/**
 * The kinds of point an applied delta changes: those whose categories it touches, and the teams when
 * a command changed (a dispatch makes a team "dispatched" to its incident without a record of its own).
 */
export function pointKindsChangedBy(delta: Pick<StateDelta, 'latest' | 'command'>): PointKind[] {
  const kinds = (Object.keys(POINT_CATEGORIES) as PointKind[]).filter((kind) => POINT_CATEGORIES[kind].some((c) => Object.hasOwn(delta.latest, c)));
  if (delta.command && !kinds.includes('teams')) kinds.push('teams');
  return kinds;
}


/** Rescue teams and fire stations: the forces that can be sent. */
export function readTeams(state: LiveState): TeamPoint[] {
  // A dispatch command newer than the team's last report counts: the team is on its way there
  // (teamStatus's rule, from the one commitment read per team).
  const out = each(state, 'rescue-team', (r, at): TeamPoint => {
    const commitment = teamCommitment(state, r.entityId);
    return {
      id: r.entityId, name: nameOf(r), lon: at.lon, lat: at.lat, observedAt: r.observedAt,
      category: 'rescue-team', status: commitment?.source === 'command' ? 'dispatched' : typeof r.data.status === 'string' ? r.data.status : null, members: num(r.data.members) ?? 0,
      incidentId: commitment?.incidentId ?? str(r.data.incidentId),
    };
  });
  return each(state, 'fire-station', (r, at): TeamPoint => ({
    id: r.entityId, name: nameOf(r), lon: at.lon, lat: at.lat, observedAt: r.observedAt,
    category: 'fire-station', status: null, members: num(r.data.firefighters) ?? 0, incidentId: null,
  }), out);
}

export function readDepots(state: LiveState): DepotPoint[] {
  return each(state, 'supply-depot', (r, at): DepotPoint => ({
    id: r.entityId, name: nameOf(r), lon: at.lon, lat: at.lat, observedAt: r.observedAt, level: str(r.data.level),
  }));
}

/** Depot stock by depot id, each depot's items sorted by item. */
export function readStock(state: LiveState): Map<string, StockItem[]> {
  const byDepot = new Map<string, StockItem[]>();
  for (const r of Object.values(latestIn(state, 'depot-stock'))) {
    const depotId = str(r.data.depotId);
    const item = str(r.data.item);
    const quantity = num(r.data.quantity);
    if (!depotId || !item || quantity === null) continue;
    const lines = byDepot.get(depotId) ?? [];
    lines.push({ item, quantity, unit: str(r.data.unit) ?? '' });
    byDepot.set(depotId, lines);
  }
  for (const lines of byDepot.values()) lines.sort((a, b) => (a.item < b.item ? -1 : a.item > b.item ? 1 : 0));
  return byDepot;
}

export function readHospitals(state: LiveState): HospitalPoint[] {
  return each(state, 'hospital-beds', (r, at): HospitalPoint | null => {
    const freeBeds = num(r.data.freeBeds);
    const totalBeds = num(r.data.totalBeds);
    if (freeBeds === null || totalBeds === null) return null;
    return {
      id: r.entityId, name: nameOf(r), lon: at.lon, lat: at.lat, observedAt: r.observedAt,
      freeBeds, totalBeds, icuFree: num(r.data.icuFree), grade: str(r.data.grade),
    };
  });
}

/** Shelters of the emergency bureau, resettlement sites of civil affairs and schools used as shelters. */
export function readShelters(state: LiveState): ShelterPoint[] {
  const out: ShelterPoint[] = [];
  for (const category of POINT_CATEGORIES.shelters) {
    each(state, category, (r, at): ShelterPoint | null => {
      const capacity = num(r.data.capacity);
      const occupancy = num(r.data.occupancy);
      const status = str(r.data.status);
      if (capacity === null || occupancy === null || !status) return null;
      return { id: r.entityId, name: nameOf(r), lon: at.lon, lat: at.lat, observedAt: r.observedAt, category, capacity, occupancy, status };
    }, out);
  }
  return out;
}

/** A station's reading above its limit (positive), or null when it is at or below it or lacks either. */
function above(r: LatestRecord, level: string, limit: string): number | null {
  const v = num(r.data[level]);
  const l = num(r.data[limit]);
  return v !== null && l !== null && v > l ? v - l : null;
}

/** How each hazard category names its place and says whether it is a hazard now (null: not one). */
const hazardReaders: Record<HazardCategory, (r: LatestRecord) => { name: string; overBy: number | null } | null> = {
  'road-closure': (r) => (r.data.status === 'reopened' ? null : { name: str(r.data.road) ?? r.entityId, overBy: null }),
  'traffic-control': (r) => (r.data.status === 'active' ? { name: str(r.data.location) ?? r.entityId, overBy: null } : null),
  'power-outage': (r) => (r.data.status === 'restored' ? null : { name: str(r.data.feeder) ?? r.entityId, overBy: null }),
  'base-station-outage': (r) => (r.data.status === 'down' ? { name: r.entityId, overBy: null } : null),
  'reservoir-level': (r) => { const o = above(r, 'levelM', 'floodLimitLevelM'); return o === null ? null : { name: nameOf(r), overBy: o }; },
  'river-level': (r) => { const o = above(r, 'levelM', 'warningLevelM'); return o === null ? null : { name: nameOf(r), overBy: o }; },
  'tide-level': (r) => { const o = above(r, 'levelCm', 'warningLevelCm'); return o === null ? null : { name: nameOf(r), overBy: o }; },
};

/** Roads closed, controls in force, outages not restored, stations over their levels: only what is a hazard now. */
export function readHazards(state: LiveState): HazardPoint[] {
  const out: HazardPoint[] = [];
  for (const category of HAZARD_CATEGORIES) {
    const read = hazardReaders[category];
    each(state, category, (r, at): HazardPoint | null => {
      const h = read(r);
      if (!h) return null;
      return {
        id: r.entityId, name: h.name, lon: at.lon, lat: at.lat, observedAt: r.observedAt,
        category, status: str(r.data.status), households: category === 'power-outage' ? num(r.data.households) : null, overBy: h.overBy,
      };
    }, out);
  }
  return out;
}

/**
 * The population grid to count people from: several grids are alternatives (resolutions of the same
 * city), not tiles, so summing them would count people twice; the newest wins, ties by grid id.
 */
export function readPopulation(state: LiveState): PopulationGrid | null {
  let newest: LatestRecord | null = null;
  for (const r of Object.values(latestIn(state, 'population-heat'))) {
    if (!Array.isArray(r.data.cells)) continue;
    if (!newest || r.observedAt > newest.observedAt || (r.observedAt === newest.observedAt && r.entityId < newest.entityId)) newest = r;
  }
  if (!newest) return null;
  const cells: PopulationCell[] = [];
  for (const cell of newest.data.cells as unknown[]) {
    if (!Array.isArray(cell)) continue;
    const lon = num(cell[0]);
    const lat = num(cell[1]);
    const people = num(cell[2]);
    if (lon === null || lat === null || people === null || !(people > 0)) continue;
    cells.push({ lon, lat, people });
  }
  return { gridId: newest.entityId, observedAt: newest.observedAt, cells };
}

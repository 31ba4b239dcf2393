import { distanceKm } from '../geo/distance.ts';
import type { NearbyDepot, NearbyHazard, NearbyHospital, NearbyShelter, NearbyTeam, SurroundingsAnswer } from './answer.schema.ts';
import type { DangerousBuildingPoint, DikePoint, PondingPoint, PumpPoint, SluicePoint, WatchKind } from './watch-points.ts';
import type { DepotPoint, HazardPoint, HospitalPoint, PopulationGrid, PopulationCell, ShelterPoint, StockItem, TeamPoint } from './points.ts';
import { POPULATION_RADII_KM, populationWithin } from './population.ts';
import { etaMinutes, reachKm, ROAD_WINDING_FACTOR, SPEED_KMH, SUPPLY_CIRCLE_MINUTES, type Slowdown, type TripKind } from './travel.ts';

/** How many of each the wall lists: what fits on a panel and is enough to decide who goes (or whom to call). */
export const SURROUNDINGS_LIMITS = { teams: 8, hospitals: 5, shelters: 5, hazards: 10, sluices: 5, pumps: 5, dikes: 5, dangerousBuildings: 5, ponding: 5 } as const;

/**
 * How far around an incident a closed road, an outage, a station over its level — or a sluice, pump,
 * dike, dangerous building or ponding point — is worth naming: the outer population ring.
 */
export const HAZARD_RADIUS_KM = 5;

export interface IncidentSummary {
  incidentId: string;
  title: string;
  kind: string;
  severity: string;
  status: string;
}

/**
 * What the answer is made from. The point lists are candidates: every point (a brute-force scan)
 * or only those a spatial index found near the centre. The answer is the same as long as the
 * candidates hold every point that belongs in it:
 * - teams, hospitals, usable shelters: the `SURROUNDINGS_LIMITS` nearest, plus any as far as the last;
 * - depots: every depot within `supplyRadiusKm`, plus the nearest beyond it (and any as far);
 * - cells: every cell within the largest of `POPULATION_RADII_KM`;
 * - hazards: the `SURROUNDINGS_LIMITS` nearest (plus any as far as the last); those beyond HAZARD_RADIUS_KM
 *   are dropped here;
 * - sluices, pumps, dikes, dangerous buildings, ponding: of each kind, the `SURROUNDINGS_LIMITS` nearest in
 *   alarm and as many nearest not in alarm (plus any as far as the last of each); those beyond
 *   HAZARD_RADIUS_KM are dropped here.
 */
export interface SurroundingsInput {
  centre: { lon: number; lat: number; district: string | null };
  incident: IncidentSummary | null;
  teams: Iterable<TeamPoint>;
  depots: Iterable<DepotPoint>;
  stock: ReadonlyMap<string, readonly StockItem[]>;
  hospitals: Iterable<HospitalPoint>;
  shelters: Iterable<ShelterPoint>;
  hazards: Iterable<HazardPoint>;
  sluices: Iterable<SluicePoint>;
  pumps: Iterable<PumpPoint>;
  dikes: Iterable<DikePoint>;
  dangerousBuildings: Iterable<DangerousBuildingPoint>;
  ponding: Iterable<PondingPoint>;
  population: { grid: Omit<PopulationGrid, 'cells'> | null; cells: Iterable<PopulationCell> };
  slowdown: Slowdown;
  /** Passed in: shared reads no clock. */
  now: number;
  seq: number;
}

/** Shelters that cannot take anyone in are left out: the wall lists where people can go. */
export const shelterIsUsable = (s: { status: string }): boolean => s.status !== 'closed';

/** The straight-line radius of the supply circle under the current slowdown. */
export function supplyRadiusKm(slowdown: Slowdown): number {
  return reachKm(SUPPLY_CIRCLE_MINUTES, 'depot', slowdown);
}

/** The surroundings of a point: nearest forces, the one-hour supply circle, hospitals, shelters, people. */
export function surroundingsOf(input: SurroundingsInput): SurroundingsAnswer {
  const { centre, slowdown } = input;
  const measure = <P extends { id: string; lon: number; lat: number }>(points: Iterable<P>, kind: TripKind) => {
    const out: { p: P; km: number; eta: number; key: string }[] = [];
    for (const p of points) {
      const km = distanceKm(centre.lon, centre.lat, p.lon, p.lat);
      out.push({ p, km, eta: etaMinutes(km, kind, slowdown), key: 'category' in p ? `${String(p.category)}/${p.id}` : p.id });
    }
    // Nearest first; equal distances by category and id, so the order never depends on the candidates' order.
    return out.sort((a, b) => a.km - b.km || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };
  const place = <P extends { id: string; name: string; lon: number; lat: number; observedAt: number }>(m: { p: P; km: number; eta: number }) => ({
    id: m.p.id,
    name: m.p.name,
    lon: m.p.lon,
    lat: m.p.lat,
    distanceKm: Math.round(m.km * 1000) / 1000,
    etaMin: Math.round(m.eta * 10) / 10,
    observedAt: m.p.observedAt,
  });

  const teams = measure(input.teams, 'team')
    .slice(0, SURROUNDINGS_LIMITS.teams)
    .map((m): NearbyTeam => ({
      ...place(m),
      category: m.p.category,
      status: m.p.status,
      members: m.p.members,
      incidentId: m.p.incidentId,
      assignedHere: input.incident !== null && m.p.incidentId === input.incident.incidentId,
    }));

  const depot = (m: { p: DepotPoint; km: number; eta: number }): NearbyDepot => ({
    ...place(m),
    level: m.p.level,
    stock: (input.stock.get(m.p.id) ?? []).map((s) => ({ ...s })),
  });
  const depots = measure(input.depots, 'depot');
  const inCircle = depots.filter((m) => m.eta <= SUPPLY_CIRCLE_MINUTES);
  const outside = depots.find((m) => m.eta > SUPPLY_CIRCLE_MINUTES);

  const hospitals = measure(input.hospitals, 'hospital')
    .slice(0, SURROUNDINGS_LIMITS.hospitals)
    .map((m): NearbyHospital => ({ ...place(m), freeBeds: m.p.freeBeds, totalBeds: m.p.totalBeds, icuFree: m.p.icuFree, grade: m.p.grade }));

  const shelters = measure([...input.shelters].filter(shelterIsUsable), 'shelter')
    .slice(0, SURROUNDINGS_LIMITS.shelters)
    .map((m): NearbyShelter => ({
      ...place(m),
      category: m.p.category,
      capacity: m.p.capacity,
      occupancy: m.p.occupancy,
      free: Math.max(0, m.p.capacity - m.p.occupancy),
      status: m.p.status,
    }));

  const hazards = measure(input.hazards, 'team')
    .filter((m) => m.km <= HAZARD_RADIUS_KM)
    .slice(0, SURROUNDINGS_LIMITS.hazards)
    .map((m): NearbyHazard => ({
      id: m.p.id, name: m.p.name, lon: m.p.lon, lat: m.p.lat, distanceKm: Math.round(m.km * 1000) / 1000, observedAt: m.p.observedAt,
      category: m.p.category, status: m.p.status, households: m.p.households, overBy: m.p.overBy === null ? null : Math.round(m.p.overBy * 100) / 100,
    }));

  // Flood works and weak spots: each kind its own few within the radius, so a street full of manholes
  // never hides the sluice next to the incident; within a kind what needs attention first (a faulty pump,
  // water 30 cm deep), then the rest, each nearest first — five manholes being handled next door must
  // not push the flooded underpass 600 m away off the list.
  const watched = <P extends { id: string; lon: number; lat: number; alarm: boolean }>(points: Iterable<P>, kind: WatchKind): (P & { distanceKm: number })[] =>
    measure(points, 'team')
      .filter((m) => m.km <= HAZARD_RADIUS_KM)
      // Array sort is stable: the nearest-first order holds within the alarms and within the rest.
      .sort((a, b) => Number(b.p.alarm) - Number(a.p.alarm))
      .slice(0, SURROUNDINGS_LIMITS[kind])
      .map((m) => ({ ...m.p, distanceKm: Math.round(m.km * 1000) / 1000 }));

  const grid = input.population.grid;
  return {
    asOf: input.now,
    seq: input.seq,
    centre: { lon: centre.lon, lat: centre.lat, district: centre.district },
    incident: input.incident ? { ...input.incident } : null,
    travel: { windingFactor: ROAD_WINDING_FACTOR, speedsKmh: { ...SPEED_KMH }, slowdown: slowdown.factor, reasons: slowdown.reasons.map((r) => ({ ...r })) },
    teams,
    supplyCircle: {
      minutes: SUPPLY_CIRCLE_MINUTES,
      radiusKm: Math.round(supplyRadiusKm(slowdown) * 1000) / 1000,
      depots: inCircle.map(depot),
      nearestOutside: outside ? depot(outside) : null,
    },
    hospitals,
    shelters,
    hazards,
    sluices: watched(input.sluices, 'sluices'),
    pumps: watched(input.pumps, 'pumps'),
    dikes: watched(input.dikes, 'dikes'),
    dangerousBuildings: watched(input.dangerousBuildings, 'dangerousBuildings'),
    ponding: watched(input.ponding, 'ponding'),
    population: {
      gridId: grid?.gridId ?? null,
      observedAt: grid?.observedAt ?? null,
      rings: populationWithin(grid ? input.population.cells : [], centre.lon, centre.lat, POPULATION_RADII_KM),
    },
  };
}

import {
  POINT_CATEGORIES,
  pointKindsChangedBy,
  POPULATION_RADII_KM,
  readDangerousBuildings,
  readDepots,
  readDikes,
  readHazards,
  readHospitals,
  readPonding,
  readPopulation,
  readPumps,
  readShelters,
  readSluices,
  readStock,
  readTeams,
  roadConditions,
  shelterIsUsable,
  supplyRadiusKm,
  SURROUNDINGS_LIMITS,
  surroundingsOf,
  type DangerousBuildingPoint,
  type DepotPoint,
  type DikePoint,
  type HazardPoint,
  type HospitalPoint,
  type IncidentSummary,
  type LiveState,
  type PointKind,
  type PondingPoint,
  type PopulationCell,
  type PopulationGrid,
  type PumpPoint,
  type Region,
  type ShelterPoint,
  type SluicePoint,
  type StockItem,
  type SurroundingsAnswer,
  type StateDelta,
  type SurroundingsInput,
  type TeamPoint,
} from '@beacon/shared';
import { PointIndex } from './point-index.ts';

/** The kinds each category feeds: most feed one, sluice-pump feeds two (sluices and pumping stations). */
const KINDS_OF_CATEGORY = new Map<string, PointKind[]>();
for (const [kind, cats] of Object.entries(POINT_CATEGORIES) as [PointKind, readonly string[]][]) {
  for (const c of cats) KINDS_OF_CATEGORY.set(c, [...(KINDS_OF_CATEGORY.get(c) ?? []), kind]);
}

interface Built {
  teams: PointIndex<TeamPoint>;
  depots: PointIndex<DepotPoint>;
  stock: Map<string, StockItem[]>;
  hospitals: PointIndex<HospitalPoint>;
  shelters: PointIndex<ShelterPoint>;
  hazards: PointIndex<HazardPoint>;
  sluices: PointIndex<SluicePoint>;
  pumps: PointIndex<PumpPoint>;
  dikes: PointIndex<DikePoint>;
  dangerousBuildings: PointIndex<DangerousBuildingPoint>;
  ponding: PointIndex<PondingPoint>;
  population: { grid: Omit<PopulationGrid, 'cells'> | null; cells: PointIndex<PopulationCell> };
}

const build: { [K in PointKind]: (s: LiveState) => Built[K] } = {
  teams: (s) => new PointIndex(readTeams(s)),
  depots: (s) => new PointIndex(readDepots(s)),
  stock: (s) => readStock(s),
  hospitals: (s) => new PointIndex(readHospitals(s)),
  shelters: (s) => new PointIndex(readShelters(s)),
  hazards: (s) => new PointIndex(readHazards(s)),
  sluices: (s) => new PointIndex(readSluices(s)),
  pumps: (s) => new PointIndex(readPumps(s)),
  dikes: (s) => new PointIndex(readDikes(s)),
  dangerousBuildings: (s) => new PointIndex(readDangerousBuildings(s)),
  ponding: (s) => new PointIndex(readPonding(s)),
  population: (s) => {
    const grid = readPopulation(s);
    return { grid: grid && { gridId: grid.gridId, observedAt: grid.observedAt }, cells: new PointIndex(grid?.cells ?? []) };
  },
};

/**
 * Candidates for a kind listed alarms first (surroundingsOf): the n nearest in alarm and the n nearest
 * not, each with its ties — whatever mix the answer takes, its members are among them.
 */
function watched<P extends { lon: number; lat: number; alarm: boolean }>(index: PointIndex<P>, lon: number, lat: number, n: number): P[] {
  return [...index.nearest(lon, lat, n, (p) => p.alarm), ...index.nearest(lon, lat, n, (p) => !p.alarm)];
}

/**
 * The points of interest of live state in spatial indexes, one per kind (teams, depots, hospitals,
 * shelters, hazards, sluices, pumps, dikes, dangerous buildings, ponding, population cells; depot
 * stock as a map by depot).
 *
 * Updates: the engine's `applied` deltas say which categories changed (`noteApplied`); that kind is
 * rebuilt from the engine's state on the first query after the change, never sooner. So an answer
 * is never stale, a burst of a thousand team positions costs one rebuild, and a kind that did not
 * change — the 100,000-cell population grid between its 5-minute refreshes — is never rebuilt
 * because a team moved. Re-reading and re-indexing 6,000 teams costs a few milliseconds, once per
 * query at most; a dynamic tree (rbush insert/remove) would save that but answer nearest-first on
 * a flat plane, not on the sphere. Figures: tests/bench/surroundings.bench.ts.
 */
export class SurroundingsIndex {
  readonly #state: () => LiveState;
  readonly #region: Region;
  readonly #dirty = new Set<PointKind>(Object.keys(POINT_CATEGORIES) as PointKind[]);
  readonly #built: Partial<Built> = {};
  #rebuilds = 0;

  constructor(state: () => LiveState, region: Region) {
    this.#state = state;
    this.#region = region;
  }

  /** What an applied delta changed: its categories, and the teams when a command changed. */
  noteApplied(delta: Pick<StateDelta, 'latest' | 'command'>): void {
    for (const kind of pointKindsChangedBy(delta)) this.#dirty.add(kind);
  }

  /** Categories whose records changed (the keys of an applied delta's `latest`). */
  noteChanged(categories: Iterable<string>): void {
    for (const c of categories) {
      for (const kind of KINDS_OF_CATEGORY.get(c) ?? []) this.#dirty.add(kind);
    }
  }

  /** How many kind indexes have been (re)built so far: for tests and the benchmark. */
  get rebuilds(): number {
    return this.#rebuilds;
  }

  /** The surroundings of a point, from the engine's state now; the same answer as `scanSurroundings`. */
  query(centre: SurroundingsInput['centre'], incident: IncidentSummary | null, now: number): SurroundingsAnswer {
    const state = this.#state();
    const b = this.#fresh(state);
    const { lon, lat } = centre;
    const slowdown = roadConditions(state, this.#region, centre.district, now);
    // Depots: all inside the circle, then one more (and any as far) for the nearest outside it.
    const inCircle = b.depots.countWithinKm(lon, lat, supplyRadiusKm(slowdown));
    const outerKm = POPULATION_RADII_KM.reduce((a, r) => Math.max(a, r), 0);
    return surroundingsOf({
      centre,
      incident,
      teams: b.teams.nearest(lon, lat, SURROUNDINGS_LIMITS.teams),
      depots: b.depots.nearest(lon, lat, inCircle + 1),
      stock: b.stock,
      hospitals: b.hospitals.nearest(lon, lat, SURROUNDINGS_LIMITS.hospitals),
      shelters: b.shelters.nearest(lon, lat, SURROUNDINGS_LIMITS.shelters, shelterIsUsable),
      // Only hazards now are indexed (readHazards); the radius is applied by surroundingsOf.
      hazards: b.hazards.nearest(lon, lat, SURROUNDINGS_LIMITS.hazards),
      // Likewise only what is watched now is indexed (no patrol off duty, no normal manhole, no dry point).
      sluices: watched(b.sluices, lon, lat, SURROUNDINGS_LIMITS.sluices),
      pumps: watched(b.pumps, lon, lat, SURROUNDINGS_LIMITS.pumps),
      dikes: watched(b.dikes, lon, lat, SURROUNDINGS_LIMITS.dikes),
      dangerousBuildings: watched(b.dangerousBuildings, lon, lat, SURROUNDINGS_LIMITS.dangerousBuildings),
      ponding: watched(b.ponding, lon, lat, SURROUNDINGS_LIMITS.ponding),
      population: { grid: b.population.grid, cells: b.population.grid ? b.population.cells.inBoxAroundKm(lon, lat, outerKm) : [] },
      slowdown,
      now,
      seq: state.seq,
    });
  }

  #fresh(state: LiveState): Built {
    for (const kind of this.#dirty) {
      (this.#built as Record<PointKind, unknown>)[kind] = build[kind](state);
      this.#rebuilds++;
    }
    this.#dirty.clear();
    return this.#built as Built;
  }
}

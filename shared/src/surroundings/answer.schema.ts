// The surroundings answer, defined once: the server validates and documents its response with it,
// the screen and the tests read the same shape through `Static`.
import Type from 'typebox';
import type { TSchema } from 'typebox';

const LocalNameSchema = Type.Object({ zh: Type.String(), en: Type.String() });

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** What every nearby thing carries: where it is, how far, and how long a trip takes. */
const nearby = {
  id: Type.String({ description: 'The entity id in its category (teamId, depotId, hospitalId …).' }),
  name: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  distanceKm: Type.Number({ description: 'Great-circle distance to the centre, km (to the metre).' }),
  etaMin: Type.Number({ description: 'Estimated travel time, minutes (to 0.1 min); the model is in `travel`.' }),
  observedAt: Type.Number({ description: 'When its source last reported it, epoch ms.' }),
};

export const NearbyTeamSchema = Type.Object({
  ...nearby,
  category: Type.Union([Type.Literal('rescue-team'), Type.Literal('fire-station')]),
  status: nullable(Type.String({ description: 'standby, dispatched, on-site, returning, resting; null for a fire station.' })),
  members: Type.Integer({ description: 'People available (a fire station: firefighters on strength).' }),
  incidentId: nullable(Type.String({ description: 'The incident the team is dispatched to, if any.' })),
  assignedHere: Type.Boolean({ description: 'true if dispatched to or working on this incident.' }),
});

export const StockLineSchema = Type.Object({ item: Type.String(), quantity: Type.Integer(), unit: Type.String() });

export const NearbyDepotSchema = Type.Object({
  ...nearby,
  level: nullable(Type.String({ description: 'city, district or town.' })),
  stock: Type.Array(StockLineSchema, { description: 'Items held now (depot-stock records of this depot), by item.' }),
});

export const NearbyHospitalSchema = Type.Object({
  ...nearby,
  freeBeds: Type.Integer(),
  totalBeds: Type.Integer(),
  icuFree: nullable(Type.Integer()),
  grade: nullable(Type.String()),
});

export const NearbyShelterSchema = Type.Object({
  ...nearby,
  category: Type.Union([Type.Literal('shelter'), Type.Literal('resettlement-site'), Type.Literal('school-shelter')]),
  capacity: Type.Integer(),
  occupancy: Type.Integer(),
  free: Type.Integer({ description: 'capacity − occupancy, never below 0.' }),
  status: Type.String({ description: 'open or full (closed shelters are left out).' }),
});

export const NearbyHazardSchema = Type.Object({
  id: Type.String({ description: 'The entity id in its category (closureId, controlId, outageId, siteId, stationId).' }),
  name: Type.String({ description: 'The road, control point, feeder or station; a base station\'s site id.' }),
  lon: Type.Number(),
  lat: Type.Number(),
  distanceKm: Type.Number({ description: 'Great-circle distance to the centre, km (to the metre).' }),
  observedAt: Type.Number({ description: 'When its source last reported it, epoch ms.' }),
  category: Type.Union([
    Type.Literal('road-closure'), Type.Literal('traffic-control'), Type.Literal('power-outage'), Type.Literal('base-station-outage'),
    Type.Literal('reservoir-level'), Type.Literal('river-level'), Type.Literal('tide-level'),
  ]),
  status: nullable(Type.String({ description: 'The record\'s status (closed, restricted, active, out, repairing, down); null for stations.' })),
  households: nullable(Type.Integer({ description: 'Households without power (power outages only).' })),
  overBy: nullable(Type.Number({ description: 'How far above its warning or flood-limit level a station is: m (rivers, reservoirs) or cm (tides).' })),
});

/**
 * What every flood work or weak spot near the incident carries (sluices, pumps, dikes, dangerous
 * buildings, manholes and ponding points): where, how far, who reports it and its state now. No ETA:
 * nobody is sent from them; the hall needs to know they are there and whom to call.
 */
const watched = {
  id: Type.String({ description: 'The entity id in its category (facilityId, pumpId, patrolId, buildingId, manholeId, pointId).' }),
  name: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  distanceKm: Type.Number({ description: 'Great-circle distance to the centre, km (to the metre).' }),
  observedAt: Type.Number({ description: 'When its source last reported it, epoch ms.' }),
  department: Type.String({ description: 'The department that reports it (water, municipal, construction).' }),
  alarm: Type.Boolean({ description: 'Needs attention now: a fault or no telemetry, a hazard found on a dike, residents still inside, a manhole alarm, water ≥ 15 cm.' }),
};

export const NearbySluiceSchema = Type.Object({
  ...watched,
  category: Type.Literal('sluice-pump'),
  status: Type.String({ description: 'open, closed or fault.' }),
  gateOpeningM: nullable(Type.Number({ description: 'Gate opening, m.' })),
  flowM3s: nullable(Type.Number({ description: 'Flow through the gate, m³/s.' })),
});

export const NearbyPumpSchema = Type.Object({
  ...watched,
  category: Type.Union([Type.Literal('sluice-pump'), Type.Literal('drainage-pump')]),
  status: Type.String({ description: 'running or stopped (water resources\' pumping stations); running, standby or offline (municipal drainage pumps); fault.' }),
  pumpsRunning: nullable(Type.Integer()),
  pumpsTotal: nullable(Type.Integer()),
  flowM3s: nullable(Type.Number({ description: 'Pumped flow, m³/s.' })),
  mobile: Type.Boolean({ description: 'A mobile pump truck rather than a fixed station.' }),
});

export const NearbyDikeSchema = Type.Object({
  ...watched,
  category: Type.Literal('dike-patrol'),
  status: Type.String({ description: 'patrolling or hazard-found (sections whose patrol is off duty are left out).' }),
  hazard: nullable(Type.String({ description: 'The danger found: seepage, piping, slump, crack, overtopping, wave-erosion.' })),
  patrollers: Type.Integer(),
});

export const NearbyDangerousBuildingSchema = Type.Object({
  ...watched,
  category: Type.Literal('dangerous-building'),
  status: Type.String({ description: 'evacuated (every resident out) or not-evacuated.' }),
  grade: nullable(Type.String({ description: 'Danger grade C or D.' })),
  residents: Type.Integer(),
  evacuated: Type.Integer(),
});

export const NearbyPondingSchema = Type.Object({
  ...watched,
  category: Type.Union([Type.Literal('manhole-alert'), Type.Literal('waterlogging-point')]),
  status: Type.String({ description: 'Manholes: alarm or handling (normal ones are left out). Waterlogging points: ponding from 15 cm, else shallow (dry ones are left out).' }),
  alarmKind: nullable(Type.String({ description: 'What a manhole\'s sensor reports: cover-displaced, overflow, gas.' })),
  depthCm: nullable(Type.Number({ description: 'Standing water, cm (waterlogging points).' })),
});

export const PopulationRingSchema = Type.Object({
  radiusKm: Type.Number(),
  people: Type.Integer({ description: 'People in grid cells whose centre lies within radiusKm.' }),
});

export const SurroundingsAnswerSchema = Type.Object({
  asOf: Type.Number({ description: 'Server time of the answer, epoch ms.' }),
  seq: Type.Integer({ description: 'The log sequence of the live state the answer was read from.' }),
  centre: Type.Object({ lon: Type.Number(), lat: Type.Number(), district: nullable(Type.String()) }),
  incident: nullable(
    Type.Object({
      incidentId: Type.String(),
      title: Type.String(),
      kind: Type.String(),
      severity: Type.String(),
      status: Type.String(),
    }),
  ),
  travel: Type.Object(
    {
      windingFactor: Type.Number({ description: 'Road distance ÷ straight-line distance.' }),
      speedsKmh: Type.Object({ team: Type.Number(), depot: Type.Number(), hospital: Type.Number(), shelter: Type.Number() }),
      slowdown: Type.Number({ description: 'Travel times are multiplied by this (1: normal roads).' }),
      reasons: Type.Array(LocalNameSchema, { description: 'Why trips are slowed (heavy rain, waterlogging).' }),
    },
    { description: 'ETA = distance × windingFactor ÷ speed × slowdown.' },
  ),
  teams: Type.Array(NearbyTeamSchema, { description: 'Nearest rescue teams and fire stations, nearest first.' }),
  supplyCircle: Type.Object({
    minutes: Type.Number(),
    radiusKm: Type.Number({ description: 'The straight-line distance a supply truck covers in `minutes` now.' }),
    depots: Type.Array(NearbyDepotSchema, { description: 'Every depot whose trucks arrive within `minutes`, soonest first.' }),
    nearestOutside: nullable(NearbyDepotSchema),
  }),
  hospitals: Type.Array(NearbyHospitalSchema, { description: 'Nearest hospitals, nearest first.' }),
  shelters: Type.Array(NearbyShelterSchema, { description: 'Nearest open or full shelters, nearest first.' }),
  hazards: Type.Array(NearbyHazardSchema, {
    description: 'Within 5 km, nearest first: roads closed, traffic controls in force, power and base-station outages, river, reservoir and tide stations over their levels.',
  }),
  sluices: Type.Array(NearbySluiceSchema, { description: 'Within 5 km, those in alarm first, then nearest first: sluice gates (水闸).' }),
  pumps: Type.Array(NearbyPumpSchema, { description: 'Within 5 km, those in alarm first, then nearest first: pumping stations and drainage pumps (泵站).' }),
  dikes: Type.Array(NearbyDikeSchema, { description: 'Within 5 km, those in alarm first, then nearest first: dike and seawall sections under patrol (堤防/海堤).' }),
  dangerousBuildings: Type.Array(NearbyDangerousBuildingSchema, { description: 'Within 5 km, those in alarm first, then nearest first: dangerous buildings (危房).' }),
  ponding: Type.Array(NearbyPondingSchema, { description: 'Within 5 km, those in alarm first, then nearest first: manholes in alarm or being handled and waterlogging points with water standing (窨井/积水点).' }),
  population: Type.Object({
    gridId: nullable(Type.String()),
    observedAt: nullable(Type.Number()),
    rings: Type.Array(PopulationRingSchema, { description: 'People within 1, 3 and 5 km (each ring includes the smaller ones).' }),
  }),
});

export type NearbyTeam = Type.Static<typeof NearbyTeamSchema>;
export type StockLine = Type.Static<typeof StockLineSchema>;
export type NearbyDepot = Type.Static<typeof NearbyDepotSchema>;
export type NearbyHospital = Type.Static<typeof NearbyHospitalSchema>;
export type NearbyShelter = Type.Static<typeof NearbyShelterSchema>;
export type NearbyHazard = Type.Static<typeof NearbyHazardSchema>;
export type NearbySluice = Type.Static<typeof NearbySluiceSchema>;
export type NearbyPump = Type.Static<typeof NearbyPumpSchema>;
export type NearbyDike = Type.Static<typeof NearbyDikeSchema>;
export type NearbyDangerousBuilding = Type.Static<typeof NearbyDangerousBuildingSchema>;
export type NearbyPonding = Type.Static<typeof NearbyPondingSchema>;
export type PopulationRing = Type.Static<typeof PopulationRingSchema>;
export type SurroundingsAnswer = Type.Static<typeof SurroundingsAnswerSchema>;

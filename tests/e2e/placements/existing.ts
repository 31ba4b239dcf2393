// Where the categories the screens showed before issue #15 show (its "every one of the 56 categories
// on a screen"): the wall's panels and one-map legend, and the console's incident level, for those not
// placed by defence.ts, layers.ts or console.ts. Each selector matches only once a record of the
// category has been folded and shown. Proven by tests/e2e/every-category.test.ts.
//
// What a record must say to be shown at all (the catalog's example record says it, observed now, except
// where `inForce` below applies):
// - warnings and the duty roster show only what is in force: the example's expiresAt / shiftEnd equal its
//   observedAt, so an example sent as-is is over on arrival and rightly not shown. `inForce` moves those
//   two fields an hour ahead — the only change made to an example record.
// - the typhoon is drawn while its track is recent (activeTyphoons): send it observed now.
// - a rain gauge is accepted only under a registered station id (GET /api/v1/rain-gauges); the example's
//   sample id is not one, so `asSent` gives it the first registered gauge's id.

import { xiamen } from '@beacon/shared';

export interface Placement {
  category: string;
  screen: 'wall' | 'console';
  path: string;
  selector: string;
  why: string;
}

/** The example incident's id (the catalog's sample id); its console level lists what is around it. */
export const EXAMPLE_INCIDENT = 'XM-SAMPLE_01';
const INCIDENT_LEVEL = `/console?view=${encodeURIComponent(`incident:${EXAMPLE_INCIDENT}`)}`;

/** Fields that end a record's time in force: a warning's expiry, a duty shift's end. */
const END_FIELDS = ['expiresAt', 'shiftEnd'] as const;

/** An example record still in force an hour from `now` (a warning not yet expired, a shift not yet over). */
export function inForce(record: Record<string, unknown>, now: number): Record<string, unknown> {
  const out = { ...record };
  for (const f of END_FIELDS) if (f in out) out[f] = new Date(now + 3_600_000).toISOString();
  return out;
}

/** The example record as a department would send it to be shown now: in force, under a registered gauge. */
export function asSent(category: string, record: Record<string, unknown>, now: number): Record<string, unknown> {
  const out = inForce(record, now);
  if (category === 'rain-gauge') out.stationId = xiamen.rainGauges[0]!.id;
  return out;
}

const wall = (category: string, selector: string, why: string): Placement => ({ category, screen: 'wall', path: '/wall', selector, why });

/** A one-map legend row (canvas layers: the row carries the layer's count, or its records where it shows no count). */
const legendRow = (layer: string, attribute: 'data-count' | 'data-records' = 'data-count') =>
  `[data-testid="map-legend"] [data-layer="${layer}"]:not([${attribute}="0"])`;

/** A warning in force, in the wall's warnings panel (生效预警), from the given feed. */
const warning = (category: string, why: string) =>
  wall(category, `[data-testid="warnings"] [data-testid="warning-row"][data-category="${category}"]`, why);

/** A row of the surroundings (周边资源) on the console's incident level, from the given category. */
const nearby = (category: string, row: 'team' | 'shelter', why: string): Placement => ({
  category, screen: 'console', path: INCIDENT_LEVEL, selector: `[data-testid="surroundings-${row}"][data-category="${category}"]`, why,
});

export const placements: readonly Placement[] = [
  warning('weather-warning', 'a weather warning in force, by colour, with its areas (生效预警)'),
  warning('storm-surge-warning', 'a storm-surge warning in force (生效预警)'),
  warning('flash-flood-warning', 'a flash-flood warning in force (生效预警)'),
  warning('geohazard-warning', 'a geohazard warning in force (生效预警)'),
  wall('incident', '[data-testid="incidents"] [data-testid="incident-row"]', 'an open incident in the incidents panel (突发事件), most severe first'),
  wall('rescue-team', '[data-testid="forces"] [data-testid="team-status"]:not([data-teams="0"])', 'rescue teams and people by status in the forces and supplies panel (力量与物资)'),
  wall('depot-stock', '[data-testid="stock"] [data-testid="stock-item"]', 'stock summed over depots, flood-fighting kit first, in the forces and supplies panel (力量与物资)'),
  wall('duty-roster', '[data-testid="duty-roster"] [data-testid="duty-row"]', 'who is on shift now in the duty panel (值班值守)'),
  wall('rain-gauge', '[data-testid="rain-ranking"] [data-testid="rain-ranking-row"]', 'a gauge in the 1-hour rainfall ranking (1小时雨量排名), also on the one-map\'s rain layer'),
  wall('typhoon-track', legendRow('typhoon'), 'the typhoon with its cone and wind radii on the one-map (台风路径), counted in the legend; named with its wind and distance in the header'),
  wall('geohazard-point', legendRow('geohazard'), 'a geohazard point on the one-map (地灾隐患点), counted in the legend'),
  wall('waterlogging-point', legendRow('waterlogging'), 'a waterlogging point on the one-map (内涝点), counted in the legend'),
  wall('shelter', legendRow('shelter'), 'an open shelter on the one-map (避灾点), counted in the legend; open shelters and people housed in the forces and supplies panel'),
  wall('supply-depot', legendRow('depot'), 'a supply depot on the one-map (物资储备库), counted in the legend'),
  wall('population-heat', legendRow('population', 'data-records'), 'the population heat layer on the one-map (人口热力); the legend shows no count, its row carries the grids drawn from'),
  nearby('fire-station', 'team', 'a fire station near the incident, with distance and ETA, on the console\'s incident level (周边资源)'),
  nearby('resettlement-site', 'shelter', 'a resettlement site near the incident with its free places, on the console\'s incident level (周边资源)'),
  nearby('school-shelter', 'shelter', 'a school used as a shelter near the incident with its free places, on the console\'s incident level (周边资源)'),
];

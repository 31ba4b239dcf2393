import { CATEGORY_LAYER_SPECS } from '@beacon/shared';

/**
 * Where each category of the one-map's layer groups shows (issue 15's "every category on a screen").
 * The map is a canvas: its legend carries, per category, a swatch whose `data-count` is what that
 * category has on the map now, so a selector matches once a record of it has been folded and shown.
 * Proven by tests/e2e/map-layers.test.ts, which sends each category's example record through the API.
 */
export const layerSelector = (category: string) => `[data-testid="map-legend"] [data-testid="map-legend-category"][data-category="${category}"]:not([data-count="0"])`;

const why: Record<string, string> = {
  'reservoir-level': 'reservoir on the one-map, coloured by its flood-season limit (layer 水情站点)',
  'river-level': 'river station on the one-map, coloured by its warning level (水情站点)',
  'tide-level': 'tide station with a position on the one-map, coloured by its warning tide (水情站点)',
  'wave-height': 'buoy on the one-map, coloured by wave-warning heights (水情站点)',
  'wind-station': 'wind station on the one-map, coloured by wind force 6/8/10 (风速雷电)',
  lightning: 'strikes counted at the district centre (风速雷电)',
  'dangerous-building': 'dangerous building, red for grade D until its residents are out (隐患监测)',
  'manhole-alert': 'manhole in alarm or being handled (隐患监测)',
  'displacement-monitor': 'displacement monitor, coloured by mm/day (隐患监测)',
  'enterprise-risk': 'enterprise by its four-colour risk grade (隐患监测)',
  'early-warning-terminal': 'earthquake early-warning terminal, offline/fault highlighted (隐患监测)',
  'earthquake-report': 'earthquake report counted; drawn when its epicentre is near the city (隐患监测)',
  'sluice-pump': 'sluice or pumping station (闸泵堤防)',
  'drainage-pump': 'drainage pump (闸泵堤防)',
  'dike-patrol': 'dike patrol on duty, red when a hazard is found (闸泵堤防)',
  'road-closure': 'road closed or restricted (封路管制)',
  'traffic-control': 'traffic control point in force (封路管制)',
  'power-outage': 'feeder out, coloured by households without power (停电断网)',
  'base-station-outage': 'base station down or on backup (停电断网)',
  'repair-crew': 'power repair crew (停电断网)',
  'emergency-comms-vehicle': 'emergency comms vehicle (停电断网)',
  'hospital-beds': 'hospital, coloured by free beds (医疗救护)',
  ambulance: 'ambulance in service (医疗救护)',
  'police-deployment': 'police unit (警力专家)',
  expert: 'expert available or on call: counted in the legend (an expert has no position) (警力专家)',
};

export const placements: readonly { category: string; screen: 'wall' | 'console'; path: string; selector: string; why: string }[] = CATEGORY_LAYER_SPECS.map((spec) => ({
  category: spec.category,
  screen: 'wall' as const,
  path: '/wall',
  selector: layerSelector(spec.category),
  why: why[spec.category] ?? `on the one-map's ${spec.layer} layer`,
}));

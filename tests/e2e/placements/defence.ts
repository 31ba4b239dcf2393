// Where the typhoon-defence categories show (issue #15, item 1): a row each in the wall's
// 防御工作落实 panel. A row carries `data-entities`, the number of the category's records folded into
// live state, so the selector matches only once a record has arrived and is on screen — whatever the
// record says (the catalog's example school is open, its example reservoir below its limit).
// tests/e2e/defence.test.ts sends each example record through the public ingest API and finds these.

export interface Placement {
  category: string;
  screen: 'wall' | 'console';
  path: string;
  selector: string;
  why: string;
}

const row = (category: string) => `[data-testid="defence-figure"][data-category="${category}"]:not([data-entities="0"])`;

const onDefencePanel = (category: string, why: string): Placement => ({ category, screen: 'wall', path: '/wall', selector: row(category), why });

/** The defence panel is on the wall at city and district focus (and at an incident on a 32:9 wall). */
export const placements: readonly Placement[] = [
  onDefencePanel('evacuation', 'people moved to safety (转移人员), summed over areas, with its hourly trend'),
  onDefencePanel('fishing-boat', 'fishing boats back in port against the boats registered, with a progress bar and boats still at sea'),
  onDefencePanel('ferry-suspension', 'ferry routes suspended of the routes reported'),
  onDefencePanel('school-closure', 'schools closed of the schools reported'),
  onDefencePanel('construction-site-stop', 'construction sites stopped of the sites reported'),
  onDefencePanel('tower-crane', 'tower cranes secured of the cranes reported, with progress and the number still unsecured'),
  onDefencePanel('power-outage', 'households without power (feeders not yet restored)'),
  onDefencePanel('base-station-outage', 'base stations down'),
  onDefencePanel('road-closure', 'roads closed or restricted'),
  onDefencePanel('traffic-control', 'traffic control points in force'),
  onDefencePanel('fallen-tree', 'fallen trees not yet cleared'),
  onDefencePanel('reservoir-level', 'reservoirs over their flood-season limit level (汛限水位), of the reservoirs reported'),
  onDefencePanel('river-level', 'river stations over their warning level (警戒水位), of the stations reported'),
  onDefencePanel('tide-level', 'tide stations over their warning tide level (警戒潮位), of the stations reported'),
  onDefencePanel('casualty-report', 'casualties: dead, injured and missing summed over reports'),
];

// Where the console shows each category it places (issue #15: every one of the 56 categories on a
// screen). Each selector matches only once a record of the category (the catalog's example record,
// shared/src/categories/catalog/example-record.ts) has been folded and shown; none depends on the
// record's time. Proven by tests/e2e/console-figures.test.ts.

export interface Placement {
  category: string;
  screen: 'wall' | 'console';
  path: string;
  selector: string;
  why: string;
}

/** The console at a district (the example records name 思明区; the example tide station's point lies in 翔安区). */
const district = (name: string) => `/console?view=${encodeURIComponent(`district:${name}`)}`;
const SIMING = district('思明区');
const XIANG_AN = district('翔安区');

/** A defence figure of the district level that has read at least one record of the category. */
const figure = (category: string, path: string, why: string): Placement => ({
  category, screen: 'console', path, selector: `[data-testid="area-figure"][data-category="${category}"]:not([data-records="0"])`, why,
});

/** A call or report in the district level's newest calls and reports. */
const report = (category: string, why: string): Placement => ({
  category, screen: 'console', path: SIMING, selector: `[data-testid="area-report"][data-category="${category}"]`, why,
});

export const placements: readonly Placement[] = [
  figure('evacuation', SIMING, 'people moved to safety (转移人员), summed for the area'),
  figure('fishing-boat', SIMING, 'fishing boats in port, with progress toward the boats registered'),
  figure('ferry-suspension', SIMING, 'ferry routes suspended'),
  figure('school-closure', SIMING, 'schools closed, of the schools on record'),
  figure('construction-site-stop', SIMING, 'building sites stopped, of the sites on record'),
  figure('tower-crane', SIMING, 'tower cranes secured, of the cranes on record'),
  figure('power-outage', SIMING, 'households without power'),
  figure('base-station-outage', SIMING, 'base stations down'),
  figure('road-closure', SIMING, 'roads closed'),
  figure('traffic-control', SIMING, 'traffic controls in force'),
  figure('fallen-tree', SIMING, 'fallen trees not yet cleared'),
  figure('reservoir-level', SIMING, 'reservoirs over their flood-season limit'),
  figure('river-level', SIMING, 'river stations over their warning level'),
  figure('tide-level', XIANG_AN, 'tide stations over their warning level (the example station stands in 翔安区)'),
  figure('casualty-report', SIMING, 'dead, injured and missing'),
  report('fire-call', '119 calls among the district\'s newest calls and reports (and in the calls-by-district chart)'),
  report('informant-report', 'disaster informants\' reports among the district\'s newest calls and reports'),
  report('accident-report', '122 accident reports among the district\'s newest calls and reports'),
  {
    category: 'traffic-flow', screen: 'console', path: SIMING, selector: '[data-testid="area-traffic"] [data-testid="traffic-segment"]',
    why: 'the district\'s road segments, most congested first',
  },
  {
    category: 'bus-service', screen: 'console', path: SIMING, selector: '[data-testid="area-buses"] [data-testid="bus-line"]',
    why: 'the district\'s bus lines, those not running normally first',
  },
];

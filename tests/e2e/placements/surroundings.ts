// Where the flood works and weak spots show around an incident (issue #15: the commanders asked for
// sluices, pumping stations, dikes, dangerous buildings, manholes and ponding points near it): a row of
// the surroundings (周边资源) on the console's incident level, marked with its category. These
// categories are on the wall's one-map too (layers.ts); this is their second place.
//
// The catalog's example records all stand at the same point as the example incident, so each is 0 km
// from it, and each says what makes it listed: the example sluice-pump is a sluice (open), the dike
// patrol is patrolling, the manhole is in alarm, the waterlogging point holds 10 cm of water. A selector
// matches only once its record has been folded and the surroundings answered. Proven by
// tests/e2e/every-category.test.ts.

import { EXAMPLE_INCIDENT, type Placement } from './existing.ts';

const INCIDENT_LEVEL = `/console?view=${encodeURIComponent(`incident:${EXAMPLE_INCIDENT}`)}`;

const watched = (category: string, why: string): Placement => ({
  category, screen: 'console', path: INCIDENT_LEVEL, selector: `[data-testid="surroundings-watch-row"][data-category="${category}"]`, why,
});

export const placements: readonly Placement[] = [
  watched('sluice-pump', 'a sluice or pumping station near the incident with its department, status (open/closed, pumps running) and distance (周边资源)'),
  watched('drainage-pump', 'a drainage pump near the incident with its department, status and distance (周边资源)'),
  watched('dike-patrol', 'a dike or seawall section under patrol near the incident, patrolling or with the hazard found (周边资源)'),
  watched('dangerous-building', 'a dangerous building near the incident, with its grade and residents moved out (周边资源)'),
  watched('manhole-alert', 'a manhole in alarm or being handled near the incident (周边资源)'),
  watched('waterlogging-point', 'a ponding point near the incident with its standing water (周边资源)'),
];

import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;

// Reservoir and river levels carry no city-wide thresholds: every station has its own flood-limit,
// warning and guarantee levels (in the record), so the grade is judged per station against them.

/** 水利局: reservoirs, rivers, flash floods, sluices and pumping stations, dike patrols. */
export const waterCategories: readonly CategoryDefinition[] = [
  {
    id: 'reservoir-level',
    department: 'water',
    name: { zh: '水库水位', en: 'Reservoir levels' },
    kind: 'observation',
    geometry: 'point',
    idField: 'stationId',
    valueField: 'levelM',
    unit: 'm',
    // Hourly in normal times; every 10 minutes once a flood response is on.
    expectedIntervalMs: 10 * MINUTE,
    transports: ['pull'],
  },
  {
    id: 'river-level',
    department: 'water',
    name: { zh: '河道水位', en: 'River levels' },
    kind: 'observation',
    geometry: 'point',
    idField: 'stationId',
    valueField: 'levelM',
    unit: 'm',
    expectedIntervalMs: 5 * MINUTE,
    transports: ['mqtt'],
  },
  {
    id: 'flash-flood-warning',
    department: 'water',
    name: { zh: '山洪预警', en: 'Flash-flood warnings' },
    kind: 'alert',
    geometry: 'area',
    idField: 'alertId',
    expectedIntervalMs: 30 * MINUTE,
    transports: ['cap'],
  },
  {
    id: 'sluice-pump',
    department: 'water',
    name: { zh: '水闸泵站', en: 'Sluices and pumping stations' },
    kind: 'entity',
    geometry: 'point',
    idField: 'facilityId',
    expectedIntervalMs: 10 * MINUTE,
  },
  {
    id: 'dike-patrol',
    department: 'water',
    name: { zh: '堤防巡查', en: 'Dike patrols' },
    kind: 'entity',
    geometry: 'point',
    idField: 'patrolId',
    expectedIntervalMs: 15 * MINUTE,
  },
];

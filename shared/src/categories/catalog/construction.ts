import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;

/** 建设局: construction sites stopped, tower cranes secured, dangerous buildings evacuated. */
export const constructionCategories: readonly CategoryDefinition[] = [
  {
    id: 'construction-site-stop',
    department: 'construction',
    name: { zh: '工地停工', en: 'Construction sites stopped' },
    kind: 'entity',
    geometry: 'point',
    idField: 'siteId',
    expectedIntervalMs: 15 * MINUTE,
  },
  {
    id: 'tower-crane',
    department: 'construction',
    name: { zh: '塔吊加固', en: 'Tower cranes' },
    kind: 'entity',
    geometry: 'point',
    idField: 'craneId',
    expectedIntervalMs: 10 * MINUTE,
    transports: ['mqtt'],
  },
  {
    id: 'dangerous-building',
    department: 'construction',
    name: { zh: '危房', en: 'Dangerous buildings' },
    kind: 'entity',
    geometry: 'point',
    idField: 'buildingId',
    // A register whose evacuation counts move during a typhoon.
    expectedIntervalMs: 60 * MINUTE,
  },
];

import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;

/** 民政局: people evacuated and resettled per district, resettlement sites. */
export const civilAffairsCategories: readonly CategoryDefinition[] = [
  {
    id: 'evacuation',
    department: 'civilAffairs',
    name: { zh: '转移安置', en: 'Evacuation' },
    kind: 'observation',
    geometry: 'area',
    idField: 'areaCode',
    valueField: 'evacuatedPeople',
    unit: 'people',
    expectedIntervalMs: 15 * MINUTE,
  },
  {
    id: 'resettlement-site',
    department: 'civilAffairs',
    name: { zh: '集中安置点', en: 'Resettlement sites' },
    kind: 'entity',
    geometry: 'point',
    idField: 'siteId',
    expectedIntervalMs: 15 * MINUTE,
  },
];

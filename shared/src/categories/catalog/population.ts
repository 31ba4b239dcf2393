import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;

/** 大数据/运营商: the population heat grid from mobile signalling, refreshed every 5 minutes. */
export const populationCategories: readonly CategoryDefinition[] = [
  {
    id: 'population-heat',
    department: 'population',
    name: { zh: '人口热力', en: 'Population heat' },
    kind: 'grid',
    geometry: 'grid',
    idField: 'gridId',
    unit: 'people',
    expectedIntervalMs: 5 * MINUTE,
    transports: ['pull'],
  },
];

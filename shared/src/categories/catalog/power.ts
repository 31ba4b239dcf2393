import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;

/** 供电公司: outages by feeder, repair crews. */
export const powerCategories: readonly CategoryDefinition[] = [
  {
    id: 'power-outage',
    department: 'power',
    name: { zh: '停电', en: 'Power outages' },
    kind: 'entity',
    geometry: 'point',
    idField: 'outageId',
    expectedIntervalMs: 10 * MINUTE,
    transports: ['pull'],
  },
  {
    id: 'repair-crew',
    department: 'power',
    name: { zh: '抢修队伍', en: 'Repair crews' },
    kind: 'entity',
    geometry: 'point',
    idField: 'crewId',
    expectedIntervalMs: 5 * MINUTE,
  },
];

import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;

/** 卫生健康委: hospitals and free beds, ambulances, casualties. */
export const healthCategories: readonly CategoryDefinition[] = [
  {
    id: 'hospital-beds',
    department: 'health',
    name: { zh: '医院床位', en: 'Hospital beds' },
    kind: 'entity',
    geometry: 'point',
    idField: 'hospitalId',
    expectedIntervalMs: 15 * MINUTE,
    transports: ['pull'],
  },
  {
    id: 'ambulance',
    department: 'health',
    name: { zh: '救护车', en: 'Ambulances' },
    kind: 'entity',
    geometry: 'point',
    idField: 'vehicleId',
    // 120 dispatch tracks vehicles by GPS every minute or two.
    expectedIntervalMs: 2 * MINUTE,
    transports: ['websocket'],
  },
  {
    id: 'casualty-report',
    department: 'health',
    name: { zh: '伤亡统计', en: 'Casualty reports' },
    kind: 'entity',
    geometry: 'point',
    idField: 'reportId',
    expectedIntervalMs: 15 * MINUTE,
  },
];

import type { CategoryDefinition } from '../category.ts';
import type { GradeThresholds } from '../grades.ts';

const MINUTE = 60_000;

/**
 * Traffic congestion index 0–10: 4, 6 and 8 are the light/moderate/severe bands of the common
 * index (DB11/T 785); red at 9 for gridlock is Beacon's default. A city should tune them.
 */
export const congestionThresholds: GradeThresholds = { blue: 4, yellow: 6, orange: 8, red: 9 };

/** 交通运输局: road closures, ferry suspensions, bus service, traffic flow. */
export const transportCategories: readonly CategoryDefinition[] = [
  {
    id: 'road-closure',
    department: 'transport',
    name: { zh: '道路封闭', en: 'Road closures' },
    kind: 'entity',
    geometry: 'point',
    idField: 'closureId',
    expectedIntervalMs: 10 * MINUTE,
  },
  {
    id: 'ferry-suspension',
    department: 'transport',
    name: { zh: '轮渡停航', en: 'Ferry suspensions' },
    kind: 'entity',
    geometry: 'point',
    idField: 'routeId',
    expectedIntervalMs: 10 * MINUTE,
  },
  {
    id: 'bus-service',
    department: 'transport',
    name: { zh: '公交运营', en: 'Bus service' },
    kind: 'entity',
    geometry: 'none',
    idField: 'lineId',
    expectedIntervalMs: 10 * MINUTE,
    transports: ['pull'],
  },
  {
    id: 'traffic-flow',
    department: 'transport',
    name: { zh: '路况', en: 'Traffic flow' },
    kind: 'observation',
    geometry: 'point',
    idField: 'segmentId',
    valueField: 'congestionIndex',
    unit: 'index 0-10',
    expectedIntervalMs: 5 * MINUTE,
    thresholds: congestionThresholds,
    transports: ['pull'],
  },
];

import type { CategoryDefinition } from '../category.ts';
import type { GradeThresholds } from '../grades.ts';

const MINUTE = 60_000;

/**
 * Displacement rate of a monitored slope, mm/day. Each site's geologist sets its own alarm values;
 * these are defaults (steady creep below 2 mm/d, acceleration above 10 mm/d) a city should tune.
 */
export const displacementRateThresholds: GradeThresholds = { blue: 2, yellow: 5, orange: 10, red: 20 };

/** 自然资源和规划局: geological hazard points, geo-hazard warnings, displacement monitors. */
export const geologyCategories: readonly CategoryDefinition[] = [
  {
    id: 'geohazard-point',
    department: 'geology',
    name: { zh: '地质灾害隐患点', en: 'Geological hazard points' },
    kind: 'entity',
    geometry: 'point',
    idField: 'pointId',
    // A register, but its status (evacuated, patrolled) changes during a typhoon.
    expectedIntervalMs: 60 * MINUTE,
    transports: ['pull'],
  },
  {
    id: 'geohazard-warning',
    department: 'geology',
    name: { zh: '地质灾害气象风险预警', en: 'Geo-hazard warnings' },
    kind: 'alert',
    geometry: 'area',
    idField: 'alertId',
    expectedIntervalMs: 30 * MINUTE,
    transports: ['cap'],
  },
  {
    id: 'displacement-monitor',
    department: 'geology',
    name: { zh: '位移监测', en: 'Displacement monitors' },
    kind: 'observation',
    geometry: 'point',
    idField: 'stationId',
    valueField: 'displacementRateMmD',
    unit: 'mm/d',
    expectedIntervalMs: 10 * MINUTE,
    thresholds: displacementRateThresholds,
    transports: ['mqtt'],
  },
];

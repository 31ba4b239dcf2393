import type { CategoryDefinition } from '../category.ts';
import type { GradeThresholds } from '../grades.ts';

const MINUTE = 60_000;

/**
 * Standing water depth, cm. 15 cm is the national waterlogging mark for a road lane (GB 51222-2017);
 * 30 cm stalls a car, 50 cm is unsafe to wade. Blue at 10 cm is an early-notice default to tune.
 */
export const waterloggingDepthThresholds: GradeThresholds = { blue: 10, yellow: 15, orange: 30, red: 50 };

/** 市政园林局: waterlogging points, drainage pumps, fallen trees, manhole sensors. */
export const municipalCategories: readonly CategoryDefinition[] = [
  {
    id: 'waterlogging-point',
    department: 'municipal',
    name: { zh: '内涝点', en: 'Waterlogging points' },
    kind: 'observation',
    geometry: 'point',
    idField: 'pointId',
    valueField: 'depthCm',
    unit: 'cm',
    expectedIntervalMs: 5 * MINUTE,
    thresholds: waterloggingDepthThresholds,
    transports: ['mqtt'],
  },
  {
    id: 'drainage-pump',
    department: 'municipal',
    name: { zh: '排涝泵站', en: 'Drainage pumps' },
    kind: 'entity',
    geometry: 'point',
    idField: 'pumpId',
    expectedIntervalMs: 10 * MINUTE,
  },
  {
    id: 'fallen-tree',
    department: 'municipal',
    name: { zh: '倒伏树木', en: 'Fallen trees' },
    kind: 'entity',
    geometry: 'point',
    idField: 'reportId',
    expectedIntervalMs: 10 * MINUTE,
  },
  {
    id: 'manhole-alert',
    department: 'municipal',
    name: { zh: '井盖告警', en: 'Manhole alerts' },
    kind: 'entity',
    geometry: 'point',
    idField: 'manholeId',
    expectedIntervalMs: 5 * MINUTE,
    transports: ['mqtt'],
  },
];

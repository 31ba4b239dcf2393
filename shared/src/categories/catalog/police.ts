import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;

/** 公安局: traffic control points, police deployment, road accidents. */
export const policeCategories: readonly CategoryDefinition[] = [
  {
    id: 'traffic-control',
    department: 'police',
    name: { zh: '交通管制', en: 'Traffic control points' },
    kind: 'entity',
    geometry: 'point',
    idField: 'controlId',
    expectedIntervalMs: 10 * MINUTE,
  },
  {
    id: 'police-deployment',
    department: 'police',
    name: { zh: '警力部署', en: 'Police deployment' },
    kind: 'entity',
    geometry: 'point',
    idField: 'unitId',
    expectedIntervalMs: 5 * MINUTE,
    transports: ['websocket'],
  },
  {
    id: 'accident-report',
    department: 'police',
    name: { zh: '交通事故', en: 'Road accidents' },
    kind: 'entity',
    geometry: 'point',
    idField: 'accidentId',
    expectedIntervalMs: 10 * MINUTE,
  },
];

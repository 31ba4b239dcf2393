import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;

/** 通信管理局: base stations down, emergency communication vehicles. */
export const telecomCategories: readonly CategoryDefinition[] = [
  {
    id: 'base-station-outage',
    department: 'telecom',
    name: { zh: '基站退服', en: 'Base stations down' },
    kind: 'entity',
    geometry: 'point',
    idField: 'siteId',
    expectedIntervalMs: 10 * MINUTE,
    transports: ['pull'],
  },
  {
    id: 'emergency-comms-vehicle',
    department: 'telecom',
    name: { zh: '应急通信车', en: 'Emergency comms vehicles' },
    kind: 'entity',
    geometry: 'point',
    idField: 'vehicleId',
    expectedIntervalMs: 5 * MINUTE,
    transports: ['websocket'],
  },
];

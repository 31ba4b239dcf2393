import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** 消防救援支队: stations and their strength, fire and rescue calls. */
export const fireCategories: readonly CategoryDefinition[] = [
  {
    id: 'fire-station',
    department: 'fire',
    name: { zh: '消防站', en: 'Fire stations' },
    kind: 'entity',
    geometry: 'point',
    idField: 'stationId',
    expectedIntervalMs: DAY,
    transports: ['pull'],
  },
  {
    id: 'fire-call',
    department: 'fire',
    name: { zh: '警情', en: 'Fire and rescue calls' },
    kind: 'entity',
    geometry: 'point',
    idField: 'callId',
    expectedIntervalMs: 5 * MINUTE,
    transports: ['websocket'],
  },
];

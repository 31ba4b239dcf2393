import type { CategoryDefinition } from '../category.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** 地震局: earthquake reports, early-warning terminals (1,800+ in the seed city). */
export const earthquakeCategories: readonly CategoryDefinition[] = [
  {
    id: 'earthquake-report',
    department: 'earthquake',
    name: { zh: '地震速报', en: 'Earthquake reports' },
    kind: 'entity',
    geometry: 'point',
    idField: 'eventId',
    // Quakes are rare: the bureau re-sends its latest reports daily so the feed is not taken for dead.
    expectedIntervalMs: DAY,
    transports: ['websocket'],
  },
  {
    id: 'early-warning-terminal',
    department: 'earthquake',
    name: { zh: '地震预警终端', en: 'Earthquake early-warning terminals' },
    kind: 'entity',
    geometry: 'point',
    idField: 'terminalId',
    // Terminals heartbeat hourly; a terminal on a cut feeder goes offline.
    expectedIntervalMs: 60 * MINUTE,
    transports: ['pull'],
  },
];

import type { CategoryDefinition } from './category.ts';
import type { GradeThresholds } from './grades.ts';

/** The most records one ingest batch may carry. */
export const MAX_BATCH_RECORDS = 1000;

/**
 * Colours for 1-hour rainfall. 16 mm/h is the national "rainstorm in one hour" mark (GB/T 28592);
 * 30 and 50 mm/h are the short-duration heavy-rain marks Fujian's warnings use. Cities may change them.
 */
export const rainfall1hThresholds: GradeThresholds = { blue: 8, yellow: 16, orange: 30, red: 50 };

/** Gauges report every 5 minutes; a feed is late after 2 intervals and silent after 6. */
export const rainGaugeCategory = {
  id: 'rain-gauge',
  department: 'meteorology',
  name: { zh: '雨量站', en: 'Rain gauges' },
  kind: 'observation',
  geometry: 'point',
  idField: 'stationId',
  valueField: 'rainfall1hMm',
  unit: 'mm',
  expectedIntervalMs: 5 * 60_000,
  thresholds: rainfall1hThresholds,
  transports: ['mqtt'],
} as const satisfies CategoryDefinition;

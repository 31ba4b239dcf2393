import Type from 'typebox';
import type { GradeThresholds } from './grades.ts';

/**
 * One rain-gauge observation: rainfall accumulated over the hour ending at `observedAt`.
 * This schema is the single definition used for HTTP validation, the OpenAPI document,
 * the TypeScript types and the simulator.
 */
export const RainReading = Type.Object(
  {
    stationId: Type.String({
      pattern: '^[A-Za-z0-9_-]{1,64}$',
      description: 'Registered rain-gauge id, e.g. "SM01" (see GET /api/v1/rain-gauges).',
    }),
    observedAt: Type.String({
      format: 'date-time',
      description: 'When the gauge measured, RFC 3339 with offset, e.g. "2026-09-14T08:05:00+08:00".',
    }),
    rainfall1hMm: Type.Number({
      minimum: 0,
      maximum: 400,
      description: 'Rainfall over the hour ending at observedAt, in millimetres (0 to 400).',
    }),
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2147483647,
        description: 'Correction counter: send a higher version to correct an earlier reading of the same time.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RainReading = Type.Static<typeof RainReading>;

export const MAX_BATCH_RECORDS = 1000;

export const RainBatch = Type.Object(
  {
    records: Type.Array(RainReading, {
      minItems: 1,
      maxItems: MAX_BATCH_RECORDS,
      description: `1 to ${MAX_BATCH_RECORDS} readings, stored all-or-nothing.`,
    }),
  },
  { additionalProperties: false },
);
export type RainBatch = Type.Static<typeof RainBatch>;

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
  unit: 'mm',
  expectedIntervalMs: 5 * 60_000,
  thresholds: rainfall1hThresholds,
} as const;

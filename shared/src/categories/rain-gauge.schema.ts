import Type from 'typebox';
import { IngestBatch } from '../protocol/ingest.schema.ts';

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
      description: 'When the gauge measured, RFC 3339 with offset (Z or ±hh:mm; years 1970–9999; no leap second), e.g. "2026-09-14T08:05:00+08:00".',
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

export const RainBatch = IngestBatch(RainReading, 'readings');
export type RainBatch = Type.Static<typeof RainBatch>;

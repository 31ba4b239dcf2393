import Type from 'typebox';
import { MAX_BATCH_RECORDS } from './batch.ts';
import { RainReading } from './catalog/meteorology.schema.ts';

/**
 * A batch of rain-gauge readings, typed for senders written in TypeScript (the simulator). Ingest
 * validates every category's batch with the same envelope (server/src/ingest/validation.ts).
 */
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

import Type from 'typebox';
import { IngestBatch } from '../protocol/ingest.schema.ts';
import { RainReading } from './catalog/meteorology.schema.ts';

/**
 * A batch of rain-gauge readings, typed for senders written in TypeScript (the simulator). Ingest
 * validates every category's batch with the same envelope (shared/src/protocol/ingest.schema.ts).
 */
export const RainBatch = IngestBatch(RainReading, 'readings');
export type RainBatch = Type.Static<typeof RainBatch>;

import Type from 'typebox';
import { MAX_BATCH_RECORDS } from '../categories/rain-gauge.ts';

/**
 * The ingest envelope, once, for every category and transport: `{ records: [1..MAX_BATCH_RECORDS] }`,
 * stored all-or-nothing. HTTP bodies are it; stream and MQTT messages carry it (server/src/ingest/).
 */
export function IngestBatch<Record extends Type.TSchema>(record: Record, what = 'records') {
  return Type.Object(
    {
      records: Type.Array(record, {
        minItems: 1,
        maxItems: MAX_BATCH_RECORDS,
        description: `1 to ${MAX_BATCH_RECORDS} ${what}, stored all-or-nothing.`,
      }),
    },
    { additionalProperties: false },
  );
}

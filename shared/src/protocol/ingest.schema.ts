// The ingest envelopes, once, for every category and transport: what an HTTP body, a stream message
// and an MQTT message hold around the records, and what each answer holds around the
// acknowledgement or the error body. The server validates and documents with these
// (server/src/ingest/, server/src/docs/asyncapi.ts); department systems may read them too.
import Type from 'typebox';
import { MAX_BATCH_RECORDS } from '../categories/batch.ts';
import { ErrorBody } from '../errors/error-body.schema.ts';

/** The sender's id for a stream or MQTT message, echoed in its reply. */
export const MAX_MESSAGE_ID_LENGTH = 128;

export const MessageId = Type.String({ minLength: 1, maxLength: MAX_MESSAGE_ID_LENGTH, description: 'Your id for the message, echoed in its reply.' });

/** 1 to MAX_BATCH_RECORDS records, stored all-or-nothing. */
export function RecordList<Record extends Type.TSchema>(record: Record, what = 'records') {
  return Type.Array(record, { minItems: 1, maxItems: MAX_BATCH_RECORDS, description: `1 to ${MAX_BATCH_RECORDS} ${what}, stored all-or-nothing.` });
}

/** An HTTP ingest body: `{ records: [...] }`. */
export function IngestBatch<Record extends Type.TSchema>(record: Record, what = 'records') {
  return Type.Object({ records: RecordList(record, what) }, { additionalProperties: false });
}

/** One text frame of the WebSocket stream: a batch of one category, with the sender's id. */
export function StreamMessage<Record extends Type.TSchema>(category: string, record: Record) {
  return Type.Object({ id: MessageId, category: Type.Literal(category), records: RecordList(record) }, { additionalProperties: false, title: category });
}

/** An MQTT message that is a batch (it may also be one bare record, or an array of records). */
export function MqttBatch<Record extends Type.TSchema>(record: Record) {
  return Type.Object({ id: Type.Optional(MessageId), records: RecordList(record) }, { additionalProperties: false, title: 'a batch' });
}

/** The acknowledgement, sent only after the batch is committed. */
export const IngestAck = Type.Object({
  accepted: Type.Integer({ description: 'Records newly stored by this request.' }),
  duplicates: Type.Integer({ description: 'Records already stored earlier (a retry); not stored again.' }),
  records: Type.Array(
    Type.Object({
      index: Type.Integer(),
      seq: Type.Integer({ description: 'The record\'s position in the event log.' }),
      status: Type.Union([Type.Literal('stored'), Type.Literal('duplicate')]),
    }),
  ),
});
export type IngestAck = Type.Static<typeof IngestAck>;

/** The answer to one stream message, in the order sent: stored, or refused with the HTTP API's error body. */
export const StreamReply = Type.Union([
  Type.Object({ id: Type.Union([Type.String(), Type.Null()]), ok: Type.Literal(true), ack: IngestAck }),
  Type.Object({ id: Type.Union([Type.String(), Type.Null()], { description: 'null when the message was not readable enough to find it' }), ok: Type.Literal(false), error: ErrorBody }),
]);
export type StreamReply = Type.Static<typeof StreamReply>;

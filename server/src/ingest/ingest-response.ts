import Type from 'typebox';

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

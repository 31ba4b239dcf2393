// The one error shape of Beacon: what an HTTP 4xx/5xx answers, what a socket acknowledgement or an
// MQTT reply carries, what a command check returns. Each is this, or a part of it; nothing else
// defines `{ path, expected, got }`.
import Type from 'typebox';
import { errorCodes } from './codes.ts';

/** One thing wrong with a request: where (a JSON pointer into what was sent, or a header or part name), what was expected, what came. */
export const Issue = Type.Object({
  path: Type.String({ description: 'JSON pointer into what was sent (or a header, or a part such as query.lon).' }),
  expected: Type.String(),
  got: Type.Unknown(),
});
export type Issue = Type.Static<typeof Issue>;

/** The catalogue's codes as a schema; the sentence for each is in the docs' error catalogue. */
export const ErrorCodeSchema = Type.Enum(errorCodes, {
  description: `Stable machine-readable code, one of the ${errorCodes.length} in the error catalogue (e.g. BEACON_INVALID_INPUT).`,
});

/** A refusal as sockets and MQTT replies carry it: the code, a sentence, and every issue. */
export const Refusal = Type.Object({
  code: ErrorCodeSchema,
  message: Type.String(),
  issues: Type.Array(Issue),
});
export type Refusal = Type.Static<typeof Refusal>;

/** The body of every HTTP error Beacon answers: the refusal, with its status. */
export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  code: ErrorCodeSchema,
  error: Type.String({ description: 'The status\'s reason phrase, e.g. Bad Request.' }),
  message: Type.String(),
  issues: Type.Array(Issue),
});
export type ErrorBody = Type.Static<typeof ErrorBody>;

// The one error shape of Beacon: what an HTTP 4xx/5xx answers, what a socket acknowledgement or an
// MQTT reply carries, what a command check returns. Each is this, or a part of it; nothing else
// defines `{ path, expected, got }`.
import Type from 'typebox';
import type { ErrorCode } from './codes.ts';

/** One thing wrong with a request: where (a JSON pointer into what was sent, or a header or part name), what was expected, what came. */
export const Issue = Type.Object({
  path: Type.String({ description: 'JSON pointer into the body (or a header, or query.x).' }),
  expected: Type.String(),
  got: Type.Unknown(),
});
export type Issue = Type.Static<typeof Issue>;

/**
 * A code of the catalogue. Typed as the catalogue's union; on the wire a string naming the catalogue
 * rather than an enum of every code: the enum, repeated in each error answer of each route, doubled
 * the OpenAPI document (0.5 → 1.1 MB). The codes and their sentences are one table in the docs
 * (server/src/docs/error-catalogue.ts).
 */
export const ErrorCodeSchema = Type.Unsafe<ErrorCode>(
  Type.String({ pattern: '^BEACON_[A-Z_]+$', description: 'A stable code from the "Error codes" table, e.g. BEACON_INVALID_INPUT.' }),
);

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
  error: Type.String(),
  message: Type.String(),
  issues: Type.Array(Issue),
});
export type ErrorBody = Type.Static<typeof ErrorBody>;

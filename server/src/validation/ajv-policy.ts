import { isInstant, textIssues } from '@beacon/shared';
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Beacon's Ajv, one configuration for every schema that checks input — ingest batches (all
 * transports), the Fastify routes (commands, sign-in, users, audit, replay, surroundings), backup lines:
 * - report every problem, drop nothing silently; coerce nothing in a body, and in the URL (query
 *   string, path parameters, which are text) only text to the type the schema asks ("118.1" → 118.1);
 * - `format: "date-time"` is the shared RFC 3339 reader (@beacon/shared parseInstant: offset
 *   required, years 1970–9999, no leap second) instead of ajv-formats' looser regex, which let
 *   `+08`, `23:59:60` and year 0000 through to a 500;
 * - THE TEXT RULE: every string and object key in the validated value, under any schema, is
 *   checked for NUL and lone surrogates (PostgreSQL cannot store them: they were 500s). It is
 *   applied by `compileChecked` to the value rather than written into each schema, so no schema —
 *   today's or one added later, `Type.Unknown()` payloads included — can forget it.
 */
export function beaconAjv(options: Pick<Options, 'coerceTypes'> = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false, strict: false, ...options });
  addFormats.default(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => isInstant(s) });
  return ajv;
}

/** The Ajv error the text rule adds: `issuesFromAjv` turns it into `{ path, expected, got }`. */
export const TEXT_KEYWORD = 'beaconText';

/** A validate function for `schema` that also applies the text rule (same shape as Ajv's, for Fastify). */
export function compileChecked(ajv: Ajv, schema: object): ValidateFunction {
  const validate = ajv.compile(schema);
  const checked = ((data: unknown) => {
    const schemaOk = validate(data);
    const text = textIssues(data).map(
      (t): ErrorObject => ({ keyword: TEXT_KEYWORD, instancePath: t.path, schemaPath: '#', params: { got: t.got }, message: t.expected }),
    );
    checked.errors = schemaOk && !text.length ? null : [...(validate.errors ?? []), ...text];
    return checked.errors === null;
  }) as ValidateFunction;
  checked.schema = validate.schema;
  checked.errors = null;
  return checked;
}

const documentAjv = beaconAjv();
const urlAjv = beaconAjv({ coerceTypes: true });

/** A validator for a JSON document (a body, a stream or MQTT batch, a backup line): the policy, coercing nothing. */
export const compileDocument = (schema: object): ValidateFunction => compileChecked(documentAjv, schema);

/** Fastify's validator compiler for every route (see createFastify): the policy above, plus the text rule. */
export const beaconValidatorCompiler = ({ schema, httpPart }: { schema: object; httpPart?: string }): ValidateFunction =>
  httpPart === 'querystring' || httpPart === 'params' ? compileChecked(urlAjv, schema) : compileDocument(schema);

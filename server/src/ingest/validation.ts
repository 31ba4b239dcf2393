import { isInstant, own, textIssues } from '@beacon/shared';
import { categorySchemas, IngestBatch } from '@beacon/shared/schemas.ts';
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { issuesFromAjv } from '../errors/ajv-issues.ts';
import type { Issue } from '../errors/input-error.ts';

/**
 * Beacon's Ajv, one configuration for every schema that checks input — ingest batches (all
 * transports), the Fastify routes (commands, sign-in, users, audit, replay, surroundings):
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

const appAjv = beaconAjv();
const urlAjv = beaconAjv({ coerceTypes: true });

/** Fastify's validator compiler for every route (see createFastify): the policy above, plus the text rule. */
export const beaconValidatorCompiler = ({ schema, httpPart }: { schema: object; httpPart?: string }): ValidateFunction =>
  compileChecked(httpPart === 'querystring' || httpPart === 'params' ? urlAjv : appAjv, schema);

const validators = new Map<string, ValidateFunction>();

/** The batch envelope (shared/src/protocol/ingest-batch.schema.ts) around a category's record schema. */
export function batchSchemaOf(category: string): ReturnType<typeof IngestBatch> {
  const record = own(categorySchemas, category);
  if (!record) throw new Error(`no schema for category ${category}`);
  return IngestBatch(record);
}

/** Every schema problem in a batch, as issues with JSON-pointer paths into the batch. */
export function validateBatch(category: string, batch: unknown): Issue[] {
  let validate = validators.get(category);
  if (!validate) {
    validate = compileChecked(appAjv, batchSchemaOf(category));
    validators.set(category, validate);
  }
  return validate(batch) ? [] : issuesFromAjv(validate.errors ?? [], batch);
}

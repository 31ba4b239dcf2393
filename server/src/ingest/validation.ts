import { isInstant, MAX_BATCH_RECORDS, own, textIssues, type Region } from '@beacon/shared';
import { categorySchemasOf } from '@beacon/shared/schemas.ts';
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { issuesFromAjv } from '../errors/ajv-issues.ts';
import type { Issue } from '../errors/input-error.ts';

/**
 * Beacon's Ajv, one configuration for every schema that checks input — ingest batches (all
 * transports), the Fastify routes (commands, sign-in, users, audit, replay), surroundings:
 * - report every problem, coerce nothing (unless a query-string route asks), drop nothing silently;
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

/** Fastify's validator compiler for Beacon's routes (see createFastify): the app's Ajv plus the text rule. */
export const beaconValidatorCompiler = ({ schema }: { schema: object }): ValidateFunction => compileChecked(appAjv, schema);

// One compiled validator per record schema: a region's schemas are built once (categorySchemasOf),
// so each category of the region the server runs on is compiled once.
const validators = new WeakMap<object, ValidateFunction>();

/** A batch envelope around a category's record schema for `region`: `{ records: [1..1000 records] }`. */
export function batchSchemaOf(region: Region, category: string): object {
  const record = own(categorySchemasOf(region), category);
  if (!record) throw new Error(`no schema for category ${category}`);
  return {
    type: 'object',
    required: ['records'],
    additionalProperties: false,
    properties: {
      records: { type: 'array', minItems: 1, maxItems: MAX_BATCH_RECORDS, items: record, description: `1 to ${MAX_BATCH_RECORDS} records, stored all-or-nothing.` },
    },
  };
}

/** Every schema problem in a batch of `region`'s category, as issues with JSON-pointer paths into the batch. */
export function validateBatch(region: Region, category: string, batch: unknown): Issue[] {
  const record = own(categorySchemasOf(region), category);
  if (!record) throw new Error(`no schema for category ${category}`);
  let validate = validators.get(record);
  if (!validate) {
    validate = compileChecked(appAjv, batchSchemaOf(region, category));
    validators.set(record, validate);
  }
  return validate(batch) ? [] : issuesFromAjv(validate.errors ?? [], batch);
}

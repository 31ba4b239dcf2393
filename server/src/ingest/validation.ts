import { MAX_BATCH_RECORDS } from '@beacon/shared';
import { categorySchemas } from '@beacon/shared/schemas.ts';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { issuesFromAjv } from '../errors/ajv-issues.ts';
import type { Issue } from '../errors/input-error.ts';

// The same policy as the HTTP layer: report every problem, coerce nothing, never drop a field silently.
// Validation lives here, not in Fastify's route schemas, so every transport gets the same answers.
const ajv = new Ajv({ allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false, strict: false });
addFormats.default(ajv);

const validators = new Map<string, ValidateFunction>();

/** A batch envelope around a category's record schema: `{ records: [1..1000 records] }`. */
export function batchSchemaOf(category: string): object {
  const record = categorySchemas[category];
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

/** Every schema problem in a batch, as issues with JSON-pointer paths into the batch. */
export function validateBatch(category: string, batch: unknown): Issue[] {
  let validate = validators.get(category);
  if (!validate) {
    validate = ajv.compile(batchSchemaOf(category));
    validators.set(category, validate);
  }
  return validate(batch) ? [] : issuesFromAjv(validate.errors ?? [], batch);
}

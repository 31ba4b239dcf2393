import { own } from '@beacon/shared';
import { categorySchemas, IngestBatch } from '@beacon/shared/schemas.ts';
import type { ValidateFunction } from 'ajv';
import { issuesFromAjv } from '../errors/ajv-issues.ts';
import type { Issue } from '../errors/input-error.ts';
import { compileDocument } from '../validation/ajv-policy.ts';

const validators = new Map<string, ValidateFunction>();

/** The batch envelope (shared/src/protocol/ingest.schema.ts) around a category's record schema. */
export function batchSchemaOf(category: string): ReturnType<typeof IngestBatch> {
  const record = own(categorySchemas, category);
  if (!record) throw new Error(`no schema for category ${category}`);
  return IngestBatch(record);
}

/** Every schema problem in a batch, as issues with JSON-pointer paths into the batch. */
export function validateBatch(category: string, batch: unknown): Issue[] {
  let validate = validators.get(category);
  if (!validate) {
    validate = compileDocument(batchSchemaOf(category));
    validators.set(category, validate);
  }
  return validate(batch) ? [] : issuesFromAjv(validate.errors ?? [], batch);
}

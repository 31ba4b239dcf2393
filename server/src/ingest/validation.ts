import { own, type Region } from '@beacon/shared';
import { categorySchemasOf, IngestBatch } from '@beacon/shared/schemas.ts';
import type { ValidateFunction } from 'ajv';
import { issuesFromAjv } from '../errors/ajv-issues.ts';
import type { Issue } from '../errors/input-error.ts';
import { compileDocument } from '../validation/ajv-policy.ts';

// One compiled validator per record schema: a region's schemas are built once (categorySchemasOf),
// so each category of the region the server runs on is compiled once.
const validators = new WeakMap<object, ValidateFunction>();

/** The batch envelope (shared/src/protocol/ingest.schema.ts) around `region`'s record schema of a category. */
export function batchSchemaOf(region: Region, category: string): ReturnType<typeof IngestBatch> {
  const record = own(categorySchemasOf(region), category);
  if (!record) throw new Error(`no schema for category ${category}`);
  return IngestBatch(record);
}

/** Every schema problem in a batch of `region`'s category, as issues with JSON-pointer paths into the batch. */
export function validateBatch(region: Region, category: string, batch: unknown): Issue[] {
  const record = own(categorySchemasOf(region), category);
  if (!record) throw new Error(`no schema for category ${category}`);
  let validate = validators.get(record);
  if (!validate) {
    validate = compileDocument(batchSchemaOf(region, category));
    validators.set(record, validate);
  }
  return validate(batch) ? [] : issuesFromAjv(validate.errors ?? [], batch);
}

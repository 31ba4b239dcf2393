// Runtime schemas (TypeBox → JSON Schema) for the server and the simulators, keyed by category id.
// Kept out of the main entry so the screen, which needs only the types, does not bundle a schema library.
import type { TSchema } from 'typebox';
import { catalogSchemas } from './categories/catalog/schemas.ts';

export * from './categories/rain-gauge.schema.ts';
export { ErrorBody, ErrorCodeSchema, Issue, Refusal } from './errors/error-body.schema.ts';
export * from './protocol/ingest.schema.ts';
export { AlertRecord } from './categories/catalog/alert.schema.ts';
export { MAX_GRID_CELLS } from './categories/catalog/population.schema.ts';

/** The record schema of every category in the registry (all 56). Every record has its idField and observedAt. */
export const categorySchemas: Readonly<Record<string, TSchema>> = catalogSchemas;

// Runtime schemas (TypeBox → JSON Schema) for the server and the simulators, keyed by category id.
// Kept out of the main entry so the screen, which needs only the types, does not bundle a schema library.
import type { TSchema } from 'typebox';
import { catalogSchemas } from './categories/catalog/schemas.ts';
import type { Region } from './region/types.ts';

export * from './categories/batch.schema.ts';
export { ErrorBody, ErrorCodeSchema, Issue, Refusal } from './errors/error-body.schema.ts';
export * from './protocol/ingest.schema.ts';
export { RainReading } from './categories/catalog/meteorology.schema.ts';
export { alertRecord } from './categories/catalog/alert.schema.ts';
export { placeFields, type PlaceFields, type SchemaCity } from './categories/catalog/fields.schema.ts';
export { schemaCityOf } from './categories/catalog/schemas.ts';
export { MAX_GRID_CELLS } from './categories/catalog/population.schema.ts';

export type CategorySchemas = Readonly<Record<string, TSchema>>;

// Built once per region: ingest, its routes and the API docs ask for the same region's schemas and
// must get the same objects (Ajv compiles each once; the docs name each once).
const built = new WeakMap<Region, CategorySchemas>();

/**
 * The record schema of every category in the registry (all 56) for `region`: district enums are its
 * districts, positions are bounded by its box. Every record has its idField and observedAt.
 */
export function categorySchemasOf(region: Region): CategorySchemas {
  let schemas = built.get(region);
  if (!schemas) {
    schemas = catalogSchemas(region);
    built.set(region, schemas);
  }
  return schemas;
}

/**
 * TypeBox writes JSON Schema draft 07 (what Fastify's Ajv validates with); OpenAPI 3.1's Schema
 * Object is JSON Schema 2020-12. The only draft-07 form our schemas use that 2020-12 reads
 * differently is the tuple: `items: [a, b]` with `additionalItems` became `prefixItems: [a, b]`
 * with `items`. This rewrites a copy, every level deep; the validating schemas are never touched.
 */
export function toJsonSchema2020(value: unknown): unknown {
  return rewrite(value, false);
}

/** Keywords whose values are data, not schemas: an example record may well have a field called "items". */
const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'const', 'enum']);
/** Objects whose keys are names chosen by us (a property called "default", the "default" response), not keywords. */
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'paths', 'responses', 'schemas', 'content', 'headers']);

function rewrite(value: unknown, keysAreNames: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, false));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(source)) {
    const isData = !keysAreNames && (DATA_KEYWORDS.has(key) || key.startsWith('x-'));
    out[key] = isData ? child : rewrite(child, !keysAreNames && NAME_MAPS.has(key));
  }
  if (!keysAreNames && Array.isArray(source.items)) {
    out.prefixItems = out.items;
    delete out.items;
    delete out.additionalItems;
    if (source.additionalItems !== undefined) out.items = rewrite(source.additionalItems, false);
  }
  return out;
}

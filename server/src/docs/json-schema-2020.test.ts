import { describe, expect, it } from 'vitest';
import { toJsonSchema2020 } from './json-schema-2020.ts';

describe('draft 07 → JSON Schema 2020-12 for OpenAPI 3.1', () => {
  it('turns a tuple into prefixItems, at any depth, and leaves the source alone', () => {
    const tuple = { type: 'array', items: [{ type: 'number' }, { type: 'integer' }], additionalItems: false, minItems: 2, maxItems: 2 };
    const source = { type: 'object', properties: { cells: { type: 'array', items: tuple } } };
    expect(toJsonSchema2020(source)).toEqual({
      type: 'object',
      properties: { cells: { type: 'array', items: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'integer' }], items: false, minItems: 2, maxItems: 2 } } },
    });
    expect(source.properties.cells.items).toBe(tuple);
    expect(tuple.items).toHaveLength(2);
  });

  it('leaves data alone, and reads names as names (a property called "default", the default response)', () => {
    const example = { items: [1, 2] };
    const doc = {
      responses: { default: { content: { 'application/json': { schema: { items: [{ type: 'string' }] }, example } } } },
      schema: { properties: { default: { items: [{ type: 'string' }] }, items: { type: 'string' } }, default: example },
    };
    const out = toJsonSchema2020(doc) as typeof doc;
    expect(out.responses.default.content['application/json'].schema).toEqual({ prefixItems: [{ type: 'string' }] });
    expect(out.responses.default.content['application/json'].example).toEqual({ items: [1, 2] });
    expect(out.schema.properties.default).toEqual({ prefixItems: [{ type: 'string' }] });
    expect(out.schema.properties.items).toEqual({ type: 'string' });
    expect(out.schema.default).toEqual({ items: [1, 2] });
  });
});

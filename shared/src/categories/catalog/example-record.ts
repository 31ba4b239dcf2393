// Test helper: a record that fills every field of a category's JSON Schema with a plausible value,
// so each schema is shown satisfiable (bounds, enums, patterns that agree) without 56 hand-written samples.
import type { TSchema } from 'typebox';
import { ID_PATTERN } from './fields.schema.ts';

/** A sample for each string pattern the catalog uses; a new pattern must add one here. */
const patternSamples: Record<string, string> = {
  [ID_PATTERN]: 'XM-SAMPLE_01',
  '^[0-9]{6}([0-9]{3}){0,2}$': '350203',
  '^[0-9+() -]{3,24}$': '0592-1234567',
};

interface JsonSchema {
  type?: string;
  enum?: readonly unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  items?: JsonSchema | JsonSchema[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
}

export function exampleOf(schema: TSchema, observedAt = '2026-09-14T08:05:00+08:00'): unknown {
  const s = schema as JsonSchema;
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  if (s.anyOf) return exampleOf(s.anyOf[0] as TSchema, observedAt);
  switch (s.type) {
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, exampleOf(v as TSchema, observedAt)]));
    case 'array':
      if (Array.isArray(s.items)) return s.items.map((i) => exampleOf(i as TSchema, observedAt));
      return s.items ? [exampleOf(s.items as TSchema, observedAt)] : [];
    case 'string':
      if (s.format === 'date-time') return observedAt;
      if (s.pattern) {
        const sample = patternSamples[s.pattern];
        if (sample === undefined) throw new Error(`no sample for pattern ${s.pattern}`);
        return sample;
      }
      return '样例'.padEnd(Math.max(2, s.minLength ?? 1), '例');
    case 'integer':
      return Math.ceil(midpoint(s.minimum, s.maximum));
    case 'number':
      return midpoint(s.minimum, s.maximum);
    case 'boolean':
      return true;
    default:
      throw new Error(`no example for schema ${JSON.stringify(schema).slice(0, 80)}`);
  }
}

/** Inside the bounds, and small enough that counts stay believable (capacity 10 rather than 5 million). */
function midpoint(min = 0, max = min + 100): number {
  return Math.min(max, min + Math.min(10, (max - min) / 2));
}

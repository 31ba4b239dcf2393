import Value from 'typebox/value';
import type { TSchema } from 'typebox';
import { describe, expect, it } from 'vitest';
import { categorySchemas } from '../../schemas.ts';
import { categoryList } from '../registry.ts';
import { exampleOf } from './example-record.ts';

interface ObjectSchema {
  type?: string;
  required?: string[];
  properties?: Record<string, TSchema & { description?: string; type?: string }>;
  additionalProperties?: boolean;
}

const objectOf = (id: string) => categorySchemas[id] as unknown as ObjectSchema;
const ALERTS = ['weather-warning', 'flash-flood-warning', 'geohazard-warning', 'storm-surge-warning'];

/** Every object schema nested anywhere in a schema. */
function objectsIn(schema: unknown): ObjectSchema[] {
  if (!schema || typeof schema !== 'object') return [];
  const here = (schema as ObjectSchema).type === 'object' ? [schema as ObjectSchema] : [];
  return [...here, ...Object.values(schema).flatMap((v) => (Array.isArray(v) ? v.flatMap(objectsIn) : objectsIn(v)))];
}

describe('the category schemas', () => {
  it('exist for every category, and only for categories', () => {
    expect(Object.keys(categorySchemas).sort()).toEqual(categoryList.map((c) => c.id).sort());
  });

  it.each(categoryList.map((c) => [c.id, c] as const))('%s requires its id and observedAt and allows a version', (id, c) => {
    const s = objectOf(id);
    expect(s.required).toEqual(expect.arrayContaining([c.idField, 'observedAt']));
    expect(s.required).not.toContain('version');
    expect(s.properties?.version?.type).toBe('integer');
    expect((s.properties?.observedAt as { format?: string }).format).toBe('date-time');
    if (c.valueField) expect(s.properties?.[c.valueField]?.type).toMatch(/^(number|integer)$/);
  });

  it.each(categoryList.map((c) => [c.id] as const))('%s closes every object and describes every field', (id) => {
    for (const o of objectsIn(categorySchemas[id])) {
      expect(o.additionalProperties).toBe(false);
      for (const [name, p] of Object.entries(o.properties ?? {})) expect([name, (p.description ?? '').length > 10]).toEqual([name, true]);
    }
  });

  it('gives the four warning categories one identical schema', () => {
    const [first, ...rest] = ALERTS.map((id) => categorySchemas[id]);
    for (const s of rest) expect(s).toBe(first);
    expect(objectOf('weather-warning').required?.sort()).toEqual(['alertId', 'areas', 'event', 'headline', 'level', 'observedAt', 'status'].sort());
  });

  it.each(categoryList.map((c) => [c.id, c] as const))('%s accepts an example record and refuses one without its id', (id, c) => {
    const schema = categorySchemas[id]!;
    const example = exampleOf(schema) as Record<string, unknown>;
    expect([...Value.Errors(schema, example)]).toEqual([]);
    const { [c.idField]: _dropped, ...withoutId } = example;
    expect(Value.Check(schema, withoutId)).toBe(false);
    expect(Value.Check(schema, { ...example, observedAt: 'yesterday' })).toBe(false);
    expect(Value.Check(schema, { ...example, surprise: 1 })).toBe(false);
    expect(Value.Check(schema, { ...example, version: 0 })).toBe(false);
  });

  it('refuses a point outside the city and a district it does not know', () => {
    const shelter = exampleOf(categorySchemas.shelter!) as Record<string, unknown>;
    expect(Value.Check(categorySchemas.shelter!, { ...shelter, lon: 24.5, lat: 118.1 })).toBe(false);
    expect(Value.Check(categorySchemas.shelter!, { ...shelter, district: '鼓浪屿区' })).toBe(false);
    expect(Value.Check(categorySchemas.shelter!, { ...shelter, district: '翔安区', lon: 118.3, lat: 24.62 })).toBe(true);
  });

  it('accepts a city-wide lifted warning and refuses an unknown level', () => {
    const alert = {
      alertId: 'XMQX-20260914-TY-01', observedAt: '2026-09-15T20:00:00+08:00', level: 'blue', status: 'lifted',
      event: '台风', headline: '厦门市气象台解除台风蓝色预警信号', areas: [],
    };
    expect([...Value.Errors(categorySchemas['weather-warning']!, alert)]).toEqual([]);
    expect(Value.Check(categorySchemas['weather-warning']!, { ...alert, level: 'purple' })).toBe(false);
    expect(Value.Check(categorySchemas['weather-warning']!, { ...alert, areas: ['思明区', '思明区'] })).toBe(false);
  });

  it('takes a population grid of 100,000 cells and refuses one more', () => {
    const cell: [number, number, number] = [118.1, 24.5, 120];
    const grid = { gridId: 'XM-100M', observedAt: '2026-09-14T08:05:00+08:00', cellSizeM: 100, cells: Array.from({ length: 100_000 }, () => cell) };
    expect(Value.Check(categorySchemas['population-heat']!, grid)).toBe(true);
    expect(Value.Check(categorySchemas['population-heat']!, { ...grid, cells: [...grid.cells, cell] })).toBe(false);
    expect(Value.Check(categorySchemas['population-heat']!, { ...grid, cells: [[118.1, 24.5]] })).toBe(false);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import Value from 'typebox/value';
import type { TSchema } from 'typebox';
import { describe, expect, it } from 'vitest';
import { categorySchemasOf } from '../../schemas.ts';
import { regions } from '../../region/index.ts';
import { testRegion } from '../../test-region.ts';
import { categoryList } from '../registry.ts';
import { exampleOf } from './example-record.ts';

interface ObjectSchema {
  type?: string;
  required?: string[];
  properties?: Record<string, TSchema & { description?: string; type?: string }>;
  additionalProperties?: boolean;
}

// Region-generic: runs on the region of the run (BEACON_TEST_REGION), Xiamen by default.
const region = testRegion();
const categorySchemas = categorySchemasOf(region);
const districts = Object.keys(region.districtNames);
const { lonMin, lonMax, latMin, latMax } = region.bounds;
const inside = { lon: (lonMin + lonMax) / 2, lat: (latMin + latMax) / 2 };

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
    for (const s of rest) expect(s).toEqual(first);
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
    expect(Value.Check(categorySchemas.shelter!, { ...shelter, lon: inside.lat, lat: inside.lon })).toBe(false);
    expect(Value.Check(categorySchemas.shelter!, { ...shelter, lon: lonMax + 0.01 })).toBe(false);
    expect(Value.Check(categorySchemas.shelter!, { ...shelter, district: '鼓浪屿区' })).toBe(false);
    expect(Value.Check(categorySchemas.shelter!, { ...shelter, district: districts.at(-1), ...inside })).toBe(true);
  });

  it('takes its districts and box from the region, and names them in the descriptions', () => {
    const shelter = objectOf('shelter').properties!;
    expect((shelter.district as { enum?: string[] }).enum).toEqual(districts);
    expect(shelter.lon).toMatchObject({ minimum: lonMin, maximum: lonMax });
    expect(shelter.lat).toMatchObject({ minimum: latMin, maximum: latMax });
    expect(shelter.district!.description).toContain(districts.join(' '));
    expect(categorySchemasOf(region)).toBe(categorySchemas); // built once per region
  });

  it('accepts a city-wide lifted warning and refuses an unknown level', () => {
    const alert = {
      alertId: 'XMQX-20260914-TY-01', observedAt: '2026-09-15T20:00:00+08:00', level: 'blue', status: 'lifted',
      event: '台风', headline: `${region.name.zh}气象台解除台风蓝色预警信号`, areas: [],
    };
    expect([...Value.Errors(categorySchemas['weather-warning']!, alert)]).toEqual([]);
    expect(Value.Check(categorySchemas['weather-warning']!, { ...alert, level: 'purple' })).toBe(false);
    expect(Value.Check(categorySchemas['weather-warning']!, { ...alert, areas: [districts[0], districts[0]] })).toBe(false);
    expect(Value.Check(categorySchemas['weather-warning']!, { ...alert, areas: districts })).toBe(true);
    expect(Value.Check(categorySchemas['weather-warning']!, { ...alert, areas: ['鼓浪屿区'] })).toBe(false);
  });

  it('takes a population grid of 100,000 cells and refuses one more', () => {
    const cell: [number, number, number] = [inside.lon, inside.lat, 120];
    const grid = { gridId: 'XM-100M', observedAt: '2026-09-14T08:05:00+08:00', cellSizeM: 100, cells: Array.from({ length: 100_000 }, () => cell) };
    expect(Value.Check(categorySchemas['population-heat']!, grid)).toBe(true);
    expect(Value.Check(categorySchemas['population-heat']!, { ...grid, cells: [...grid.cells, cell] })).toBe(false);
    expect(Value.Check(categorySchemas['population-heat']!, { ...grid, cells: [[inside.lon, inside.lat]] })).toBe(false);
  });
});

describe('the schema files', () => {
  // Chinese names only: earthquake-report's field `intensityXiamen` is part of the API contract and stays.
  it('name no district and no city of any region: those come from the region at start', () => {
    const dir = new URL('.', import.meta.url);
    const names = [...regions.values()].flatMap((r) => [r.name.zh, r.name.zh.replace(/市$/, ''), ...Object.keys(r.districtNames)]);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.schema.ts'))) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      expect([f, names.filter((n) => text.includes(n))]).toEqual([f, []]);
    }
  });
});

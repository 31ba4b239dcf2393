import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { categories, categoryList, districtAt, xiamen } from '@beacon/shared';
import { categorySchemasOf } from '@beacon/shared/schemas.ts';
import { generateRecords, generatedCategories } from './generate.ts';

const NOW = '2026-09-14T08:00:00.000Z';
/** Calm, outer bands, a day out, hours out, landfall, after, inland, calm again. */
const phases = [0, 0.15, 0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.85, 0.99];

describe('department scenario records', () => {
  it('covers every category of the registry', () => {
    expect([...generatedCategories].sort()).toEqual(categoryList.map((c) => c.id).sort());
  });

  it.each(categoryList.map((c) => [c.id] as const))('%s: every record at every phase passes its schema', (id) => {
    const category = categories.get(id)!;
    let total = 0;
    for (const phase of phases) {
      const records = generateRecords(id, phase, NOW);
      total += records.length;
      for (const r of records) {
        const errors = [...Value.Errors(categorySchemasOf(xiamen)[id]!, r)].map((e) => `${e.instancePath} ${e.message}`);
        expect([phase, r[category.idField], errors]).toEqual([phase, r[category.idField], []]);
        expect(r.observedAt).toBe(NOW);
      }
      const ids = records.map((r) => r[category.idField]);
      expect(new Set(ids).size).toBe(ids.length); // one record per entity per batch
    }
    expect(total).toBeGreaterThan(0);
  });

  it.each(categoryList.map((c) => [c.id] as const))('%s: places what it locates in the district it names', (id) => {
    for (const phase of phases) {
      for (const r of generateRecords(id, phase, NOW)) {
        if (typeof r.lon !== 'number' || typeof r.lat !== 'number' || typeof r.district !== 'string') continue;
        if (id === 'rescue-team') continue; // on the road a team names the district it is heading to
        // Things on the water's edge (harbours, piers, tide gauges) may sit just off the district polygon.
        const found = districtAt(xiamen.districts, r.lon, r.lat);
        if (found !== null) expect([id, r[categories.get(id)!.idField], found]).toEqual([id, r[categories.get(id)!.idField], r.district]);
      }
    }
  });

  it('is deterministic: the same phase and time give the same records', () => {
    for (const id of generatedCategories) expect(generateRecords(id, 0.47, NOW)).toEqual(generateRecords(id, 0.47, NOW));
  });

  it('keeps entity ids stable across the pass, so entities update rather than multiply', () => {
    for (const id of ['rescue-team', 'shelter', 'depot-stock', 'hospital-beds', 'wind-station', 'tide-level']) {
      const idField = categories.get(id)!.idField;
      const at = (p: number) => generateRecords(id, p, NOW).map((r) => r[idField]).sort();
      expect(at(0.2)).toEqual(at(0.8));
    }
  });
});

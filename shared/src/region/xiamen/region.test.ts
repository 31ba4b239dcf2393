import { describe, expect, it } from 'vitest';
import { districtAt } from '../../geo/point-in-polygon.ts';
import { xiamen } from './index.ts';

describe('the Xiamen region', () => {
  it('has the 6 districts, each with a zh/en name', () => {
    const names = xiamen.districts.features.map((f) => f.properties.name).sort();
    expect(names).toEqual(['同安区', '思明区', '海沧区', '湖里区', '翔安区', '集美区'].sort());
    for (const n of names) expect(xiamen.districtNames[n]?.en).toBeTruthy();
  });

  it('places every rain gauge inside the district it names', () => {
    for (const g of xiamen.rainGauges) expect([g.id, districtAt(xiamen.districts, g.lon, g.lat)]).toEqual([g.id, g.district]);
  });

  it('gives every gauge a unique id and every district at least four gauges', () => {
    expect(new Set(xiamen.rainGauges.map((g) => g.id)).size).toBe(xiamen.rainGauges.length);
    for (const f of xiamen.districts.features) {
      expect(xiamen.rainGauges.filter((g) => g.district === f.properties.name).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('finds no district for a point at sea', () => {
    expect(districtAt(xiamen.districts, 118.5, 24.3)).toBeNull();
  });
});

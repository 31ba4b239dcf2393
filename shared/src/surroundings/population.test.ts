import { describe, expect, it } from 'vitest';
import { populationWithin } from './population.ts';
import { CENTRE, offset } from './test-state.ts';

const cell = (km: number, people: number, bearing: 0 | 90 = 0) => ({ ...offset(km, bearing), people });

describe('populationWithin', () => {
  it('sums cells by the distance of their centre; each ring includes the smaller ones', () => {
    const cells = [cell(0, 100), cell(0.5, 10), cell(2, 1_000, 90), cell(4, 20_000), cell(6, 300_000)];
    expect(populationWithin(cells, CENTRE.lon, CENTRE.lat)).toEqual([
      { radiusKm: 1, people: 110 },
      { radiusKm: 3, people: 1_110 },
      { radiusKm: 5, people: 21_110 },
    ]);
  });

  it('counts a cell just inside a ring and leaves out one just beyond it', () => {
    const rings = populationWithin([cell(0.999, 1), cell(1.001, 2), cell(4.999, 4), cell(5.001, 8)], CENTRE.lon, CENTRE.lat);
    expect(rings.map((r) => r.people)).toEqual([1, 3, 7]);
  });

  it('gives zeros with no grid, and takes the radii in any order', () => {
    expect(populationWithin([], CENTRE.lon, CENTRE.lat).map((r) => r.people)).toEqual([0, 0, 0]);
    expect(populationWithin([cell(1.5, 5)], CENTRE.lon, CENTRE.lat, [2, 1])).toEqual([
      { radiusKm: 1, people: 0 },
      { radiusKm: 2, people: 5 },
    ]);
  });
});

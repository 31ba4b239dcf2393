import { describe, expect, it } from 'vitest';
import { districtAt } from '../geo/point-in-polygon.ts';
import { xiamen } from '../region/xiamen/index.ts';
import { indexDistricts } from './polygon-index.ts';

describe('the banded district index', () => {
  it('gives districtAt\'s answer for every point of a fine lattice over the city and its sea', () => {
    const index = indexDistricts(xiamen.districts);
    let inside = 0;
    for (let lon = 117.85; lon < 118.45; lon += 0.007) {
      for (let lat = 24.38; lat < 24.92; lat += 0.007) {
        const expected = districtAt(xiamen.districts, lon, lat);
        if (expected) inside++;
        if (index.districtAt(lon, lat) !== expected) expect({ lon, lat, got: index.districtAt(lon, lat) }).toEqual({ lon, lat, got: expected });
      }
    }
    expect(inside).toBeGreaterThan(2000); // the lattice did cover the districts, not only the sea
  });
});

import { describe, expect, it } from 'vitest';
import { districtAt } from '../geo/point-in-polygon.ts';
import { testRegion } from '../test-region.ts';
import { indexDistricts } from './polygon-index.ts';

describe('the banded district index', () => {
  it("gives districtAt's answer for every point of a fine lattice over the city's box (the region of the run)", () => {
    const { districts, bounds } = testRegion();
    const index = indexDistricts(districts);
    const steps = 90;
    let inside = 0;
    for (let i = 0; i < steps; i++) {
      for (let j = 0; j < steps; j++) {
        const lon = bounds.lonMin + ((i + 0.5) * (bounds.lonMax - bounds.lonMin)) / steps;
        const lat = bounds.latMin + ((j + 0.5) * (bounds.latMax - bounds.latMin)) / steps;
        const expected = districtAt(districts, lon, lat);
        if (expected) inside++;
        if (index.districtAt(lon, lat) !== expected) expect({ lon, lat, got: index.districtAt(lon, lat) }).toEqual({ lon, lat, got: expected });
      }
    }
    expect(inside).toBeGreaterThan((steps * steps) / 10); // the lattice did cover the districts, not only the sea
  });
});

import { describe, expect, it } from 'vitest';
import type { DistrictCollection, DistrictFeature } from '../region/types.ts';
import { xiamen } from '../region/xiamen/index.ts';
import { EARTH_RADIUS_KM, distanceKm } from './distance.ts';
import { districtAt, indexDistricts } from './point-in-polygon.ts';

const feature = (name: string, geometry: DistrictFeature['geometry']): DistrictFeature => ({
  type: 'Feature',
  properties: { name, center: [0, 0] },
  geometry,
});

// A U-shaped district with a square hole in its base, and beside it a district of two islands.
const u = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
const hole = [[1.2, 0.2], [1.8, 0.2], [1.8, 0.8], [1.2, 0.8], [1.2, 0.2]];
const islands = [
  [[[4, 0], [5, 0], [5, 1], [4, 1], [4, 0]]],
  [[[4, 2], [5, 2], [5, 3], [4, 3], [4, 2]]],
];
const toy: DistrictCollection = {
  type: 'FeatureCollection',
  features: [feature('U', { type: 'Polygon', coordinates: [u, hole] }), feature('Isles', { type: 'MultiPolygon', coordinates: islands })],
};

describe('districtAt', () => {
  it('finds points in either arm of a concave district, and none in its notch or its hole', () => {
    expect(districtAt(toy, 0.5, 2.5)).toBe('U');
    expect(districtAt(toy, 2.5, 2.5)).toBe('U');
    expect(districtAt(toy, 0.5, 0.5)).toBe('U');
    expect(districtAt(toy, 1.5, 2)).toBeNull(); // the notch between the arms
    expect(districtAt(toy, 1.5, 0.5)).toBeNull(); // the hole
  });

  it('finds points on every island of a multi-polygon district, and none between them or outside all', () => {
    expect(districtAt(toy, 4.5, 0.5)).toBe('Isles');
    expect(districtAt(toy, 4.5, 2.5)).toBe('Isles');
    expect(districtAt(toy, 4.5, 1.5)).toBeNull();
    expect(districtAt(toy, -1, 1)).toBeNull();
    expect(districtAt(toy, 1, 10)).toBeNull();
  });

  it('places every rain gauge of Xiamen in the district the region file gives it', () => {
    for (const g of xiamen.rainGauges) expect({ id: g.id, district: districtAt(xiamen.districts, g.lon, g.lat) }).toEqual({ id: g.id, district: g.district });
  });

  it('answers the same through a kept index as through the one-call form', () => {
    const index = indexDistricts(xiamen.districts);
    let inside = 0;
    for (let lon = 117.85; lon < 118.45; lon += 0.03) {
      for (let lat = 24.38; lat < 24.92; lat += 0.03) {
        const name = index.districtAt(lon, lat);
        if (name) inside++;
        expect(districtAt(xiamen.districts, lon, lat)).toBe(name);
      }
    }
    expect(inside).toBeGreaterThan(100); // the lattice did cover the districts, not only the sea
  });
});

describe('distanceKm', () => {
  it('is zero from a point to itself and the same both ways', () => {
    expect(distanceKm(118.1, 24.5, 118.1, 24.5)).toBe(0);
    expect(distanceKm(118.1, 24.5, 119.3, 26.1)).toBeCloseTo(distanceKm(119.3, 26.1, 118.1, 24.5), 9);
  });

  it('measures a degree of latitude as 1/360 of a meridian circle, and a degree of longitude shrinking with cos(latitude)', () => {
    const degreeKm = (2 * Math.PI * EARTH_RADIUS_KM) / 360;
    expect(distanceKm(118, 24, 118, 25)).toBeCloseTo(degreeKm, 6);
    expect(distanceKm(0, 0, 1, 0)).toBeCloseTo(degreeKm, 6);
    expect(distanceKm(0, 60, 0.001, 60) / distanceKm(0, 0, 0.001, 0)).toBeCloseTo(0.5, 4);
  });

  it('measures antipodes half the circumference apart', () => {
    expect(distanceKm(0, 0, 180, 0)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });
});

import { describe, expect, it } from 'vitest';
import { districtAt } from '../geo/point-in-polygon.ts';
import { DEFAULT_REGION_ID, regionById, regions } from './index.ts';
import { xiamen } from './xiamen/index.ts';

// Every region in the registry, whatever region the run is for: a region folder that breaks these
// would break the server that starts on it.
describe.each([...regions.values()].map((r) => [r.id, r] as const))('the %s region', (_id, region) => {
  const names = region.districts.features.map((f) => f.properties.name);

  it('names every district of its boundaries in zh and en, and no other', () => {
    expect(Object.keys(region.districtNames).sort()).toEqual([...names].sort());
    for (const n of names) expect([n, region.districtNames[n]?.zh, !!region.districtNames[n]?.en]).toEqual([n, n, true]);
  });

  it('places every rain gauge inside the district it names, each id once', () => {
    for (const g of region.rainGauges) expect([g.id, districtAt(region.districts, g.lon, g.lat)]).toEqual([g.id, g.district]);
    expect(new Set(region.rainGauges.map((g) => g.id)).size).toBe(region.rainGauges.length);
    for (const n of names) expect([n, region.rainGauges.some((g) => g.district === n)]).toEqual([n, true]);
  });

  it('holds every district outline inside its box', () => {
    const { lonMin, lonMax, latMin, latMax } = region.bounds;
    for (const f of region.districts.features) {
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      for (const [lon, lat] of rings.flat()) expect([f.properties.name, lon! >= lonMin && lon! <= lonMax && lat! >= latMin && lat! <= latMax]).toEqual([f.properties.name, true]);
    }
  });

  it('gives administrative codes only to its own districts', () => {
    for (const name of Object.values(region.adminCodes?.districts ?? {})) expect(names).toContain(name);
  });
});

describe('the region registry', () => {
  it('starts on Xiamen unless told otherwise, and names the regions it has when asked for one it does not', () => {
    expect(regionById(DEFAULT_REGION_ID)).toBe(xiamen);
    expect(() => regionById('atlantis')).toThrow(/no region "atlantis": one of xiamen, riverton/);
  });
});

// Xiamen's own data (this one test is Xiamen-only on purpose: it checks the real city's folder).
describe('the Xiamen region', () => {
  it('has its 6 districts, at least four gauges in each, and no district at sea', () => {
    expect(Object.keys(xiamen.districtNames).sort()).toEqual(['同安区', '思明区', '海沧区', '湖里区', '翔安区', '集美区'].sort());
    for (const f of xiamen.districts.features) expect(xiamen.rainGauges.filter((g) => g.district === f.properties.name).length).toBeGreaterThanOrEqual(4);
    expect(districtAt(xiamen.districts, 118.5, 24.3)).toBeNull();
  });
});

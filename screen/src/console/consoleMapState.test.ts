import { describe, expect, it } from 'vitest';
import { subdistrictAt, xiamen } from '@beacon/shared';
import { consoleMapState } from './consoleMapState.ts';
import { consoleState } from './fixtures.test-state.ts';

const ids = (s: ReturnType<typeof consoleState>, category: string) => Object.keys(s.latest[category] ?? {}).sort();

describe("the console map's records", () => {
  const state = consoleState();

  it('at the city and at an incident: every record', () => {
    expect(consoleMapState(xiamen, { kind: 'city' }, state)).toEqual({ state, region: xiamen });
    expect(consoleMapState(xiamen, { kind: 'incident', incidentId: 'INC-1' }, state)).toEqual({ state, region: xiamen });
  });

  it("at a district: that district's records only", () => {
    const { state: shown, region } = consoleMapState(xiamen, { kind: 'district', district: '集美区' }, state);
    expect(ids(shown, 'incident')).toEqual(['INC-1', 'INC-2']);
    expect(ids(shown, 'rescue-team')).toEqual(['T-BUSY', 'T-NEAR']);
    // Its gauges, and only its: the others would be drawn grey, as gauges without data.
    expect(region.rainGauges.map((g) => g.id)).toEqual(xiamen.rainGauges.filter((g) => g.district === '集美区').map((g) => g.id));
    expect(region.rainGauges.length).toBeGreaterThan(0);
    expect(region.districts).toBe(xiamen.districts);
  });

  it("at a town: that town's records only, not its neighbour's in the same district", () => {
    const town = subdistrictAt(xiamen, '集美区', 117.99, 24.6)!;
    const other = subdistrictAt(xiamen, '集美区', 118.05, 24.565)!;
    expect(town).not.toBe(other); // the fixture's two incidents lie in two towns
    const { state: shown, region } = consoleMapState(xiamen, { kind: 'subdistrict', district: '集美区', subdistrict: town }, state);
    expect(region.rainGauges.every((g) => g.district === '集美区' && subdistrictAt(xiamen, '集美区', g.lon, g.lat) === town)).toBe(true);
    expect(ids(shown, 'incident')).toEqual(['INC-1']);
    expect(ids(shown, 'rescue-team')).toEqual(['T-NEAR']);
    expect(ids(shown, 'shelter')).toEqual(['S-1']);
  });
});

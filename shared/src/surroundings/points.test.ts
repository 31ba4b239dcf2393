import { describe, expect, it } from 'vitest';
import { readDepots, readPopulation, readShelters, readStock, readTeams } from './points.ts';
import { stateWith, T0 } from './test-state.ts';

describe('reading points of interest from live state', () => {
  it('reads rescue teams and fire stations as forces, leaving out a record without a position', () => {
    const s = stateWith({
      'rescue-team': [
        { id: 'T1', data: { name: '思明区综合应急救援大队', members: 30, status: 'standby', lon: 118.1, lat: 24.5, incidentId: 'INC-1' } },
        { id: 'T2', data: { name: 'no position', members: 3, status: 'standby' } },
      ],
      'fire-station': [{ id: 'FS-1', data: { name: '思明特勤站', firefighters: 60, lon: 118.11, lat: 24.49 } }],
    });
    expect(readTeams(s)).toEqual([
      { id: 'T1', name: '思明区综合应急救援大队', lon: 118.1, lat: 24.5, observedAt: T0, category: 'rescue-team', status: 'standby', members: 30, incidentId: 'INC-1' },
      { id: 'FS-1', name: '思明特勤站', lon: 118.11, lat: 24.49, observedAt: T0, category: 'fire-station', status: null, members: 60, incidentId: null },
    ]);
  });

  it('joins stock lines to their depot by depot id, sorted by item', () => {
    const s = stateWith({
      'supply-depot': [{ id: 'D1', data: { name: '市级库', level: 'city', lon: 118.1, lat: 24.5 } }],
      'depot-stock': [
        { id: 'D1_tent', data: { depotId: 'D1', item: 'tent', quantity: 40, unit: '顶' } },
        { id: 'D1_pump', data: { depotId: 'D1', item: 'pump', quantity: 6, unit: '台' } },
        { id: 'D2_pump', data: { depotId: 'D2', item: 'pump', quantity: 1, unit: '台' } },
      ],
    });
    expect(readDepots(s)).toEqual([{ id: 'D1', name: '市级库', level: 'city', lon: 118.1, lat: 24.5, observedAt: T0 }]);
    expect(readStock(s).get('D1')).toEqual([{ item: 'pump', quantity: 6, unit: '台' }, { item: 'tent', quantity: 40, unit: '顶' }]);
    expect(readStock(s).get('D2')).toHaveLength(1);
  });

  it('reads shelters from the three categories that keep them', () => {
    const shelter = (id: string) => ({ id, data: { name: id, capacity: 100, occupancy: 20, status: 'open', lon: 118.1, lat: 24.5 } });
    const s = stateWith({ shelter: [shelter('S1')], 'resettlement-site': [shelter('R1')], 'school-shelter': [shelter('E1')] });
    expect(readShelters(s).map((p) => `${p.category}:${p.id}`)).toEqual(['shelter:S1', 'resettlement-site:R1', 'school-shelter:E1']);
  });

  it('counts people from the newest population grid only, skipping empty and malformed cells', () => {
    const s = stateWith({
      'population-heat': [
        { id: 'XM-1KM', data: { cells: [[118.1, 24.5, 999]] }, observedAt: T0 - 300_000 },
        { id: 'XM-500M', data: { cells: [[118.1, 24.5, 40], [118.2, 24.5, 0], ['x', 24.5, 3], [118.3, 24.6, 7]] }, observedAt: T0 },
      ],
    });
    expect(readPopulation(s)).toEqual({ gridId: 'XM-500M', observedAt: T0, cells: [{ lon: 118.1, lat: 24.5, people: 40 }, { lon: 118.3, lat: 24.6, people: 7 }] });
    expect(readPopulation(stateWith({}))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { xiamen } from '../region/xiamen/index.ts';
import { incidentPlace, scanSurroundings } from './incident.ts';
import type { DepotPoint, ShelterPoint, TeamPoint } from './points.ts';
import { supplyRadiusKm, surroundingsOf, SURROUNDINGS_LIMITS, type SurroundingsInput } from './surroundings.ts';
import { CENTRE, offset, stateWith, T0 } from './test-state.ts';
import { NO_SLOWDOWN } from './travel.ts';

const team = (id: string, km: number, over: Partial<TeamPoint> = {}): TeamPoint => ({
  id, name: id, ...offset(km), observedAt: T0, category: 'rescue-team', status: 'standby', members: 10, incidentId: null, ...over,
});
const depot = (id: string, km: number): DepotPoint => ({ id, name: id, ...offset(km, 90), observedAt: T0, level: 'district' });
const shelter = (id: string, km: number, over: Partial<ShelterPoint> = {}): ShelterPoint => ({
  id, name: id, ...offset(km), observedAt: T0, category: 'shelter', capacity: 500, occupancy: 100, status: 'open', ...over,
});

function input(over: Partial<SurroundingsInput> = {}): SurroundingsInput {
  return {
    centre: { ...CENTRE, district: '思明区' },
    incident: { incidentId: 'INC-1', title: '塌方', kind: 'collapse', severity: 'III', status: 'open' },
    teams: [], depots: [], stock: new Map(), hospitals: [], shelters: [], hazards: [],
    sluices: [], pumps: [], dikes: [], dangerousBuildings: [], ponding: [],
    population: { grid: null, cells: [] },
    slowdown: NO_SLOWDOWN, now: T0, seq: 7,
    ...over,
  };
}

describe('surroundingsOf', () => {
  it('lists the nearest teams first with distance to the metre and ETA to 0.1 min, at most 8', () => {
    const teams = [12, 0.5, 3, 9, 1, 2, 7, 4, 30, 5].map((km, i) => team(`T${i}`, km));
    const a = surroundingsOf(input({ teams }));
    expect(a.teams).toHaveLength(SURROUNDINGS_LIMITS.teams);
    expect(a.teams.map((t) => t.distanceKm)).toEqual([0.5, 1, 2, 3, 4, 5, 7, 9]);
    // 3 km × 1.4 ÷ 40 km/h = 6.3 min.
    expect(a.teams[3]).toMatchObject({ id: 'T2', distanceKm: 3, etaMin: 6.3, category: 'rescue-team', assignedHere: false });
  });

  it('marks the teams already sent to this incident', () => {
    const a = surroundingsOf(input({ teams: [team('T1', 1, { incidentId: 'INC-1', status: 'dispatched' }), team('T2', 2, { incidentId: 'INC-9' })] }));
    expect(a.teams.map((t) => [t.id, t.assignedHere])).toEqual([['T1', true], ['T2', false]]);
  });

  it('orders equally distant points by category and id, whatever order they come in', () => {
    const same = [team('B', 2), team('A', 2), team('F', 2, { category: 'fire-station', status: null })];
    const ids = (ts: TeamPoint[]) => surroundingsOf(input({ teams: ts })).teams.map((t) => t.id);
    expect(ids(same)).toEqual(['F', 'A', 'B']);
    expect(ids([...same].reverse())).toEqual(['F', 'A', 'B']);
  });

  it('puts every depot a truck reaches within 60 min in the supply circle, with its stock, and names the nearest beyond', () => {
    // A truck covers 30 ÷ 1.4 = 21.43 km of straight line in an hour.
    const stock = new Map([['D-near', [{ item: 'sandbag', quantity: 5000, unit: '条' }]]]);
    const a = surroundingsOf(input({ depots: [depot('D-far', 40), depot('D-edge', 21.4), depot('D-near', 3), depot('D-out', 21.5)], stock }));
    expect(a.supplyCircle.minutes).toBe(60);
    expect(a.supplyCircle.radiusKm).toBeCloseTo(21.429, 3);
    expect(a.supplyCircle.depots.map((d) => d.id)).toEqual(['D-near', 'D-edge']);
    expect(a.supplyCircle.depots[0]).toMatchObject({ etaMin: 8.4, stock: [{ item: 'sandbag', quantity: 5000, unit: '条' }] });
    expect(a.supplyCircle.depots[1]!.etaMin).toBeLessThanOrEqual(60);
    expect(a.supplyCircle.depots[1]!.stock).toEqual([]);
    expect(a.supplyCircle.nearestOutside).toMatchObject({ id: 'D-out' });
    expect(a.supplyCircle.nearestOutside!.etaMin).toBeGreaterThan(60);
  });

  it('shrinks the supply circle and lengthens every ETA in bad weather', () => {
    const slowdown = { factor: 1.25, reasons: [{ zh: '暴雨', en: 'Heavy rain' }] };
    const a = surroundingsOf(input({ depots: [depot('D-18', 18), depot('D-16', 16)], teams: [team('T', 12)], slowdown }));
    expect(a.supplyCircle.radiusKm).toBeCloseTo(supplyRadiusKm(slowdown), 3);
    expect(a.supplyCircle.radiusKm).toBeCloseTo(17.143, 3);
    expect(a.supplyCircle.depots.map((d) => d.id)).toEqual(['D-16']);
    expect(a.teams[0]!.etaMin).toBe(31.5); // 12 km: 25.2 min × 1.25
    expect(a.travel).toEqual({ windingFactor: 1.4, speedsKmh: { team: 40, depot: 30, hospital: 40, shelter: 25 }, slowdown: 1.25, reasons: slowdown.reasons });
  });

  it('lists usable shelters with free places (never below zero), leaving closed ones out', () => {
    const a = surroundingsOf(input({
      shelters: [shelter('S-closed', 0.2, { status: 'closed' }), shelter('S-full', 1, { status: 'full', occupancy: 530 }), shelter('S-open', 2, { category: 'school-shelter' })],
    }));
    expect(a.shelters.map((s) => [s.id, s.free, s.category])).toEqual([['S-full', 0, 'shelter'], ['S-open', 400, 'school-shelter']]);
    // 2 km × 1.4 ÷ 25 km/h = 6.72 min.
    expect(a.shelters[1]!.etaMin).toBe(6.7);
  });

  it('lists the nearest 5 hospitals with their free beds', () => {
    const hospitals = [6, 1, 5, 2, 4, 3].map((km, i) => ({ id: `H${i}`, name: `H${i}`, ...offset(km), observedAt: T0, freeBeds: 10 * i, totalBeds: 500, icuFree: null, grade: 'tertiary' }));
    const a = surroundingsOf(input({ hospitals }));
    expect(a.hospitals.map((h) => [h.id, h.freeBeds])).toEqual([['H1', 10], ['H3', 30], ['H5', 50], ['H4', 40], ['H2', 20]]);
  });

  it('counts people in 1, 3 and 5 km and says which grid it used', () => {
    const cells = [{ ...offset(0.2), people: 800 }, { ...offset(2.5, 90), people: 3000 }, { ...offset(4.5), people: 10_000 }, { ...offset(8), people: 1e6 }];
    const a = surroundingsOf(input({ population: { grid: { gridId: 'XM-500M', observedAt: T0 - 60_000 }, cells } }));
    expect(a.population).toEqual({
      gridId: 'XM-500M', observedAt: T0 - 60_000,
      rings: [{ radiusKm: 1, people: 800 }, { radiusKm: 3, people: 3800 }, { radiusKm: 5, people: 13_800 }],
    });
  });

  it('answers with empty lists and zero people where nothing is known', () => {
    const a = surroundingsOf(input());
    expect(a).toMatchObject({ asOf: T0, seq: 7, teams: [], hospitals: [], shelters: [], supplyCircle: { depots: [], nearestOutside: null } });
    expect(a.population.rings.map((r) => r.people)).toEqual([0, 0, 0]);
  });
});

describe('scanSurroundings over live state', () => {
  it('finds an incident by id, its district, and the slowdown of that district', () => {
    const s = stateWith({
      incident: [{ id: 'INC-7', data: { title: '筼筜路积水', kind: 'waterlogging', severity: 'IV', status: 'open', ...CENTRE, district: '思明区' } }],
      'rain-gauge': [{ id: 'SM06', data: { rainfall1hMm: 45 } }],
      'rescue-team': [{ id: 'T1', data: { name: 'T1', members: 12, status: 'standby', ...offset(4) } }],
    });
    expect(incidentPlace(s, xiamen, 'INC-404')).toBeNull();
    const place = incidentPlace(s, xiamen, 'INC-7')!;
    expect(place.centre).toEqual({ ...CENTRE, district: '思明区' });
    const a = scanSurroundings(s, xiamen, place.centre, place.incident, T0);
    expect(a.incident).toEqual({ incidentId: 'INC-7', title: '筼筜路积水', kind: 'waterlogging', severity: 'IV', status: 'open' });
    expect(a.travel.slowdown).toBe(1.25);
    expect(a.teams[0]).toMatchObject({ id: 'T1', distanceKm: 4, etaMin: 10.5 }); // 8.4 min × 1.25
  });
});

describe('hazards around an incident', () => {
  const at = (km: number) => offset(km);
  const state = () => stateWith({
    'road-closure': [
      { id: 'RC-NEAR', data: { road: '环岛路 胡里山段', status: 'closed', ...at(0.8) } },
      { id: 'RC-OPEN', data: { road: '环岛路 曾厝垵段', status: 'reopened', ...at(0.5) } },
      { id: 'RC-FAR', data: { road: '翔安大道', status: 'closed', ...at(5.5) } },
    ],
    'traffic-control': [{ id: 'TC-1', data: { location: '演武大桥', status: 'active', measure: 'closed', ...at(1.2) } }],
    'power-outage': [
      { id: 'PO-1', data: { feeder: '10kV 厦大I路', households: 1800, status: 'out', ...at(2) } },
      { id: 'PO-2', data: { feeder: '10kV 厦大II路', households: 0, status: 'restored', ...at(2) } },
    ],
    'base-station-outage': [{ id: 'BS-1', data: { status: 'down', ...at(3) } }, { id: 'BS-2', data: { status: 'on-backup', ...at(3) } }],
    'river-level': [{ id: 'RIV-1', data: { name: '东西溪 同安站', levelM: 5.46, warningLevelM: 5, ...at(4) } }],
    'reservoir-level': [{ id: 'RSV-1', data: { name: '上李水库', levelM: 30, floodLimitLevelM: 30, ...at(4) } }],
    'tide-level': [{ id: 'XIAMEN', data: { name: '厦门站', levelCm: 690, warningLevelCm: 650, ...at(4.5) } }],
  });

  it('names roads closed, controls in force, outages and stations over their levels within 5 km, nearest first', () => {
    const a = scanSurroundings(state(), xiamen, { ...CENTRE, district: '思明区' }, null, T0);
    expect(a.hazards.map((h) => h.id)).toEqual(['RC-NEAR', 'TC-1', 'PO-1', 'BS-1', 'RIV-1', 'XIAMEN']);
    expect(a.hazards.find((h) => h.id === 'PO-1')).toMatchObject({ category: 'power-outage', name: '10kV 厦大I路', households: 1800, status: 'out', distanceKm: 2 });
    expect(a.hazards.find((h) => h.id === 'RIV-1')).toMatchObject({ category: 'river-level', overBy: 0.46 });
    expect(a.hazards.find((h) => h.id === 'XIAMEN')).toMatchObject({ category: 'tide-level', overBy: 40 });
  });

  it('leaves out what has reopened or been restored, a station at its level, and anything beyond 5 km', () => {
    const ids = scanSurroundings(state(), xiamen, { ...CENTRE, district: '思明区' }, null, T0).hazards.map((h) => h.id);
    for (const gone of ['RC-OPEN', 'PO-2', 'BS-2', 'RSV-1', 'RC-FAR']) expect(ids).not.toContain(gone);
  });
});

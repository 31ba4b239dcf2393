import { describe, expect, it } from 'vitest';
import { xiamen } from '../region/xiamen/index.ts';
import { emptyLiveState, type LatestRecord, type LiveState } from '../state/live-state.ts';
import { dict, ownOrMake, setOwn } from '../util/dict.ts';
import { AREA_FIGURE_KEYS, areaFigures, type AreaFigureKey } from './area-figures.ts';
import { ViewFilter } from './filter.ts';
import { defenceFigures } from '../wall/defence.ts';

const T0 = Date.parse('2026-09-14T08:00:00Z');

/** A state holding the given newest records, keyed by category and entity id. */
function stateWith(records: [category: string, id: string, minute: number, data: Record<string, unknown>][]): LiveState {
  const s = emptyLiveState();
  for (const [c, id, minute, data] of records) {
    const rec: LatestRecord = { entityId: id, observedAt: T0 + minute * 60_000, version: 1, seq: 1, data };
    setOwn(ownOrMake(s.latest, c, dict), id, rec);
  }
  return s;
}

const figure = (figures: ReturnType<typeof areaFigures>, key: AreaFigureKey) => figures.find((f) => f.key === key)!;

describe('areaFigures', () => {
  it('gives every figure, in order, with nothing sent: zero records and no data age', () => {
    const figures = areaFigures(emptyLiveState());
    expect(figures.map((f) => f.key)).toEqual([...AREA_FIGURE_KEYS]);
    for (const f of figures) expect(f).toMatchObject({ value: 0, records: 0, newestAt: null, target: null });
  });

  it('adds up people and households, counts what is closed or down, and skips what has reopened or been restored', () => {
    const s = stateWith([
      ['evacuation', '350203', 0, { district: '思明区', evacuatedPeople: 1200 }],
      ['evacuation', '350213', 5, { district: '翔安区', evacuatedPeople: 800 }],
      ['power-outage', 'PO-1', 1, { district: '思明区', households: 300, status: 'out' }],
      ['power-outage', 'PO-2', 2, { district: '思明区', households: 40, status: 'restored' }],
      ['road-closure', 'RC-1', 3, { district: '思明区', status: 'closed' }],
      ['road-closure', 'RC-2', 3, { district: '思明区', status: 'reopened' }],
      ['base-station-outage', 'BS-1', 3, { district: '思明区', status: 'down' }],
      ['base-station-outage', 'BS-2', 3, { district: '思明区', status: 'on-backup' }],
    ]);
    const f = areaFigures(s);
    expect(figure(f, 'evacuated')).toMatchObject({ value: 2000, records: 2, newestAt: T0 + 5 * 60_000, department: 'civilAffairs' });
    expect(figure(f, 'householdsOut')).toMatchObject({ value: 300, records: 2 });
    expect(figure(f, 'roadsClosed')).toMatchObject({ value: 1, records: 2 });
    expect(figure(f, 'baseStationsDown')).toMatchObject({ value: 1, records: 2 });
  });

  it('gives a target where one exists: boats registered, schools, sites and cranes on record', () => {
    const s = stateWith([
      ['fishing-boat', 'HB-1', 0, { boatsInHarbour: 90, boatsRegistered: 120 }],
      ['fishing-boat', 'HB-2', 0, { boatsInHarbour: 10, boatsRegistered: 30 }],
      ['school-closure', 'S-1', 0, { status: 'closed' }],
      ['school-closure', 'S-2', 0, { status: 'open' }],
      ['tower-crane', 'C-1', 0, { status: 'unsecured' }],
    ]);
    const f = areaFigures(s);
    expect(figure(f, 'boatsInHarbour')).toMatchObject({ value: 100, target: 150 });
    expect(figure(f, 'schoolsClosed')).toMatchObject({ value: 1, target: 2 });
    expect(figure(f, 'cranesSecured')).toMatchObject({ value: 0, target: 1 });
    expect(figure(f, 'ferriesSuspended').target).toBeNull();
  });

  it('counts a station over its level only when it is above it, not at it or without a warning level', () => {
    const s = stateWith([
      ['reservoir-level', 'R-1', 0, { levelM: 30.2, floodLimitLevelM: 30 }],
      ['reservoir-level', 'R-2', 0, { levelM: 30, floodLimitLevelM: 30 }],
      ['river-level', 'V-1', 0, { levelM: 5, warningLevelM: 4.5 }],
      ['river-level', 'V-2', 0, { levelM: 5 }],
      ['tide-level', 'T-1', 0, { levelCm: 420, warningLevelCm: 400 }],
    ]);
    const f = areaFigures(s);
    expect(figure(f, 'reservoirsOver')).toMatchObject({ value: 1, records: 2 });
    expect(figure(f, 'riversOver')).toMatchObject({ value: 1, records: 2 });
    expect(figure(f, 'tidesOver')).toMatchObject({ value: 1, records: 1 });
  });

  it('splits casualties into dead, injured and missing', () => {
    const s = stateWith([
      ['casualty-report', 'CAS-1', 0, { district: '集美区', deaths: 1, injured: 4, missing: 2 }],
      ['casualty-report', 'CAS-2', 0, { district: '集美区', deaths: 0, injured: 3, missing: 0 }],
    ]);
    const f = areaFigures(s);
    expect([figure(f, 'deaths').value, figure(f, 'injured').value, figure(f, 'missing').value]).toEqual([1, 7, 2]);
  });

  it('keeps to the area it is given: a district view counts its own records and the city-wide ones', () => {
    const s = stateWith([
      ['road-closure', 'RC-SM', 0, { district: '思明区', status: 'closed', lon: 118.09, lat: 24.45 }],
      ['road-closure', 'RC-JM', 0, { district: '集美区', status: 'closed', lon: 118.03, lat: 24.6 }],
      ['tide-level', 'XIAMEN', 0, { levelCm: 420, warningLevelCm: 400 }],
    ]);
    const filter = new ViewFilter(xiamen, { kind: 'district', district: '思明区' });
    const f = areaFigures(s, (c, r) => filter.includes(c, r));
    expect(figure(f, 'roadsClosed')).toMatchObject({ value: 1, records: 1 });
    expect(figure(f, 'tidesOver')).toMatchObject({ value: 1, records: 1 });
    expect(figure(areaFigures(s), 'roadsClosed').value).toBe(2);
  });

  it('reads ids such as __proto__ and constructor as ordinary entities', () => {
    const s = stateWith([
      ['road-closure', '__proto__', 0, { status: 'closed' }],
      ['road-closure', 'constructor', 0, { status: 'closed' }],
    ]);
    expect(figure(areaFigures(s), 'roadsClosed')).toMatchObject({ value: 2, records: 2 });
  });

  it('agrees with the wall\'s defence panel for the whole city: a district and its town counted once, fallen trees by tree', () => {
    const s = stateWith([
      ['evacuation', '350203', 0, { district: '思明区', evacuatedPeople: 1200 }],
      ['evacuation', '350203001', 1, { district: '思明区', evacuatedPeople: 300 }],
      ['fallen-tree', 'FT-1', 0, { status: 'reported', trees: 4 }],
      ['fallen-tree', 'FT-2', 0, { status: 'cleared', trees: 2 }],
    ]);
    const city = areaFigures(s);
    const wall = new Map(defenceFigures(s, T0 + 3600_000).map((f) => [f.category, f.value]));
    expect(figure(city, 'evacuated').value).toBe(1200);
    expect(figure(city, 'evacuated').value).toBe(wall.get('evacuation'));
    expect(figure(city, 'fallenTrees').value).toBe(4);
    expect(figure(city, 'fallenTrees').value).toBe(wall.get('fallen-tree'));
  });
});

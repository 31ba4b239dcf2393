import { describe, expect, it } from 'vitest';
import { xiamen } from '../region/xiamen/index.ts';
import { emptyLiveState, type LatestRecord, type LiveState } from '../state/live-state.ts';
import { dict, ownOrMake, setOwn } from '../util/dict.ts';
import type { AreaRef } from './defence-area.ts';
import { defenceFigures, type DefenceFigure } from './defence-figures.ts';
import { DEFENCE_FIGURES, type DefenceFigureId } from './defence-rules.ts';

// The console's side of the defence figures: an area's share, its targets and data age.

const T0 = Date.parse('2026-09-14T08:00:00Z');
const NOW = T0 + 3600_000;

/** A state holding the given newest records, keyed by category and entity id. */
function stateWith(records: [category: string, id: string, minute: number, data: Record<string, unknown>][]): LiveState {
  const s = emptyLiveState();
  for (const [c, id, minute, data] of records) {
    const rec: LatestRecord = { entityId: id, observedAt: T0 + minute * 60_000, version: 1, seq: 1, data };
    setOwn(ownOrMake(s.latest, c, dict), id, rec);
  }
  return s;
}

const inArea = (s: LiveState, area?: AreaRef) => defenceFigures(s, NOW, area ? { area: { region: xiamen, area } } : {});
const figure = (figures: readonly DefenceFigure[], id: DefenceFigureId) => figures.find((f) => f.id === id)!;
const district = (name: string): AreaRef => ({ kind: 'district', district: name });

describe('defenceFigures of an area', () => {
  it('gives every figure, in order, with nothing sent: no entities and no data age', () => {
    const figures = inArea(emptyLiveState(), district('思明区'));
    expect(figures.map((f) => f.id)).toEqual([...DEFENCE_FIGURES]);
    for (const f of figures) expect(f).toMatchObject({ value: 0, entities: 0, newestAt: null, target: null });
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
    const f = inArea(s);
    expect(figure(f, 'evacuated')).toMatchObject({ value: 2000, entities: 2, newestAt: T0 + 5 * 60_000, department: 'civilAffairs' });
    expect(figure(f, 'households-without-power')).toMatchObject({ value: 300, entities: 2 });
    expect(figure(f, 'roads-closed')).toMatchObject({ value: 1, entities: 2 });
    expect(figure(f, 'base-stations-down')).toMatchObject({ value: 1, entities: 2 });
    expect(figure(inArea(s, district('思明区')), 'evacuated')).toMatchObject({ value: 1200, entities: 1, newestAt: T0 });
  });

  it('gives a target and progress where one exists: boats registered, schools, sites and cranes on record', () => {
    const s = stateWith([
      ['fishing-boat', 'HB-1', 0, { boatsInHarbour: 90, boatsRegistered: 120 }],
      ['fishing-boat', 'HB-2', 0, { boatsInHarbour: 10, boatsRegistered: 30 }],
      ['school-closure', 'S-1', 0, { status: 'closed' }],
      ['school-closure', 'S-2', 0, { status: 'open' }],
      ['tower-crane', 'C-1', 0, { status: 'unsecured' }],
      ['ferry-suspension', 'F-1', 0, { status: 'suspended' }],
    ]);
    const f = inArea(s);
    expect(figure(f, 'boats-in-harbour')).toMatchObject({ value: 100, target: 150, progress: 100 / 150 });
    expect(figure(f, 'schools-closed')).toMatchObject({ value: 1, target: 2, progress: 0.5 });
    expect(figure(f, 'cranes-secured')).toMatchObject({ value: 0, target: 1, progress: 0 });
    // Ferries have a whole (the routes reported) but suspending them all is no goal.
    expect(figure(f, 'ferries-suspended')).toMatchObject({ value: 1, of: 1, target: null, progress: null });
  });

  it('counts a station over its level only when it is above it, not at it or without a warning level', () => {
    const s = stateWith([
      ['reservoir-level', 'R-1', 0, { levelM: 30.2, floodLimitLevelM: 30 }],
      ['reservoir-level', 'R-2', 0, { levelM: 30, floodLimitLevelM: 30 }],
      ['river-level', 'V-1', 0, { levelM: 5, warningLevelM: 4.5 }],
      ['river-level', 'V-2', 0, { levelM: 5 }],
      ['tide-level', 'T-1', 0, { levelCm: 420, warningLevelCm: 400 }],
      ['tide-level', 'T-2', 0, { warningLevelCm: -10 }],
    ]);
    const f = inArea(s);
    expect(figure(f, 'reservoirs-over')).toMatchObject({ value: 1, entities: 2 });
    expect(figure(f, 'rivers-over')).toMatchObject({ value: 1, entities: 2 });
    // A station that sent no level is not over, whatever its warning level.
    expect(figure(f, 'tides-over')).toMatchObject({ value: 1, entities: 2 });
  });

  it('splits casualties into dead, injured and missing', () => {
    const s = stateWith([
      ['casualty-report', 'CAS-1', 0, { district: '集美区', deaths: 1, injured: 4, missing: 2 }],
      ['casualty-report', 'CAS-2', 0, { district: '集美区', deaths: 0, injured: 3, missing: 0 }],
    ]);
    expect(figure(inArea(s, district('集美区')), 'casualties')).toMatchObject({ value: 10, detail: { deaths: 1, injured: 7, missing: 2 } });
  });

  it('keeps to the area it is given: a district view counts its own records and the city-wide ones', () => {
    const s = stateWith([
      ['road-closure', 'RC-SM', 0, { district: '思明区', status: 'closed', lon: 118.09, lat: 24.45 }],
      ['road-closure', 'RC-JM', 0, { district: '集美区', status: 'closed', lon: 118.03, lat: 24.6 }],
      ['tide-level', 'XIAMEN', 0, { levelCm: 420, warningLevelCm: 400 }],
    ]);
    const f = inArea(s, district('思明区'));
    expect(figure(f, 'roads-closed')).toMatchObject({ value: 1, entities: 1 });
    expect(figure(f, 'tides-over')).toMatchObject({ value: 1, entities: 1 });
    expect(figure(inArea(s), 'roads-closed').value).toBe(2);
  });

  it('a subdistrict counts the points near its seat, and district-level records of its district', () => {
    const s = stateWith([
      ['road-closure', 'RC-GLY', 0, { district: '思明区', status: 'closed', lon: 118.067, lat: 24.447 }],
      ['road-closure', 'RC-LQ', 0, { district: '思明区', status: 'closed', lon: 118.16, lat: 24.478 }],
      ['power-outage', 'PO-SM', 0, { district: '思明区', households: 50, status: 'out' }],
    ]);
    const f = inArea(s, { kind: 'subdistrict', district: '思明区', subdistrict: '鼓浪屿' });
    expect(figure(f, 'roads-closed')).toMatchObject({ value: 1, entities: 1 });
    expect(figure(f, 'households-without-power').value).toBe(50);
  });

  it('places an evacuation count by its area code, whatever district its record names', () => {
    const s = stateWith([
      // 350212 is 同安区's code: its town's record misnames the district.
      ['evacuation', '350212', 0, { district: '同安区', evacuatedPeople: 5000 }],
      ['evacuation', '350212101', 0, { district: '思明区', evacuatedPeople: 1200 }],
    ]);
    expect(figure(inArea(s, district('同安区')), 'evacuated')).toMatchObject({ value: 5000, entities: 2 });
    expect(figure(inArea(s, district('思明区')), 'evacuated')).toMatchObject({ value: 0, entities: 0 });
  });

  it('reads ids such as __proto__ and constructor as ordinary entities', () => {
    const s = stateWith([
      ['road-closure', '__proto__', 0, { status: 'closed' }],
      ['road-closure', 'constructor', 0, { status: 'closed' }],
      ['evacuation', '__proto__', 0, { district: '思明区', evacuatedPeople: 7 }],
    ]);
    expect(figure(inArea(s), 'roads-closed')).toMatchObject({ value: 2, entities: 2 });
    expect(figure(inArea(s, district('思明区')), 'evacuated').value).toBe(7);
  });

  it('the city\'s figures are the districts\' added up: a district and its town counted once, fallen trees by tree', () => {
    const s = stateWith([
      ['evacuation', '350203', 0, { district: '思明区', evacuatedPeople: 1200 }],
      ['evacuation', '350203001', 1, { district: '思明区', evacuatedPeople: 300 }],
      ['evacuation', '350213101', 1, { district: '翔安区', evacuatedPeople: 40 }],
      ['fallen-tree', 'FT-1', 0, { district: '湖里区', status: 'reported', trees: 4 }],
      ['fallen-tree', 'FT-2', 0, { district: '湖里区', status: 'cleared', trees: 2 }],
      ['fallen-tree', 'FT-3', 0, { district: '海沧区', status: 'reported', trees: 3 }],
    ]);
    const city = inArea(s);
    const districts = Object.keys(xiamen.districtNames).map((d) => inArea(s, district(d)));
    const summed = (id: DefenceFigureId) => districts.reduce((n, f) => n + figure(f, id).value, 0);
    expect(figure(city, 'evacuated').value).toBe(1240);
    expect(summed('evacuated')).toBe(1240);
    expect(figure(city, 'fallen-trees').value).toBe(7);
    expect(summed('fallen-trees')).toBe(7);
  });
});

import { describe, expect, it } from 'vitest';
import { scanSurroundings, xiamen, type LiveState } from '@beacon/shared';
import { CENTRE, offset, stateWith, T0 } from '@beacon/shared/surroundings/test-state.ts';
import { SurroundingsIndex } from './surroundings-index.ts';

const team = (id: string, km: number) => ({ id, data: { name: id, members: 5, status: 'standby', ...offset(km) } });
const centre = { ...CENTRE, district: '思明区' };
const grid = [{ id: 'G', data: { cells: [[CENTRE.lon, CENTRE.lat, 10]] } }];

describe('SurroundingsIndex', () => {
  it('builds each kind once, and rebuilds only a kind whose categories changed, on the next query', () => {
    let state: LiveState = stateWith({ 'rescue-team': [team('T1', 1), team('T2', 2)], 'population-heat': grid });
    const index = new SurroundingsIndex(() => state, xiamen);
    expect(index.query(centre, null, 0).teams.map((t) => t.id)).toEqual(['T1', 'T2']);
    const first = index.rebuilds;
    expect(first).toBe(12); // teams, depots, stock, hospitals, shelters, population, hazards, sluices, pumps, dikes, dangerous buildings, ponding

    index.query(centre, null, 0);
    index.noteChanged(['rain-gauge', 'incident']);
    index.query(centre, null, 0);
    expect(index.rebuilds).toBe(first);

    // T1 moves away; a burst of changes costs one rebuild, of the teams only.
    state = stateWith({ 'rescue-team': [team('T1', 9), team('T2', 2)], 'population-heat': grid });
    index.noteChanged(['rescue-team']);
    index.noteChanged(['rescue-team', 'fire-station']);
    const a = index.query(centre, null, 0);
    expect(a.teams.map((t) => t.id)).toEqual(['T2', 'T1']);
    expect(index.rebuilds).toBe(first + 1);
    expect(a.population.rings[0]!.people).toBe(10);
  });

  it('shows a team dispatched by command as dispatched there, once the command\'s delta is noted', () => {
    const before = stateWith({ 'rescue-team': [team('T1', 1)] });
    let state = before;
    const index = new SurroundingsIndex(() => state, xiamen);
    expect(index.query(centre, null, 0).teams[0]).toMatchObject({ status: 'standby', incidentId: null });
    // A dispatch changes the command slice only: no rescue-team record arrives with it.
    const command = { ...before.command, dispatches: { T1: { at: T0 + 60_000, by: { id: 'u', name: '王指挥', role: 'commander' as const }, commandId: 'c1', incidentId: 'INC-1' } } };
    state = { ...before, command };
    index.noteApplied({ latest: {}, command });
    expect(index.query(centre, null, 0).teams[0]).toMatchObject({ status: 'dispatched', incidentId: 'INC-1' });
  });

  it('answers from the state it is given at query time, even before any change was noted', () => {
    const index = new SurroundingsIndex(() => stateWith({}), xiamen);
    const a = index.query(centre, null, 0);
    expect(a.teams).toEqual([]);
    expect(a.population).toEqual({ gridId: null, observedAt: null, rings: [{ radiusKm: 1, people: 0 }, { radiusKm: 3, people: 0 }, { radiusKm: 5, people: 0 }] });
  });

  it('lists the hazards near the centre as the linear scan does, and re-reads them when a closure reopens', () => {
    const closure = (id: string, km: number, status: string) => ({ id, data: { road: id, status, ...offset(km) } });
    const outage = (id: string, km: number) => ({ id, data: { feeder: id, households: 100 + km, status: 'out', ...offset(km, 90) } });
    const records = (s: string) => ({
      'road-closure': [closure('RC-1', 1, s), ...Array.from({ length: 14 }, (_, i) => closure(`RC-X${i}`, 1.5 + i * 0.3, 'closed'))],
      'power-outage': [outage('PO-1', 0.7), outage('PO-2', 6)],
    });
    let state = stateWith(records('closed'));
    const index = new SurroundingsIndex(() => state, xiamen);
    expect(index.query(centre, null, 0).hazards).toEqual(scanSurroundings(state, xiamen, centre, null, 0).hazards);
    expect(index.query(centre, null, 0).hazards.slice(0, 2).map((h) => h.id)).toEqual(['PO-1', 'RC-1']);
    state = stateWith(records('reopened'));
    index.noteChanged(['road-closure']);
    const a = index.query(centre, null, 0);
    expect(a.hazards.map((h) => h.id)).not.toContain('RC-1');
    expect(a.hazards).toEqual(scanSurroundings(state, xiamen, centre, null, 0).hazards);
  });

  it('re-reads both sluices and pumping stations when a sluice-pump record changes, and answers as the linear scan', () => {
    const facility = (id: string, kind: 'sluice' | 'pump-station', status: string, km: number) => ({ id, data: { name: id, facility: kind, status, ...offset(km) } });
    let state = stateWith({
      'sluice-pump': [facility('SL-1', 'sluice', 'open', 1), facility('PS-1', 'pump-station', 'running', 2)],
      'manhole-alert': [{ id: 'MH-1', data: { alarm: 'overflow', status: 'alarm', ...offset(0.5) } }],
    });
    const index = new SurroundingsIndex(() => state, xiamen);
    const before = index.query(centre, null, 0);
    expect([before.sluices[0]!.status, before.pumps[0]!.status, before.ponding[0]!.id]).toEqual(['open', 'running', 'MH-1']);
    const built = index.rebuilds;

    // The gate shuts against the tide and the pumps stop: one category, two kinds re-read; the manholes are not.
    state = stateWith({
      'sluice-pump': [facility('SL-1', 'sluice', 'closed', 1), facility('PS-1', 'pump-station', 'fault', 2)],
      'manhole-alert': [{ id: 'MH-1', data: { alarm: 'overflow', status: 'alarm', ...offset(0.5) } }],
    });
    index.noteChanged(['sluice-pump']);
    const after = index.query(centre, null, 0);
    expect(index.rebuilds).toBe(built + 2);
    expect([after.sluices[0]!.status, after.pumps[0]!.status, after.pumps[0]!.alarm]).toEqual(['closed', 'fault', true]);
    const scan = scanSurroundings(state, xiamen, centre, null, 0);
    for (const kind of ['sluices', 'pumps', 'dikes', 'dangerousBuildings', 'ponding'] as const) expect(after[kind]).toEqual(scan[kind]);
  });

  it('finds an alarm beyond the nearest few of its kind, as the linear scan does', () => {
    const manhole = (id: string, km: number, status: string) => ({ id, data: { alarm: 'overflow', status, ...offset(km) } });
    const state = stateWith({
      'manhole-alert': [...Array.from({ length: 8 }, (_, i) => manhole(`MH-${i}`, 0.1 * (i + 1), 'handling')), manhole('MH-FAR', 4.5, 'alarm')],
    });
    const index = new SurroundingsIndex(() => state, xiamen);
    const a = index.query(centre, null, 0);
    expect(a.ponding[0]).toMatchObject({ id: 'MH-FAR', alarm: true });
    expect(a.ponding).toEqual(scanSurroundings(state, xiamen, centre, null, 0).ponding);
  });
});

import { describe, expect, it } from 'vitest';
import { categories } from '../categories/registry.ts';
import type { RecordReceived } from '../events.ts';
import { emptyLiveState, type LiveState } from '../state/live-state.ts';
import { fold } from '../state/reducer.ts';
import { deltaOf } from '../state/delta.ts';
import { defenceTallies } from '../wall/defence-tally.ts';
import { defenceFigures, type DefenceFigure } from './defence-figures.ts';
import { DEFENCE_FIGURES, type DefenceFigureId } from './defence-rules.ts';

const HOUR = 3600_000;
const NOW = Date.parse('2026-09-14T20:00:00+08:00');

let seq = 0;
/** A record as ingest logs it, folded by the one reducer (so trends are the reducer's). */
function rec(category: string, id: string, at: number, payload: Record<string, unknown>): RecordReceived {
  seq += 1;
  const iso = new Date(at).toISOString();
  const c = categories.get(category)!;
  return {
    type: 'record.received',
    seq,
    receivedAt: iso,
    department: c.department,
    category,
    entityId: id,
    observedAt: iso,
    version: 1,
    payload: { [c.idField]: id, observedAt: iso, ...payload },
  };
}

const stateOf = (events: RecordReceived[]): LiveState => fold(emptyLiveState(), events);
const figure = (state: LiveState, id: DefenceFigureId, now = NOW): DefenceFigure => defenceFigures(state, now).find((f) => f.id === id)!;

describe('defenceFigures', () => {
  it('lists every figure, in a fixed order, each with its category and department, zero before any record', () => {
    const figures = defenceFigures(emptyLiveState(), NOW);
    expect(figures.map((f) => f.id)).toEqual([...DEFENCE_FIGURES]);
    for (const f of figures) {
      expect(categories.get(f.category)?.department).toBe(f.department);
      expect(f).toMatchObject({ value: 0, of: null, target: null, progress: null, entities: 0, newestAt: null });
      expect(f.trend).toEqual([0, 0, 0, 0, 0, 0, 0]);
    }
  });

  it('sums people moved to safety over areas, and shows the total hour by hour', () => {
    const s = stateOf([
      rec('evacuation', '350203', NOW - 5 * HOUR, { district: '思明区', evacuatedPeople: 100 }),
      rec('evacuation', '350203', NOW - 2 * HOUR, { district: '思明区', evacuatedPeople: 900 }),
      rec('evacuation', '350213', NOW - 30 * 60_000, { district: '翔安区', evacuatedPeople: 4000 }),
    ]);
    const f = figure(s, 'evacuated');
    expect(f.value).toBe(4900);
    expect(f.entities).toBe(2);
    // Marks at -6 h … -1 h, then now: 思明 reports at -5 h and -2 h, 翔安 at -30 min.
    expect(f.trend).toEqual([0, 100, 100, 100, 900, 900, 4900]);
  });

  it('never counts people twice when a district and its towns both report', () => {
    const s = stateOf([
      rec('evacuation', '350212', NOW - HOUR, { district: '同安区', evacuatedPeople: 5000 }),
      rec('evacuation', '350212101', NOW - HOUR, { district: '同安区', evacuatedPeople: 1200 }),
      rec('evacuation', '350213101', NOW - HOUR, { district: '翔安区', evacuatedPeople: 300 }),
      rec('evacuation', '350213102', NOW - HOUR, { district: '翔安区', evacuatedPeople: 200 }),
    ]);
    // 同安区 as a whole (its town inside it), 翔安区 by its two towns.
    expect(figure(s, 'evacuated')).toMatchObject({ value: 5500, entities: 4 });
    expect(figure(s, 'evacuated').trend.at(-2)).toBe(5500);
  });

  it('counts boats home against every boat registered, with those still at sea', () => {
    const s = stateOf([
      rec('fishing-boat', 'HB-A', NOW - 3 * HOUR, { boatsRegistered: 300, boatsInHarbour: 120, boatsAtSea: 180, peopleAboard: 40 }),
      rec('fishing-boat', 'HB-A', NOW - 10 * 60_000, { boatsRegistered: 300, boatsInHarbour: 290, boatsAtSea: 10, peopleAboard: 0 }),
      rec('fishing-boat', 'HB-B', NOW - 10 * 60_000, { boatsRegistered: 100, boatsInHarbour: 100, boatsAtSea: 0 }),
    ]);
    const f = figure(s, 'boats-in-harbour');
    expect(f).toMatchObject({ value: 390, of: 400, target: 400, progress: 390 / 400, detail: { atSea: 10, peopleAboard: 0 } });
    expect(f.trend).toEqual([0, 0, 0, 120, 120, 120, 390]);
  });

  it('counts things by status: a reopened road, a restored feeder or a cleared tree no longer counts', () => {
    const s = stateOf([
      rec('road-closure', 'R1', NOW - 4 * HOUR, { status: 'closed' }),
      rec('road-closure', 'R1', NOW - HOUR / 2, { status: 'reopened' }),
      rec('road-closure', 'R2', NOW - 2 * HOUR, { status: 'restricted' }),
      rec('power-outage', 'P1', NOW - 3 * HOUR, { status: 'out', households: 1200 }),
      rec('power-outage', 'P2', NOW - 3 * HOUR, { status: 'restored', households: 800 }),
      rec('fallen-tree', 'T1', NOW - HOUR / 3, { status: 'cleared', trees: 4, blocksRoad: true }),
      rec('fallen-tree', 'T2', NOW - HOUR / 3, { status: 'reported', trees: 2, blocksRoad: true }),
      rec('school-closure', 'S1', NOW - HOUR, { status: 'closed', students: 800 }),
      rec('school-closure', 'S2', NOW - HOUR, { status: 'open', students: 500 }),
      rec('tower-crane', 'C1', NOW - HOUR, { status: 'secured' }),
      rec('tower-crane', 'C2', NOW - HOUR, { status: 'unsecured' }),
    ]);
    expect(figure(s, 'roads-closed')).toMatchObject({ value: 1, detail: { closed: 0, restricted: 1 } });
    expect(figure(s, 'roads-closed').trend).toEqual([0, 0, 1, 1, 2, 2, 1]);
    expect(figure(s, 'households-without-power')).toMatchObject({ value: 1200, detail: { feeders: 1 } });
    expect(figure(s, 'fallen-trees')).toMatchObject({ value: 2, detail: { blockingRoads: 1 } });
    expect(figure(s, 'schools-closed')).toMatchObject({ value: 1, of: 2, entities: 2, detail: { students: 800 } });
    expect(figure(s, 'cranes-secured')).toMatchObject({ value: 1, of: 2, detail: { unsecured: 1 } });
  });

  it('counts stations over their own limits, now and hour by hour', () => {
    const s = stateOf([
      rec('reservoir-level', 'RSV-1', NOW - 3 * HOUR, { levelM: 10, floodLimitLevelM: 12 }),
      rec('reservoir-level', 'RSV-1', NOW - 90 * 60_000, { levelM: 12.5, floodLimitLevelM: 12 }),
      rec('reservoir-level', 'RSV-2', NOW - 90 * 60_000, { levelM: 30, floodLimitLevelM: 31 }),
      rec('river-level', 'RIV-1', NOW - 10 * 60_000, { levelM: 5.2, warningLevelM: 5 }),
      rec('tide-level', 'XIAMEN', NOW - 10 * 60_000, { levelCm: 610, warningLevelCm: 620 }),
    ]);
    // The stations reported are the whole, not a target: none should be over.
    expect(figure(s, 'reservoirs-over')).toMatchObject({ value: 1, of: 2, target: null, progress: null });
    // Over from -90 min: not at the -2 h mark, over at -1 h and now.
    expect(figure(s, 'reservoirs-over').trend).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(figure(s, 'rivers-over')).toMatchObject({ value: 1, of: 1 });
    expect(figure(s, 'tides-over')).toMatchObject({ value: 0, of: 1 });
  });

  it('adds casualties up across reports', () => {
    const s = stateOf([
      rec('casualty-report', 'CAS-1', NOW - HOUR, { district: '集美区', deaths: 1, injured: 4, missing: 2, hospitalised: 3 }),
      rec('casualty-report', 'CAS-2', NOW - HOUR, { district: '同安区', deaths: 0, injured: 1, missing: 0, hospitalised: 1 }),
    ]);
    expect(figure(s, 'casualties')).toMatchObject({ value: 8, detail: { deaths: 1, injured: 5, missing: 2 } });
  });

  it('a record older than 24 h still counts now; the trend is bounded by the reducer (one point per 5 minutes)', () => {
    const events = Array.from({ length: 400 }, (_, i) => rec('power-outage', 'P1', NOW - (400 - i) * 5 * 60_000, { status: 'out', households: i }));
    const s = stateOf(events);
    expect(s.trends['power-outage']!.P1!.length).toBeLessThanOrEqual(24 * 12);
    expect(figure(s, 'households-without-power').value).toBe(399);
  });

  it('screens get the tally trend in deltas, as the reducer keeps it (one rule: trendPointOf)', () => {
    const before = stateOf([rec('power-outage', 'P1', NOW - 2 * HOUR, { status: 'out', households: 300 })]);
    const event = rec('power-outage', 'P1', NOW - HOUR, { status: 'restored', households: 0 });
    const after = fold(before, [event]);
    expect(deltaOf(before, after, [event]).points['power-outage']?.P1?.map((p) => p.value)).toEqual([0]);
    expect(after.trends['power-outage']!.P1!.map((p) => p.value)).toEqual([300, 0]);
  });

  it('every tallied category is a defence figure\'s', () => {
    const used = new Set(defenceFigures(emptyLiveState(), NOW).map((f) => f.category));
    for (const c of defenceTallies.keys()) expect(used.has(c), c).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { emptyLiveState, type LatestRecord, type LiveState } from '../state/live-state.ts';
import { dict, ownOrMake, setOwn } from '../util/dict.ts';
import { testRegion } from '../test-region.ts';
import { callVolume, incidentReports, latestCalls } from './calls.ts';

const T0 = Date.parse('2026-09-14T08:00:00Z'); // on the hour
const MIN = 60_000;
// Region-generic: districts of the region of the run (BEACON_TEST_REGION).
const region = testRegion();
const [D0, D1, D2] = Object.keys(region.districtNames) as [string, string, string];

function stateWith(records: [category: string, id: string, minute: number, data: Record<string, unknown>, firstMinute?: number][]): LiveState {
  const s = emptyLiveState();
  for (const [c, id, minute, data, first] of records) {
    const rec: LatestRecord = { entityId: id, observedAt: T0 + minute * MIN, version: 1, seq: 1, data, ...(first !== undefined ? { firstObservedAt: T0 + first * MIN } : {}) };
    setOwn(ownOrMake(s.latest, c, dict), id, rec);
  }
  return s;
}

describe('callVolume', () => {
  it('counts calls by district and by the hour they were first received, over the last hours', () => {
    const s = stateWith([
      ['fire-call', 'C1', 10, { district: D2 }],
      ['fire-call', 'C2', 70, { district: D2 }],
      // Updated in the current hour, first received two hours before: it stays in its first hour.
      ['informant-report', 'I1', 170, { district: D0 }, 50],
      ['accident-report', 'A1', 175, { district: D1 }],
      // Older than the window: left out.
      ['casualty-report', 'X1', -200, { district: D1 }],
    ]);
    const v = callVolume(s, region, T0 + 179 * MIN, 3);
    expect(v.hours).toEqual([T0, T0 + 60 * MIN, T0 + 120 * MIN]);
    const row = (d: string) => v.rows.find((r) => r.district === d)!;
    expect(row(D2)).toMatchObject({ perHour: [1, 1, 0], total: 2 });
    expect(row(D0).perHour).toEqual([1, 0, 0]);
    expect(row(D1).perHour).toEqual([0, 0, 1]);
    expect(v.byCategory).toEqual({ 'fire-call': 2, 'informant-report': 1, 'casualty-report': 0, 'accident-report': 1 });
    expect(v.rows.map((r) => r.district)).toEqual(Object.keys(region.districtNames));
  });

  it('keeps to the area it is given', () => {
    const s = stateWith([['fire-call', 'C1', 10, { district: D2 }], ['fire-call', 'C2', 10, { district: D0 }]]);
    const v = callVolume(s, region, T0 + 30 * MIN, 1, (_c, r) => r.data.district === D0);
    expect(v.byCategory['fire-call']).toBe(1);
  });
});

describe('incidentReports', () => {
  const incident = ['incident', 'INC-1', 90, { lon: 118.0, lat: 24.6, district: D2 }, 30] as const;

  it('lists reports naming the incident, and reports near it around its first report, oldest first', () => {
    const s = stateWith([
      [...incident],
      ['casualty-report', 'CAS-1', 95, { incidentId: 'INC-1', district: D2 }],
      ['fire-call', 'NEAR', 35, { lon: 118.005, lat: 24.6, district: D2 }],
      ['informant-report', 'BEFORE', -20, { lon: 118.0, lat: 24.601, district: D2 }],
    ]);
    const r = incidentReports(s, 'INC-1');
    expect(r.map((x) => [x.id, x.match])).toEqual([['BEFORE', 'place'], ['NEAR', 'place'], ['CAS-1', 'id']]);
  });

  it('leaves out reports too far, too early, too late, or naming another incident', () => {
    const s = stateWith([
      [...incident],
      ['fire-call', 'FAR', 35, { lon: 118.05, lat: 24.6 }],
      ['fire-call', 'EARLY', 30 - 61, { lon: 118.0, lat: 24.6 }],
      ['fire-call', 'LATE', 30 + 361, { lon: 118.0, lat: 24.6 }],
      ['casualty-report', 'OTHER', 40, { incidentId: 'INC-2', lon: 118.0, lat: 24.6 }],
    ]);
    expect(incidentReports(s, 'INC-1')).toEqual([]);
  });

  it('matches by id even for an unknown incident, and by place never without one', () => {
    const s = stateWith([['casualty-report', 'CAS-1', 0, { incidentId: 'INC-9' }], ['fire-call', 'C', 0, { lon: 118, lat: 24.6 }]]);
    expect(incidentReports(s, 'INC-9').map((x) => x.id)).toEqual(['CAS-1']);
  });
});

describe('latestCalls', () => {
  it('lists the area\'s newest calls and reports first, whatever their age, up to the limit', () => {
    const s = stateWith([
      ['fire-call', 'OLD', -5000, { district: D0 }],
      ['accident-report', 'NEW', 30, { district: D0 }],
      ['informant-report', 'MID', 10, { district: D0 }],
      ['fire-call', 'ELSEWHERE', 40, { district: D2 }],
    ]);
    const here = (_c: string, r: { data: Record<string, unknown> }) => r.data.district === D0;
    expect(latestCalls(s, here).map((r) => [r.id, r.match])).toEqual([['NEW', 'area'], ['MID', 'area'], ['OLD', 'area']]);
    expect(latestCalls(s, here, 2).map((r) => r.id)).toEqual(['NEW', 'MID']);
  });
});

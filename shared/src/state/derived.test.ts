import { describe, expect, it } from 'vitest';
import type { RecordReceived } from '../events.ts';
import { rainEvent } from '../testing.ts';
import { activeAlerts, accumulation, openIncidents } from './derived.ts';
import { emptyLiveState } from './live-state.ts';
import { fold } from './reducer.ts';
import { stationTrend } from './selectors.ts';

const T0 = Date.parse('2026-09-14T00:00:00Z');
const H = 3600_000;

function record(category: string, entityId: string, seq: number, data: Record<string, unknown>): RecordReceived {
  const at = new Date(T0 + seq * 1000).toISOString();
  return { type: 'record.received', seq, receivedAt: at, department: 'emergency', category, entityId, observedAt: at, version: 1, payload: data };
}

describe('rainfall accumulation', () => {
  it('sums the hourly totals ending at each of the last hours', () => {
    const events = [0, 1, 2, 3].map((h, i) => rainEvent('SM01', T0 + h * H, [5, 10, 20, 40][i]!, { seq: i + 1 }));
    const trend = stationTrend(fold(emptyLiveState(), events), 'SM01');
    expect(accumulation(trend, 1)).toEqual({ mm: 40, hoursCovered: 1 });
    expect(accumulation(trend, 3)).toEqual({ mm: 70, hoursCovered: 3 });
    expect(accumulation(trend, 24)).toEqual({ mm: 75, hoursCovered: 4 });
  });

  it('says when hours are missing instead of passing a partial sum off as whole', () => {
    const events = [rainEvent('SM01', T0, 10, { seq: 1 }), rainEvent('SM01', T0 + 2 * H, 30, { seq: 2 })];
    const trend = stationTrend(fold(emptyLiveState(), events), 'SM01');
    expect(accumulation(trend, 3)).toEqual({ mm: 40, hoursCovered: 2 });
  });

  it('is null for a station without readings', () => {
    expect(accumulation([], 3)).toBeNull();
  });
});

describe('alerts and incidents', () => {
  it('keeps alerts that are active and unexpired, red first', () => {
    const s = fold(emptyLiveState(), [
      record('weather-warning', 'W1', 1, { alertId: 'W1', level: 'yellow', status: 'active' }),
      record('weather-warning', 'W2', 2, { alertId: 'W2', level: 'red', status: 'active' }),
      record('weather-warning', 'W3', 3, { alertId: 'W3', level: 'orange', status: 'lifted' }),
      record('storm-surge-warning', 'S1', 4, { alertId: 'S1', level: 'blue', status: 'active', expiresAt: new Date(T0 + 10_000).toISOString() }),
    ]);
    const ids = (now: number) => activeAlerts(s, ['weather-warning', 'storm-surge-warning'], now).map((a) => a.record.entityId);
    expect(ids(T0 + 5_000)).toEqual(['W2', 'W1', 'S1']);
    expect(ids(T0 + 20_000)).toEqual(['W2', 'W1']);
  });

  it('lists open incidents, most severe first', () => {
    const s = fold(emptyLiveState(), [
      record('incident', 'I1', 1, { incidentId: 'I1', severity: 'III', status: 'open' }),
      record('incident', 'I2', 2, { incidentId: 'I2', severity: 'I', status: 'handling' }),
      record('incident', 'I3', 3, { incidentId: 'I3', severity: 'II', status: 'closed' }),
    ]);
    expect(openIncidents(s).map((r) => r.entityId)).toEqual(['I2', 'I1']);
  });
});

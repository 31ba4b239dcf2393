import { describe, expect, it } from 'vitest';
import { emptyLiveState } from '@beacon/shared';
import { gradeColour, palette } from '../charts/theme.ts';
import { rainState, T0 } from '../testing/rain-state.ts';
import { gaugeReading, newestObservation } from './rain.ts';

describe('gaugeReading', () => {
  it('colours a gauge by the grade of its 1-hour rainfall', () => {
    const s = rainState([
      { stationId: 'SM01', mm: 55, at: T0 },
      { stationId: 'SM02', mm: 31, at: T0 },
      { stationId: 'SM03', mm: 16, at: T0 },
      { stationId: 'SM04', mm: 8, at: T0 },
      { stationId: 'SM05', mm: 7.9, at: T0 },
    ]);
    expect(gaugeReading(s, 'SM01', 'live')).toMatchObject({ grade: 'red', colour: gradeColour.red, greyed: false });
    expect(gaugeReading(s, 'SM02', 'live').grade).toBe('orange');
    expect(gaugeReading(s, 'SM03', 'live').grade).toBe('yellow');
    expect(gaugeReading(s, 'SM04', 'live').grade).toBe('blue');
    expect(gaugeReading(s, 'SM05', 'live').grade).toBe('none');
  });

  it('greys a gauge with no reading, and every gauge when the feed is silent', () => {
    const s = rainState([{ stationId: 'SM01', mm: 55, at: T0 }]);
    expect(gaugeReading(s, 'HL01', 'live')).toMatchObject({ mm: null, greyed: true, colour: palette.noData });
    expect(gaugeReading(s, 'SM01', 'silent')).toMatchObject({ mm: 55, greyed: true, colour: palette.noData });
    expect(gaugeReading(s, 'SM01', 'late').greyed).toBe(false);
  });

  it('greys a gauge that stopped reporting while the others go on', () => {
    const s = rainState([
      { stationId: 'SM01', mm: 20, at: T0 },
      { stationId: 'SM02', mm: 20, at: T0 + 31 * 60_000 },
    ]);
    expect(newestObservation(s)).toBe(T0 + 31 * 60_000);
    expect(gaugeReading(s, 'SM01', 'live').greyed).toBe(true);
    expect(gaugeReading(s, 'SM02', 'live').greyed).toBe(false);
  });

  it('has no newest observation in an empty state', () => {
    expect(newestObservation(emptyLiveState())).toBeNull();
  });
});

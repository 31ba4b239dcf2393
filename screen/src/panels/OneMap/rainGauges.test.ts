import { describe, expect, it } from 'vitest';
import { emptyLiveState, xiamen } from '@beacon/shared';
import { gradeColour, palette } from '../../charts/theme.ts';
import { rainState, T0 } from '../../testing/rain-state.ts';
import { regionAspectScale } from './mapGeometry.ts';
import { gaugePoints, gaugeSymbolSize, type GaugePointsInput } from './rainGauges.ts';

function input(over: Partial<GaugePointsInput>): GaugePointsInput {
  return { state: emptyLiveState(), region: xiamen, locale: 'zh-CN', feed: 'live', ...over };
}

describe('the one-map\'s rain gauges', () => {
  const state = rainState([
    { stationId: 'SM01', mm: 62, at: T0 },
    { stationId: 'HL01', mm: 33, at: T0 },
    { stationId: 'JM01', mm: 18, at: T0 },
    { stationId: 'SM02', mm: 9, at: T0 },
    { stationId: 'SM03', mm: 2, at: T0 },
    { stationId: 'SM04', mm: 0, at: T0 },
  ]);
  const byId = (over: Partial<GaugePointsInput> = {}) => new Map(gaugePoints(input({ state, ...over })).map((p) => [p.id, p]));

  it('places every gauge of the region', () => {
    const points = gaugePoints(input({ state }));
    expect(points).toHaveLength(xiamen.rainGauges.length);
    const sm01 = xiamen.rainGauges.find((g) => g.id === 'SM01')!;
    expect(points.find((p) => p.id === 'SM01')!.value).toEqual([sm01.lon, sm01.lat]);
  });

  it('colours gauges by the grade of their 1-hour rainfall and greys those without data', () => {
    const p = byId();
    expect(p.get('SM01')!.colour).toBe(gradeColour.red);
    expect(p.get('HL01')!.colour).toBe(gradeColour.orange);
    expect(p.get('JM01')!.colour).toBe(gradeColour.yellow);
    expect(p.get('SM02')!.colour).toBe(gradeColour.blue);
    expect(p.get('SM03')!.colour).toBe(gradeColour.none);
    expect(p.get('XA01')!).toMatchObject({ colour: palette.noData, mm: null });
  });

  it('greys every gauge and labels none when the feed is silent', () => {
    const points = gaugePoints(input({ state, feed: 'silent' }));
    expect(points.every((p) => p.colour === palette.noData && p.greyed)).toBe(true);
    expect(points.some((p) => p.labelled)).toBe(false);
  });

  it('grows symbols with rainfall', () => {
    expect(gaugeSymbolSize(0)).toBeLessThan(gaugeSymbolSize(10));
    expect(gaugeSymbolSize(10)).toBeLessThan(gaugeSymbolSize(50));
    expect(gaugeSymbolSize(400)).toBe(88);
    expect(byId().get('SM01')!.size).toBeGreaterThan(byId().get('SM02')!.size);
  });

  it('labels only the wettest few, never a dry one, with the name in the chosen language', () => {
    expect(gaugePoints(input({ state, labelTop: 3 })).filter((p) => p.labelled).map((p) => p.id)).toEqual(['SM01', 'HL01', 'JM01']);
    expect(byId({ labelTop: 10 }).get('SM04')!.labelled).toBe(false);
    expect(byId().get('SM01')!.name).toBe('鼓浪屿');
    expect(byId({ locale: 'en' }).get('SM01')!.name).not.toBe('鼓浪屿');
  });

  it('keeps the map shape true at Xiamen latitude', () => {
    expect(regionAspectScale(xiamen)).toBeCloseTo(Math.cos((24.6 * Math.PI) / 180), 1);
  });
});

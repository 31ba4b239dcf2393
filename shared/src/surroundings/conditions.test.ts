import { describe, expect, it } from 'vitest';
import { testRegion } from '../test-region.ts';
import { testPlaces } from '../views/test-places.ts';
import { roadConditions } from './conditions.ts';
import { stateWith, T0 } from './test-state.ts';

// Region-generic: gauges of two districts of the region of the run (BEACON_TEST_REGION).
const region = testRegion();
const { A1, A2, B1 } = testPlaces(region);
const [A, B] = [A1.district, B1.district];

const rain = (id: string, mm: number, observedAt = T0) => ({ id, data: { stationId: id, rainfall1hMm: mm }, observedAt });
const water = (id: string, district: string, depthCm: number, observedAt = T0) => ({ id, data: { pointId: id, district, depthCm }, observedAt });

describe('roadConditions', () => {
  it('leaves trips at normal speed in light rain', () => {
    const s = stateWith({ 'rain-gauge': [rain(A1.id, 29.9)], 'waterlogging-point': [water('WL-1', A, 14)] });
    expect(roadConditions(s, region, A, T0)).toEqual({ factor: 1, reasons: [] });
  });

  it('slows trips by 1.25 when a gauge of the district reaches the orange 1-hour mark, and says so', () => {
    const s = stateWith({ 'rain-gauge': [rain(A1.id, 12), rain(A2.id, 31.5)] });
    const c = roadConditions(s, region, A, T0 + 10 * 60_000);
    expect(c.factor).toBe(1.25);
    expect(c.reasons).toEqual([{ zh: '暴雨：1 小时雨量 31.5 毫米', en: 'Heavy rain: 31.5 mm in 1 h' }]);
  });

  it('slows trips where standing water is 15 cm or deeper, one factor for both causes', () => {
    const s = stateWith({ 'rain-gauge': [rain(A2.id, 55)], 'waterlogging-point': [water('WL-1', A, 15), water('WL-2', A, 42.4)] });
    const c = roadConditions(s, region, A, T0);
    expect(c.factor).toBe(1.25);
    // Chinese reasons read with full-width punctuation (the wall showed "路况:暴雨:" with ASCII colons).
    expect(c.reasons.map((r) => r.zh)).toEqual(['暴雨：1 小时雨量 55.0 毫米', '积水 2 处，最深 42 厘米']);
    for (const r of c.reasons) expect(r.zh).not.toMatch(/[:,]/);
    expect(c.reasons.map((r) => r.en)).toEqual(['Heavy rain: 55.0 mm in 1 h', '2 waterlogged points, deepest 42 cm']);
  });

  it('ignores other districts, readings older than an hour, and a centre with no district', () => {
    const s = stateWith({ 'rain-gauge': [rain(B1.id, 80), rain(A2.id, 80, T0 - 61 * 60_000)], 'waterlogging-point': [water('WL-9', B, 90)] });
    expect(roadConditions(s, region, A, T0).factor).toBe(1);
    expect(roadConditions(s, region, B, T0).factor).toBe(1.25);
    expect(roadConditions(s, region, null, T0).factor).toBe(1);
  });
});

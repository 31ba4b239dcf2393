import { describe, expect, it } from 'vitest';
import { BAD_WEATHER_SLOWDOWN, etaMinutes, NO_SLOWDOWN, reachKm, ROAD_WINDING_FACTOR, SPEED_KMH } from './travel.ts';

describe('travel-time model', () => {
  it('is distance × winding ÷ speed: 10 km is 21 min for a team, 28 min for a supply truck', () => {
    expect(ROAD_WINDING_FACTOR).toBe(1.4);
    expect(SPEED_KMH).toMatchObject({ team: 40, depot: 30 });
    expect(etaMinutes(10, 'team')).toBeCloseTo(21, 9);
    expect(etaMinutes(10, 'depot')).toBeCloseTo(28, 9);
    expect(etaMinutes(0, 'shelter')).toBe(0);
  });

  it('slows every trip by one factor in bad weather', () => {
    const slow = { factor: BAD_WEATHER_SLOWDOWN, reasons: [{ zh: '暴雨', en: 'Heavy rain' }] };
    expect(etaMinutes(10, 'team', slow)).toBeCloseTo(21 * 1.25, 9);
    expect(etaMinutes(10, 'team', NO_SLOWDOWN)).toBeCloseTo(21, 9);
  });

  it('reachKm is the inverse: a truck covers 21.43 km of straight line in an hour, 17.14 km when slowed', () => {
    expect(reachKm(60, 'depot')).toBeCloseTo(30 / 1.4, 9);
    expect(reachKm(60, 'depot', { factor: 1.25, reasons: [] })).toBeCloseTo(30 / 1.4 / 1.25, 9);
    for (const km of [0.3, 7, 42]) expect(reachKm(etaMinutes(km, 'hospital'), 'hospital')).toBeCloseTo(km, 9);
  });
});

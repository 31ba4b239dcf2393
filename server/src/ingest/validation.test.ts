import { testRegion } from '@beacon/shared/test-region.ts';
import { describe, expect, it } from 'vitest';
import { issuesFromAjv } from '../errors/ajv-issues.ts';
import { beaconAjv, compileChecked } from '../validation/ajv-policy.ts';
import { validateBatch } from './validation.ts';

const region = testRegion();
const rain = (observedAt: string, stationId = 'SM01') => ({ records: [{ stationId, observedAt, rainfall1hMm: 1 }] });

describe('the ingest validator', () => {
  it('reads observedAt with the shared RFC 3339 reader: the times that were 500s are issues naming the path', () => {
    for (const [t, why] of [
      ['2016-12-31T23:59:60Z', /leap seconds/],
      ['2026-09-14T08:05:00+08', /±hh:mm/],
      ['0000-01-01T00:00:00Z', /before 1970/],
      ['0001-01-01T00:00:00+08:00', /before 1970/],
      ['+275760-09-13T00:00:00Z', /four digits/],
    ] as const) {
      expect(validateBatch(region, 'rain-gauge', rain(t)), t).toEqual([{ path: '/records/0/observedAt', expected: expect.stringMatching(why), got: t }]);
    }
    expect(validateBatch(region, 'rain-gauge', rain('2026-09-14T08:05:00-00:00'))).toEqual([]);
  });

  it('applies the text rule to every string of every category, free text included, never echoing the bad character', () => {
    const [district] = Object.keys(region.districtNames);
    const { lonMin, lonMax, latMin, latMax } = region.bounds;
    const shelter = { shelterId: 'XA-1', observedAt: '2026-09-14T08:05:00+08:00', name: '避灾点\u0000', lon: (lonMin + lonMax) / 2, lat: (latMin + latMax) / 2, district, capacity: 10, occupancy: 1, status: 'open' };
    const issues = validateBatch(region, 'shelter', { records: [shelter] });
    expect(issues).toContainEqual({ path: '/records/0/name', expected: expect.stringMatching(/NUL/), got: '避灾点\\u0000' });
    expect(issues.every((i) => !String(i.got).includes('\u0000'))).toBe(true);
    const lone = validateBatch(region, 'rain-gauge', rain('2026-09-14T08:05:00+08:00', 'SM\uD800'));
    expect(lone.map((i) => i.path)).toEqual(['/records/0/stationId', '/records/0/stationId']); // its pattern and the text rule
    expect(lone.every((i) => i.got === 'SM\\ud800')).toBe(true);
  });

  it('covers strings no schema describes (unknown fields and field names)', () => {
    const validate = compileChecked(beaconAjv(), { type: 'object' });
    expect(validate({ anything: ['x', { deeper: 'a\u0000' }] })).toBe(false);
    expect(issuesFromAjv(validate.errors ?? [], {})).toEqual([{ path: '/anything/1/deeper', expected: expect.stringMatching(/NUL/), got: 'a\\u0000' }]);
    expect(validate({ ok: '思明区 🌧' })).toBe(true);
    expect(validate.errors).toBeNull();
  });
});

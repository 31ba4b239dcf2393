import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categories, parseInstant } from '@beacon/shared';
import { normaliseRecord } from './category-checks.ts';

const rain = categories.get('rain-gauge')!;
const observedAtOf = (sent: string) => normaliseRecord(rain, { stationId: 'SM01', observedAt: sent, rainfall1hMm: 1 }).observedAt;

/** Any instant Beacon accepts, written any way RFC 3339 allows: offset or Z, either case, 0–9 fraction digits. */
const sentTime = fc
  .record({
    ms: fc.integer({ min: Date.UTC(1970, 0, 2), max: Date.UTC(9999, 11, 30) }),
    offsetMin: fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
    zulu: fc.boolean(),
    lower: fc.boolean(),
    digits: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ ms, offsetMin, zulu, lower, digits }) => {
    const offset = zulu ? 0 : offsetMin;
    const local = new Date(ms + offset * 60_000).toISOString(); // wall-clock time at that offset
    const fraction = digits ? `.${local.slice(20, 23).padEnd(digits, '0').slice(0, digits)}` : '';
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    const zone = zulu ? 'Z' : `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    const s = `${local.slice(0, 19)}${fraction}${zone}`;
    return lower ? s.replace('T', 't').replace('Z', 'z') : s;
  })
  .filter((s) => parseInstant(s).ok);

describe('normaliseRecord', () => {
  it('writes every accepted time as the one UTC form toISOString gives (the dedupe key depends on it)', () => {
    fc.assert(fc.property(sentTime, (s) => observedAtOf(s) === new Date(Date.parse(s)).toISOString()), { numRuns: 2000 });
  });

  it('keeps a time already in that form as sent, and rewrites the others', () => {
    expect(observedAtOf('2026-09-14T00:05:00.000Z')).toBe('2026-09-14T00:05:00.000Z');
    expect(observedAtOf('2026-09-14T08:05:00+08:00')).toBe('2026-09-14T00:05:00.000Z');
    expect(observedAtOf('2026-09-14t00:05:00.000z')).toBe('2026-09-14T00:05:00.000Z');
    expect(observedAtOf('2026-09-14T00:05:00.1234Z')).toBe('2026-09-14T00:05:00.123Z');
    expect(observedAtOf('2026-09-14T00:05:00Z')).toBe('2026-09-14T00:05:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { offsetFrom } from './log-clock.ts';

describe('offsetFrom', () => {
  it('reads the remote clock as half-way through the round trip', () => {
    // Asked at 1,000, answered by 1,020: the remote said 5,010, so it is 5,000 ahead.
    expect(offsetFrom([{ before: 1_000, remote: 6_010, after: 1_020 }])).toBe(5_000);
    expect(offsetFrom([{ before: 1_000, remote: 1_010 - 250, after: 1_020 }])).toBe(-250);
  });

  it('trusts the reading with the shortest round trip (the least room for error)', () => {
    const readings = [
      { before: 0, remote: 900, after: 400 }, // a slow answer: says +700, could be anything from +500 to +900
      { before: 1_000, remote: 1_505, after: 1_010 }, // a quick one: +500 ± 5
      { before: 2_000, remote: 2_800, after: 2_200 },
    ];
    expect(offsetFrom(readings)).toBe(500);
  });

  it('refuses to guess from no reading', () => {
    expect(() => offsetFrom([])).toThrow('at least one reading');
  });
});

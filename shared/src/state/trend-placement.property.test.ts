import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrendPoint } from './live-state.ts';
import { placeInTrend, TREND_SLOT_MS, TREND_WINDOW_MS } from './reducer.ts';

// A trend keeps, per 5-minute slot, the newest reading of the last 24 hours (a higher version wins a
// tie). Placing readings one by one, in any order, must give exactly that — whichever of the paths in
// placeInTrend (a new later slot, the newest slot, an earlier slot) each reading takes.
describe('placeInTrend', () => {
  it('keeps the newest reading of each slot within the window, sorted, for readings in any order', () => {
    const reading = fc.record({
      // Mostly within a few slots (readings that share a slot), some across two days (the window).
      t: fc.oneof(fc.integer({ min: 0, max: 3 * TREND_SLOT_MS }), fc.integer({ min: 0, max: 2 * TREND_WINDOW_MS })),
      value: fc.integer({ min: 0, max: 500 }),
      v: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(reading, { minLength: 1, maxLength: 200 }), (readings) => {
        let trend: TrendPoint[] = [];
        let newest = -Infinity;
        for (const p of readings) {
          newest = Math.max(newest, p.t); // as the reducer passes it: the entity's newest observation
          trend = placeInTrend(trend, p, newest);
        }
        const from = newest - TREND_WINDOW_MS;
        const bySlot = new Map<number, TrendPoint>();
        for (const p of readings) {
          if (p.t <= from) continue;
          const slot = Math.floor(p.t / TREND_SLOT_MS);
          const held = bySlot.get(slot);
          if (!held || p.t > held.t || (p.t === held.t && p.v >= held.v)) bySlot.set(slot, p);
        }
        const expected = [...bySlot.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
        expect(trend.map((p) => [p.t, p.v])).toEqual(expected.map((p) => [p.t, p.v]));
      }),
      { numRuns: 500 },
    );
  });
});

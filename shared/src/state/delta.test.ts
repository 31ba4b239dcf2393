import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rainEvent } from '../testing.ts';
import { testRegion } from '../test-region.ts';
import { ViewFilter } from '../views/filter.ts';
import { testPlaces } from '../views/test-places.ts';
import type { ViewRef } from '../views/view.ts';
import { applyDelta, deltaOf, emptyDelta, mergeDeltas } from './delta.ts';
import { emptyLiveState, type LiveState } from './live-state.ts';
import { evolve } from './reducer.ts';

const T0 = Date.parse('2026-09-14T08:00:00Z');
// Region-generic: the region of the run (BEACON_TEST_REGION), its places cast by test-places.ts.
const region = testRegion();
const { A1, A2, B1, C1, C2 } = testPlaces(region);
const stations = [A1, A2, B1, C1, C2].map((g) => g.id);
const views: ViewRef[] = [{ kind: 'city' }, { kind: 'district', district: A1.district }, { kind: 'district', district: C1.district }];

/**
 * Readings in log order, with late ones, corrections and repeats of the same slot. Like the real log
 * (ingest refuses different content under one station + time + version), identities are unique.
 */
const readings = fc.uniqueArray(
  fc.record({
    station: fc.constantFrom(...stations),
    minute: fc.integer({ min: 0, max: 48 * 60 }),
    mm: fc.integer({ min: 0, max: 900 }).map((x) => x / 10),
    version: fc.integer({ min: 1, max: 3 }),
    receivedMinute: fc.integer({ min: 0, max: 48 * 60 }),
  }),
  { minLength: 1, maxLength: 60, selector: (r) => `${r.station}@${r.minute}v${r.version}` },
);

function server(rs: { station: string; minute: number; mm: number; version: number; receivedMinute: number }[]) {
  const events = rs.map((r, i) =>
    rainEvent(r.station, T0 + r.minute * 60_000, r.mm, { version: r.version, receivedAt: T0 + r.receivedMinute * 60_000, seq: i + 1 }),
  );
  return events;
}

describe('state deltas', () => {
  it('bring a screen from any snapshot to exactly the server state of its view, however they are coalesced', () => {
    fc.assert(
      fc.property(readings, fc.nat(), fc.array(fc.nat({ max: 5 }), { maxLength: 60 }), fc.constantFrom(...views), (rs, cut, tickSizes, view) => {
        const events = server(rs);
        const snapAt = cut % (events.length + 1);
        let s: LiveState = emptyLiveState();
        for (const e of events.slice(0, snapAt)) s = evolve(s, e);
        const filter = new ViewFilter(region, view);
        let screen = filter.state(s);

        // The rest arrives in ticks of random size; the screen acknowledges only some, so deltas coalesce.
        let i = snapAt;
        let pending = emptyDelta(s.seq);
        let t = 0;
        while (i < events.length) {
          const size = Math.max(1, tickSizes[t % Math.max(1, tickSizes.length)] ?? 1);
          const tick = events.slice(i, i + size);
          const before = s;
          for (const e of tick) s = evolve(s, e);
          pending = mergeDeltas(pending, filter.delta(deltaOf(before, s, tick), s));
          if (t % 2 === 0) {
            screen = applyDelta(screen, pending);
            pending = emptyDelta(s.seq);
          }
          i += size;
          t += 1;
        }
        screen = applyDelta(screen, pending);
        expect(screen).toEqual(filter.state(s));
      }),
      { numRuns: 300 },
    );
  });

  it('are idempotent: a delta applied twice (a resume overlapping what was seen) changes nothing more', () => {
    fc.assert(
      fc.property(readings, (rs) => {
        const events = server(rs);
        let s = emptyLiveState();
        for (const e of events) s = evolve(s, e);
        const d = deltaOf(emptyLiveState(), s, events);
        const once = applyDelta(emptyLiveState(), d);
        expect(applyDelta(once, d)).toEqual(once);
        expect(once).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });

  it('are order-safe: an older delta arriving after newer state does not roll it back', () => {
    fc.assert(
      fc.property(readings, fc.nat(), (rs, cut) => {
        const events = server(rs);
        const k = cut % events.length;
        let mid = emptyLiveState();
        for (const e of events.slice(0, k)) mid = evolve(mid, e);
        let end = mid;
        for (const e of events.slice(k)) end = evolve(end, e);
        const older = deltaOf(emptyLiveState(), mid, events.slice(0, k));
        expect(applyDelta(end, older)).toEqual(end);
      }),
      { numRuns: 200 },
    );
  });

  it('keep only the changed entities of a view', () => {
    let s = emptyLiveState();
    const a = rainEvent(A1.id, T0, 5, { seq: 1 });
    const b = rainEvent(C1.id, T0, 9, { seq: 2 });
    s = evolve(evolve(s, a), b);
    const districtA = new ViewFilter(region, { kind: 'district', district: A1.district });
    const d = districtA.delta(deltaOf(emptyLiveState(), s, [a, b]), s);
    expect(Object.keys(d.latest['rain-gauge'] ?? {})).toEqual([A1.id]);
    expect(Object.keys(d.feeds)).toEqual(['rain-gauge']);
  });
});

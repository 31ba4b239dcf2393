import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rainEvent } from '../testing.ts';
import { testRegion } from '../test-region.ts';
import { ViewFilter } from '../views/filter.ts';
import { testPlaces } from '../views/test-places.ts';
import type { ViewRef } from '../views/view.ts';
import { applyDelta, deltaOf, emptyDelta, mergeDeltas } from './delta.ts';
import { emptyLiveState, type LiveState } from './live-state.ts';
import { evolve, TREND_SLOT_MS, TREND_WINDOW_MS } from './reducer.ts';

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

describe('trend points in a delta', () => {
  // T0 starts a trend slot (08:00 UTC; slots are 5 minutes of epoch time).
  const minute = (m: number) => T0 + m * 60_000;
  const foldAll = (from: LiveState, events: ReturnType<typeof rainEvent>[]) => events.reduce(evolve, from);
  const city = new ViewFilter(region, { kind: 'city' });
  const districtA = new ViewFilter(region, { kind: 'district', district: A1.district });

  it('hold one point a slot for a gauge read many times in it: the one the trend keeps', () => {
    expect(T0 % TREND_SLOT_MS).toBe(0);
    const events = [3, 0, 4, 1].map((m, i) => rainEvent(A1.id, minute(m), 10 + m, { seq: i + 1 }));
    const s = foldAll(emptyLiveState(), events);
    const d = deltaOf(emptyLiveState(), s, events);
    expect(d.points['rain-gauge']?.[A1.id]).toEqual([{ t: minute(4), value: 14, v: 1 }]);
    expect(applyDelta(emptyLiveState(), d)).toEqual(s);
  });

  it('merged, still hold one point a slot: a correction of the newest reading wins it', () => {
    const first = [rainEvent(A1.id, minute(1), 5, { seq: 1 }), rainEvent(A1.id, minute(6), 6, { seq: 2 })];
    const s1 = foldAll(emptyLiveState(), first);
    const second = [rainEvent(A1.id, minute(2), 7, { seq: 3 }), rainEvent(A1.id, minute(2), 8, { seq: 4, version: 2 })];
    const s2 = foldAll(s1, second);
    const merged = mergeDeltas(deltaOf(emptyLiveState(), s1, first), deltaOf(s1, s2, second));
    expect(merged.points['rain-gauge']?.[A1.id]).toEqual([
      { t: minute(2), value: 8, v: 2 },
      { t: minute(6), value: 6, v: 1 },
    ]);
    expect(applyDelta(emptyLiveState(), merged)).toEqual(s2);
  });

  /**
   * Gauge A1 read at minute -10 and at `newest`, then a late reading at `late` (value 3): the states
   * before and after the late one, and its delta. The first reading is older than the late one, which
   * would otherwise move the gauge's first observation (and so change its record).
   */
  function lateReading(newest: number, late: number) {
    const s1 = foldAll(emptyLiveState(), [rainEvent(A1.id, minute(-10), 1, { seq: 1 }), rainEvent(A1.id, minute(newest), 9, { seq: 2 })]);
    const event = rainEvent(A1.id, minute(late), 3, { seq: 3 });
    const s2 = evolve(s1, event);
    return { s1, s2, d: deltaOf(s1, s2, [event]) };
  }

  it('leave out a late reading whose slot holds a newer one: no point, no record, the feed still counts it', () => {
    const { s1, s2, d } = lateReading(4, 2);
    expect(d.points).toEqual({});
    expect(d.latest).toEqual({});
    expect(d.feeds['rain-gauge']?.records).toBe(3);
    expect(applyDelta(city.state(s1), city.delta(d, s2))).toEqual(city.state(s2));
  });

  it("carry a late reading that fills an empty slot as its point alone, to a district's screens too", () => {
    const { s1, s2, d } = lateReading(20, 0);
    expect(d.latest).toEqual({});
    expect(d.points['rain-gauge']?.[A1.id]).toEqual([{ t: minute(0), value: 3, v: 1 }]);
    const district = districtA.delta(d, s2);
    expect(district.latest).toEqual({});
    expect(district.points['rain-gauge']?.[A1.id]).toEqual([{ t: minute(0), value: 3, v: 1 }]);
    expect(applyDelta(districtA.state(s1), district)).toEqual(districtA.state(s2));
  });

  it('never hold two points of one slot, nor a point the trend did not keep', () => {
    fc.assert(
      fc.property(readings, fc.nat(), (rs, cut) => {
        const events = server(rs);
        const k = cut % (events.length + 1);
        const mid = foldAll(emptyLiveState(), events.slice(0, k));
        const end = foldAll(mid, events.slice(k));
        const d = mergeDeltas(deltaOf(emptyLiveState(), mid, events.slice(0, k)), deltaOf(mid, end, events.slice(k)));
        for (const [id, points] of Object.entries(d.points['rain-gauge'] ?? {})) {
          const slots = points.map((p) => Math.floor(p.t / TREND_SLOT_MS));
          expect(new Set(slots).size).toBe(slots.length);
          // Every point it holds is one the server's trend holds, unless a later reading has put it
          // out of the 24 h window since (applying the delta drops it then).
          const windowStart = end.latest['rain-gauge']![id]!.observedAt - TREND_WINDOW_MS;
          for (const p of points.filter((q) => q.t > windowStart)) expect(end.trends['rain-gauge']?.[id]).toContainEqual(p);
        }
      }),
      { numRuns: 200 },
    );
  });
});


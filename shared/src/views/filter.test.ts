import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordReceived } from '../events.ts';
import { applyDelta, deltaOf, emptyDelta, mergeDeltas, type StateDelta } from '../state/delta.ts';
import { emptyLiveState, type LiveState } from '../state/live-state.ts';
import { dict } from '../util/dict.ts';
import { fold } from '../state/reducer.ts';
import { testRegion } from '../test-region.ts';
import { ViewFilter } from './filter.ts';
import { testPlaces } from './test-places.ts';
import type { ViewRef } from './view.ts';

const T0 = Date.parse('2026-09-14T08:00:00Z');
// Region-generic: the region of the run (BEACON_TEST_REGION), its places cast by test-places.ts.
const region = testRegion();
const { A1, A2, A3, B1, B2, C1, C2 } = testPlaces(region);
const gauges = new Map(region.rainGauges.map((g) => [g.id, g]));

/** Where things can be: subdistrict seats (each is in its own subdistrict) in three districts. */
const seats = [A1, A2, A3, B1, B2, C1, C2].map((g) => g.id);

let seq = 0;
function record(category: string, entityId: string, minute: number, payload: Record<string, unknown>, at = seq + 1): RecordReceived {
  seq = at;
  const observedAt = new Date(T0 + minute * 60_000).toISOString();
  return {
    type: 'record.received', seq: at, receivedAt: observedAt, department: 'emergency', category, entityId, observedAt, version: 1,
    payload: { ...payload, observedAt, version: 1 },
  };
}

/** A rescue team at a subdistrict seat; `named` says whether the record names its district (else it is found from lon/lat). */
function team(id: string, seat: string, minute: number, named = true, at?: number): RecordReceived {
  const g = gauges.get(seat)!;
  return record('rescue-team', id, minute, { teamId: id, status: 'dispatched', lon: g.lon, lat: g.lat, ...(named ? { district: g.district } : {}) }, at);
}

/** A typhoon centre over a seat: it moves and it trends (its wind), so entering a view must bring its trend. */
function typhoon(seat: string, minute: number, wind: number, at?: number): RecordReceived {
  const g = gauges.get(seat)!;
  return record('typhoon-track', 'T2614', minute, { typhoonId: 'T2614', lon: g.lon, lat: g.lat, maxWindMs: wind }, at);
}

function incident(seat: string, minute: number, at?: number): RecordReceived {
  const g = gauges.get(seat)!;
  return record('incident', 'I1', minute, { incidentId: 'I1', lon: g.lon, lat: g.lat, district: g.district }, at);
}

const districtA: ViewRef = { kind: 'district', district: A1.district };
const subdistrictA1: ViewRef = { kind: 'subdistrict', district: A1.district, subdistrict: A1.name.zh };
const nearI1: ViewRef = { kind: 'incident', incidentId: 'I1' };

/** Folds `events` into `s` and returns the view's delta and the new state, as the hub makes it for one tick. */
function tick(s: LiveState, view: ViewRef, events: RecordReceived[]): { d: StateDelta; s: LiveState } {
  const after = fold(s, events);
  return { d: ViewFilter.for(region, view, after).delta(deltaOf(s, after, events), after), s: after };
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
const ids = (o: Record<string, unknown> | undefined) => Object.keys(o ?? {}).sort();

describe('a view delta', () => {
  it('removes a team that leaves a district, and adds one that enters it', () => {
    const s0 = fold(emptyLiveState(), [team('A', A1.id, 0), team('B', B1.id, 0)]);
    const { d, s } = tick(s0, districtA, [team('A', B2.id, 1), team('B', A2.id, 1)]);
    expect(ids(d.removed['rescue-team'])).toEqual(['A']);
    expect(ids(d.latest['rescue-team'])).toEqual(['B']);
    const screen = applyDelta(new ViewFilter(region, districtA).state(s0), d);
    expect(ids(screen.latest['rescue-team'])).toEqual(['B']);
    expect(plain(screen)).toEqual(plain(new ViewFilter(region, districtA).state(s)));
  });

  it('removes a team that moves to another subdistrict of the same district', () => {
    const s0 = fold(emptyLiveState(), [team('A', A1.id, 0)]);
    const { d } = tick(s0, subdistrictA1, [team('A', A3.id, 1)]);
    expect(ids(d.removed['rescue-team'])).toEqual(['A']);
    expect(d.latest['rescue-team']).toBeUndefined();
    // The district view still shows it: it only moved within.
    const inDistrict = tick(s0, districtA, [team('A', A3.id, 1)]).d;
    expect(ids(inDistrict.latest['rescue-team'])).toEqual(['A']);
    expect(inDistrict.removed).toEqual({});
  });

  it('says nothing of a team that moves between two districts it is not showing', () => {
    const s0 = fold(emptyLiveState(), [team('A', B1.id, 0)]);
    const { d } = tick(s0, districtA, [team('A', C1.id, 1)]);
    expect(d.latest).toEqual({});
    expect(d.removed).toEqual({});
  });

  it('brings the whole trend of something that enters, and drops it when it leaves', () => {
    const s0 = fold(emptyLiveState(), [typhoon(C1.id, 0, 30), typhoon(C2.id, 10, 33)]);
    const entered = tick(s0, districtA, [typhoon(A2.id, 20, 35)]);
    expect(entered.d.points['typhoon-track']?.T2614?.map((p) => p.value)).toEqual([30, 33, 35]);
    const screen = applyDelta(new ViewFilter(region, districtA).state(s0), entered.d);
    expect(screen.trends['typhoon-track']?.T2614).toHaveLength(3);
    const left = tick(entered.s, districtA, [typhoon(B1.id, 30, 38)]);
    const after = applyDelta(screen, left.d);
    expect(after.latest['typhoon-track']).toBeUndefined();
    expect(after.trends['typhoon-track']).toBeUndefined();
    expect(plain(after)).toEqual(plain(new ViewFilter(region, districtA).state(left.s)));
  });

  it('follows an incident view when the incident moves: teams that stood still leave it or enter it', () => {
    // A1 and A2 are within the incident radius of each other; C1 and C2 too, and both are beyond it from A.
    const s0 = fold(emptyLiveState(), [incident(A1.id, 0), team('near', A2.id, 0), team('far', C2.id, 0)]);
    const moved = tick(s0, nearI1, [incident(C1.id, 1)]);
    expect(ids(moved.d.removed['rescue-team'])).toEqual(['near']);
    expect(ids(moved.d.latest['rescue-team'])).toEqual(['far']);
    expect(ids(moved.d.latest.incident)).toEqual(['I1']);
    const screen = applyDelta(ViewFilter.for(region, nearI1, s0).state(s0), moved.d);
    expect(plain(screen)).toEqual(plain(ViewFilter.for(region, nearI1, moved.s).state(moved.s)));
  });
});

describe('merged view deltas', () => {
  const s0 = fold(emptyLiveState(), [team('A', A1.id, 0, true, 1)]);
  const snapshot = new ViewFilter(region, districtA).state(s0);
  const out = tick(s0, districtA, [team('A', B1.id, 1, true, 2)]);
  const back = tick(out.s, districtA, [team('A', A2.id, 2, true, 3)]);
  const outAgain = tick(back.s, districtA, [team('A', C1.id, 3, true, 4)]);

  it('end with the entity present when a removal is followed by a re-entry', () => {
    const merged = mergeDeltas(out.d, back.d);
    expect(ids(merged.latest['rescue-team'])).toEqual(['A']);
    expect(merged.removed).toEqual({});
    expect(applyDelta(snapshot, merged).latest['rescue-team']?.A?.seq).toBe(3);
  });

  it('end with the entity gone when an entry is followed by a removal', () => {
    const merged = mergeDeltas(back.d, outAgain.d);
    expect(merged.latest).toEqual({});
    expect(ids(merged.removed['rescue-team'])).toEqual(['A']);
    const three = mergeDeltas(mergeDeltas(out.d, back.d), outAgain.d);
    expect(applyDelta(snapshot, three).latest['rescue-team']).toBeUndefined();
  });

  it('apply removals order-safely: an old removal never drops a newer record, and applying twice changes nothing', () => {
    const present = applyDelta(applyDelta(snapshot, out.d), back.d);
    expect(applyDelta(present, out.d)).toEqual(present); // the removal (seq 2) arrives after the re-entry (seq 3)
    const gone = applyDelta(present, outAgain.d);
    expect(applyDelta(gone, outAgain.d)).toEqual(gone);
  });

  it('never read a name like __proto__ or constructor from a prototype', () => {
    // States as a screen holds them (built from wire JSON, where "__proto__" is an own key), so this
    // checks the delta code alone, whatever the reducer does with such names.
    const events = [team('constructor', B1.id, 1, true, 3), team('__proto__', B1.id, 1, true, 4)];
    const at = (d: string) => JSON.parse(`{"constructor":{"district":"${d}"},"__proto__":{"district":"${d}"}}`) as Record<string, { district: string }>;
    const state = (district: string, seqs: [number, number]): LiveState => {
      const recs = at(district);
      const latest = dict<unknown>();
      let k = 0;
      for (const [id, data] of Object.entries(recs)) latest[id] = { entityId: id, observedAt: T0 + seqs[k]!, version: 1, seq: seqs[k++]!, data };
      return applyDelta(emptyLiveState(), { ...emptyDelta(0), toSeq: Math.max(...seqs), latest: { 'rescue-team': latest as never } });
    };
    const before = state(A1.district, [1, 2]);
    const after = state(B1.district, [3, 4]);
    expect(ids(before.latest['rescue-team'])).toEqual(['__proto__', 'constructor']);
    const d = new ViewFilter(region, districtA).delta(deltaOf(before, after, events), after);
    expect(ids(d.removed['rescue-team'])).toEqual(['__proto__', 'constructor']);
    // Over the wire, then applied: both are gone.
    const screen = applyDelta(before, JSON.parse(JSON.stringify(d)) as StateDelta);
    expect(screen.latest['rescue-team']).toBeUndefined();
    expect(Object.getPrototypeOf(screen.latest)).toBeNull();
  });
});

describe('view deltas under random movement', () => {
  const views: ViewRef[] = [
    { kind: 'city' }, districtA, { kind: 'district', district: B1.district }, subdistrictA1,
    { kind: 'subdistrict', district: B1.district, subdistrict: B2.name.zh }, nearI1,
  ];
  const move = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('team' as const), id: fc.constantFrom('A', 'B', 'C', 'D'), seat: fc.constantFrom(...seats), named: fc.boolean(), late: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('typhoon' as const), seat: fc.constantFrom(...seats), wind: fc.integer({ min: 20, max: 60 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('incident' as const), seat: fc.constantFrom(...seats) }) },
  );

  it('bring a screen from its snapshot to exactly the filtered final state, however ticks are cut and coalesced', () => {
    fc.assert(
      fc.property(
        fc.array(move, { minLength: 1, maxLength: 50 }), fc.nat(), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), fc.constantFrom(...views),
        (moves, cut, sizes, acks, view) => {
          const events = moves.map((m, i) => {
            // Five minutes apart, so each typhoon fix has its own trend slot; a late team record is older than any.
            const minute = 5 * (i + 1);
            if (m.kind === 'team') return team(m.id, m.seat, m.late ? -i : minute, m.named, i + 1);
            if (m.kind === 'typhoon') return typhoon(m.seat, minute, m.wind, i + 1);
            return incident(m.seat, minute, i + 1);
          });
          const snapAt = cut % (events.length + 1);
          let s = fold(emptyLiveState(), events.slice(0, snapAt));
          let screen = ViewFilter.for(region, view, s).state(s);
          let pending = emptyDelta(s.seq);
          for (let i = snapAt, t = 0; i < events.length; t++) {
            const n = sizes[t % sizes.length]!;
            const step = tick(s, view, events.slice(i, i + n));
            s = step.s;
            pending = mergeDeltas(pending, step.d);
            // A screen that acknowledges only now and then gets merged deltas.
            if (acks[t % acks.length]) {
              screen = applyDelta(screen, pending);
              pending = emptyDelta(s.seq);
            }
            i += n;
          }
          screen = applyDelta(screen, pending);
          expect(plain(screen)).toEqual(plain(ViewFilter.for(region, view, s).state(s)));
        },
      ),
      { numRuns: 400 },
    );
  });
});

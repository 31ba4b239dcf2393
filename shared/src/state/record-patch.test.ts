import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordReceived } from '../events.ts';
import { testRegion } from '../test-region.ts';
import { ViewFilter } from '../views/filter.ts';
import { testPlaces } from '../views/test-places.ts';
import type { ViewRef } from '../views/view.ts';
import { applyDelta, applyPatchedDelta, deltaOf, type PatchedDelta } from './delta.ts';
import { emptyLiveState, liveStateFromJson, type LatestRecord, type LiveState } from './live-state.ts';
import { fold } from './reducer.ts';
import { jsonBytes, patchIfSmaller, patchOf, patchedRecord, withPatches, type RecordPatch } from './record-patch.ts';

const T0 = Date.parse('2026-09-14T08:00:00Z');
// Region-generic: the region of the run (BEACON_TEST_REGION), its places cast by test-places.ts.
const region = testRegion();
const { A1, A2, A3, B1, C1 } = testPlaces(region);
const seats = [A1, A2, A3, B1, C1];
const views: ViewRef[] = [
  { kind: 'city' },
  { kind: 'district', district: A1.district },
  { kind: 'subdistrict', district: A1.district, subdistrict: A1.name.zh },
  { kind: 'incident', incidentId: 'I1' },
];

/** A wire copy: what a screen gets is JSON (plain objects, `__proto__` an own key). */
const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/**
 * Records in log order: teams (ids from outside include `constructor` and `__proto__`) and an incident
 * that move between seats, with late ones and corrections, and data fields that come, change and go
 * — `__proto__` among them. Identities are unique, as ingest keeps them (one content per entity, time, version).
 */
const records = fc.uniqueArray(
  fc.record({
    entity: fc.constantFrom('team:A', 'team:constructor', 'team:__proto__', 'incident:I1'),
    minute: fc.integer({ min: 0, max: 30 }),
    version: fc.integer({ min: 1, max: 2 }),
    seat: fc.nat({ max: seats.length - 1 }),
    status: fc.constantFrom('standby', 'dispatched', '处置中'),
    extra: fc.dictionary(fc.constantFrom('note', 'members', '__proto__', 'toString', 'crew'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  }),
  { minLength: 1, maxLength: 40, selector: (r) => `${r.entity}@${r.minute}v${r.version}` },
);

type Generated = typeof records extends fc.Arbitrary<infer T> ? T : never;

function events(rs: Generated): RecordReceived[] {
  return rs.map((r, i) => {
    const [category, id] = r.entity.split(':') as [string, string];
    const g = seats[r.seat]!;
    const observedAt = new Date(T0 + r.minute * 60_000).toISOString();
    const key = category === 'team' ? { teamId: id } : { incidentId: id };
    // The extra fields first, so that a `__proto__` among them is an own field like any other (as JSON.parse makes it).
    const payload = Object.fromEntries([...Object.entries(r.extra), ...Object.entries({ ...key, status: r.status, lon: g.lon, lat: g.lat, district: g.district, observedAt, version: r.version })]);
    return {
      type: 'record.received', seq: i + 1, receivedAt: observedAt, department: 'emergency',
      category: category === 'team' ? 'rescue-team' : 'incident', entityId: id, observedAt, version: r.version, payload,
    };
  });
}

/** Cuts `events` into ticks of the given sizes (cycled). */
function ticksOf<T>(events: T[], sizes: number[]): T[][] {
  const out: T[][] = [];
  for (let i = 0, t = 0; i < events.length; t++) {
    const n = Math.max(1, sizes[t % Math.max(1, sizes.length)] ?? 1);
    out.push(events.slice(i, i + n));
    i += n;
  }
  return out;
}

describe('changed-field deltas', () => {
  it('bring a screen that took every message to the same state as the whole-record deltas, tick after tick, and applied twice change nothing more', () => {
    // Two ways to patch: only when smaller (as the hub does), and always (so that patches of every shape are applied).
    const patchers = { smaller: patchIfSmaller, always: patchOf };
    const seen = { patches: 0, unset: 0, protoField: 0 };
    fc.assert(
      fc.property(records, fc.nat(), fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 10 }), fc.constantFrom(...views), fc.constantFrom('smaller', 'always') as fc.Arbitrary<keyof typeof patchers>,
        (rs, cut, sizes, view, how) => {
          const all = events(rs);
          const snapAt = cut % (all.length + 1);
          let s = fold(emptyLiveState(), all.slice(0, snapAt));
          const snapshot = ViewFilter.for(region, view, s).state(s);
          let whole = snapshot;
          let patched = liveStateFromJson(wire(snapshot));
          for (const tick of ticksOf(all.slice(snapAt), sizes)) {
            const after = fold(s, tick);
            const changes = ViewFilter.for(region, view, after).changes(deltaOf(s, after, tick), after);
            s = after;
            whole = applyDelta(whole, changes.delta);
            const sent = wire<PatchedDelta>(withPatches(changes.delta, changes.heldBefore, patchers[how]));
            for (const byId of Object.values(sent.patches ?? {})) {
              for (const p of Object.values(byId)) {
                seen.patches += 1;
                if (p.unset?.length) seen.unset += 1;
                if (p.set && Object.hasOwn(p.set, '__proto__')) seen.protoField += 1;
              }
            }
            const once = applyPatchedDelta(patched, sent);
            expect(once.outOfStep).toBeNull();
            const twice = applyPatchedDelta(once.state, sent);
            expect(twice.outOfStep).toBeNull();
            expect(wire(twice.state)).toEqual(wire(once.state));
            patched = once.state;
            expect(wire(patched)).toEqual(wire(whole));
          }
          expect(wire(patched)).toEqual(wire(ViewFilter.for(region, view, s).state(s)));
        }),
      { numRuns: 400 },
    );
    // Not vacuous: patches of every kind were applied.
    expect(seen.patches).toBeGreaterThan(150);
    expect(seen.unset).toBeGreaterThan(20);
    expect(seen.protoField).toBeGreaterThan(20);
  });
});

describe('a patch', () => {
  const held: LatestRecord = { entityId: 'T1', observedAt: T0, version: 1, seq: 10, firstObservedAt: T0, data: { teamId: 'T1', status: 'standby', members: 20, note: '待命', lon: 118.1, lat: 24.5 } };
  const next: LatestRecord = { entityId: 'T1', observedAt: T0 + 60_000, version: 1, seq: 12, firstObservedAt: T0, data: { teamId: 'T1', status: 'dispatched', members: 20, lon: 118.1, lat: 24.5, eta: 15 } };

  it('carries the new stamp, its base, the changed and new fields, and the dropped ones', () => {
    const p = patchOf(held, next);
    expect(wire(p)).toEqual({ entityId: 'T1', observedAt: T0 + 60_000, version: 1, seq: 12, firstObservedAt: T0, base: 10, set: { status: 'dispatched', eta: 15 }, unset: ['note'] });
    expect(patchedRecord(held, wire(p))).toEqual(next);
  });

  it('is sent only when smaller than the record', () => {
    expect(jsonBytes(patchOf(held, next))).toBeLessThan(jsonBytes(next));
    expect(patchIfSmaller(held, next)).not.toBeNull();
    const small: LatestRecord = { ...held, data: { v: 1 } };
    expect(patchIfSmaller(small, { ...next, data: { w: 2 } })).toBeNull(); // every field changed: the patch would be larger
  });

  describe('on a screen', () => {
    const state = (rec: LatestRecord): LiveState => ({ ...emptyLiveState(), seq: rec.seq, latest: { 'rescue-team': { T1: rec } } });
    const delta = (p: RecordPatch): PatchedDelta => ({ fromSeq: 10, toSeq: 12, latest: {}, patches: { 'rescue-team': { T1: p } }, removed: {}, points: {}, feeds: {}, transitions: {} });
    const p = wire(patchOf(held, next));

    it('applies to the record it was made against', () => {
      const { state: after, outOfStep } = applyPatchedDelta(state(held), delta(p));
      expect(outOfStep).toBeNull();
      expect(after.latest['rescue-team']?.T1).toEqual(next);
    });

    it('changes nothing when the screen holds its record already, or a newer one', () => {
      const holdsIt = state(next);
      expect(applyPatchedDelta(holdsIt, delta(p))).toEqual({ state: { ...holdsIt, latest: { 'rescue-team': { T1: next } } }, outOfStep: null });
      const newer: LatestRecord = { ...next, observedAt: T0 + 120_000, seq: 15, data: { status: 'returned' } };
      expect(applyPatchedDelta(state(newer), delta(p)).state.latest['rescue-team']?.T1).toEqual(newer);
    });

    it('is out of step on another base, or none: nothing of the delta applies', () => {
      const other: LatestRecord = { ...held, seq: 9, data: { ...held.data, status: 'training' } };
      const before = state(other);
      const got = applyPatchedDelta(before, delta(p));
      expect(got.outOfStep).toEqual({ category: 'rescue-team', entityId: 'T1', base: 10, held: 9 });
      expect(got.state).toBe(before);
      expect(applyPatchedDelta(emptyLiveState(), delta(p)).outOfStep).toEqual({ category: 'rescue-team', entityId: 'T1', base: 10, held: null });
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { BeaconEvent, CommandIssued, RecordReceived } from '../events.ts';
import { applyCommand, emptyCommandState } from '../commands/command-state.ts';
import { checkCommand } from '../commands/check.ts';
import { applyDelta, deltaOf } from './delta.ts';
import { emptyLiveState, feedOf, latestRecord, liveStateFromJson, trendOf, type LiveState } from './live-state.ts';
import { fold, foldEach, supersedes, UNREADABLE_FEED } from './reducer.ts';

/** Names Object.prototype answers for (or that replace a prototype when assigned). */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'] as const;
const T0 = Date.parse('2026-09-14T08:00:00Z');
const actor = { id: 'test-duty', name: 'duty (test)', role: 'duty' } as const;

function record(seq: number, category: string, entityId: string, minute: number, version = 1, department = 'meteorology', value = seq): RecordReceived {
  const observedAt = new Date(T0 + minute * 60_000).toISOString();
  return {
    type: 'record.received', seq, receivedAt: new Date(T0 + seq * 1000).toISOString(), department: department as RecordReceived['department'],
    category, entityId, observedAt, version, payload: { stationId: entityId, observedAt, version, windSpeedMs: value },
  };
}

const command = (seq: number, c: CommandIssued['command']): CommandIssued => ({
  type: 'command.issued', seq, receivedAt: new Date(T0 + seq * 1000).toISOString(), commandId: `c${seq}`, actor, reason: 'test', command: c,
});

describe('the fold over names from outside', () => {
  it('folds any mix of prototype names and ordinary ones as ids, categories and departments, keeping each id its expected latest record', async () => {
    const fc = (await import('fast-check')).default;
    const name = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom('SM01', 'W59134', 'x'));
    const category = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), fc.constantFrom('wind-station', 'rain-gauge', 'incident'));
    fc.assert(
      fc.property(
        fc.array(fc.record({ c: category, id: name, d: name, m: fc.integer({ min: 0, max: 600 }), v: fc.integer({ min: 1, max: 3 }) }), { maxLength: 60 }),
        fc.nat({ max: 60 }),
        (rows, cut) => {
          const events = rows.map((r, i) => record(i + 1, r.c, r.id, r.m, r.v, r.d));
          const { state, failed } = foldEach(emptyLiveState(), events);
          expect(failed).toEqual([]);
          expect(state.seq).toBe(events.length);

          // The model: per (category, id), the record that supersedes every other, found without objects.
          const expected = new Map<string, RecordReceived>();
          for (const e of events) {
            const key = `${e.category}\u0000${e.entityId}`;
            const cur = expected.get(key);
            const current = cur && { entityId: cur.entityId, observedAt: Date.parse(cur.observedAt), version: cur.version, seq: cur.seq, data: cur.payload };
            if (supersedes(Date.parse(e.observedAt), e.version, e.seq, current)) expected.set(key, e);
          }
          for (const e of expected.values()) {
            expect(latestRecord(state, e.category, e.entityId)?.seq).toBe(e.seq);
          }
          const held = Object.entries(state.latest).reduce((n, [, byId]) => n + Object.keys(byId).length, 0);
          expect(held).toBe(expected.size);
          for (const e of events) expect(feedOf(state, e.category)?.records).toBe(events.filter((x) => x.category === e.category).length);

          // Through JSON (a stored snapshot) and on: the same state as folding straight through.
          const head = fold(emptyLiveState(), events.slice(0, cut));
          const resumed = fold(liveStateFromJson(JSON.parse(JSON.stringify(head)) as LiveState), events.slice(cut));
          expect(JSON.parse(JSON.stringify(resumed))).toEqual(JSON.parse(JSON.stringify(state)));

          // A screen applying the delta of the rest reaches the same records.
          const screen = applyDelta(JSON.parse(JSON.stringify(head)) as LiveState, JSON.parse(JSON.stringify(deltaOf(head, state, events.slice(cut)))));
          for (const e of expected.values()) expect(latestRecord(screen, e.category, e.entityId)?.seq).toBe(e.seq);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps a record with id __proto__ as an own entry, and never changes a prototype', () => {
    const s = fold(emptyLiveState(), [record(1, 'wind-station', '__proto__', 0), record(2, 'wind-station', 'constructor', 0)]);
    const byId = s.latest['wind-station']!;
    expect(Object.keys(byId).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(byId)).toBeNull();
    expect(trendOf(s, 'wind-station', 'constructor').map((p) => p.value)).toEqual([2]);
    expect(({} as Record<string, unknown>).windSpeedMs).toBeUndefined();
    expect(JSON.parse(JSON.stringify(s)).latest['wind-station'].__proto__.seq).toBe(1);
  });

  it('folds commands whose ids are prototype names, and checks them like any other id', () => {
    const incident: RecordReceived = { ...record(1, 'incident', 'constructor', 0, 1, 'emergency'), payload: { incidentId: 'constructor', status: 'open' } };
    let s = fold(emptyLiveState(), [incident]);
    expect(checkCommand(s, 'duty', { kind: 'incident.acknowledge', incidentId: 'constructor' })).toBeNull();
    expect(checkCommand(s, 'duty', { kind: 'incident.acknowledge', incidentId: 'toString' })?.code).toBe('BEACON_UNKNOWN_INCIDENT');
    expect(checkCommand(s, 'duty', { kind: 'team.release', teamId: '__proto__' })?.code).toBe('BEACON_NOT_DISPATCHED');
    s = fold(s, [command(2, { kind: 'incident.acknowledge', incidentId: 'constructor' }), command(3, { kind: 'post.order', postId: '__proto__', incidentId: 'constructor' })]);
    expect(checkCommand(s, 'duty', { kind: 'incident.acknowledge', incidentId: 'constructor' })?.code).toBe('BEACON_ALREADY_ACKNOWLEDGED');
    expect(Object.keys(s.command.posts)).toEqual(['__proto__']);
    expect(checkCommand(s, 'commander', { kind: 'post.order', postId: 'p2', incidentId: 'constructor' })?.code).toBe('BEACON_POST_EXISTS');
    const released = applyCommand(applyCommand(emptyCommandState(), command(4, { kind: 'team.dispatch', teamId: 'valueOf', incidentId: 'x' })), command(5, { kind: 'team.release', teamId: 'valueOf' }));
    expect(Object.keys(released.dispatches)).toEqual([]);
  });
});

describe('an event that cannot be folded', () => {
  const bad = (seq: number, change: Record<string, unknown>) => ({ ...record(seq, 'wind-station', 'W1', seq), ...change }) as unknown as BeaconEvent;

  it('leaves the state as before it, with its seq passed and its feed counting it, and the events after it folded', () => {
    const before = fold(emptyLiveState(), [record(1, 'wind-station', 'W1', 0)]);
    const { state, failed } = foldEach(before, [
      record(2, 'wind-station', 'W1', 2),
      bad(3, { payload: null }),
      record(4, 'wind-station', 'W2', 4),
    ]);
    expect(failed).toEqual([{ seq: 3, reason: expect.stringContaining('payload is not an object') }]);
    expect(state.seq).toBe(4);
    expect(latestRecord(state, 'wind-station', 'W1')?.seq).toBe(2);
    expect(latestRecord(state, 'wind-station', 'W2')?.seq).toBe(4);
    expect(feedOf(state, 'wind-station')).toMatchObject({ records: 3, unfoldable: 1, lastUnfoldable: { seq: 3 } });
    // fold agrees (replay and every node use it).
    expect(JSON.stringify(fold(before, [record(2, 'wind-station', 'W1', 2), bad(3, { payload: null }), record(4, 'wind-station', 'W2', 4)]))).toBe(JSON.stringify(state));
  });

  it('writes nothing of itself: a failing event equals its absence, except seq and the count', () => {
    const base = fold(emptyLiveState(), [record(1, 'wind-station', 'W1', 0)]);
    const cases: BeaconEvent[] = [
      bad(2, { observedAt: 'not a time' }),
      bad(2, { entityId: 7 }),
      bad(2, { version: Number.NaN }),
      bad(2, { type: 'record.deleted' }),
      command(2, { kind: 'no.such.kind' } as never),
      { ...command(2, { kind: 'team.release', teamId: 'T1' }), command: undefined } as unknown as BeaconEvent,
    ];
    for (const e of cases) {
      const { state, failed } = foldEach(base, [e]);
      expect(failed.map((f) => f.seq)).toEqual([2]);
      expect(state.seq).toBe(2);
      expect(JSON.stringify(state.latest)).toBe(JSON.stringify(base.latest));
      expect(JSON.stringify(state.command)).toBe(JSON.stringify(base.command));
      const key = e.type === 'command.issued' ? 'command' : 'wind-station';
      expect(feedOf(state, key)?.unfoldable).toBe(1);
    }
  });

  it('counts an event with no readable category under a feed of its own', () => {
    const { state, failed } = foldEach(emptyLiveState(), [bad(5, { category: null })]);
    expect(failed).toHaveLength(1);
    expect(feedOf(state, UNREADABLE_FEED)).toMatchObject({ unfoldable: 1, lastUnfoldable: { seq: 5 } });
  });
});

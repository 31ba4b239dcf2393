import { describe, expect, it } from 'vitest';
import {
  TREND_SLOT_MS,
  ViewFilter,
  applyPatchedDelta,
  deltaOf,
  emptyLiveState,
  fold,
  type LiveState,
  type PatchedDelta,
  type RecordReceived,
  type ViewRef,
} from '@beacon/shared';
import { rainEvent } from '@beacon/shared/testing.ts';
import { testRegion } from '@beacon/shared/test-region.ts';
import { testPlaces } from '@beacon/shared/views/test-places.ts';
import { RecentDeltas } from './recent-deltas.ts';
import { ACK_WINDOW, PENDING_VOLUME_BOUND, Subscriptions, type AckWindow, type SendDeltaToMany, type Subscriber } from './subscriptions.ts';

const T0 = Date.parse('2026-09-14T08:00:00Z');
// Region-generic: the region of the run (BEACON_TEST_REGION), its places cast by test-places.ts.
const region = testRegion();
const { A1, A2, A3, B1, B2, C1 } = testPlaces(region);
const stations = region.rainGauges.map((g) => g.id);

/**
 * Every message asks for an acknowledgement and nothing more goes until it comes: what the bound,
 * snapshots, groups and patches are about is easiest to follow so. The window (ACK_WINDOW, the
 * production default) has its own tests below.
 */
const STOP_AND_WAIT: AckWindow = { every: 1, size: 1 };

/** An engine in miniature: folds events and hands the hub their delta, as the live engine does. */
function hub(bound?: number, sendDeltaToMany?: SendDeltaToMany, ackWindow: AckWindow = STOP_AND_WAIT) {
  let state: LiveState = emptyLiveState();
  let seq = 0;
  const subs = new Subscriptions(region, () => state, { bound, sendDeltaToMany, ackWindow });
  const recent = new RecentDeltas();
  return {
    subs,
    recent,
    get state() {
      return state;
    },
    apply(events: RecordReceived[]) {
      const before = state;
      state = fold(state, events);
      const d = deltaOf(before, state, events);
      recent.push(d);
      subs.collect(d);
    },
    /**
     * A reading for every gauge, `step` trend slots after T0: each one is a trend point of its own
     * (deltas keep one point per slot, so readings a minute apart would share one).
     */
    rain(step: number): RecordReceived[] {
      return stations.map((id) => rainEvent(id, T0 + step * TREND_SLOT_MS, (step % 50) + 1, { seq: ++seq }));
    },
    team(id: string, gauge: string, minute: number): RecordReceived {
      const g = region.rainGauges.find((x) => x.id === gauge)!;
      const observedAt = new Date(T0 + minute * 60_000).toISOString();
      return {
        type: 'record.received', seq: ++seq, receivedAt: observedAt, department: 'emergency', category: 'rescue-team', entityId: id, observedAt, version: 1,
        payload: { teamId: id, status: 'standby', lon: g.lon, lat: g.lat, district: g.district, observedAt, version: 1 },
      };
    },
  };
}

/**
 * A screen that records what it is sent and acknowledges only when told. It applies deltas as they
 * come over the wire (JSON), patches included; a patch out of step fails the test.
 */
function screen(id: string, holds: LiveState | null = null) {
  const held: (() => void)[] = [];
  let sinceAck = 0;
  let state = holds;
  const messages: ({ kind: 'snapshot'; state: LiveState; asked: boolean } | { kind: 'delta'; delta: PatchedDelta; asked: boolean })[] = [];
  const subscriber: Subscriber = {
    id,
    sendSnapshot: (_view, s, acked) => {
      messages.push({ kind: 'snapshot', state: s, asked: true });
      state = s;
      held.push(acked);
      sinceAck += 1;
    },
    sendDelta: (_view, d, acked) => {
      messages.push({ kind: 'delta', delta: d, asked: acked !== undefined });
      const applied = applyPatchedDelta(state!, JSON.parse(JSON.stringify(d)) as PatchedDelta);
      expect(applied.outOfStep, `${id}: a patch out of step`).toBeNull();
      state = applied.state;
      if (acked) held.push(acked);
      sinceAck += 1;
    },
  };
  return {
    subscriber,
    messages,
    state: () => state!,
    /** Messages received since the screen last acknowledged. */
    get unacknowledged() {
      return sinceAck;
    },
    /** Acknowledges every message that asked, in order. */
    ack: () => {
      held.splice(0).forEach((a) => a());
      sinceAck = 0;
    },
    /** Acknowledges only the last message that asked, as a screen may (it covers the ones before it). */
    ackLast: () => {
      held.splice(0).at(-1)?.();
      sinceAck = 0;
    },
  };
}

const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
const viewState = (s: LiveState, view: ViewRef) => plain(ViewFilter.for(region, view, s).state(s));

describe('a screen that stops acknowledging', () => {
  it('costs at most the bound: past it the hub drops the pending delta and owes the screen a snapshot', () => {
    const h = hub();
    const city: ViewRef = { kind: 'city' };
    const s = screen('wall');
    h.subs.subscribe(s.subscriber, city, null);
    s.ack();
    // The screen takes one delta and then falls silent while every gauge reports each minute, for long
    // enough that twice the bound's worth of points arrive: the pending delta passes the bound well before the end.
    const minutes = Math.ceil((2 * PENDING_VOLUME_BOUND) / stations.length);
    h.apply(h.rain(0));
    h.subs.flush();
    expect(s.messages.at(-1)?.kind).toBe('delta');
    let largest = 0;
    let snapshotDueSeen = false;
    for (let minute = 1; minute <= minutes; minute++) {
      h.apply(h.rain(minute));
      h.subs.flush();
      const held = h.subs.retained('wall')!;
      largest = Math.max(largest, held.volume);
      snapshotDueSeen ||= held.snapshotDue;
      expect(s.unacknowledged).toBe(1); // nothing more goes out while the delta is unacknowledged
    }
    expect(largest).toBeLessThanOrEqual(PENDING_VOLUME_BOUND);
    expect(snapshotDueSeen).toBe(true);
    expect(s.messages).toHaveLength(2);

    // It acknowledges at last: the next tick sends a snapshot of now, then deltas flow again.
    s.ack();
    h.subs.flush();
    expect(s.messages.at(-1)?.kind).toBe('snapshot');
    expect(h.subs.retained('wall')).toMatchObject({ volume: 0, snapshotDue: false, unacknowledged: 1 });
    h.apply(h.rain(minutes + 1));
    h.subs.flush();
    expect(s.messages.at(-1)?.kind).toBe('snapshot'); // the snapshot is unacknowledged: the delta waits
    s.ack();
    h.subs.flush();
    expect(s.messages.at(-1)?.kind).toBe('delta');
    expect(plain(s.state())).toEqual(viewState(h.state, city));
  });

  it('is not given a snapshot when it acknowledges, however long the feed', () => {
    const h = hub();
    const s = screen('tablet');
    h.subs.subscribe(s.subscriber, { kind: 'city' }, null);
    for (let minute = 0; minute < 100; minute++) {
      s.ack();
      h.apply(h.rain(minute));
      h.subs.flush();
    }
    expect(s.messages.filter((m) => m.kind === 'snapshot')).toHaveLength(1);
    expect(plain(s.state())).toEqual(viewState(h.state, { kind: 'city' }));
  });

  it('keeps every incident transition while under the bound', () => {
    const h = hub(50);
    const s = screen('wall');
    h.subs.subscribe(s.subscriber, { kind: 'city' }, null);
    s.ack();
    h.apply([h.team('A', A1.id, 0)]);
    h.subs.flush(); // in flight, unacknowledged
    const steps = ['reported', 'responding', 'contained', 'closed'].map((status, i): RecordReceived => {
      const observedAt = new Date(T0 + (i + 1) * 60_000).toISOString();
      return {
        type: 'record.received', seq: 1000 + i, receivedAt: observedAt, department: 'emergency', category: 'incident', entityId: 'I1', observedAt, version: 1,
        payload: { incidentId: 'I1', status, lon: A2.lon, lat: A2.lat, district: A2.district, observedAt, version: 1 },
      };
    });
    for (const e of steps) {
      h.apply([e]);
      h.subs.flush();
    }
    s.ack();
    h.subs.flush();
    const last = s.messages.at(-1)!;
    expect(last.kind).toBe('delta');
    expect(last.kind === 'delta' && last.delta.transitions.incident?.map((r) => r.data.status)).toEqual(['reported', 'responding', 'contained', 'closed']);
  });

  it('resumes with a snapshot instead when what it missed is over the bound', () => {
    const h = hub(3 * stations.length);
    const missed: RecordReceived[] = [];
    for (let minute = 0; minute < 5; minute++) missed.push(...h.rain(minute)); // five points a gauge: over the bound
    const before = h.state;
    h.apply(missed);
    h.subs.flush();
    const s = screen('back');
    expect(h.subs.subscribe(s.subscriber, { kind: 'city' }, deltaOf(before, h.state, missed))).toBe('snapshot');
    expect(s.messages.map((m) => m.kind)).toEqual(['snapshot']);
    const mid = h.state;
    const t = screen('small', ViewFilter.for(region, { kind: 'city' }, mid).state(mid));
    const few = h.rain(5);
    h.apply(few);
    expect(h.subs.subscribe(t.subscriber, { kind: 'city' }, deltaOf(mid, h.state, few))).toBe('resume');
    expect(t.messages.map((m) => m.kind)).toEqual(['delta']);
    expect(plain(t.state())).toEqual(viewState(h.state, { kind: 'city' }));
  });
});

describe('a district screen', () => {
  it('loses the teams that leave the district and gains those that come, in the next delta', () => {
    const h = hub();
    const districtA: ViewRef = { kind: 'district', district: A1.district };
    h.apply([h.team('A', A1.id, 0), h.team('B', A2.id, 0), h.team('C', B1.id, 0)]);
    h.subs.flush();
    const s = screen('district A');
    h.subs.subscribe(s.subscriber, districtA, null);
    s.ack();
    expect(Object.keys(s.state().latest['rescue-team'] ?? {}).sort()).toEqual(['A', 'B']);
    h.apply([h.team('A', B2.id, 1), h.team('C', A3.id, 1)]);
    h.subs.flush();
    const last = s.messages.at(-1)!;
    expect(last.kind === 'delta' && Object.keys(last.delta.removed['rescue-team'] ?? {})).toEqual(['A']);
    expect(Object.keys(s.state().latest['rescue-team'] ?? {}).sort()).toEqual(['B', 'C']);
    expect(plain(s.state())).toEqual(viewState(h.state, districtA));
  });
});

describe('screens on district and subdistrict views, under random movement', () => {
  const views: ViewRef[] = [
    { kind: 'district', district: A1.district }, { kind: 'district', district: B1.district },
    { kind: 'subdistrict', district: A1.district, subdistrict: A1.name.zh }, { kind: 'subdistrict', district: B1.district, subdistrict: B2.name.zh },
  ];
  const seats = [A1, A2, A3, B1, B2, C1].map((g) => g.id);

  /** A small seeded generator (mulberry32): the same cases every run, and a failing seed can be replayed. */
  function random(seed: number): (n: number) => number {
    let a = seed >>> 0;
    return (n) => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
  }

  it.each([
    ['stop-and-wait', STOP_AND_WAIT],
    ['the acknowledgement window, answering only the last ask', ACK_WINDOW],
  ])('end with exactly the filtered final state, through held acks, a cut and a resume (200 seeded cases, %s)', (_name, ackWindow) => {
    // (fast-check is not a dependency of the server package; the shared filter's property test uses it.)
    const answer = (s: ReturnType<typeof screen>) => (ackWindow === ACK_WINDOW ? s.ackLast() : s.ack());
    for (let seed = 1; seed <= 200; seed++) {
      const r = random(seed);
      const view = views[r(views.length)]!;
      const steps = Array.from({ length: 1 + r(30) }, () => Array.from({ length: 1 + r(3) }, () => ({ id: 'ABC'[r(3)]!, seat: seats[r(seats.length)]! })));
      const acks = Array.from({ length: 1 + r(10) }, () => r(2) === 0);
      const cut = r(steps.length);
      const away = r(6);

      const h = hub(undefined, undefined, ackWindow);
      let s = screen('s');
      h.subs.subscribe(s.subscriber, view, null);
      for (const [i, step] of steps.entries()) {
        if (i === cut) {
          // The connection drops (whatever it had in flight was received), moves go on, and it comes back.
          h.subs.unsubscribe('s');
          for (let k = 0; k < away; k++) h.apply([h.team('A', seats[(i + k) % seats.length]!, 1000 + i * 10 + k)]);
          h.subs.flush();
          const holds = s.state();
          s = screen('s', holds);
          h.subs.subscribe(s.subscriber, view, h.recent.since(holds.seq, h.state.seq));
        }
        h.apply(step.map((m, k) => h.team(m.id, m.seat, i * 10 + k)));
        h.subs.flush();
        if (acks[i % acks.length]) answer(s);
      }
      for (let k = 0; k < 3; k++) {
        answer(s);
        h.subs.flush();
      }
      expect(plain(s.state()), `seed ${seed}`).toEqual(viewState(h.state, view));
    }
  });
});

describe('a screen that subscribes between a tick being collected and flushed', () => {
  it('is not sent those changes again: its snapshot has them, and its next message is the next change', () => {
    const h = hub();
    const city: ViewRef = { kind: 'city' };
    h.apply(h.rain(0)); // collected, not yet flushed
    const s = screen('late');
    h.subs.subscribe(s.subscriber, city, null);
    s.ack();
    h.subs.flush();
    expect(s.messages.map((m) => m.kind)).toEqual(['snapshot']);
    h.apply(h.rain(1));
    h.subs.flush();
    expect(s.messages.map((m) => m.kind)).toEqual(['snapshot', 'delta']);
    const d = (s.messages[1] as { delta: PatchedDelta }).delta;
    expect(d.toSeq).toBe(h.state.seq);
    expect(plain(s.state().latest)).toEqual((viewState(h.state, city) as LiveState).latest);
  });
});

describe('screens counted by view kind (for the metrics)', () => {
  it('counts each subscriber once, under the view it holds now, with every kind present', () => {
    const h = hub();
    const [a, b, c] = [screen('a'), screen('b'), screen('c')];
    h.subs.subscribe(a.subscriber, { kind: 'city' }, null);
    h.subs.subscribe(b.subscriber, { kind: 'city' }, null);
    h.subs.subscribe(c.subscriber, { kind: 'district', district: A1.district }, null);
    expect(Object.fromEntries(h.subs.countByViewKind())).toEqual({ city: 2, district: 1, subdistrict: 0, incident: 0 });
    h.subs.subscribe(b.subscriber, { kind: 'incident', incidentId: 'I-1' }, null); // the same socket moves
    h.subs.unsubscribe('a');
    expect(Object.fromEntries(h.subs.countByViewKind())).toEqual({ city: 0, district: 1, subdistrict: 0, incident: 1 });
  });
});

describe('the acknowledgement window (ACK_WINDOW, the production default)', () => {
  const city: ViewRef = { kind: 'city' };
  const { every, size } = ACK_WINDOW;

  it('asks one message in `every`, sends at most `size` unacknowledged, and one acknowledgement covers the messages before it', () => {
    const h = hub(undefined, undefined, ACK_WINDOW);
    const s = screen('wall');
    h.subs.subscribe(s.subscriber, city, null);
    // Silent: it is sent the snapshot and then one delta a tick until `size` are out, and nothing more.
    for (let minute = 0; minute < 3 * size; minute++) {
      h.apply(h.rain(minute));
      h.subs.flush();
    }
    expect(s.messages).toHaveLength(size);
    expect(h.subs.retained('wall')).toMatchObject({ unacknowledged: size, snapshotDue: false });
    const asked = s.messages.filter((m) => m.asked).length;
    expect(asked).toBeGreaterThanOrEqual(size / every);
    expect(asked).toBeLessThanOrEqual(size / every + 1); // the snapshot always asks
    expect(s.messages.at(-1)!.asked).toBe(true); // the last the window lets out asks: the screen can always open it

    // It answers only the last ask: that covers all eight, and the next tick sends everything since, merged.
    s.ackLast();
    expect(h.subs.retained('wall')).toMatchObject({ unacknowledged: 0 });
    h.apply(h.rain(3 * size));
    h.subs.flush();
    expect(s.messages).toHaveLength(size + 1);
    expect(plain(s.state())).toEqual(viewState(h.state, city));
  });

  it('keeps deltas flowing to a screen that answers late: `size` messages go out before an answer is due', () => {
    const h = hub(undefined, undefined, ACK_WINDOW);
    const s = screen('tablet-on-4g');
    h.subs.subscribe(s.subscriber, city, null);
    // Each answer arrives two ticks after the ask (a slow round trip): the screen still gets a delta every tick.
    const answers: (() => void)[][] = [[], [], []];
    for (let minute = 0; minute < 40; minute++) {
      answers.shift()!.forEach((answer) => answer());
      const before = s.messages.length;
      h.apply(h.rain(minute));
      h.subs.flush();
      expect(s.messages.length, `tick ${minute}`).toBe(before + 1);
      const asked = s.messages.at(-1)!.asked || minute === 0;
      const due = asked ? [() => s.ackLast()] : [];
      answers.push(due);
    }
    expect(plain(s.state())).toEqual(viewState(h.state, city));
  });

  it('has the screens of a view that keep up ask on the same ticks, so each tick is one send per view', () => {
    const sends: { ids: string[]; asked: boolean }[][] = [];
    const screens = new Map<string, ReturnType<typeof screen>>();
    const together: SendDeltaToMany = (to, view, delta) => {
      sends.at(-1)!.push({ ids: to.map(({ subscriber }) => subscriber.id), asked: to[0]!.acked !== undefined });
      for (const { subscriber, acked } of to) screens.get(subscriber.id)!.subscriber.sendDelta(view, delta, acked);
    };
    const h = hub(undefined, together, ACK_WINDOW);
    for (let tick = 0; tick < 24; tick++) {
      // Screens join on different ticks, so their own counts start apart.
      if (tick < 3) {
        const id = `wall-${tick}`;
        screens.set(id, screen(id));
        h.subs.subscribe(screens.get(id)!.subscriber, city, null);
      }
      sends.push([]);
      h.apply(h.rain(tick));
      h.subs.flush();
      screens.forEach((s) => s.ack());
    }
    // From the first tick on which all three were asked together, every tick is one send to all three.
    const settled = sends.slice(2 * every);
    for (const tick of settled) expect(tick.map((t) => t.ids)).toEqual([['wall-0', 'wall-1', 'wall-2']]);
    expect(settled.filter((tick) => tick[0]!.asked).length).toBe(settled.length / every);
    for (const s of screens.values()) expect(plain(s.state())).toEqual(viewState(h.state, city));
  });
});

describe('screens of one view that keep up', () => {
  it('are sent each tick\'s delta together, once; one that fell behind gets its own merged delta; each acknowledgement counts for its own screen', () => {
    const groups: { ids: string[]; delta: PatchedDelta }[] = [];
    const screens = new Map<string, ReturnType<typeof screen>>();
    // Delivers a group send to each screen as its own sendDelta would, keeping each screen's ack apart.
    const together: SendDeltaToMany = (to, view, delta) => {
      groups.push({ ids: to.map(({ subscriber }) => subscriber.id), delta });
      for (const { subscriber, acked } of to) screens.get(subscriber.id)!.subscriber.sendDelta(view, delta, acked);
    };
    const h = hub(undefined, together);
    const city: ViewRef = { kind: 'city' };
    const siming: ViewRef = { kind: 'district', district: B1.district };
    for (const [id, view] of [['a', city], ['b', city], ['slow', city], ['d1', siming], ['d2', siming]] as const) {
      screens.set(id, screen(id));
      h.subs.subscribe(screens.get(id)!.subscriber, view, null);
    }
    const ackAll = (...ids: string[]) => ids.forEach((id) => screens.get(id)!.ack());
    ackAll('a', 'b', 'slow', 'd1', 'd2');

    h.apply(h.rain(0));
    h.subs.flush();
    expect(groups.map((g) => g.ids)).toEqual([['a', 'b', 'slow'], ['d1', 'd2']]);
    ackAll('a', 'b', 'd1', 'd2'); // 'slow' keeps its delta unacknowledged

    h.apply(h.rain(1));
    h.subs.flush();
    expect(groups.slice(2).map((g) => g.ids)).toEqual([['a', 'b'], ['d1', 'd2']]);
    expect(screens.get('slow')!.messages).toHaveLength(2); // snapshot + the first delta, nothing since
    ackAll('a', 'b', 'd1', 'd2', 'slow');

    // 'slow' holds minute 1 still: it is sent minutes 1 and 2 merged, alone; the others minute 2 together.
    h.apply(h.rain(2));
    h.subs.flush();
    expect(groups.slice(4).map((g) => g.ids)).toEqual([['a', 'b'], ['d1', 'd2']]);
    expect(screens.get('slow')!.messages).toHaveLength(3);
    for (const [id, view] of [['a', city], ['b', city], ['slow', city], ['d1', siming], ['d2', siming]] as const) {
      expect(plain(screens.get(id)!.state()), id).toEqual(viewState(h.state, view));
    }
  });
});

describe('changed-field deltas', () => {
  const city: ViewRef = { kind: 'city' };
  const deltasOf = (s: ReturnType<typeof screen>) => s.messages.flatMap((m) => (m.kind === 'delta' ? [m.delta] : []));
  const patchedIds = (d: PatchedDelta | undefined, category: string) => Object.keys(d?.patches?.[category] ?? {}).sort();
  const wholeIds = (d: PatchedDelta | undefined, category: string) => Object.keys(d?.latest[category] ?? {}).sort();

  it('go to screens that took every message, together: each reading as its changed fields against the record they hold', () => {
    const groups: { ids: string[]; delta: PatchedDelta }[] = [];
    const screens = new Map([['a', screen('a')], ['b', screen('b')]]);
    const together: SendDeltaToMany = (to, view, delta) => {
      groups.push({ ids: to.map(({ subscriber }) => subscriber.id), delta });
      for (const { subscriber, acked } of to) screens.get(subscriber.id)!.subscriber.sendDelta(view, delta, acked);
    };
    const h = hub(undefined, together);
    for (const s of screens.values()) h.subs.subscribe(s.subscriber, city, null);
    const ackAll = () => screens.forEach((s) => s.ack());
    ackAll();

    h.apply(h.rain(0)); // the gauges are new: their records go whole
    h.subs.flush();
    ackAll();
    expect(patchedIds(groups[0]?.delta, 'rain-gauge')).toEqual([]);
    const before = h.state;

    h.apply(h.rain(1)); // a new reading of every gauge: a patch each
    h.subs.flush();
    const sent = groups[1]!;
    expect(sent.ids).toEqual(['a', 'b']);
    expect(patchedIds(sent.delta, 'rain-gauge')).toEqual([...stations].sort());
    expect(wholeIds(sent.delta, 'rain-gauge')).toEqual([]);
    const gauge = stations[0]!;
    const patch = sent.delta.patches!['rain-gauge']![gauge]!;
    const held = before.latest['rain-gauge']![gauge]!;
    expect(patch.base).toBe(held.seq);
    expect(patch.seq).toBe(h.state.latest['rain-gauge']![gauge]!.seq);
    expect(Object.keys(patch.set ?? {}).sort()).toEqual(['observedAt', 'rainfall1hMm']); // stationId and version did not change
    for (const [id, s] of screens) expect(plain(s.state()), id).toEqual(viewState(h.state, city));
  });

  it('never go to a screen that fell behind: its merged delta carries whole records', () => {
    const h = hub();
    const [fast, slow] = [screen('fast'), screen('slow')];
    h.subs.subscribe(fast.subscriber, city, null);
    h.subs.subscribe(slow.subscriber, city, null);
    fast.ack();
    slow.ack();
    h.apply(h.rain(0));
    h.subs.flush();
    fast.ack();
    slow.ack();
    h.apply(h.rain(1));
    h.subs.flush();
    fast.ack(); // 'slow' still holds minute 1's delta
    h.apply(h.rain(2));
    h.subs.flush();
    fast.ack();
    slow.ack();
    h.apply(h.rain(3));
    h.subs.flush();

    expect(deltasOf(fast).slice(1).map((d) => patchedIds(d, 'rain-gauge').length)).toEqual([stations.length, stations.length, stations.length]);
    const merged = deltasOf(slow).at(-1)!; // minutes 2 and 3, merged
    expect(merged.fromSeq).toBeLessThan(deltasOf(fast).at(-1)!.fromSeq);
    expect(merged.patches).toBeUndefined();
    expect(wholeIds(merged, 'rain-gauge')).toEqual([...stations].sort());
    expect(plain(slow.state())).toEqual(viewState(h.state, city));
    expect(plain(fast.state())).toEqual(viewState(h.state, city));
  });

  it('send an entity that entered the view whole, and one that stayed in it as a patch', () => {
    const h = hub();
    const districtA: ViewRef = { kind: 'district', district: A1.district };
    h.apply([h.team('in', A1.id, 0), h.team('out', B1.id, 0)]);
    h.subs.flush();
    const s = screen('district A');
    h.subs.subscribe(s.subscriber, districtA, null);
    s.ack();
    h.apply([h.team('in', A3.id, 1), h.team('out', A2.id, 1)]); // 'in' moves within the district, 'out' comes into it
    h.subs.flush();
    const d = deltasOf(s).at(-1)!;
    expect(patchedIds(d, 'rescue-team')).toEqual(['in']);
    expect(wholeIds(d, 'rescue-team')).toEqual(['out']);
    expect(plain(s.state())).toEqual(viewState(h.state, districtA));
  });

  it('never go to a screen whose snapshot was made inside the tick (it holds some of the tick already), nor in a resume', () => {
    const h = hub();
    const early = screen('early');
    h.subs.subscribe(early.subscriber, city, null);
    early.ack();
    h.apply(h.rain(0));
    h.subs.flush();
    early.ack();
    h.apply(h.rain(1)); // collected, not flushed...
    const late = screen('late');
    h.subs.subscribe(late.subscriber, city, null); // ...so this snapshot holds minute 1
    late.ack();
    h.apply(h.rain(2));
    h.subs.flush(); // the tick covers minutes 1 and 2
    expect(patchedIds(deltasOf(early).at(-1), 'rain-gauge')).toHaveLength(stations.length);
    const lateDelta = deltasOf(late).at(-1)!;
    expect(lateDelta.patches).toBeUndefined(); // patched against minute 0, which 'late' never held
    expect(plain(late.state())).toEqual(viewState(h.state, city));
    expect(plain(early.state())).toEqual(viewState(h.state, city));

    // A screen that comes back after minute 2 resumes with one delta: records whole.
    const mid = late.state();
    h.apply(h.rain(3));
    h.subs.flush();
    const back = screen('back', mid);
    expect(h.subs.subscribe(back.subscriber, city, h.recent.since(mid.seq, h.state.seq))).toBe('resume');
    expect(deltasOf(back)[0]!.patches).toBeUndefined();
    expect(plain(back.state())).toEqual(viewState(h.state, city));
  });
});

import {
  PatchesOfTick,
  ViewFilter,
  deltaVolume,
  emptyDelta,
  isEmptyDelta,
  mergeDeltas,
  viewKey,
  withPatches,
  type LiveState,
  type LogDelta,
  type PatchedDelta,
  type RecordsByEntity,
  type Region,
  type StateDelta,
  type ViewRef,
} from '@beacon/shared';

/**
 * Trend points and alert/incident transitions a screen's pending delta may hold before the hub gives
 * up coalescing and owes it a fresh snapshot instead. Records and removals are bounded by the
 * entities of the view, feeds by the categories; points grow with every 5-minute trend slot of every
 * entity (one a slot) and transitions with every alert and incident step, for as long as a screen does
 * not acknowledge, so they are what this bounds. 2,000 is ~150 KB; a screen that acknowledges at all
 * keeps far below it.
 */
export const PENDING_VOLUME_BOUND = 2_000;

/** Every kind of view a screen can subscribe to (a Record, so a new kind cannot be left out). */
const viewKinds: Record<ViewRef['kind'], true> = { city: true, district: true, subdistrict: true, incident: true };
export const VIEW_KINDS = Object.keys(viewKinds) as ViewRef['kind'][];

/**
 * How many messages a screen may have unacknowledged (`size`), and how often a message asks for an
 * acknowledgement (at least every `every` messages). Acknowledging a message acknowledges every
 * message before it (the socket delivers in order), so a screen acknowledges one message in `every`
 * instead of each: at 500 screens and 10 ticks a second that is 1,250 acknowledgements a second to
 * read instead of 5,000, on the server and on the screens. `size` is twice `every`, so an asked
 * message is always out while the window is open and deltas keep flowing over a slow link (a
 * tablet on 4G with a 300 ms round trip gets a delta every tick, not one per round trip). A screen
 * that stops acknowledging is sent at most `size` messages; then its changes are merged, as before.
 */
export interface AckWindow {
  every: number;
  size: number;
}
export const ACK_WINDOW: AckWindow = { every: 4, size: 8 };

/**
 * The part of a socket the hub needs: send, asking for an acknowledgement when `acked` is given
 * (always for a snapshot; for a delta when the window says so).
 */
export interface Subscriber {
  id: string;
  sendSnapshot(view: ViewRef, state: LiveState, acked: () => void): void;
  sendDelta(view: ViewRef, delta: PatchedDelta, acked: (() => void) | undefined): void;
}

/**
 * Sends one delta to several subscribers of one view at once: encoded once, the same bytes written to
 * each (view-broadcast.ts hands it to socket.io's broadcast); each subscriber's `acked` is called on its
 * acknowledgement. Either every subscriber of the call asks for an acknowledgement or none does (the ask is in the bytes).
 */
export type SendDeltaToMany = (to: readonly { subscriber: Subscriber; acked: (() => void) | undefined }[], view: ViewRef, delta: PatchedDelta) => void;

export interface SubscriptionsOptions {
  /** Points and transitions a pending delta may hold (default PENDING_VOLUME_BOUND). */
  bound?: number;
  /** Without it, every subscriber is sent its delta on its own. */
  sendDeltaToMany?: SendDeltaToMany;
  /** Default ACK_WINDOW; `{ every: 1, size: 1 }` is stop-and-wait (every message acknowledged before the next). */
  ackWindow?: AckWindow;
}

interface Subscription {
  subscriber: Subscriber;
  view: ViewRef;
  /** Changes not yet sent, merged: a slow screen gets the latest state, not a backlog. */
  pending: StateDelta | null;
  /** Points and transitions merged into `pending` (an upper bound: a removal may drop some). */
  volume: number;
  /** Pending grew past the bound: the next message is a snapshot of the view, and nothing is merged meanwhile. */
  snapshotDue: boolean;
  /** Messages sent so far (snapshots and deltas): the number of the last one. */
  sent: number;
  /** The number of the last message acknowledged (which acknowledges every one before it). */
  acked: number;
  /** The number of the last message that asked for an acknowledgement. */
  asked: number;
  /**
   * The log position the screen holds everything up to (its snapshot's, or its resume's end): a
   * tick that ends at or below it is already on the screen and is not sent again.
   */
  holds: number;
}

/**
 * Screens subscribe to views; each hub tick, the changes of the tick are filtered once per view and
 * merged into each subscriber's pending delta, which is sent while the screen's acknowledgement
 * window (ACK_WINDOW) is open. Alerts and incidents keep every transition inside the merged delta,
 * so none is lost — until a screen stays silent so long that its pending delta passes PENDING_VOLUME_BOUND:
 * then it is dropped and the screen gets a snapshot when it next can take a message. A snapshot
 * carries the current state of every warning and incident, not the steps in between; that is the
 * price of a screen that was away, and the memory a silent screen costs stays bounded by its view.
 *
 * A screen that could take every earlier message holds exactly the view's state at the tick's start
 * once it has applied them (the socket delivers in order), so a
 * record of an entity it already had can go as a patch — the fields that changed — when that is
 * smaller (record-patch.ts). Everything else (a merged delta for a screen that was behind, a resume,
 * a snapshot) carries whole records: it is rarer, and what the screen holds is less certain.
 */
export class Subscriptions {
  readonly #byId = new Map<string, Subscription>();
  #tick: LogDelta | null = null;
  /** Ticks flushed: a delta asks for an acknowledgement on every `every`-th tick, so screens of a view ask together. */
  #ticks = 0;

  private readonly bound: number;
  private readonly sendDeltaToMany: SendDeltaToMany | undefined;
  private readonly window: AckWindow;

  constructor(
    private readonly region: Region,
    private readonly state: () => LiveState,
    options: SubscriptionsOptions = {},
  ) {
    this.bound = options.bound ?? PENDING_VOLUME_BOUND;
    this.sendDeltaToMany = options.sendDeltaToMany;
    this.window = options.ackWindow ?? ACK_WINDOW;
  }

  get size(): number {
    return this.#byId.size;
  }

  /** Subscribers per kind of view (city, district, …), every kind present, for the metrics. */
  countByViewKind(): Map<ViewRef['kind'], number> {
    const counts = new Map<ViewRef['kind'], number>(VIEW_KINDS.map((k) => [k, 0]));
    for (const sub of this.#byId.values()) counts.set(sub.view.kind, (counts.get(sub.view.kind) ?? 0) + 1);
    return counts;
  }

  /** What the hub holds for a subscriber: for tests and diagnostics. */
  retained(id: string): { volume: number; snapshotDue: boolean; unacknowledged: number } | undefined {
    const sub = this.#byId.get(id);
    return sub && { volume: sub.volume, snapshotDue: sub.snapshotDue, unacknowledged: sub.sent - sub.acked };
  }

  /**
   * Starts a subscription with a snapshot, or with `resume` (the changes since the screen's last
   * state) when given and within the bound. Says which it sent.
   */
  subscribe(subscriber: Subscriber, view: ViewRef, resume: LogDelta | null): 'resume' | 'snapshot' {
    const s = this.state();
    const sub: Subscription = { subscriber, view, pending: null, volume: 0, snapshotDue: false, sent: 0, acked: 0, asked: 0, holds: s.seq };
    this.#byId.set(subscriber.id, sub);
    const d = resume && ViewFilter.for(this.region, view, s).delta(resume, s);
    if (d && deltaVolume(d) <= this.bound) {
      sub.pending = d;
      sub.volume = deltaVolume(d);
      this.send(sub);
      return 'resume';
    }
    this.sendSnapshot(sub);
    return 'snapshot';
  }

  unsubscribe(id: string): void {
    this.#byId.delete(id);
  }

  /** Collects what the engine applied since the last flush. */
  collect(delta: LogDelta): void {
    this.#tick = this.#tick ? mergeDeltas(this.#tick, delta) : delta;
  }

  /** Once per tick: filter the collected changes per view, merge them into each subscriber, send what can go. */
  flush(): void {
    const tick = this.#tick;
    this.#tick = null;
    this.#ticks += 1;
    const s = this.state();
    // Each view's delta of this tick, with the records its screens held before the tick (for patches)
    // and its volume (counted once per view, not once per screen: 500 screens share ~60 views).
    const viewTicks = new Map<StateDelta, { heldBefore: RecordsByEntity; volume: number }>();
    if (tick) {
      const perView = new Map<string, StateDelta>();
      for (const sub of this.#byId.values()) {
        if (sub.snapshotDue) continue; // the snapshot will carry this tick's state
        // Subscribed after these changes were collected: its snapshot (or resume) has them already.
        // Sending them again would cost the screen a message and an acknowledgement for nothing.
        if (tick.toSeq <= sub.holds) continue;
        const key = viewKey(sub.view);
        let d = perView.get(key);
        if (!d) {
          const changes = ViewFilter.for(this.region, sub.view, s).changes(tick, s);
          d = changes.delta;
          perView.set(key, d);
          viewTicks.set(d, { heldBefore: changes.heldBefore, volume: deltaVolume(d) });
        }
        this.add(sub, d, viewTicks.get(d)!.volume);
      }
    }
    // Screens of a view that could take every earlier message in time hold the very same pending delta (the
    // view's delta of this tick, not merged with anything): they are sent it together, encoded once.
    // A screen whose window was full at an earlier tick has its own merged delta and is sent alone.
    const together = new Map<StateDelta, Subscription[]>();
    for (const sub of this.#byId.values()) {
      if (!this.windowOpen(sub)) continue;
      if (sub.snapshotDue) this.sendSnapshot(sub);
      else if (sub.pending) {
        const same = together.get(sub.pending);
        if (same) same.push(sub);
        else together.set(sub.pending, [sub]);
      }
    }
    const patches = new PatchesOfTick();
    for (const [delta, subs] of together) {
      const heldBefore = viewTicks.get(delta)?.heldBefore;
      if (!heldBefore) {
        this.deliver(subs, delta); // a merged delta, or an earlier tick's: whole records
        continue;
      }
      // These screens hold the view's state at the tick's start once they have applied the messages
      // before this one, which the socket delivers first — all but one whose snapshot (or
      // resume) was made after the tick began: it holds some of the tick's records already, so a
      // patch's base would not be its record. It gets the records whole, which it applies idempotently.
      const [current, joinedMidTick] = partition(subs, (sub) => sub.holds <= delta.fromSeq);
      if (current.length) this.deliver(current, withPatches(delta, heldBefore, patches.patchFor));
      if (joinedMidTick.length) this.deliver(joinedMidTick, delta);
    }
  }

  /** Merges `d` (whose deltaVolume is `volume`) into the subscriber's pending delta, or makes a snapshot due past the bound. */
  private add(sub: Subscription, d: StateDelta, volume: number): void {
    sub.volume += volume;
    if (sub.volume > this.bound) {
      sub.pending = null;
      sub.volume = 0;
      sub.snapshotDue = true;
      return;
    }
    sub.pending = sub.pending ? mergeDeltas(sub.pending, d) : d;
  }

  private sendSnapshot(sub: Subscription): void {
    const s = this.state();
    sub.snapshotDue = false;
    sub.pending = null;
    sub.volume = 0;
    sub.holds = s.seq;
    sub.subscriber.sendSnapshot(sub.view, ViewFilter.for(this.region, sub.view, s).state(s), this.number(sub, true)!);
  }

  /** The screen may be sent another message: fewer than the window's size are unacknowledged. */
  private windowOpen(sub: Subscription): boolean {
    return sub.sent - sub.acked < this.window.size;
  }

  /**
   * Numbers the next message to `sub` and, when it asks for an acknowledgement, returns what to call
   * on it. A message asks when told to (a snapshot), on every `every`-th tick (screens of a view that
   * keep up ask on the same ticks, so their bytes stay the same), when `every` messages went since the
   * last ask, and when it is the last the window lets out.
   */
  private number(sub: Subscription, mustAsk = false): (() => void) | undefined {
    const n = ++sub.sent;
    const { every, size } = this.window;
    if (!(mustAsk || this.#ticks % every === 0 || n - sub.asked >= every || n - sub.acked >= size)) return undefined;
    sub.asked = n;
    return () => {
      if (n > sub.acked) sub.acked = n;
    };
  }

  private send(sub: Subscription): void {
    this.deliver([sub], sub.pending ?? emptyDelta(this.state().seq));
  }

  /** Sends `d` to subscribers of one view that all hold the state it starts from: together when there are several. */
  private deliver(subs: Subscription[], d: PatchedDelta): void {
    for (const sub of subs) {
      sub.pending = null;
      sub.volume = 0;
    }
    // Empty deltas still move the screen's position forward, but need not be sent every tick.
    if (isEmptyDelta(d) && d.toSeq === d.fromSeq) return;
    const view = subs[0]!.view;
    const to = subs.map((sub) => ({ subscriber: sub.subscriber, acked: this.number(sub) }));
    // The ask is part of the bytes: those asking and those not are two sends.
    for (const part of partition(to, (t) => t.acked !== undefined)) {
      if (part.length > 1 && this.sendDeltaToMany) this.sendDeltaToMany(part, view, d);
      else for (const { subscriber, acked } of part) subscriber.sendDelta(view, d, acked);
    }
  }
}

/** The items for which `test` holds, and the others, each in their order. */
function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

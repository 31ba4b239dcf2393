import {
  ViewFilter,
  emptyDelta,
  isEmptyDelta,
  mergeDeltas,
  viewKey,
  type LiveState,
  type LogDelta,
  type Region,
  type StateDelta,
  type ViewRef,
} from '@beacon/shared';

/** The part of a socket the hub needs: send, with an acknowledgement for deltas. */
export interface Subscriber {
  id: string;
  sendSnapshot(view: ViewRef, state: LiveState): void;
  sendDelta(view: ViewRef, delta: StateDelta, acked: () => void): void;
}

interface Subscription {
  subscriber: Subscriber;
  view: ViewRef;
  /** Changes not yet sent, merged: a slow screen gets the latest state, not a backlog. */
  pending: StateDelta | null;
  inFlight: boolean;
}

/**
 * Screens subscribe to views; each hub tick, the changes of the tick are filtered once per view and
 * merged into each subscriber's pending delta, which is sent only when the previous one has been
 * acknowledged. Alerts and incidents keep every transition inside the merged delta, so none is lost.
 */
export class Subscriptions {
  readonly #byId = new Map<string, Subscription>();
  #tick: LogDelta | null = null;

  constructor(
    private readonly region: Region,
    private readonly state: () => LiveState,
  ) {}

  get size(): number {
    return this.#byId.size;
  }

  subscribe(subscriber: Subscriber, view: ViewRef, resume: LogDelta | null): void {
    const sub: Subscription = { subscriber, view, pending: null, inFlight: false };
    this.#byId.set(subscriber.id, sub);
    const s = this.state();
    if (resume) {
      sub.pending = ViewFilter.for(this.region, view, s).delta(resume, s);
      this.send(sub);
    } else {
      subscriber.sendSnapshot(view, ViewFilter.for(this.region, view, s).state(s));
    }
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
    const s = this.state();
    if (tick) {
      const perView = new Map<string, StateDelta>();
      for (const sub of this.#byId.values()) {
        const key = viewKey(sub.view);
        let d = perView.get(key);
        if (!d) {
          d = ViewFilter.for(this.region, sub.view, s).delta(tick, s);
          perView.set(key, d);
        }
        sub.pending = sub.pending ? mergeDeltas(sub.pending, d) : d;
      }
    }
    for (const sub of this.#byId.values()) if (!sub.inFlight && sub.pending) this.send(sub);
  }

  private send(sub: Subscription): void {
    const d = sub.pending ?? emptyDelta(this.state().seq);
    sub.pending = null;
    // Empty deltas still move the screen's position forward, but need not be sent every tick.
    if (isEmptyDelta(d) && d.toSeq === d.fromSeq) return;
    sub.inFlight = true;
    sub.subscriber.sendDelta(sub.view, d, () => {
      sub.inFlight = false;
    });
  }
}

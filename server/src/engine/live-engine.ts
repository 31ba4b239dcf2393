import { EventEmitter } from 'node:events';
import { deltaOf, emptyLiveState, feedOf, foldEach, setOwn, unfoldableFeedOf, type BeaconEvent, type LiveState, type LogDelta, type UnfoldableEvent } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { LogFollower } from './log-follower.ts';
import { loadSnapshot, SnapshotWriter, type SnapshotPolicy } from './snapshots.ts';
import { EVENT_COLUMNS, rowToEvent } from './log-rows.ts';

interface EngineEvents {
  /** Events folded in, in log order, and the state delta they made (with where moved entities were before). */
  applied: [events: BeaconEvent[], delta: LogDelta];
  /** A page of events was folded: how many, and how long the reducer and its state delta took (seconds). */
  folded: [events: number, seconds: number];
}

/**
 * Holds live state: the shared reducer folded over the event log, in strict log order. Every node
 * — the one that ingested a record included — learns of it by following the log, so all nodes
 * fold the same events in the same order. State objects are never mutated: a reference taken at
 * any moment stays a consistent snapshot.
 */
export class LiveEngine extends EventEmitter<EngineEvents> {
  #state: LiveState = emptyLiveState();
  #follower: LogFollower | null = null;
  #snapshots: SnapshotWriter | null = null;
  #startedFrom = 0;
  #current: Promise<void> = Promise.resolve();
  #isCurrent = false;

  get state(): LiveState {
    return this.#state;
  }

  /** The log position of the snapshot this engine started from (0: the whole log was folded). */
  get startedFrom(): number {
    return this.#startedFrom;
  }

  /**
   * Loads the newest snapshot, folds the log after it, then follows the log, taking snapshots as it
   * goes. Pass `base` to start from a given state instead.
   */
  async start(
    sql: Sql,
    base?: LiveState,
    options: { pollMs?: number; onError?: (error: unknown) => void; snapshots?: SnapshotPolicy | false } = {},
  ): Promise<void> {
    const start = base ?? (await loadSnapshot(sql)) ?? emptyLiveState();
    this.#state = start;
    this.#startedFrom = start.seq;
    if (options.snapshots !== false) this.#snapshots = new SnapshotWriter(sql, options.snapshots ?? {}, options.onError);
    this.#follower = new LogFollower({
      sql,
      from: start.seq,
      onEvents: (events) => this.apply(events),
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
    await this.#follower.start();
    // Current as of start: everything committed before this node started is folded in.
    const follower = this.#follower;
    this.#current = (async () => {
      for (;;) {
        try {
          await follower.catchUp();
          this.#isCurrent = true;
          return;
        } catch (err) {
          options.onError?.(err); // the database went away while starting: try again, stay not current
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    })();
  }

  /**
   * Resolves once everything committed before the engine started has been folded in. Until then the
   * node serves, but is not ready (see /api/v1/health): start-up never waits on a long log.
   */
  whenCurrent(): Promise<void> {
    return this.#current;
  }

  /** How far this node is behind the log now: `behind` counts sequence numbers not yet folded. */
  async lag(): Promise<{ seq: number; head: number; behind: number; current: boolean }> {
    const head = (await this.#follower?.head()) ?? 0;
    const seq = this.#follower?.position ?? this.#state.seq;
    return { seq, head, behind: Math.max(0, head - seq), current: this.#isCurrent };
  }

  /**
   * Events a transaction of this node is about to commit. They are folded only in log order, once
   * visible; knowing them saves reading their payloads back (follower `hint`).
   */
  expect(events: readonly BeaconEvent[]): void {
    this.#follower?.hint(events);
  }

  /** Numbers an ingest transaction of this node has drawn: the follower waits for their end rather than rechecking (log-follower.ts `own`). */
  own(seqs: readonly number[]): void {
    this.#follower?.own(seqs);
  }

  /** A one-statement append is being sent; call what this returns once its answer is handled (log-follower.ts `appending`). */
  appending(): () => void {
    return this.#follower?.appending() ?? (() => {});
  }

  /** Their transaction ended: committed (ingest then pokes), or not (the follower looks now). */
  release(seqs: readonly number[], committed: boolean): void {
    this.#follower?.release(seqs, committed);
  }

  /**
   * Ingest calls this after its commit: read the log now, for low latency. The events it committed
   * are passed along so their payloads need not be read back; they are still folded only in log order.
   */
  poke(committed: readonly BeaconEvent[] = []): void {
    this.#follower?.hint(committed);
    this.#follower?.poke();
  }

  /**
   * Ingest calls this after its commit (and `release`): its events are folded at once when they follow
   * what is folded without a gap, without reading the log back (log-follower.ts `ownCommitted`).
   */
  ownCommitted(): void {
    this.#follower?.ownCommitted();
  }

  /** Resolves once everything committed before the call has been folded in. */
  async catchUp(): Promise<void> {
    await this.#follower?.catchUp();
  }

  async stop(): Promise<void> {
    await this.#follower?.stop();
    await this.#snapshots?.settle();
  }

  /**
   * Events this engine could not fold since it started (each also counted in its feed's health in
   * state, which every node and replay agree on), and the newest of them.
   */
  get unfoldable(): { count: number; last: UnfoldableEvent[] } {
    return { count: this.#unfoldableCount, last: [...this.#unfoldableLast] };
  }

  /** Told of each event the reducer could not fold (the app logs it with the server's logger). */
  onUnfoldable: (failure: UnfoldableEvent) => void = () => {};

  #unfoldableCount = 0;
  readonly #unfoldableLast: UnfoldableEvent[] = [];

  /**
   * Folds events that follow the current state in log order. Only the follower calls this, after it
   * has moved past them: so this never throws. An event the reducer cannot fold is isolated by
   * foldEach (the rest are folded), counted, and reported.
   */
  private apply(events: BeaconEvent[]): void {
    const started = performance.now();
    const before = this.#state;
    const { state: s, failed } = foldEach(before, events);
    this.#state = s;
    this.#snapshots?.noteApplied(events.length, s);
    for (const f of failed) {
      this.#unfoldableCount += 1;
      this.#unfoldableLast.push(f);
      if (this.#unfoldableLast.length > UNFOLDABLE_KEPT) this.#unfoldableLast.shift();
      this.onUnfoldable(f);
    }
    // The delta is made from the events that folded (a failed one may not even have a payload to read);
    // it still covers the failed ones' sequence numbers and carries the feeds that counted them, so
    // screens reach the log's head and show the count.
    const bad = new Set(failed.map((f) => f.seq));
    const delta = deltaOf(before, s, bad.size ? events.filter((e) => !bad.has(e.seq)) : events);
    if (bad.size) {
      delta.toSeq = Math.max(delta.toSeq, s.seq);
      for (const e of events) {
        if (!bad.has(e.seq)) continue;
        const feed = feedOf(s, unfoldableFeedOf(e));
        if (feed) setOwn(delta.feeds, feed.category, feed);
      }
    }
    // Timed without the listeners of 'applied' (the hub's collect): this is the engine's own cost.
    this.emit('folded', events.length, (performance.now() - started) / 1000);
    this.emit('applied', events, delta);
  }
}

/** How many of the newest unfoldable events the engine keeps for the health answer. */
const UNFOLDABLE_KEPT = 20;

export { foldWholeLog } from './fold-log.ts';
export { EVENT_COLUMNS, rowToEvent };

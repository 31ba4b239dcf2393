import { EventEmitter } from 'node:events';
import { deltaOf, emptyLiveState, fold, type BeaconEvent, type LiveState, type LogDelta } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { LogFollower } from './log-follower.ts';
import { loadSnapshot, SnapshotWriter, type SnapshotPolicy } from './snapshots.ts';
import { EVENT_COLUMNS, rowToEvent } from './log-rows.ts';

interface EngineEvents {
  /** Events folded in, in log order, and the state delta they made (with where moved entities were before). */
  applied: [events: BeaconEvent[], delta: LogDelta];
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
   * Ingest calls this after its commit: read the log now, for low latency. The events it committed
   * are passed along so their payloads need not be read back; they are still folded only in log order.
   */
  poke(committed: readonly BeaconEvent[] = []): void {
    this.#follower?.hint(committed);
    this.#follower?.poke();
  }

  /** Resolves once everything committed before the call has been folded in. */
  async catchUp(): Promise<void> {
    await this.#follower?.catchUp();
  }

  async stop(): Promise<void> {
    await this.#follower?.stop();
    await this.#snapshots?.settle();
  }

  /** Folds events that follow the current state in log order. Only the follower calls this. */
  private apply(events: BeaconEvent[]): void {
    const before = this.#state;
    const s = fold(before, events);
    this.#state = s;
    this.#snapshots?.noteApplied(events.length, s);
    this.emit('applied', events, deltaOf(before, s, events));
  }
}

export { foldWholeLog } from './fold-log.ts';
export { EVENT_COLUMNS, rowToEvent };

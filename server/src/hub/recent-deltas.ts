import { emptyLogDelta, mergeDeltas, type LogDelta } from '@beacon/shared';

export interface RecentDeltasLimits {
  /** Deltas kept: at the hub's 100 ms tick, 3,000 is five minutes. */
  deltas?: number;
  /**
   * Log events the kept deltas may cover. A delta holds up to one record per event, so this bounds
   * the memory whatever the feed rate: 60,000 is ~20 minutes of the simulated typhoon, ~35 s at 60×.
   */
  events?: number;
}

/**
 * The last few minutes of deltas, so a screen that reconnects can resume with one merged delta
 * instead of a full snapshot. Bounded by count and by the events they cover; a screen further
 * behind gets a snapshot.
 */
export class RecentDeltas {
  readonly #deltas: LogDelta[] = [];
  #events = 0;
  readonly #maxDeltas: number;
  readonly #maxEvents: number;

  constructor(limits: RecentDeltasLimits = {}) {
    this.#maxDeltas = limits.deltas ?? 3000;
    this.#maxEvents = limits.events ?? 60_000;
  }

  push(d: LogDelta): void {
    this.#deltas.push(d);
    this.#events += eventsIn(d);
    while (this.#deltas.length > this.#maxDeltas || (this.#events > this.#maxEvents && this.#deltas.length > 1)) {
      this.#events -= eventsIn(this.#deltas.shift()!);
    }
  }

  /**
   * Everything after `since`, merged; null when part of it has already been dropped, or when `since`
   * is not where one of the kept deltas starts. A screen only ever holds such a position (the end of
   * a delta or a snapshot this node sent); another node cuts the log elsewhere. Starting exactly
   * there matters: the merged delta's prior places must be where entities were when the screen's
   * state was made, or a team that left the view meanwhile would not be removed from it.
   */
  since(since: number, current: number): LogDelta | null {
    if (since >= current) return emptyLogDelta(current);
    const first = this.#deltas.findIndex((d) => d.fromSeq === since);
    if (first < 0) return null;
    let merged = emptyLogDelta(since);
    for (const d of this.#deltas.slice(first)) merged = mergeDeltas(merged, d);
    return merged;
  }
}

function eventsIn(d: LogDelta): number {
  return Math.max(0, d.toSeq - d.fromSeq);
}

import { emptyDelta, mergeDeltas, type StateDelta } from '@beacon/shared';

/**
 * The last few minutes of deltas, so a screen that reconnects can resume with one merged delta
 * instead of a full snapshot. Bounded by count; a screen further behind gets a snapshot.
 */
export class RecentDeltas {
  readonly #deltas: StateDelta[] = [];

  constructor(private readonly capacity = 3000) {}

  push(d: StateDelta): void {
    this.#deltas.push(d);
    if (this.#deltas.length > this.capacity) this.#deltas.shift();
  }

  /** Everything after `since`, merged; null when part of it has already been dropped. */
  since(since: number, current: number): StateDelta | null {
    if (since >= current) return emptyDelta(current);
    const oldest = this.#deltas[0];
    if (!oldest || oldest.fromSeq > since) return null;
    let merged = emptyDelta(since);
    for (const d of this.#deltas) if (d.toSeq > since) merged = mergeDeltas(merged, d);
    return merged;
  }
}

import { onScopeDispose, shallowRef, type Ref } from 'vue';

/**
 * A ref that follows `source` at most once per `intervalMs`, and within a quarter interval of a change
 * after a quiet spell. For views that are expensive to redraw and read from across a room — the
 * one-map — a second's latency costs nothing, while redrawing on every 10 Hz delta costs long frames.
 */
export function useSampled<T>(source: () => T, intervalMs: number, clock: () => number = Date.now): Ref<T> {
  const sampled = shallowRef<T>(source());
  // The first change (a screen's first snapshot) is taken at the next poll, not an interval later.
  let takenAt = -Infinity;
  // One comparison per poll; a new value (and so a redraw) at most once per interval.
  const poll = setInterval(() => {
    const next = source();
    if (next === sampled.value || clock() - takenAt < intervalMs) return;
    sampled.value = next;
    takenAt = clock();
  }, Math.max(25, Math.floor(intervalMs / 4)));
  onScopeDispose(() => clearInterval(poll));
  return sampled;
}

/**
 * Runs queued jobs one per animation frame, in the order they were queued; a job already waiting is
 * not queued twice. The wall's charts share one: each ECharts update re-lays and repaints its whole
 * chart, so the map's three planes and the rain trend changing in the same second are drawn on four
 * frames, not crammed into one long one.
 */
export function createFrameQueue(requestFrame: (run: () => void) => unknown) {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  function next() {
    scheduled = false;
    const job = waiting.shift();
    if (waiting.length > 0) schedule();
    job?.();
  }
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestFrame(next);
  }
  return {
    push(job: () => void) {
      if (waiting.includes(job)) return;
      waiting.push(job);
      schedule();
    },
    /** Forgets a job that has not run (its chart was disposed). */
    drop(job: () => void) {
      const i = waiting.indexOf(job);
      if (i >= 0) waiting.splice(i, 1);
    },
    pending: () => waiting.length,
  };
}
export type FrameQueue = ReturnType<typeof createFrameQueue>;

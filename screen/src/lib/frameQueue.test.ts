import { describe, expect, it } from 'vitest';
import { createFrameQueue } from './frameQueue.ts';

/** Frames under the test's control: `frame()` runs what was requested for the next one. */
function frames() {
  let requested: (() => void)[] = [];
  return {
    request: (run: () => void) => requested.push(run),
    frame() {
      const now = requested;
      requested = [];
      for (const run of now) run();
    },
    requested: () => requested.length,
  };
}

describe('createFrameQueue', () => {
  it('runs one job per frame, in the order queued', () => {
    const f = frames();
    const q = createFrameQueue(f.request);
    const ran: string[] = [];
    const base = () => ran.push('base');
    const live = () => ran.push('live');
    const trend = () => ran.push('trend');
    q.push(base);
    q.push(live);
    q.push(trend);
    expect(f.requested()).toBe(1);
    f.frame();
    expect(ran).toEqual(['base']);
    f.frame();
    expect(ran).toEqual(['base', 'live']);
    f.frame();
    expect(ran).toEqual(['base', 'live', 'trend']);
    expect(f.requested()).toBe(0);
  });

  it('queues a waiting job once, however often it is pushed', () => {
    const f = frames();
    const q = createFrameQueue(f.request);
    let runs = 0;
    const job = () => (runs += 1);
    q.push(job);
    q.push(job);
    q.push(job);
    f.frame();
    f.frame();
    expect(runs).toBe(1);
  });

  it('forgets a dropped job, and asks for no frame when nothing waits', () => {
    const f = frames();
    const q = createFrameQueue(f.request);
    let runs = 0;
    const job = () => (runs += 1);
    q.push(job);
    q.drop(job);
    f.frame();
    expect(runs).toBe(0);
    expect(f.requested()).toBe(0);
    q.push(job);
    f.frame();
    expect(runs).toBe(1);
  });
});

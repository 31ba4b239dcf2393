import type { Sql } from '@beacon/db';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReplaySession } from './replay-session.ts';

/** A database that fails every query, tagged or `unsafe`, as a broken log or a lost connection would. */
const fail = () => Promise.reject(new Error('the log cannot be read'));
const failing = Object.assign(fail, { unsafe: fail }) as unknown as Sql;

afterEach(() => {
  vi.useRealTimers();
});

describe('a replay session whose work fails', () => {
  it('answers the failed seek to its caller, and closes cleanly after it (no unhandled rejection on disconnect)', async () => {
    const session = new ReplaySession(failing, () => {});
    await expect(session.open({ from: 0, to: 60_000 })).rejects.toThrow('the log cannot be read');
    await expect(session.close()).resolves.toBeUndefined();
    // The chain is not stuck on the failure: the next request runs (and fails on its own account).
    await expect(session.seek(1000)).rejects.toThrow('the log cannot be read');
    await expect(session.close()).resolves.toBeUndefined();
  });

  it('reports a failed playback tick to onError and stops playing', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const clocks: { playing: boolean }[] = [];
    const session = new ReplaySession(failing, (event, ...args) => {
      if (event === 'replay:clock') clocks.push(args[0] as { playing: boolean });
    }, (e) => errors.push(e));
    session.play(60);
    expect(clocks.at(-1)?.playing).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(errors).toHaveLength(1);
    expect(clocks.at(-1)?.playing).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toHaveLength(1);
    await expect(session.close()).resolves.toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';

describe('backoffDelay', () => {
  const policy = { baseMs: 100, maxMs: 1000 };

  it('doubles per failure within [step/2, step], whatever the jitter', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200]);
    expect([1, 2, 3].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400]);
  });

  it('never waits less than the previous step could have', () => {
    for (let n = 1; n < 10; n++) expect(backoffDelay(n + 1, policy, () => 0)).toBeGreaterThanOrEqual(Math.min(backoffDelay(n, policy, () => 1), 500));
  });

  it('stops growing at the cap', () => {
    expect(backoffDelay(50, policy, () => 1)).toBe(1000);
    expect(backoffDelay(5000, policy, () => 0.5)).toBe(750);
  });
});

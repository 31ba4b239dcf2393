import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useSampled } from './useSampled.ts';

describe('useSampled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes at most one new value per interval, the newest, and stops with its scope', () => {
    let value = 0;
    const scope = effectScope();
    const sampled = scope.run(() => useSampled(() => value, 1000))!;
    expect(sampled.value).toBe(0);
    for (let i = 1; i <= 10; i++) {
      value = i; // ten changes at 10 Hz
      vi.advanceTimersByTime(100);
    }
    // The first change is taken at the next poll (t = 250 ms, value 3 by then); the next no sooner than a second later.
    expect(sampled.value).toBe(3);
    vi.advanceTimersByTime(200); // t = 1200
    expect(sampled.value).toBe(3);
    vi.advanceTimersByTime(50); // t = 1250
    expect(sampled.value).toBe(10);
    value = 11;
    vi.advanceTimersByTime(250);
    expect(sampled.value).toBe(10); // too soon after the last take
    vi.advanceTimersByTime(750);
    expect(sampled.value).toBe(11);
    scope.stop();
    value = 12;
    vi.advanceTimersByTime(5000);
    expect(sampled.value).toBe(11);
    expect(vi.getTimerCount()).toBe(0);
  });
});

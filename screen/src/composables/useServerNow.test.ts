import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useServerNow } from './useServerNow.ts';

const START = Date.UTC(2026, 8, 14, 6, 0, 0, 100);

describe('useServerNow', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('ticks once a second with the offset, ignores the offset\'s jitter between ticks, applies a real correction at once', async () => {
    const offset = ref(0);
    const scope = effectScope();
    const now = scope.run(() => useServerNow(offset))!;
    expect(now.value).toBe(START);
    // Ten messages a second, each re-measuring the offset by a few ms: "now" does not move between ticks.
    for (let i = 1; i <= 8; i++) {
      offset.value = i % 2 ? 3 : -2;
      await nextTick();
      vi.advanceTimersByTime(100);
      expect(now.value).toBe(START);
    }
    // The tick just after the next local second (06:00:01.005) takes the offset then (-2 ms).
    vi.advanceTimersByTime(200);
    expect(now.value).toBe(START + 905 - 2);
    // The first real measurement (the server is 90 s ahead) shows at once.
    offset.value = 90_000;
    await nextTick();
    expect(now.value).toBe(Date.now() + 90_000);
    scope.stop();
    vi.advanceTimersByTime(5000);
    expect(vi.getTimerCount()).toBe(0);
  });
});

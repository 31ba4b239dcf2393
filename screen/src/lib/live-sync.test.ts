import { describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from '@beacon/shared';
import { clockOffset, isCompatible, reloadForProtocol } from './live-sync.ts';

describe('live sync', () => {
  it('computes the clock offset as server minus local', () => {
    expect(clockOffset(10_500, 10_000)).toBe(500);
    expect(clockOffset(9_000, 10_000)).toBe(-1_000);
  });

  it('accepts only its own protocol version', () => {
    expect(isCompatible(PROTOCOL_VERSION)).toBe(true);
    expect(isCompatible(PROTOCOL_VERSION + 1)).toBe(false);
  });

  it('reloads for a new protocol at most once per 30 s', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const reload = vi.fn();
    expect(reloadForProtocol(storage, 100_000, reload)).toBe(true);
    expect(reloadForProtocol(storage, 110_000, reload)).toBe(false);
    expect(reloadForProtocol(storage, 140_001, reload)).toBe(true);
    expect(reload).toHaveBeenCalledTimes(2);
  });
});

/**
 * Named slots that rebuild their value only when one of its inputs changed (compared with Object.is),
 * and otherwise hand back the very same object. Chart builders keep a layer's series in one, so an
 * unchanged layer is the same object from one update to the next, and chartUpdate.ts leaves it out
 * of what it sends to ECharts.
 */
export function createMemo() {
  const held = new Map<string, { deps: readonly unknown[]; value: unknown }>();
  let builds = 0;
  return {
    get<T>(slot: string, deps: readonly unknown[], build: () => T): T {
      const h = held.get(slot);
      if (h && h.deps.length === deps.length && h.deps.every((d, i) => Object.is(d, deps[i]))) return h.value as T;
      builds += 1;
      const value = build();
      held.set(slot, { deps, value });
      return value;
    },
    /** How many values were built rather than reused: for tests. */
    builds: () => builds,
  };
}
export type Memo = ReturnType<typeof createMemo>;

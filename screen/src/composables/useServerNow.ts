import { onScopeDispose, ref, watch, type Ref } from 'vue';

/** An offset change smaller than this waits for the next tick; a real correction applies at once. */
const JITTER_MS = 250;

/**
 * The server's "now" (local clock + offset), ticking on each local second so the clock and the data
 * ages move together once per second. The offset is re-measured on every message and moves by a few
 * milliseconds each time: read at the tick, it does not make everything that depends on "now"
 * (the one-map, the console's levels) recompute at the delta rate.
 */
export function useServerNow(offsetMs: Ref<number>): Ref<number> {
  const now = ref(Date.now() + offsetMs.value);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    const local = Date.now();
    now.value = local + offsetMs.value;
    timer = setTimeout(tick, 1000 - (local % 1000) + 5);
  };
  tick();
  watch(offsetMs, (offset, before) => {
    if (Math.abs(offset - before) > JITTER_MS) now.value = Date.now() + offset;
  });
  onScopeDispose(() => clearTimeout(timer));
  return now;
}

import { computed, onScopeDispose, ref, type Ref } from 'vue';

/**
 * The server's "now" (local clock + offset), ticking on each local second so the clock and
 * the data ages move together once per second.
 */
export function useServerNow(offsetMs: Ref<number>): Ref<number> {
  const local = ref(Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    local.value = Date.now();
    timer = setTimeout(tick, 1000 - (local.value % 1000) + 5);
  };
  tick();
  onScopeDispose(() => clearTimeout(timer));
  return computed(() => local.value + offsetMs.value);
}

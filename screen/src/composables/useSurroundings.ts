import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';
import type { SurroundingsAnswer } from '@beacon/shared';
import { api } from '../lib/api.ts';

/** How often the wall asks again: teams move and stock is used, but not by the second. */
export const SURROUNDINGS_REFRESH_MS = 10_000;

/** Fetches one incident's surroundings; rejects with a message fit for the wall. */
export type SurroundingsFetcher = (incidentId: string, signal: AbortSignal) => Promise<SurroundingsAnswer>;

export interface UseSurroundingsOptions {
  /** The session's bearer token (a wall's kiosk token), read at each request. */
  token?: MaybeRefOrGetter<string | null>;
  intervalMs?: number;
  /** Tests pass their own; the default calls GET /api/v1/incidents/:id/surroundings. */
  fetcher?: SurroundingsFetcher;
}

export interface SurroundingsState {
  answer: Ref<SurroundingsAnswer | null>;
  /** Why the last request failed (the answer before it is kept), or null. */
  error: Ref<string | null>;
  loading: Ref<boolean>;
}

export function httpSurroundings(token: () => string | null): SurroundingsFetcher {
  return (incidentId, signal) => api<SurroundingsAnswer>(token(), `/api/v1/incidents/${encodeURIComponent(incidentId)}/surroundings`, { signal });
}

/**
 * The surroundings of an incident, fetched now and again ~10 s after each answer. One request at a
 * time: the next is scheduled when the last has settled, so a slow server never piles requests up.
 * Switching incident cancels the request in flight and starts over; so does disposing the scope.
 */
export function useSurroundings(incidentId: MaybeRefOrGetter<string | null>, options: UseSurroundingsOptions = {}): SurroundingsState {
  const interval = options.intervalMs ?? SURROUNDINGS_REFRESH_MS;
  const fetcher = options.fetcher ?? httpSurroundings(() => toValue(options.token) ?? null);
  const answer = shallowRef<SurroundingsAnswer | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;

  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
    inFlight?.abort();
    inFlight = null;
  };

  const load = async (id: string) => {
    const ctrl = new AbortController();
    inFlight = ctrl;
    loading.value = true;
    try {
      const next = await fetcher(id, ctrl.signal);
      if (ctrl.signal.aborted) return;
      answer.value = next;
      error.value = null;
    } catch (err) {
      if (ctrl.signal.aborted) return;
      error.value = err instanceof Error ? err.message : String(err);
    }
    inFlight = null;
    loading.value = false;
    timer = setTimeout(() => void load(id), interval);
  };

  watch(
    () => toValue(incidentId),
    (id, previous) => {
      stop();
      if (id !== previous) {
        answer.value = null;
        error.value = null;
      }
      loading.value = false;
      if (id) void load(id);
    },
    { immediate: true },
  );
  onScopeDispose(stop);

  return { answer, error, loading };
}

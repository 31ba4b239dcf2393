import { onScopeDispose, shallowRef, toValue, type MaybeRefOrGetter } from 'vue';
import { incidentPlace, scanSurroundings, type LiveState, type SurroundingsAnswer } from '@beacon/shared';
import { useRegion } from '../composables/useRegion.ts';

/** How often replay recomputes the focused incident's surroundings: once a second is plenty at 600×. */
export const REPLAY_SURROUNDINGS_MS = 1000;

/**
 * The focused incident's surroundings as they were at the replay clock. The server's spatial index
 * answers for now, not for the past, so replay scans the historical state itself (the same pure code
 * the server's index is tested against), at most once a second.
 */
export function useReplaySurroundings(
  state: MaybeRefOrGetter<LiveState>,
  at: MaybeRefOrGetter<number>,
  incidentId: MaybeRefOrGetter<string | null>,
) {
  const region = useRegion();
  const answer = shallowRef<SurroundingsAnswer | null>(null);
  const error = shallowRef<string | null>(null);
  let last = '';
  const update = () => {
    const id = toValue(incidentId);
    const s = toValue(state);
    const key = `${id}/${s.seq}/${Math.floor(toValue(at) / 60_000)}`;
    if (key === last) return;
    last = key;
    if (!id) {
      answer.value = null;
      return;
    }
    const place = incidentPlace(s, region, id);
    answer.value = place ? scanSurroundings(s, region, place.centre, place.incident, toValue(at)) : null;
    error.value = place ? null : id;
  };
  update();
  const timer = setInterval(update, REPLAY_SURROUNDINGS_MS);
  onScopeDispose(() => clearInterval(timer));
  return { answer, error };
}

import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Role } from '@beacon/shared';
import { kioskSession, kioskTokenFromHash, parseStoredSession, SESSION_KEY, type Session } from '../lib/session.ts';

/**
 * Who this screen is signed in as. Kept in localStorage so a reload (or a wall's power cycle) keeps
 * it until it expires; a wall takes its kiosk token from its link once, then drops it from the URL.
 */
export const useSessionStore = defineStore('session', () => {
  const session = ref<Session | null>(parseStoredSession(localStorage.getItem(SESSION_KEY), Date.now()));
  /** Why the last credential was refused, to show on the sign-in screen. */
  const refusal = ref<string | null>(null);

  const fromLink = kioskTokenFromHash(location.hash);
  if (fromLink) {
    const kiosk = kioskSession(fromLink);
    if (kiosk) set(kiosk);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  }

  function set(next: Session) {
    session.value = next;
    refusal.value = null;
    localStorage.setItem(SESSION_KEY, JSON.stringify(next));
  }

  function clear(reason: string | null = null) {
    session.value = null;
    refusal.value = reason;
    localStorage.removeItem(SESSION_KEY);
  }

  const token = computed(() => session.value?.token ?? null);
  const role = computed<Role | null>(() => session.value?.actor.role ?? null);

  return { session, token, role, refusal, set, clear };
});

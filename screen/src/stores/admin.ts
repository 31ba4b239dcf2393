import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DepartmentId } from '@beacon/shared';
import { ApiError } from '../lib/api.ts';
import { httpAdminClient, type AdminClient, type DepartmentKeyInfo, type KioskTokenInfo, type NewUser, type UserInfo } from '../console/admin/admin-api.ts';
import { useSessionStore } from './session.ts';

/** A secret the server hands out once (a password, a wall link, an API key): shown until the admin dismisses it, never kept. */
export interface Revealed {
  kind: 'password' | 'wall-link' | 'key';
  /** Whose it is: a user name, a wall's label, a department key's label. */
  subject: string;
  /** The wall link's path (`/wall#kiosk=…`) for a kiosk token; the secret itself otherwise. */
  secret: string;
}

/** What a write answered: done, or the refusal for the form to show by field. */
export type Outcome = { ok: true } | { ok: false; error: unknown };

/**
 * The admin section's state: users, kiosk tokens and department keys as the server lists them, and
 * the one secret on show. Every write goes to the server and then reloads its list, so what is shown
 * is what the server has. The client is a parameter so the unit tests can give it an in-memory one.
 */
export function defineAdminStore(client: () => AdminClient, onUnauthenticated: (message: string) => void = () => {}) {
  return defineStore('admin', () => {
    const users = ref<UserInfo[]>([]);
    const kioskTokens = ref<KioskTokenInfo[]>([]);
    const departmentKeys = ref<DepartmentKeyInfo[]>([]);
    const loading = ref(false);
    /** Why the lists could not be loaded (the forms show their own refusals). */
    const loadError = ref<unknown>(null);
    const revealed = ref<Revealed | null>(null);

    /** A token the server no longer takes (expired, signed out elsewhere): back to the sign-in, saying why. */
    function noticeRefusal(error: unknown) {
      if (error instanceof ApiError && error.status === 401) onUnauthenticated(error.message);
    }

    async function loadAll(): Promise<void> {
      loading.value = true;
      loadError.value = null;
      try {
        const c = client();
        [users.value, kioskTokens.value, departmentKeys.value] = await Promise.all([c.users(), c.kioskTokens(), c.departmentKeys()]);
      } catch (error) {
        loadError.value = error;
        noticeRefusal(error);
      } finally {
        loading.value = false;
      }
    }

    /** Runs a write; on success shows its secret (if any) and reloads what it changed. */
    async function write(run: () => Promise<Revealed | null>, reload: () => Promise<void>): Promise<Outcome> {
      try {
        const secret = await run();
        if (secret) revealed.value = secret;
      } catch (error) {
        noticeRefusal(error);
        return { ok: false, error };
      }
      await reload().catch((error: unknown) => {
        loadError.value = error;
      });
      return { ok: true };
    }

    const reloadUsers = async () => { users.value = await client().users(); };
    const reloadKiosks = async () => { kioskTokens.value = await client().kioskTokens(); };
    const reloadKeys = async () => { departmentKeys.value = await client().departmentKeys(); };

    const createUser = (input: NewUser) =>
      write(async () => ({ kind: 'password', subject: input.username, secret: (await client().createUser(input)).password }), reloadUsers);
    const resetPassword = (username: string, password?: string) =>
      write(async () => ({ kind: 'password', subject: username, secret: (await client().resetPassword(username, password)).password }), reloadUsers);
    const disableUser = (username: string) => write(async () => (await client().disableUser(username), null), reloadUsers);
    const issueKioskToken = (label: string) =>
      write(async () => ({ kind: 'wall-link', subject: label, secret: (await client().issueKioskToken(label)).wallPath }), reloadKiosks);
    const revokeKioskToken = (id: string) => write(async () => (await client().revokeKioskToken(id), null), reloadKiosks);
    const createDepartmentKey = (department: DepartmentId, label: string) =>
      write(async () => ({ kind: 'key', subject: label, secret: (await client().createDepartmentKey(department, label)).key }), reloadKeys);
    const revokeDepartmentKey = (id: string) => write(async () => (await client().revokeDepartmentKey(id), null), reloadKeys);

    /** The admin saved (or gave up on) the secret: it leaves the screen and memory. */
    function dismissRevealed() {
      revealed.value = null;
    }

    return {
      users, kioskTokens, departmentKeys, loading, loadError, revealed,
      loadAll, createUser, resetPassword, disableUser, issueKioskToken, revokeKioskToken, createDepartmentKey, revokeDepartmentKey, dismissRevealed,
    };
  });
}

/** The admin section's store, talking to this server as the signed-in admin. */
export const useAdminStore = defineAdminStore(
  () => httpAdminClient(() => useSessionStore().token),
  (message) => useSessionStore().clear(message),
);

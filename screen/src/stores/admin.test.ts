import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ApiError } from '../lib/api.ts';
import type { AdminClient, DepartmentKeyInfo, KioskTokenInfo, UserInfo } from '../console/admin/admin-api.ts';
import { defineAdminStore } from './admin.ts';

/**
 * An in-memory stand-in for the admin routes, enough to drive the store: it keeps what was
 * written and refuses as the server does (the real routes are exercised by tests/e2e/admin.test.ts).
 */
function memoryClient() {
  const users: UserInfo[] = [];
  const kiosks: KioskTokenInfo[] = [];
  const keys: DepartmentKeyInfo[] = [];
  const calls: string[] = [];
  let n = 0;
  const at = '2026-09-14T00:00:00.000Z';
  const client: AdminClient = {
    users: async () => (calls.push('users'), [...users]),
    createUser: async (input) => {
      calls.push(`createUser ${input.username}`);
      if (input.password === 'aaaaaaaaaaaa') {
        throw new ApiError(400, 'BEACON_WEAK_PASSWORD', 'refused', [{ path: '/password', expected: 'x', got: 'a repetition' }]);
      }
      const user = { id: `u${++n}`, username: input.username, displayName: input.displayName, role: input.role, createdAt: at, disabledAt: null };
      users.push(user);
      return { user, password: input.password ?? 'generated-secret-1' };
    },
    disableUser: async (username) => {
      calls.push(`disable ${username}`);
      const user = users.find((u) => u.username === username && !u.disabledAt);
      if (!user) throw new ApiError(404, 'BEACON_UNKNOWN_USER', 'no active user', [{ path: 'params.username', expected: 'an active user', got: username }]);
      user.disabledAt = at;
    },
    resetPassword: async (username, password) => (calls.push(`reset ${username}`), { password: password ?? 'generated-secret-2' }),
    kioskTokens: async () => (calls.push('kiosks'), [...kiosks]),
    issueKioskToken: async (label) => {
      const id = `kiosk-${++n}`;
      kiosks.push({ id, label, createdAt: at, expiresAt: '2026-10-14T00:00:00.000Z', revokedAt: null, lastSeenAt: null });
      return { id, wallPath: `/wall#kiosk=token-${id}`, expiresAt: 0 };
    },
    revokeKioskToken: async (id) => {
      kiosks.find((k) => k.id === id)!.revokedAt = at;
    },
    departmentKeys: async () => (calls.push('keys'), [...keys]),
    createDepartmentKey: async (department, label) => {
      const id = `key-${++n}`;
      keys.push({ id, department, label, createdAt: at, revokedAt: null, lastUsedAt: null });
      return { id, key: `bk_${department}_secret` };
    },
    revokeDepartmentKey: async (id) => {
      keys.find((k) => k.id === id)!.revokedAt = at;
    },
  };
  return { client, calls };
}

describe('admin store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('loads users, kiosk tokens and keys together', async () => {
    const { client, calls } = memoryClient();
    await client.createUser({ username: 'li', displayName: '李值班', role: 'duty' });
    const admin = defineAdminStore(() => client)();
    await admin.loadAll();
    expect(admin.users.map((u) => u.username)).toEqual(['li']);
    expect(admin.loading).toBe(false);
    expect(calls).toContain('kiosks');
    expect(calls).toContain('keys');
  });

  it('shows a new user\'s password once, then forgets it when dismissed, and lists the user from the server', async () => {
    const { client } = memoryClient();
    const admin = defineAdminStore(() => client)();
    expect(await admin.createUser({ username: 'zhao', displayName: '赵值班', role: 'duty' })).toEqual({ ok: true });
    expect(admin.revealed).toEqual({ kind: 'password', subject: 'zhao', secret: 'generated-secret-1' });
    expect(admin.users.map((u) => u.username)).toEqual(['zhao']);
    admin.dismissRevealed();
    expect(admin.revealed).toBeNull();
    expect(JSON.stringify(admin.$state)).not.toContain('generated-secret-1');
  });

  it('hands a refusal back to the form and shows no secret', async () => {
    const { client } = memoryClient();
    const admin = defineAdminStore(() => client)();
    const outcome = await admin.createUser({ username: 'qian', displayName: '钱', role: 'duty', password: 'aaaaaaaaaaaa' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error instanceof ApiError && outcome.error.code).toBe('BEACON_WEAK_PASSWORD');
    expect(admin.revealed).toBeNull();
    expect(admin.users).toEqual([]);
  });

  it('disables a user and reloads the list; a second disable is a refusal', async () => {
    const { client } = memoryClient();
    const admin = defineAdminStore(() => client)();
    await admin.createUser({ username: 'sun', displayName: '孙', role: 'commander' });
    admin.dismissRevealed();
    expect(await admin.disableUser('sun')).toEqual({ ok: true });
    expect(admin.users[0]!.disabledAt).not.toBeNull();
    expect((await admin.disableUser('sun')).ok).toBe(false);
  });

  it('shows a reset password once', async () => {
    const { client } = memoryClient();
    const admin = defineAdminStore(() => client)();
    await admin.resetPassword('sun');
    expect(admin.revealed).toEqual({ kind: 'password', subject: 'sun', secret: 'generated-secret-2' });
  });

  it('issues a kiosk token: shows its wall link once and lists it; revoking reloads the list', async () => {
    const { client } = memoryClient();
    const admin = defineAdminStore(() => client)();
    await admin.issueKioskToken('指挥大厅主屏');
    expect(admin.revealed).toEqual({ kind: 'wall-link', subject: '指挥大厅主屏', secret: '/wall#kiosk=token-kiosk-1' });
    expect(admin.kioskTokens).toHaveLength(1);
    await admin.revokeKioskToken('kiosk-1');
    expect(admin.kioskTokens[0]!.revokedAt).not.toBeNull();
  });

  it('creates a department key: shows the key once and lists it without it', async () => {
    const { client } = memoryClient();
    const admin = defineAdminStore(() => client)();
    await admin.createDepartmentKey('water', '水位网关');
    expect(admin.revealed).toEqual({ kind: 'key', subject: '水位网关', secret: 'bk_water_secret' });
    expect(admin.departmentKeys.map((k) => [k.department, k.label])).toEqual([['water', '水位网关']]);
    expect(JSON.stringify(admin.departmentKeys)).not.toContain('bk_water_secret');
    await admin.revokeDepartmentKey(admin.departmentKeys[0]!.id);
    expect(admin.departmentKeys[0]!.revokedAt).not.toBeNull();
  });

  it('goes back to the sign-in when the server no longer takes the token', async () => {
    const { client } = memoryClient();
    const expired = { ...client, users: async () => { throw new ApiError(401, 'BEACON_UNAUTHENTICATED', 'authentication required: a token that has not expired'); } };
    const told: string[] = [];
    const admin = defineAdminStore(() => expired, (m) => told.push(m))();
    await admin.loadAll();
    expect(told).toEqual(['authentication required: a token that has not expired']);
    expect(admin.loadError).toBeInstanceOf(ApiError);
  });
});

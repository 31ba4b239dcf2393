import type { DepartmentId, UserRole } from '@beacon/shared';
import { api } from '../../lib/api.ts';

/** The admin routes' answers: one definition with the server's response schemas (shared/src/auth/credential-info.schema.ts). */
import type { DepartmentKeyInfo, KioskTokenInfo, UserInfo } from '@beacon/shared';
export type { DepartmentKeyInfo, KioskTokenInfo, UserInfo };

export interface NewUser {
  username: string;
  displayName: string;
  role: UserRole;
  /** Left out: the server makes one. */
  password?: string;
}

/** Everything the admin section asks of the server; each secret in an answer is shown once and never stored here. */
export interface AdminClient {
  users(): Promise<UserInfo[]>;
  createUser(input: NewUser): Promise<{ user: UserInfo; password: string }>;
  disableUser(username: string): Promise<void>;
  resetPassword(username: string, password?: string): Promise<{ password: string }>;
  kioskTokens(): Promise<KioskTokenInfo[]>;
  issueKioskToken(label: string): Promise<{ id: string; wallPath: string; expiresAt: number }>;
  revokeKioskToken(id: string): Promise<void>;
  departmentKeys(): Promise<DepartmentKeyInfo[]>;
  createDepartmentKey(department: DepartmentId, label: string): Promise<{ id: string; key: string }>;
  revokeDepartmentKey(id: string): Promise<void>;
}

const segment = encodeURIComponent;

/** The admin client over the one API client (lib/api.ts), with the signed-in admin's token. */
export function httpAdminClient(token: () => string | null): AdminClient {
  return {
    users: () => api(token(), '/api/v1/users'),
    createUser: (input) => api(token(), '/api/v1/users', { method: 'POST', body: input }),
    disableUser: async (username) => {
      await api(token(), `/api/v1/users/${segment(username)}/disable`, { method: 'POST' });
    },
    resetPassword: (username, password) =>
      api(token(), `/api/v1/users/${segment(username)}/password`, { method: 'POST', body: password === undefined ? {} : { password } }),
    kioskTokens: () => api(token(), '/api/v1/kiosk-tokens'),
    issueKioskToken: (label) => api(token(), '/api/v1/kiosk-tokens', { method: 'POST', body: { label } }),
    revokeKioskToken: async (id) => {
      await api(token(), `/api/v1/kiosk-tokens/${segment(id)}`, { method: 'DELETE' });
    },
    departmentKeys: () => api(token(), '/api/v1/department-keys'),
    createDepartmentKey: (department, label) => api(token(), '/api/v1/department-keys', { method: 'POST', body: { department, label } }),
    revokeDepartmentKey: async (id) => {
      await api(token(), `/api/v1/department-keys/${segment(id)}`, { method: 'DELETE' });
    },
  };
}

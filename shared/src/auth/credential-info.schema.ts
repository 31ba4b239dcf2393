import Type from 'typebox';
import { departmentIds } from '../departments.ts';
import { userRoles } from './roles.ts';

/**
 * What the admin routes list about users, kiosk tokens and department keys (never a hash, a token
 * or a key): one definition for the server's response schemas and /docs, and the types the server's
 * queries return and the console's admin section reads.
 */

const when = (description: string) => Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description });

export const UserInfo = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.Enum([...userRoles]),
  createdAt: Type.String({ format: 'date-time' }),
  disabledAt: when('null while the user is active.'),
});
export type UserInfo = Type.Static<typeof UserInfo>;

export const KioskTokenInfo = Type.Object({
  id: Type.String(),
  label: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  revokedAt: when('null while the token is live.'),
  lastSeenAt: when('When the wall last made a request, connected, or was connected (recorded at most once a minute); null if never.'),
});
export type KioskTokenInfo = Type.Static<typeof KioskTokenInfo>;

export const DepartmentKeyInfo = Type.Object({
  id: Type.String(),
  department: Type.Enum([...departmentIds]),
  label: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: when('null while the key is live.'),
  lastUsedAt: when('When a department system last authenticated with the key: a request, a stream opened, or an open stream (recorded at most once a minute); null if never.'),
});
export type DepartmentKeyInfo = Type.Static<typeof DepartmentKeyInfo>;

import Type from 'typebox';
import { departmentIds, userRoles } from '@beacon/shared';

/** Request and response shapes of the auth and admin routes: validation, /docs and types from one place. */

export const SignInBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64, description: 'The user name an admin created.' }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type SignInBody = Type.Static<typeof SignInBody>;

export const ActorSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String({ description: 'wall, duty, commander, department or admin' }),
});

export const SignInReply = Type.Object({
  token: Type.String({ description: 'Send as "Authorization: Bearer <token>", or as `auth: { token }` in the socket.io handshake.' }),
  expiresAt: Type.Integer({ description: 'Epoch ms; sign in again after it.' }),
  actor: ActorSchema,
});

/** A user name: what the API and the CLI both accept. */
export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{1,31}$';

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ pattern: USERNAME_PATTERN, description: '2–32 lower-case letters, digits, ".", "_" or "-".' }),
    displayName: Type.String({ minLength: 1, maxLength: 60, description: 'Shown in the audit trail and on milestones, e.g. "王指挥".' }),
    role: Type.Union(userRoles.map((r) => Type.Literal(r))),
    password: Type.Optional(Type.String({ minLength: 12, maxLength: 256, description: 'At least 12 characters; omit to have one generated.' })),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Type.Static<typeof CreateUserBody>;

export const CreateKioskBody = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 60, description: 'Which wall, e.g. "指挥大厅主屏".' }) },
  { additionalProperties: false },
);
export type CreateKioskBody = Type.Static<typeof CreateKioskBody>;

export const CreateDepartmentKeyBody = Type.Object(
  {
    department: Type.Union(departmentIds.map((d) => Type.Literal(d))),
    label: Type.String({ minLength: 1, maxLength: 60, description: 'Which system holds it, e.g. "rain-gauge gateway".' }),
  },
  { additionalProperties: false },
);
export type CreateDepartmentKeyBody = Type.Static<typeof CreateDepartmentKeyBody>;

// The listings' shapes are shared with the console: shared/src/auth/credential-info.schema.ts.
export { DepartmentKeyInfo, KioskTokenInfo, UserInfo } from '@beacon/shared';

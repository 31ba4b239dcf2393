/**
 * Who may use Beacon. One role per credential:
 * - wall: a kiosk token for a wall screen; reads live state, never commands.
 * - duty: the duty officer (值班员) at the console.
 * - commander: a city leader (领导/指挥长), on a tablet or in the hall.
 * - department: a department system's API key; writes its own data, reads nothing.
 * - admin: creates users, kiosk tokens and department keys; reads the audit trail.
 */
export const roles = ['wall', 'duty', 'commander', 'department', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Roles a person signs in as with a user name and password (wall and department hold tokens/keys instead). */
export const userRoles = ['duty', 'commander', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** Who did something, as the log and the audit trail record it. */
export interface Actor {
  /** User id, or the kiosk/department credential id. */
  id: string;
  /** Display name at the time (a later rename does not rewrite history). */
  name: string;
  role: Role;
}

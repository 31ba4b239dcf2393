import type { Role } from '@beacon/shared';

/** Which roles may open each screen; the server checks every request again. */
export const screenAccess: Record<string, readonly Role[]> = {
  '/wall': ['wall', 'duty', 'commander', 'admin'],
  '/console': ['duty', 'commander', 'admin'],
  '/replay': ['wall', 'duty', 'commander', 'admin'],
};

export type Gate = 'open' | 'sign-in' | 'pair' | 'wrong-role';

/** What a screen shows for a path and the session's role: the screen, a sign-in, or (a wall) how to pair it. */
export function gateFor(path: string, role: Role | null): Gate {
  const allowed = screenAccess[path];
  if (!allowed) return 'open'; // not-found page
  if (!role) return path === '/wall' ? 'pair' : 'sign-in';
  return allowed.includes(role) ? 'open' : 'wrong-role';
}

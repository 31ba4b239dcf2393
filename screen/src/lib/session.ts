import type { Actor } from '@beacon/shared';

/** A credential this screen holds: a person's (from sign-in) or a wall's (a kiosk link). */
export interface Session {
  token: string;
  actor: Actor;
  expiresAt: number;
  kind: 'user' | 'kiosk';
}

export const SESSION_KEY = 'beacon.session';

/**
 * The kiosk token in a wall link (`/wall#kiosk=<token>`). In the fragment, not the query, so it
 * never reaches a server log or a Referer header.
 */
export function kioskTokenFromHash(hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('kiosk');
  return value && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value) ? value : null;
}

/** Reads a stored session; anything malformed or expired is no session. */
export function parseStoredSession(raw: string | null, now: number): Session | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Partial<Session>;
    if (typeof s.token !== 'string' || typeof s.expiresAt !== 'number' || !s.actor || typeof s.actor.role !== 'string') return null;
    if (s.kind !== 'user' && s.kind !== 'kiosk') return null;
    return s.expiresAt > now ? (s as Session) : null;
  } catch {
    return null;
  }
}

/**
 * What a kiosk token says about itself (the JWT payload, unverified: the server verifies; the
 * screen only needs the expiry and the label to show).
 */
export function kioskSession(token: string): Session | null {
  try {
    const binary = atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    // The payload is UTF-8 JSON (a wall's label is often Chinese); atob gives bytes as Latin-1 characters.
    const json = new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
    const payload = JSON.parse(json) as { sub?: string; name?: string; role?: string; exp?: number };
    if (payload.role !== 'wall' || typeof payload.exp !== 'number' || typeof payload.sub !== 'string') return null;
    return { token, kind: 'kiosk', expiresAt: payload.exp * 1000, actor: { id: payload.sub, name: payload.name ?? '', role: 'wall' } };
  } catch {
    return null;
  }
}

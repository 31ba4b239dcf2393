/** A credential's state as the admin reads it: live, revoked (or disabled), or past its expiry. */
export type CredentialState = 'live' | 'revoked' | 'expired';

export function credentialState(c: { revokedAt: string | null; expiresAt?: string }, now: number): CredentialState {
  if (c.revokedAt) return 'revoked';
  if (c.expiresAt && Date.parse(c.expiresAt) <= now) return 'expired';
  return 'live';
}

export type LastSeen = { kind: 'never' } | { kind: 'just-now' } | { kind: 'ago'; ms: number };

/**
 * When a credential was last seen or used. The server writes it at most once a minute, so anything
 * under two minutes is "just now" (a wall on an open socket is never older than that).
 */
export function lastSeen(at: string | null, now: number): LastSeen {
  if (!at) return { kind: 'never' };
  const ms = now - Date.parse(at);
  return ms < 2 * 60_000 ? { kind: 'just-now' } : { kind: 'ago', ms };
}

/** Live ones first, each group newest first: what an admin acts on is at the top. */
export function liveFirst<T extends { revokedAt: string | null; createdAt: string; expiresAt?: string }>(rows: readonly T[], now: number): T[] {
  const rank = (r: T) => (credentialState(r, now) === 'live' ? 0 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/** The link to open on a wall: this server's origin and the path the server answered with (`/wall#kiosk=…`). */
export function wallLink(origin: string, wallPath: string): string {
  return `${origin.replace(/\/+$/, '')}${wallPath}`;
}

/** "2026-09-14 08:05" in the hall's zone (UTC+8), for created and expiry dates. */
export function hallDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

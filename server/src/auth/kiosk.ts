import { randomUUID } from 'node:crypto';
import type { Sql } from '@beacon/db';
import { notifyRevoked } from './revocations.ts';
import { KIOSK_TOKEN_TTL_MS, type TokenService } from './tokens.ts';

/** Mints a wall kiosk token: a view-only JWT whose id is recorded so that it can be revoked. */
export async function createKioskToken(sql: Sql, tokens: TokenService, label: string): Promise<{ id: string; token: string; expiresAt: number }> {
  const id = `kiosk-${randomUUID()}`;
  const { token, expiresAt } = await tokens.issue({ id, name: label, role: 'wall' }, 'kiosk', KIOSK_TOKEN_TTL_MS);
  await sql`insert into kiosk_tokens (id, label, expires_at) values (${id}, ${label}, ${new Date(expiresAt).toISOString()})`;
  return { id, token, expiresAt };
}

/**
 * Whether the kiosk token is live, and if so, that its wall was seen now. The same statement as the
 * check (no extra round trip), and it writes at most once a minute per token, whichever node the wall
 * reaches: the admin's "last seen" needs minutes, not every request.
 */
export async function kioskSeen(sql: Sql, id: string): Promise<boolean> {
  const [row] = await sql<{ live: boolean }[]>`
    with token as (select id, revoked_at is null as live from kiosk_tokens where id = ${id}),
    seen as (
      update kiosk_tokens k set last_seen_at = now() from token
      where k.id = token.id and token.live and (k.last_seen_at is null or k.last_seen_at < now() - interval '1 minute')
    )
    select live from token`;
  return row?.live ?? false;
}

import type { KioskTokenInfo } from '@beacon/shared';
export type { KioskTokenInfo };

/** Every kiosk token, newest first: ids, labels and dates (the token itself is never stored). */
export async function listKioskTokens(sql: Sql): Promise<KioskTokenInfo[]> {
  const rows = await sql<{ id: string; label: string; created_at: Date; expires_at: Date; revoked_at: Date | null; last_seen_at: Date | null }[]>`
    select id, label, created_at, expires_at, revoked_at, last_seen_at from kiosk_tokens order by created_at desc, id`;
  return rows.map((r) => ({
    id: r.id, label: r.label, createdAt: r.created_at.toISOString(), expiresAt: r.expires_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null, lastSeenAt: r.last_seen_at?.toISOString() ?? null,
  }));
}

/** Revokes a kiosk token; announced to every node in the same statement (the wall's sockets close). */
export async function revokeKiosk(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql`
    with revoked as (update kiosk_tokens set revoked_at = now() where id = ${id} and revoked_at is null returning id)
    select id, ${notifyRevoked(sql, 'actor', 'id')} from revoked`;
  return rows.length > 0;
}

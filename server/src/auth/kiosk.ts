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

export async function kioskIsLive(sql: Sql, id: string): Promise<boolean> {
  const [row] = await sql<{ live: boolean }[]>`select revoked_at is null as live from kiosk_tokens where id = ${id}`;
  return row?.live ?? false;
}

/** Revokes a kiosk token; announced to every node in the same statement (the wall's sockets close). */
export async function revokeKiosk(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql`
    with revoked as (update kiosk_tokens set revoked_at = now() where id = ${id} and revoked_at is null returning id)
    select id, ${notifyRevoked(sql, 'actor', 'id')} from revoked`;
  return rows.length > 0;
}

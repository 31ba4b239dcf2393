import type { Sql } from '@beacon/db';
import type { Actor } from '@beacon/shared';

export interface AuditInput {
  actor: Actor;
  action: string;
  target?: string;
  outcome: 'ok' | 'refused' | 'failed';
  reason?: string;
  seq?: number;
  details?: Record<string, unknown>;
}

/** Appends one audit entry; pass a transaction to write it together with what it records. */
export async function recordAudit(sql: Sql, entry: AuditInput): Promise<void> {
  await sql`
    insert into audit_entries (actor_id, actor_name, actor_role, action, target, outcome, reason, seq, details)
    values (${entry.actor.id}, ${entry.actor.name}, ${entry.actor.role}, ${entry.action}, ${entry.target ?? ''},
            ${entry.outcome}, ${entry.reason ?? ''}, ${entry.seq === undefined ? null : String(entry.seq)}, ${sql.json((entry.details ?? {}) as never)})`;
}

import type { Sql } from '@beacon/db';
import { csvFile, type AuditEntry } from '@beacon/shared';

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  outcome?: string;
  limit: number;
}

/** Newest first. Every filter is a bound parameter. */
export async function queryAudit(sql: Sql, f: AuditFilter): Promise<AuditEntry[]> {
  const family = f.action?.endsWith('.') ? `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await sql<{ id: string; at: Date; actor_id: string; actor_name: string; actor_role: string; action: string; target: string; outcome: string; reason: string; seq: string | null; details: Record<string, unknown> }[]>`
    select id, at, actor_id, actor_name, actor_role, action, target, outcome, reason, seq, details from audit_entries
    where (${f.from ?? null}::timestamptz is null or at >= ${f.from ?? null}::timestamptz)
      and (${f.to ?? null}::timestamptz is null or at < ${f.to ?? null}::timestamptz)
      and (${f.actor ?? null}::text is null or actor_id = ${f.actor ?? null} or actor_name = ${f.actor ?? null})
      and (${f.action ?? null}::text is null or action = ${f.action ?? null} or action like ${family})
      and (${f.outcome ?? null}::text is null or outcome = ${f.outcome ?? null})
    order by id desc limit ${f.limit}`;
  return rows.map((r) => ({
    id: Number(r.id), at: r.at.toISOString(), actorId: r.actor_id, actorName: r.actor_name, actorRole: r.actor_role,
    action: r.action, target: r.target, outcome: r.outcome, reason: r.reason, seq: r.seq === null ? null : Number(r.seq), details: r.details,
  }));
}

const COLUMNS = ['at', 'actorName', 'actorRole', 'actorId', 'action', 'target', 'outcome', 'reason', 'seq'] as const;

/** The audit as a CSV file (shared `csvFile`: formula-guarded cells, a BOM for the Chinese text). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return csvFile([COLUMNS, ...entries.map((e) => COLUMNS.map((c) => e[c]))]);
}

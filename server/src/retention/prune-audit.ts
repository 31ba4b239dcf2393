import type { Sql } from '@beacon/db';
import { DAY_MS, type RetentionPolicy } from './retention-policy.ts';

const SLICE = 50_000;

/** Audit retention, when a period is set (the default is forever): entries older than `now - auditDays` go. */
export async function pruneAudit(sql: Sql, policy: RetentionPolicy, now: Date): Promise<number> {
  if (policy.auditDays === null) return 0;
  const horizon = new Date(now.getTime() - policy.auditDays * DAY_MS);
  let deleted = 0;
  for (;;) {
    const slice = await sql`delete from audit_entries where id in (select id from audit_entries where at < ${horizon} order by id limit ${SLICE}) returning 1`;
    deleted += slice.length;
    if (slice.length < SLICE) return deleted;
  }
}

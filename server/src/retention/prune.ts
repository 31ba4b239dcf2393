import type { Sql } from '@beacon/db';
import { pruneAudit } from './prune-audit.ts';
import { pruneLog, type LogPruned } from './prune-log.ts';
import { pruneSnapshots } from './prune-snapshots.ts';
import type { RetentionPolicy } from './retention-policy.ts';

export interface Pruned {
  log: LogPruned;
  snapshots: number;
  audit: number;
}

/**
 * Applies the whole policy as of `now` (default: the database's clock, the one `taken_at`,
 * `received_at` and audit `at` were written by). The log first: its base must survive thinning.
 */
export async function prune(sql: Sql, policy: RetentionPolicy, now?: Date): Promise<Pruned> {
  const at = now ?? (await sql<{ now: Date }[]>`select now()`)[0]!.now;
  const log = await pruneLog(sql, policy, at);
  return { log, snapshots: await pruneSnapshots(sql, policy, at), audit: await pruneAudit(sql, policy, at) };
}

import type { Sql } from '@beacon/db';
import { DAY_MS, type RetentionPolicy } from './retention-policy.ts';

// Deleted in slices: one statement over millions of rows would hold its locks and WAL for minutes.
const SLICE = 50_000;

export interface LogPruned {
  /** The snapshot the remaining log now folds onto (0: nothing was old enough). */
  base: number;
  events: number;
  snapshots: number;
}

/**
 * Log retention, when a period is set (the default is forever). The log cannot simply lose its
 * head: live state and replay fold it from a snapshot. So the cut is the newest snapshot taken
 * before `now - logDays`: it stays as the base, and the events it already holds (seq at or below it)
 * and the snapshots before it go. Replay of a moment before the base shows nothing.
 */
export async function pruneLog(sql: Sql, policy: RetentionPolicy, now: Date): Promise<LogPruned> {
  if (policy.logDays === null) return { base: 0, events: 0, snapshots: 0 };
  const horizon = new Date(now.getTime() - policy.logDays * DAY_MS);
  const [base] = await sql<{ seq: string }[]>`select seq from state_snapshots where taken_at < ${horizon} order by seq desc limit 1`;
  if (!base) return { base: 0, events: 0, snapshots: 0 };
  const seq = Number(base.seq);
  let events = 0;
  for (;;) {
    const slice = await sql`delete from events where seq in (select seq from events where seq <= ${seq} order by seq limit ${SLICE}) returning 1`;
    events += slice.length;
    if (slice.length < SLICE) break;
  }
  const snapshots = await sql`delete from state_snapshots where seq < ${seq} returning 1`;
  return { base: seq, events, snapshots: snapshots.length };
}

import { emptyLiveState, type LiveState } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { foldRange } from '../engine/fold-log.ts';
import { loadSnapshot } from '../engine/snapshots.ts';

/**
 * The last event received at or before $1. Unprepared, so planned for the log as it is now: the
 * generic plan PostgreSQL makes for it on a small log, and keeps, sorts the whole log on every call
 * (tests/integration/kept-plans.test.ts shows it; every replay seek asks this).
 */
export const SEQ_AT_TIME_SQL = 'select seq::text as seq from events where received_at <= $1 order by received_at desc, seq desc limit 1';

/**
 * The log position the wall had reached at `at` (epoch ms): the last event received by then.
 * Live state is folded in sequence order, so the wall at any moment showed a prefix of the log.
 */
export async function seqAtTime(sql: Sql, at: number): Promise<number> {
  const [row] = await sql.unsafe<{ seq: string }[]>(SEQ_AT_TIME_SQL, [new Date(at)]);
  return row ? Number(row.seq) : 0;
}

/** State at a log position: the newest snapshot at or below it, plus the log after it. Never folds from the start when a snapshot exists. */
export async function stateAtSeq(sql: Sql, seq: number): Promise<LiveState> {
  const base = (await loadSnapshot(sql, seq)) ?? emptyLiveState();
  return foldRange(sql, base, seq);
}

/** The whole wall as it was at `at`. */
export async function stateAtTime(sql: Sql, at: number): Promise<{ seq: number; state: LiveState }> {
  const seq = await seqAtTime(sql, at);
  return { seq, state: await stateAtSeq(sql, seq) };
}

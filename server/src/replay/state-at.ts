import { emptyLiveState, type LiveState } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { foldRange } from '../engine/fold-log.ts';
import { loadSnapshot } from '../engine/snapshots.ts';

/**
 * The log position the wall had reached at `at` (epoch ms): the last event received by then.
 * Live state is folded in sequence order, so the wall at any moment showed a prefix of the log.
 */
export async function seqAtTime(sql: Sql, at: number): Promise<number> {
  const [row] = await sql<{ seq: string }[]>`
    select seq from events where received_at <= ${new Date(at)} order by received_at desc, seq desc limit 1`;
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

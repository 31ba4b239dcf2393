import type { Sql } from '@beacon/db';
import { DAY_MS, type RetentionPolicy } from './retention-policy.ts';

/**
 * Thins snapshots by age, as of `now`: all of the last `snapshotsAllDays`; before that the newest of
 * each hour (UTC) up to `snapshotsHourlyDays`, and the newest of each day beyond. The newest
 * snapshot of all is always kept (a restart starts from it), as is the oldest (after log retention
 * it is the base the remaining log folds onto). Replay seeks from the newest snapshot at or below a
 * position, so thinning only lengthens the fold after it: at most an hour's, or an old day's, events.
 * Returns how many were deleted.
 */
export async function pruneSnapshots(sql: Sql, policy: RetentionPolicy, now: Date): Promise<number> {
  const allSince = new Date(now.getTime() - policy.snapshotsAllDays * DAY_MS);
  const hourlySince = new Date(now.getTime() - policy.snapshotsHourlyDays * DAY_MS);
  const deleted = await sql`
    with aged as (
      select seq,
             case when taken_at >= ${hourlySince} then 'hour' else 'day' end as tier,
             date_trunc(case when taken_at >= ${hourlySince} then 'hour' else 'day' end, taken_at at time zone 'UTC') as bucket
      from state_snapshots
      where taken_at < ${allSince}
    ), ranked as (
      select seq, row_number() over (partition by tier, bucket order by seq desc) as newest_first from aged
    )
    delete from state_snapshots
    where seq in (select seq from ranked where newest_first > 1)
      and seq <> (select max(seq) from state_snapshots)
      and seq <> (select min(seq) from state_snapshots)
    returning seq`;
  return deleted.length;
}

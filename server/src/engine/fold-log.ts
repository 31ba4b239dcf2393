import { emptyLiveState, fold, type BeaconEvent, type LiveState } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { EVENT_COLUMNS, rowToEvent, type LogRow } from './log-rows.ts';

/**
 * Folds the log after `state` up to `toSeq`, a page at a time, with the shared reducer. `onPage`
 * sees each page's events, the log position before them and the state after them. Restart checks,
 * replay and tools all read the log through this.
 *
 * The next page is asked for as soon as a page arrives, before it is folded: PostgreSQL reads and
 * sends page n+1 while this process folds page n, instead of each waiting for the other.
 */
export async function foldRange(
  sql: Sql,
  state: LiveState,
  toSeq: number,
  onPage?: (events: BeaconEvent[], fromSeq: number, after: LiveState) => void,
  pageSize = 5000,
): Promise<LiveState> {
  const read = (after: number) =>
    sql.unsafe<LogRow[]>(`select ${EVENT_COLUMNS} from events where seq > $1 and seq <= $2 order by seq limit $3`, [after, toSeq, pageSize]);
  let s = state;
  let from = state.seq;
  let next: Promise<LogRow[]> | null = from < toSeq ? read(from) : null;
  try {
    while (next) {
      const rows = await next;
      next = null;
      if (rows.length === 0) break;
      const last = Number(rows.at(-1)!.seq);
      // A full page may have more after it; a short one reached the end of the range.
      if (rows.length === pageSize && last < toSeq) next = read(last);
      const events = rows.map(rowToEvent);
      s = fold(s, events);
      onPage?.(events, from, s);
      from = events.at(-1)!.seq;
    }
  } finally {
    // Folding or onPage threw: the page already asked for is dropped, its failure too (never unhandled).
    next?.catch(() => {});
  }
  return { ...s, seq: Math.max(s.seq, Math.min(toSeq, from)) };
}

/** The whole log folded from the start (for tests and tools; the engine starts from snapshots). */
export function foldWholeLog(sql: Sql): Promise<LiveState> {
  return foldRange(sql, emptyLiveState(), Number.MAX_SAFE_INTEGER);
}

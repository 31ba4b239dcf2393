import { categoryList, type KeyMoment } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { EVENT_COLUMNS, rowToEvent, type LogRow } from '../engine/log-rows.ts';
import { overdueMoments } from './command-moments.ts';
import { isMomentCategory, momentsOf } from './key-moments.ts';
import { seqAtTime, stateAtSeq } from './state-at.ts';

/** The key moments of a window of time. */
export async function momentsIn(sql: Sql, from: number, to: number): Promise<KeyMoment[]> {
  const [fromSeq, toSeq] = await Promise.all([seqAtTime(sql, from), seqAtTime(sql, to)]);
  const moments = await momentsBetween(sql, fromSeq, toSeq);
  // Deadlines that passed unlinked in the window: judged on the state at its end.
  const end = await stateAtSeq(sql, toSeq);
  const deadlines = Object.values(end.command.posts).map((p) => p.deadline).filter((d) => d > from && d <= to);
  const seqs = new Map(await Promise.all(deadlines.map(async (d) => [d, await seqAtTime(sql, d)] as const)));
  const overdue = overdueMoments(end.command, from, to, (t) => seqs.get(t) ?? toSeq);
  return [...moments, ...overdue].sort((a, b) => a.at - b.at || a.seq - b.seq);
}

/** The key moments in (fromSeq, toSeq]: only alert, incident and command events are read, judged against the state at fromSeq. */
export async function momentsBetween(sql: Sql, fromSeq: number, toSeq: number): Promise<KeyMoment[]> {
  const kinds = categoryList.map((c) => c.id).filter(isMomentCategory);
  if (kinds.length === 0 || toSeq <= fromSeq) return [];
  const before = await stateAtSeq(sql, fromSeq);
  const rows = await sql.unsafe<LogRow[]>(
    `select ${EVENT_COLUMNS} from events where seq > $1 and seq <= $2 and (category = any($3::text[]) or type = 'command.issued') order by seq`,
    [fromSeq, toSeq, kinds],
  );
  return momentsOf(before, rows.map(rowToEvent));
}

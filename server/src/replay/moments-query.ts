import { applyCommand, categoryList, type CommandIssued, type CommandState, type KeyMoment } from '@beacon/shared';
import type { Sql } from '@beacon/db';
import { EVENT_COLUMNS, rowToEvent, type LogRow } from '../engine/log-rows.ts';
import { overdueMoments } from './command-moments.ts';
import { isMomentCategory, momentsOf } from './key-moments.ts';
import { seqAtTime, stateAtSeq } from './state-at.ts';

/**
 * The key moments of a window of time — for /replay, the replay socket and the after-action
 * timeline alike: alert, incident and command events judged against the state at the window's start,
 * and the forward-post deadlines that passed unlinked in it. Pass the window's log positions when
 * they are known already.
 */
export async function momentsIn(sql: Sql, from: number, to: number, at?: { fromSeq: number; toSeq: number }): Promise<KeyMoment[]> {
  const { fromSeq, toSeq } = at ?? { fromSeq: await seqAtTime(sql, from), toSeq: await seqAtTime(sql, to) };
  const before = await stateAtSeq(sql, fromSeq);
  const kinds = categoryList.map((c) => c.id).filter(isMomentCategory);
  const rows = toSeq > fromSeq
    ? await sql.unsafe<LogRow[]>(
      `select ${EVENT_COLUMNS} from events where seq > $1 and seq <= $2 and (category = any($3::text[]) or type = 'command.issued') order by seq`,
      [fromSeq, toSeq, kinds],
    )
    : [];
  const events = rows.map(rowToEvent);
  // The command slice at the window's end: the one at its start with the window's commands applied
  // (it depends on nothing else), so the state at the end need not be folded a second time.
  // A command the reducer cannot fold leaves the slice as it was, as in the fold itself (foldEach).
  const end = events.reduce((c, e) => (e.type === 'command.issued' ? applyOrKeep(c, e) : c), before.command);
  const deadlines = Object.values(end.posts).map((p) => p.deadline).filter((d) => d > from && d <= to);
  const seqs = new Map(await Promise.all(deadlines.map(async (d) => [d, await seqAtTime(sql, d)] as const)));
  const overdue = overdueMoments(end, from, to, (t) => seqs.get(t) ?? toSeq);
  return [...momentsOf(before, events), ...overdue].sort((a, b) => a.at - b.at || a.seq - b.seq);
}

function applyOrKeep(c: CommandState, e: CommandIssued): CommandState {
  try {
    return applyCommand(c, e);
  } catch {
    return c;
  }
}

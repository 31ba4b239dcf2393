import { emptyCommandState, type CommandState } from '../commands/command-state.ts';
import type { DepartmentId } from '../departments.ts';

/** A point of a trend: epoch ms, the value, and the record's version (a lower correction never replaces a higher one). */
export interface TrendPoint {
  t: number;
  value: number;
  v: number;
  /** Where it was, for categories that track position (a typhoon's centre). */
  lon?: number;
  lat?: number;
}

/** The newest record of one entity, by observation time then version; a late, older one never replaces it. */
export interface LatestRecord {
  entityId: string;
  observedAt: number;
  version: number;
  seq: number;
  data: Record<string, unknown>;
}

export interface FeedState {
  department: DepartmentId;
  category: string;
  /** Server receive time (epoch ms) of the newest record, whatever its observation time. */
  lastReceivedAt: number;
  records: number;
  /** Records received per minute (epoch minute → count), the last 5 minutes with records: the feed's rate. */
  perMinute: Record<string, number>;
  /** Batches refused, and the newest reason. */
  rejections: number;
  lastRejection: { at: number; code: string; reason: string } | null;
}

export interface LiveState {
  /** The highest log sequence folded in. */
  seq: number;
  /** Latest record per category and entity id. */
  latest: Record<string, Record<string, LatestRecord>>;
  /** The last 24 h of each observation's graded value, one point per 5-minute slot, oldest first. */
  trends: Record<string, Record<string, TrendPoint[]>>;
  /** Feed health per category. */
  feeds: Record<string, FeedState>;
  /** What accepted commands decided: response level, forward posts, dispatches, the wall's focus. */
  command: CommandState;
}

export function emptyLiveState(): LiveState {
  return { seq: 0, latest: {}, trends: {}, feeds: {}, command: emptyCommandState() };
}

/** A state stored before commands existed (old snapshots) gets an empty command slice. */
export function withCommandSlice(s: Omit<LiveState, 'command'> & { command?: Partial<CommandState> }): LiveState {
  // Fields added to the slice later default to empty: a snapshot is never wrong for being old.
  return { ...s, command: { ...emptyCommandState(), ...s.command } };
}

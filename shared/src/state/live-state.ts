import { emptyCommandState, type CommandState } from '../commands/command-state.ts';
import type { DepartmentId } from '../departments.ts';
import { dict, own, type Dict } from '../util/dict.ts';

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
  /**
   * The entity's earliest observation in the log (epoch ms): for an incident, when it was first
   * reported (接报), which later status records never move. Absent in state from before it was kept
   * (a snapshot of an older version): read `firstObservedOf`.
   */
  firstObservedAt?: number;
}

/** When an entity was first observed: its earliest record's time (for an incident, 接报). */
export function firstObservedOf(rec: LatestRecord): number {
  return rec.firstObservedAt ?? rec.observedAt;
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
  /**
   * Events of this feed the reducer could not fold (malformed in the log), and the newest: counted in
   * state so every node, screen and replay agree. Absent in states folded before it existed.
   */
  unfoldable?: number;
  lastUnfoldable?: { seq: number; reason: string } | null;
}

export interface LiveState {
  /** The highest log sequence folded in. */
  seq: number;
  /** Latest record per category and entity id. */
  latest: Record<string, Record<string, LatestRecord>>;
  /**
   * The last 24 h of each observation's graded value (and of each defence entity's tally, see
   * wall/defence-tally.ts), one point per 5-minute slot, oldest first.
   */
  trends: Record<string, Record<string, TrendPoint[]>>;
  /** Feed health per category. */
  feeds: Record<string, FeedState>;
  /** What accepted commands decided: response level, forward posts, dispatches, the wall's focus. */
  command: CommandState;
}

// Every map below is keyed by names from outside (categories, entity ids): null-prototype dictionaries,
// so an id such as `constructor` or `__proto__` is an ordinary key. States read back from JSON have
// plain objects instead; the readers below never consult a prototype either way.
export function emptyLiveState(): LiveState {
  return { seq: 0, latest: dict(), trends: dict(), feeds: dict(), command: emptyCommandState() };
}

/** The newest record of one entity, if any. */
export function latestRecord(state: Pick<LiveState, 'latest'>, category: string, entityId: string): LatestRecord | undefined {
  return own(own(state.latest, category), entityId);
}

/** The newest record of every entity of a category, by entity id (empty when the category has none). */
export function latestIn(state: Pick<LiveState, 'latest'>, category: string): Readonly<Dict<LatestRecord>> {
  return own(state.latest, category) ?? EMPTY;
}

/** One entity's trend, oldest first (empty when it has none). */
export function trendOf(state: Pick<LiveState, 'trends'>, category: string, entityId: string): TrendPoint[] {
  return own(own(state.trends, category), entityId) ?? [];
}

/** A category's feed health, if it has ever sent anything. */
export function feedOf(state: Pick<LiveState, 'feeds'>, category: string): FeedState | undefined {
  return own(state.feeds, category);
}

const EMPTY: Readonly<Dict<never>> = Object.freeze(dict<never>());

/** A state stored before commands existed (old snapshots) gets an empty command slice. */
export function withCommandSlice(s: Omit<LiveState, 'command'> & { command?: Partial<CommandState> }): LiveState {
  // Fields added to the slice later default to empty: a snapshot is never wrong for being old.
  return { ...s, command: { ...emptyCommandState(), ...s.command } };
}

/**
 * A state that came from JSON (a stored snapshot) with its maps as null-prototype dictionaries, so
 * the reducer's writes (`byId[id] = …`) treat every id as an ordinary key. Only the maps keyed by
 * names are copied; the records in them are shared.
 */
export function liveStateFromJson(s: Omit<LiveState, 'command'> & { command?: Partial<CommandState> }): LiveState {
  const nested = <T>(m: Readonly<Dict<Readonly<Dict<T>>>> | undefined) => dict(Object.entries(m ?? {}).map(([k, v]) => [k, dict(Object.entries(v))] as const));
  const c = withCommandSlice(s).command;
  return {
    seq: s.seq,
    latest: nested(s.latest),
    trends: nested(s.trends),
    feeds: dict(Object.entries(s.feeds ?? {})),
    command: {
      ...c,
      posts: dict(Object.entries(c.posts)),
      dispatches: dict(Object.entries(c.dispatches)),
      acknowledged: dict(Object.entries(c.acknowledged)),
    },
  };
}

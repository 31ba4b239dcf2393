import { trendPointOf } from './trend-point.ts';
import { applyCommand } from '../commands/command-state.ts';
import type { BeaconEvent, FeedRejected, RecordReceived } from '../events.ts';
import { firstObservedOf, latestRecord, type FeedState, type LatestRecord, type LiveState, type TrendPoint } from './live-state.ts';
import { dict, own, setOwn } from '../util/dict.ts';
import type { DepartmentId } from '../departments.ts';

export const TREND_WINDOW_MS = 24 * 3600_000;
export const TREND_SLOT_MS = 5 * 60_000;

/**
 * The one reducer: live state = fold(emptyLiveState(), log). The server, the screens, replay and
 * tests all call this. Pure: it never changes the state it is given, and every time it uses comes
 * from the events themselves.
 */
export function evolve(state: LiveState, event: BeaconEvent): LiveState {
  return fold(state, [event]);
}

/** An event the reducer could not fold: its place in the log and why. */
export interface UnfoldableEvent {
  seq: number;
  reason: string;
}

/**
 * Folds events in order. Copy-on-write once per fold, not per event: an object of the input is
 * copied the first time the fold touches it, and the fold's own copies are then updated in place —
 * so folding n events costs O(n), not O(n × entities), and the input is never changed.
 *
 * Total: an event that cannot be folded (see foldEach) leaves the state as it was, except that its
 * sequence is passed and its feed counts it — every node, screen and replay folds the same log the
 * same way, so they agree on that too.
 */
export function fold(state: LiveState, events: Iterable<BeaconEvent>): LiveState {
  return foldEach(state, events).state;
}

/**
 * fold, also saying which events could not be folded. A failing event never stops the events after
 * it: the state after it is the state before it with `seq` advanced and the failure counted in feed
 * health (`unfoldable`, `lastUnfoldable` of its category's feed; commands count under `command`).
 * Each event is checked and planned before anything is written, so a failure writes nothing else.
 */
export function foldEach(state: LiveState, events: Iterable<BeaconEvent>): { state: LiveState; failed: UnfoldableEvent[] } {
  const owned = new WeakSet<object>();
  // The fold's copies of maps keyed by names are null-prototype dictionaries, whatever the input had
  // (a snapshot from JSON has plain objects): an id like `__proto__` is then just a key.
  const mine: Own = <T extends object>(o: T): T => {
    if (owned.has(o)) return o;
    const copy = (Array.isArray(o) ? [...o] : dict(Object.entries(o))) as T;
    owned.add(copy);
    return copy;
  };
  const s: LiveState = { ...state };
  const failed: UnfoldableEvent[] = [];
  for (const event of events) {
    try {
      applyEvent(s, event, mine);
    } catch (e) {
      const reason = (e instanceof Error ? e.message : String(e)).slice(0, 300);
      failed.push({ seq: seqOf(event) ?? 0, reason });
      countUnfoldable(s, event, reason, mine);
    }
  }
  return { state: s, failed };
}

type Own = <T extends object>(o: T) => T;

function applyEvent(s: LiveState, event: BeaconEvent, mine: Own): void {
  if (typeof event !== 'object' || event === null) throw new Error('not an event');
  const seq = seqOf(event);
  if (seq === null) throw new Error(`seq is not a positive integer: ${JSON.stringify((event as { seq?: unknown }).seq)}`);
  switch (event.type) {
    case 'record.received':
      applyRecord(s, event, mine);
      break;
    case 'feed.rejected':
      applyRejection(s, event, mine);
      break;
    case 'command.issued': {
      const command = applyCommand(s.command, event);
      s.seq = Math.max(s.seq, seq);
      s.command = command;
      break;
    }
    default:
      assertNever(event);
  }
}

function applyRecord(s: LiveState, e: RecordReceived, mine: Own): void {
  // Plan: every check and every read that may throw, before the first write.
  const observedAt = timeOf(e.observedAt, 'observedAt');
  const receivedAt = receivedAtOf(e.receivedAt);
  const category = nameOf(e.category, 'category');
  const entityId = nameOf(e.entityId, 'entityId');
  if (typeof e.department !== 'string') throw new Error('department is not a string');
  if (!Number.isFinite(e.version)) throw new Error(`version is not a number: ${JSON.stringify(e.version)}`);
  if (typeof e.payload !== 'object' || e.payload === null || Array.isArray(e.payload)) {
    throw new Error(`payload is not an object: ${JSON.stringify(e.payload)?.slice(0, 80)}`);
  }
  const prev = latestRecord(s, category, entityId);
  const isNewer = supersedes(observedAt, e.version, e.seq, prev);
  const feed = own(s.feeds, category);
  const point = trendPointOf(category, e.payload, observedAt, e.version);

  // Write: assignments to the fold's own copies only.
  s.seq = Math.max(s.seq, e.seq);
  const latestByCategory = (s.latest = mine(s.latest));
  // The earliest observation never moves later; a late, older record moves it earlier.
  const firstObservedAt = prev ? Math.min(firstObservedOf(prev), observedAt) : observedAt;
  if (isNewer || (prev && firstObservedAt < firstObservedOf(prev))) {
    const byEntity = mine(own(latestByCategory, category) ?? dict<LatestRecord>());
    setOwn(latestByCategory, category, byEntity);
    const rec: LatestRecord = isNewer
      ? { entityId, observedAt, version: e.version, seq: e.seq, data: e.payload, firstObservedAt }
      : { ...prev!, firstObservedAt };
    setOwn(byEntity, entityId, rec);
  }

  const feeds = (s.feeds = mine(s.feeds));
  setOwn<FeedState>(feeds, category, {
    department: e.department,
    category,
    lastReceivedAt: Math.max(feed?.lastReceivedAt ?? 0, receivedAt),
    records: (feed?.records ?? 0) + 1,
    perMinute: countMinute(mine(feed?.perMinute ?? {}), receivedAt),
    rejections: feed?.rejections ?? 0,
    lastRejection: feed?.lastRejection ?? null,
    ...unfoldableOf(feed),
  });

  if (!point) return;
  const newest = isNewer ? observedAt : prev!.observedAt;
  const trendsByCategory = (s.trends = mine(s.trends));
  const trends = mine(own(trendsByCategory, category) ?? dict<TrendPoint[]>());
  setOwn(trendsByCategory, category, trends);
  setOwn(trends, entityId, placeInTrendInPlace(mine(own(trends, entityId) ?? []), point, newest));
}

function applyRejection(s: LiveState, e: FeedRejected, mine: Own): void {
  const at = timeOf(e.receivedAt, 'receivedAt');
  const category = nameOf(e.category, 'category');
  if (typeof e.department !== 'string') throw new Error('department is not a string');
  const feed = own(s.feeds, category);

  s.seq = Math.max(s.seq, e.seq);
  const feeds = (s.feeds = mine(s.feeds));
  setOwn<FeedState>(feeds, category, {
    department: e.department,
    category,
    lastReceivedAt: feed?.lastReceivedAt ?? 0,
    records: feed?.records ?? 0,
    perMinute: feed?.perMinute ?? {},
    rejections: (feed?.rejections ?? 0) + 1,
    lastRejection: !feed?.lastRejection || at >= feed.lastRejection.at ? { at, code: String(e.code), reason: String(e.reason) } : feed.lastRejection,
    ...unfoldableOf(feed),
  });
}

/** Counts an event that could not be folded in its feed's health, and passes its sequence. */
function countUnfoldable(s: LiveState, event: unknown, reason: string, mine: Own): void {
  const e = (typeof event === 'object' && event !== null ? event : {}) as Partial<Record<'type' | 'category' | 'department', unknown>>;
  const seq = seqOf(event);
  const category = unfoldableFeedOf(event);
  const feed = own(s.feeds, category);
  const department = feed?.department ?? (typeof e.department === 'string' ? e.department : e.type === 'command.issued' ? 'command' : UNREADABLE_FEED);
  if (seq !== null) s.seq = Math.max(s.seq, seq);
  const feeds = (s.feeds = mine(s.feeds));
  const last = feed?.lastUnfoldable;
  setOwn<FeedState>(feeds, category, {
    department: department as DepartmentId,
    category,
    lastReceivedAt: feed?.lastReceivedAt ?? 0,
    records: feed?.records ?? 0,
    perMinute: feed?.perMinute ?? {},
    rejections: feed?.rejections ?? 0,
    lastRejection: feed?.lastRejection ?? null,
    unfoldable: (feed?.unfoldable ?? 0) + 1,
    lastUnfoldable: last && seq !== null && last.seq > seq ? last : { seq: seq ?? 0, reason },
  });
}

/** The feed name under which events whose category cannot be read are counted. */
export const UNREADABLE_FEED = '(unreadable)';

/**
 * The feed an event that could not be folded is counted under: its category. Commands are logged
 * under category `command`; an event whose category cannot be read counts under a name no category
 * has, so it is still seen rather than dropped.
 */
export function unfoldableFeedOf(event: unknown): string {
  const e = (typeof event === 'object' && event !== null ? event : {}) as { type?: unknown; category?: unknown };
  if (e.type === 'command.issued') return 'command';
  return typeof e.category === 'string' && e.category !== '' ? e.category : UNREADABLE_FEED;
}

function unfoldableOf(feed: FeedState | undefined): Pick<FeedState, 'unfoldable' | 'lastUnfoldable'> {
  return feed?.unfoldable ? { unfoldable: feed.unfoldable, lastUnfoldable: feed.lastUnfoldable ?? null } : {};
}

function seqOf(event: unknown): number | null {
  const seq = (event as { seq?: unknown } | null)?.seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}

function timeOf(v: unknown, field: string): number {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (!Number.isFinite(t)) throw new Error(`${field} is not a time: ${JSON.stringify(v)}`);
  return t;
}

/**
 * timeOf for `receivedAt`, which every record of a batch shares (the transaction's time): the last
 * text read is remembered, so a batch of 1,000 parses it once, not 1,000 times. A pure memo — same text,
 * same instant — so the reducer stays a function of its input.
 */
let lastReceivedText: string | undefined;
let lastReceivedAt = NaN;
function receivedAtOf(v: unknown): number {
  if (v === lastReceivedText) return lastReceivedAt;
  const t = timeOf(v, 'receivedAt');
  lastReceivedText = v as string;
  lastReceivedAt = t;
  return t;
}

function nameOf(v: unknown, field: string): string {
  if (typeof v !== 'string' || v === '') throw new Error(`${field} is not a non-empty string: ${JSON.stringify(v)}`);
  return v;
}

/**
 * Adds a record to its minute and keeps the 5 newest minutes: enough for a rate, bounded in size.
 * Changes `perMinute`, which must be the fold's own copy: one copy per feed per fold, not one per record.
 */
function countMinute(perMinute: Record<string, number>, at: number): Record<string, number> {
  // Keys are epoch minutes the reducer makes itself, never names from outside.
  const minute = String(Math.floor(at / 60_000));
  const count = own(perMinute, minute);
  perMinute[minute] = (count ?? 0) + 1;
  if (count === undefined) {
    const keys = Object.keys(perMinute);
    if (keys.length > 5) for (const k of keys.sort((a, b) => Number(b) - Number(a)).slice(5)) delete perMinute[k];
  }
  return perMinute;
}

/** Records per minute over the last `minutes` minutes before `now`. `now` is passed in: shared reads no clock. */
export function feedRate(perMinute: Record<string, number>, now: number, minutes = 5): number {
  const current = Math.floor(now / 60_000);
  let sum = 0;
  for (const [m, n] of Object.entries(perMinute)) if (current - Number(m) < minutes && current >= Number(m)) sum += n;
  return sum / minutes;
}

/**
 * Whether a record replaces the entity's current latest: a newer observation, or a higher version
 * of the same one; between equals (which dedupe keeps out of the log) the later in the log wins,
 * so the answer never depends on the order records are applied in.
 */
export function supersedes(observedAt: number, version: number, seq: number, current: LatestRecord | undefined): boolean {
  if (!current) return true;
  if (observedAt !== current.observedAt) return observedAt > current.observedAt;
  if (version !== current.version) return version > current.version;
  return seq >= current.seq;
}

/**
 * Keeps one point per 5-minute slot (the newest observation in it wins, so a late reading can
 * fill a gap but not replace a newer one), sorted by time, within 24 h of the latest reading.
 * Returns a new array; the input is not changed.
 */
export function placeInTrend(trend: readonly TrendPoint[], point: TrendPoint, newest: number): TrendPoint[] {
  return placeInTrendInPlace([...trend], point, newest);
}

/** placeInTrend on an array the caller owns: the common case — a point in a new, later slot — is a push. */
function placeInTrendInPlace(out: TrendPoint[], point: TrendPoint, newest: number): TrendPoint[] {
  const from = newest - TREND_WINDOW_MS;
  let drop = 0;
  while (drop < out.length && out[drop]!.t <= from) drop++;
  if (drop) out.splice(0, drop);
  if (point.t <= from) return out;
  const slot = slotOf(point);
  const last = out.at(-1);
  const lastSlot = last ? slotOf(last) : -Infinity;
  if (lastSlot < slot) {
    out.push(point);
    return out;
  }
  // The next most common case, a reading in the newest slot (a gauge reporting more often than a
  // slot), needs no search through the day's slots.
  const i = lastSlot === slot ? out.length - 1 : out.findIndex((p) => slotOf(p) >= slot);
  const existing = out[i]!;
  if (slotOf(existing) === slot) {
    if (winsSlot(point, existing)) out[i] = point;
  } else {
    out.splice(i, 0, point);
  }
  return out;
}

/** The 5-minute trend slot a point falls in. */
function slotOf(point: TrendPoint): number {
  return Math.floor(point.t / TREND_SLOT_MS);
}

/**
 * Of two points in one slot, whether `point` is the one the trend keeps: the newer observation, then
 * the higher version.
 */
function winsSlot(point: TrendPoint, held: TrendPoint): boolean {
  return point.t > held.t || (point.t === held.t && point.v >= held.v);
}

/** Whether `trend` holds `point` (the same observation and version): whether it won its slot. */
export function holdsPoint(trend: readonly TrendPoint[] | undefined, point: TrendPoint): boolean {
  if (!trend) return false;
  // Newest first: a new point is mostly in the newest slot.
  for (let i = trend.length - 1; i >= 0; i--) if (trend[i]!.t === point.t && trend[i]!.v === point.v) return true;
  return false;
}

/**
 * Adds `point` to the new points of one entity in a delta, keeping one per slot: the one the trend
 * will keep. A gauge that reads 70 times in a hub tick sends one point, not 70, and a screen that
 * applies the kept points gets the very trend every point would have given it — a slot keeps its
 * winner whatever the order, and the points dropped lose to a kept one in their slot (so the newest
 * point, from which applyDelta may cut the 24 h window, is always kept). Changes `points` in place.
 */
export function addToSlot(points: TrendPoint[], point: TrendPoint): void {
  const slot = slotOf(point);
  // Newest first: points mostly arrive in time order, so the match, if any, is near the end.
  for (let i = points.length - 1; i >= 0; i--) {
    if (slotOf(points[i]!) !== slot) continue;
    if (winsSlot(point, points[i]!)) points[i] = point;
    return;
  }
  points.push(point);
}

function assertNever(x: never): never {
  throw new Error(`unhandled event type: ${String((x as { type?: unknown }).type)}`);
}

import { trendPointOf } from './trend-point.ts';
import { applyCommand } from '../commands/command-state.ts';
import type { BeaconEvent, FeedRejected, RecordReceived } from '../events.ts';
import type { LatestRecord, LiveState, TrendPoint } from './live-state.ts';

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

/**
 * Folds events in order. Copy-on-write once per fold, not per event: an object of the input is
 * copied the first time the fold touches it, and the fold's own copies are then updated in place —
 * so folding n events costs O(n), not O(n × entities), and the input is never changed.
 */
export function fold(state: LiveState, events: Iterable<BeaconEvent>): LiveState {
  const owned = new WeakSet<object>();
  const own = <T extends object>(o: T): T => {
    if (owned.has(o)) return o;
    const copy = (Array.isArray(o) ? [...o] : { ...o }) as T;
    owned.add(copy);
    return copy;
  };
  const s = own(state);
  for (const event of events) {
    switch (event.type) {
      case 'record.received':
        applyRecord(s, event, own);
        break;
      case 'feed.rejected':
        applyRejection(s, event, own);
        break;
      case 'command.issued':
        s.seq = Math.max(s.seq, event.seq);
        s.command = applyCommand(s.command, event);
        break;
      default:
        assertNever(event);
    }
  }
  return s;
}

type Own = <T extends object>(o: T) => T;

function applyRecord(s: LiveState, e: RecordReceived, own: Own): void {
  const observedAt = Date.parse(e.observedAt);
  s.seq = Math.max(s.seq, e.seq);

  const latestByCategory = (s.latest = own(s.latest));
  const prev = latestByCategory[e.category]?.[e.entityId];
  const isNewer = !prev || supersedes(observedAt, e.version, e.seq, prev);
  if (isNewer) {
    const byEntity = (latestByCategory[e.category] = own(latestByCategory[e.category] ?? {}));
    byEntity[e.entityId] = { entityId: e.entityId, observedAt, version: e.version, seq: e.seq, data: e.payload };
  }

  const feeds = (s.feeds = own(s.feeds));
  const feed = feeds[e.category];
  const receivedAt = Date.parse(e.receivedAt);
  feeds[e.category] = {
    department: e.department,
    category: e.category,
    lastReceivedAt: Math.max(feed?.lastReceivedAt ?? 0, receivedAt),
    records: (feed?.records ?? 0) + 1,
    perMinute: countMinute(feed?.perMinute ?? {}, receivedAt),
    rejections: feed?.rejections ?? 0,
    lastRejection: feed?.lastRejection ?? null,
  };

  const point = trendPointOf(e.category, e.payload, observedAt, e.version);
  if (!point) return;
  const newest = latestByCategory[e.category]![e.entityId]!.observedAt;
  const trendsByCategory = (s.trends = own(s.trends));
  const trends = (trendsByCategory[e.category] = own(trendsByCategory[e.category] ?? {}));
  trends[e.entityId] = placeInTrendInPlace(own(trends[e.entityId] ?? []), point, newest);
}

function applyRejection(s: LiveState, e: FeedRejected, own: Own): void {
  s.seq = Math.max(s.seq, e.seq);
  const feeds = (s.feeds = own(s.feeds));
  const feed = feeds[e.category];
  const at = Date.parse(e.receivedAt);
  feeds[e.category] = {
    department: e.department,
    category: e.category,
    lastReceivedAt: feed?.lastReceivedAt ?? 0,
    records: feed?.records ?? 0,
    perMinute: feed?.perMinute ?? {},
    rejections: (feed?.rejections ?? 0) + 1,
    lastRejection: !feed?.lastRejection || at >= feed.lastRejection.at ? { at, code: e.code, reason: e.reason } : feed.lastRejection,
  };
}

/** Adds a record to its minute and keeps the 5 newest minutes: enough for a rate, bounded in size. */
function countMinute(perMinute: Record<string, number>, at: number): Record<string, number> {
  const minute = String(Math.floor(at / 60_000));
  const next = { ...perMinute, [minute]: (perMinute[minute] ?? 0) + 1 };
  const keys = Object.keys(next).sort((a, b) => Number(b) - Number(a));
  for (const k of keys.slice(5)) delete next[k];
  return next;
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
  const slot = Math.floor(point.t / TREND_SLOT_MS);
  const last = out.at(-1);
  if (!last || Math.floor(last.t / TREND_SLOT_MS) < slot) {
    out.push(point);
    return out;
  }
  const i = out.findIndex((p) => Math.floor(p.t / TREND_SLOT_MS) >= slot);
  const existing = out[i]!;
  if (Math.floor(existing.t / TREND_SLOT_MS) === slot) {
    if (point.t > existing.t || (point.t === existing.t && point.v >= existing.v)) out[i] = point;
  } else {
    out.splice(i, 0, point);
  }
  return out;
}

function assertNever(x: never): never {
  throw new Error(`unhandled event type: ${String((x as { type?: unknown }).type)}`);
}

import { categories } from '../categories/registry.ts';
import type { BeaconEvent, RecordReceived } from '../events.ts';
import type { LatestRecord, LiveState, TrendPoint } from './live-state.ts';

export const TREND_WINDOW_MS = 24 * 3600_000;
export const TREND_SLOT_MS = 5 * 60_000;

/**
 * The one reducer: live state = fold(evolve, emptyLiveState(), log). The server, the screens,
 * replay and tests all call this. Pure: every time it uses comes from the event itself.
 */
export function evolve(state: LiveState, event: BeaconEvent): LiveState {
  switch (event.type) {
    case 'record.received':
      return evolveRecord(state, event);
    default:
      return assertNever(event.type);
  }
}

export function fold(state: LiveState, events: Iterable<BeaconEvent>): LiveState {
  let s = state;
  for (const e of events) s = evolve(s, e);
  return s;
}

function evolveRecord(state: LiveState, e: RecordReceived): LiveState {
  const observedAt = Date.parse(e.observedAt);
  const byEntity = state.latest[e.category] ?? {};
  const prev = byEntity[e.entityId];
  const isNewer = !prev || supersedes(observedAt, e.version, e.seq, prev);
  const latest: LatestRecord = !prev || isNewer
    ? { entityId: e.entityId, observedAt, version: e.version, seq: e.seq, data: e.payload }
    : prev;

  const next: LiveState = {
    ...state,
    seq: Math.max(state.seq, e.seq),
    latest: isNewer ? { ...state.latest, [e.category]: { ...byEntity, [e.entityId]: latest } } : state.latest,
    feeds: noteFeed(state, e),
  };

  const valueField = categories.get(e.category)?.valueField;
  const value = valueField ? e.payload[valueField] : undefined;
  if (typeof value !== 'number') return next;
  const trends = state.trends[e.category] ?? {};
  const trend = placeInTrend(trends[e.entityId] ?? [], { t: observedAt, value, v: e.version }, latest.observedAt);
  return { ...next, trends: { ...state.trends, [e.category]: { ...trends, [e.entityId]: trend } } };
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

function noteFeed(state: LiveState, e: RecordReceived): LiveState['feeds'] {
  const receivedAt = Date.parse(e.receivedAt);
  const prev = state.feeds[e.category];
  return {
    ...state.feeds,
    [e.category]: {
      department: e.department,
      category: e.category,
      lastReceivedAt: Math.max(prev?.lastReceivedAt ?? 0, receivedAt),
      records: (prev?.records ?? 0) + 1,
    },
  };
}

/**
 * Keeps one point per 5-minute slot (the newest observation in it wins, so a late reading can
 * fill a gap but not replace a newer one), sorted by time, within 24 h of the latest reading.
 */
export function placeInTrend(trend: TrendPoint[], point: TrendPoint, newest: number): TrendPoint[] {
  const slot = Math.floor(point.t / TREND_SLOT_MS);
  const from = newest - TREND_WINDOW_MS;
  const out = trend.filter((p) => p.t > from);
  if (point.t <= from) return out;
  const i = out.findIndex((p) => Math.floor(p.t / TREND_SLOT_MS) >= slot);
  const existing = i >= 0 ? out[i] : undefined;
  if (existing && Math.floor(existing.t / TREND_SLOT_MS) === slot) {
    if (point.t > existing.t || (point.t === existing.t && point.v >= existing.v)) out[i] = point;
    return out;
  }
  if (i < 0) out.push(point);
  else out.splice(i, 0, point);
  return out;
}

function assertNever(x: never): never {
  throw new Error(`unhandled event type: ${String(x)}`);
}

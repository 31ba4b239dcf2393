import { categories } from '../categories/registry.ts';
import type { CommandState } from '../commands/command-state.ts';
import type { BeaconEvent } from '../events.ts';
import type { FeedState, LatestRecord, LiveState, TrendPoint } from './live-state.ts';
import { placeInTrend, supersedes } from './reducer.ts';
import { trendPointOf } from './trend-point.ts';
import { dict, dictFrom, own, setOwn } from '../util/dict.ts';

/**
 * What changed in live state over a stretch of the log, as state (not events), so that deltas can
 * be merged — coalesced — without losing anything a screen shows: the newest record of each changed
 * entity, every new trend point, the feeds' current health, and for categories whose every step
 * matters (alerts, incidents) each transition in order.
 */
export interface StateDelta {
  /** The delta covers log sequences in (fromSeq, toSeq]. */
  fromSeq: number;
  toSeq: number;
  latest: Record<string, Record<string, LatestRecord>>;
  points: Record<string, Record<string, TrendPoint[]>>;
  feeds: Record<string, FeedState>;
  transitions: Record<string, LatestRecord[]>;
  /** The whole command slice as of toSeq, when a command changed it (it is small; screens replace theirs). */
  command?: CommandState;
}

/** Categories whose intermediate states are never coalesced away: a screen sees every step. */
export function keepsEveryTransition(category: string): boolean {
  const c = categories.get(category);
  return c?.kind === 'alert' || category === 'incident';
}

export function emptyDelta(fromSeq: number): StateDelta {
  return { fromSeq, toSeq: fromSeq, latest: dict(), points: dict(), feeds: dict(), transitions: dict() };
}

/** The delta made by folding `events` (in log order) into a state, read from the state after them. */
export function deltaOf(after: LiveState, events: readonly BeaconEvent[], fromSeq: number): StateDelta {
  // Minimal prototype-safety (util/dict.ts) so records with ids like `constructor` reach screens:
  // own() reads and setOwn() writes into null-prototype dictionaries.
  const d = emptyDelta(fromSeq);
  for (const e of events) {
    d.toSeq = Math.max(d.toSeq, e.seq);
    if (e.type === 'command.issued') {
      d.command = after.command;
      continue;
    }
    const changedFeed = own(after.feeds, e.category);
    if (changedFeed) setOwn(d.feeds, e.category, changedFeed);
    if (e.type !== 'record.received') continue;
    const latest = own(own(after.latest, e.category), e.entityId);
    if (latest) setOwn(slot(d.latest, e.category, () => dict<LatestRecord>()), e.entityId, latest);
    const point = trendPointOf(e.category, e.payload, Date.parse(e.observedAt), e.version);
    if (point) slot(slot(d.points, e.category, () => dict<TrendPoint[]>()), e.entityId, (): TrendPoint[] => []).push(point);
    if (keepsEveryTransition(e.category)) {
      slot(d.transitions, e.category, (): LatestRecord[] => []).push({
        entityId: e.entityId, observedAt: Date.parse(e.observedAt), version: e.version, seq: e.seq, data: e.payload,
      });
    }
  }
  return d;
}

/** The value under `key` in `m` itself, made by `make` and stored when absent. */
function slot<T>(m: Record<string, T>, key: string, make: () => T): T {
  const cur = own(m, key);
  if (cur !== undefined) return cur;
  const v = make();
  setOwn(m, key, v);
  return v;
}

/** b after a: later state wins, points and transitions accumulate. Used to coalesce per subscription. */
export function mergeDeltas(a: StateDelta, b: StateDelta): StateDelta {
  const latest = dictFrom(a.latest);
  for (const [c, byId] of Object.entries(b.latest)) setOwn(latest, c, dict([...Object.entries(own(latest, c) ?? {}), ...Object.entries(byId)]));
  const points = dictFrom(a.points);
  for (const [c, byId] of Object.entries(b.points)) {
    const merged = dictFrom(own(points, c));
    for (const [id, ps] of Object.entries(byId)) setOwn(merged, id, [...(own(merged, id) ?? []), ...ps]);
    setOwn(points, c, merged);
  }
  const transitions = dictFrom(a.transitions);
  for (const [c, list] of Object.entries(b.transitions)) setOwn(transitions, c, [...(own(transitions, c) ?? []), ...list]);
  return {
    fromSeq: Math.min(a.fromSeq, b.fromSeq),
    toSeq: Math.max(a.toSeq, b.toSeq),
    latest,
    points,
    feeds: dict([...Object.entries(a.feeds), ...Object.entries(b.feeds)]),
    transitions,
    ...newerCommand(a.command, b.command),
  };
}

export function isEmptyDelta(d: StateDelta): boolean {
  return (
    Object.keys(d.latest).length === 0 &&
    Object.keys(d.points).length === 0 &&
    Object.keys(d.feeds).length === 0 &&
    Object.keys(d.transitions).length === 0 &&
    d.command === undefined
  );
}

function newerCommand(a: CommandState | undefined, b: CommandState | undefined): { command?: CommandState } {
  const newer = !a ? b : !b ? a : b.seq >= a.seq ? b : a;
  return newer ? { command: newer } : {};
}

/**
 * Applies a delta to a screen's state. Idempotent and order-safe: a record only replaces an older
 * one, a trend point lands in its slot, a feed takes the newer receive time — so a delta seen
 * twice after a reconnect changes nothing.
 */
export function applyDelta(state: LiveState, d: StateDelta): LiveState {
  // Both sides may have come over the wire (plain objects): read with own(), build null-prototype
  // dictionaries, so an entity id such as `constructor` or `__proto__` is an ordinary key.
  const latest = dictFrom(state.latest);
  for (const [c, byId] of Object.entries(d.latest)) {
    const next = dictFrom(own(latest, c));
    for (const [id, rec] of Object.entries(byId)) {
      if (supersedes(rec.observedAt, rec.version, rec.seq, own(next, id))) setOwn(next, id, rec);
    }
    setOwn(latest, c, next);
  }
  const trends = dictFrom(state.trends);
  for (const [c, byId] of Object.entries(d.points)) {
    const next = dictFrom(own(trends, c));
    for (const [id, ps] of Object.entries(byId)) {
      const newest = own(own(latest, c), id)?.observedAt ?? Math.max(...ps.map((p) => p.t));
      let trend = own(next, id) ?? [];
      for (const p of ps) trend = placeInTrend(trend, p, newest);
      setOwn(next, id, trend);
    }
    setOwn(trends, c, next);
  }
  const feeds = dictFrom(state.feeds);
  for (const [c, f] of Object.entries(d.feeds)) {
    const cur = own(feeds, c);
    if (!cur || f.lastReceivedAt > cur.lastReceivedAt || (f.lastReceivedAt === cur.lastReceivedAt && f.records >= cur.records)) setOwn(feeds, c, f);
  }
  // The command slice travels whole; an older copy (a delta seen again) never replaces a newer one.
  const command = d.command && d.command.seq > state.command.seq ? d.command : state.command;
  return { seq: Math.max(state.seq, d.toSeq), latest, trends, feeds, command };
}


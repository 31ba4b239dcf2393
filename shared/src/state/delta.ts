import { categories } from '../categories/registry.ts';
import type { CommandState } from '../commands/command-state.ts';
import type { BeaconEvent } from '../events.ts';
import type { FeedState, LatestRecord, LiveState, TrendPoint } from './live-state.ts';
import { placeInTrend, supersedes } from './reducer.ts';
import { trendPointOf } from './trend-point.ts';
import { dictFrom, own, setOwn } from '../util/dict.ts';

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
  return { fromSeq, toSeq: fromSeq, latest: {}, points: {}, feeds: {}, transitions: {} };
}

/** The delta made by folding `events` (in log order) into a state, read from the state after them. */
export function deltaOf(after: LiveState, events: readonly BeaconEvent[], fromSeq: number): StateDelta {
  const d = emptyDelta(fromSeq);
  for (const e of events) {
    d.toSeq = Math.max(d.toSeq, e.seq);
    if (e.type === 'command.issued') {
      d.command = after.command;
      continue;
    }
    const changedFeed = after.feeds[e.category];
    if (changedFeed) d.feeds[e.category] = changedFeed;
    if (e.type !== 'record.received') continue;
    const latest = after.latest[e.category]?.[e.entityId];
    if (latest) (d.latest[e.category] ??= {})[e.entityId] = latest;
    const point = trendPointOf(e.category, e.payload, Date.parse(e.observedAt), e.version);
    if (point) ((d.points[e.category] ??= {})[e.entityId] ??= []).push(point);
    if (keepsEveryTransition(e.category)) {
      (d.transitions[e.category] ??= []).push({
        entityId: e.entityId, observedAt: Date.parse(e.observedAt), version: e.version, seq: e.seq, data: e.payload,
      });
    }
  }
  return d;
}

/** b after a: later state wins, points and transitions accumulate. Used to coalesce per subscription. */
export function mergeDeltas(a: StateDelta, b: StateDelta): StateDelta {
  const latest = { ...a.latest };
  for (const [c, byId] of Object.entries(b.latest)) latest[c] = { ...latest[c], ...byId };
  const points = { ...a.points };
  for (const [c, byId] of Object.entries(b.points)) {
    const merged = { ...points[c] };
    for (const [id, ps] of Object.entries(byId)) merged[id] = [...(merged[id] ?? []), ...ps];
    points[c] = merged;
  }
  const transitions = { ...a.transitions };
  for (const [c, list] of Object.entries(b.transitions)) transitions[c] = [...(transitions[c] ?? []), ...list];
  return {
    fromSeq: Math.min(a.fromSeq, b.fromSeq),
    toSeq: Math.max(a.toSeq, b.toSeq),
    latest,
    points,
    feeds: { ...a.feeds, ...b.feeds },
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


import { categories } from '../categories/registry.ts';
import type { CommandState } from '../commands/command-state.ts';
import type { BeaconEvent } from '../events.ts';
import { dict, own, ownOrMake, setOwn, type Dict } from '../util/dict.ts';
import { samePlace } from '../views/locate.ts';
import { firstObservedOf, type FeedState, type LatestRecord, type LiveState, type TrendPoint } from './live-state.ts';
import { patchedRecord, stampedRecord, type RecordPatch } from './record-patch.ts';
import { addToSlot, holdsPoint, placeInTrend, supersedes } from './reducer.ts';
import { trendPointOf } from './trend-point.ts';

/** Which record of an entity a removal answers: a screen holding a newer one keeps it (order-safety). */
export type RecordStamp = Pick<LatestRecord, 'observedAt' | 'version' | 'seq'>;

/**
 * What changed in live state over a stretch of the log, as state (not events), so that deltas can
 * be merged — coalesced — without losing anything a screen shows: the newest record of each changed
 * entity, the new trend point of each trend slot it changed, the feeds' current health, and for
 * categories whose every step matters (alerts, incidents) each transition in order. In a view's
 * delta, `removed` names the entities that left the view. An entity is in at most one of `latest`
 * and `removed`.
 */
export interface StateDelta {
  /** The delta covers log sequences in (fromSeq, toSeq]. */
  fromSeq: number;
  toSeq: number;
  latest: Dict<Dict<LatestRecord>>;
  /**
   * Entities that left the view (a team that drove out of the district): the screen drops their
   * record and trend. Each carries the stamp of the entity's newest record, the one that is outside
   * the view, so that an older delta seen late never removes an entity that came back since.
   * Always empty in a delta of the whole state: nothing leaves the city.
   */
  removed: Dict<Dict<RecordStamp>>;
  /**
   * New trend points, at most one per trend slot (the one the trend keeps: `addToSlot`). For an
   * entity that entered the view, its whole trend (the screen had none of it).
   */
  points: Dict<Dict<TrendPoint[]>>;
  feeds: Dict<FeedState>;
  transitions: Dict<LatestRecord[]>;
  /** The whole command slice as of toSeq, when a command changed it (it is small; screens replace theirs). */
  command?: CommandState;
}

/**
 * A delta of the whole state as the engine makes it, which also tells where changed entities were
 * before it — the one thing a view needs to see that an entity left it, and nothing a screen needs.
 *
 * Why the delta carries the prior place rather than the hub keeping the previous state: the hub
 * filters two kinds of delta, the changes of one tick and, for a screen that reconnects, the
 * merged changes since its `since`. The hub could keep the state of its previous tick, but not the
 * state at every position a screen may resume from; a delta that carries its own "before" is
 * filtered the same way whatever it covers, and merging keeps the earliest "before". It costs little:
 * only entities whose place changed (and new ones) are listed, so a rain gauge adds nothing.
 */
export interface LogDelta extends StateDelta {
  /**
   * For each changed entity whose place (the fields `placeOf` reads) differs from what it was before
   * the delta, its record before it, or null when it did not exist. An entity that is not listed
   * was where it is now.
   */
  movedFrom: Dict<Dict<LatestRecord | null>>;
  /**
   * For each entity in `latest`, its record before the delta, or null when it had none: the record
   * that a screen holding the state at `fromSeq` holds, so that the hub can send such a screen only
   * the fields that changed (record-patch.ts). Like `movedFrom`, merging keeps the earliest.
   */
  recordBefore: Dict<Dict<LatestRecord | null>>;
}

/**
 * A delta as the hub sends it on `view:delta`: a StateDelta some of whose records may come as
 * patches (record-patch.ts) — only to a screen that took every earlier message, for entities it
 * already held. An entity is in at most one of `latest`, `patches` and `removed`. Made for one send,
 * never merged; apply it with applyPatchedDelta.
 */
export interface PatchedDelta extends StateDelta {
  patches?: Dict<Dict<RecordPatch>>;
}

/** Categories whose intermediate states are never coalesced away: a screen sees every step. */
export function keepsEveryTransition(category: string): boolean {
  const c = categories.get(category);
  return c?.kind === 'alert' || category === 'incident';
}

export function emptyDelta(fromSeq: number): StateDelta {
  return { fromSeq, toSeq: fromSeq, latest: dict(), removed: dict(), points: dict(), feeds: dict(), transitions: dict() };
}

export function emptyLogDelta(fromSeq: number): LogDelta {
  return { ...emptyDelta(fromSeq), movedFrom: dict(), recordBefore: dict() };
}

/** The delta made by folding `events` (in log order) into `before`, giving `after`. */
export function deltaOf(before: LiveState, after: LiveState, events: readonly BeaconEvent[]): LogDelta {
  const d = emptyLogDelta(before.seq);
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
    const prior = own(own(before.latest, e.category), e.entityId) ?? null;
    // A record the fold left as it was (a late reading, older than the one held) is not news: every
    // screen has it. The fold replaces a record it changes, so the same object means unchanged.
    if (latest && latest !== prior) {
      ownOrMake(d.latest, e.category, dict<LatestRecord>)[e.entityId] = latest;
      ownOrMake(d.recordBefore, e.category, dict<LatestRecord | null>)[e.entityId] = prior;
      if (!prior || !samePlace(prior, latest)) ownOrMake(d.movedFrom, e.category, dict<LatestRecord | null>)[e.entityId] = prior;
    }
    // Only a point the trend kept: one that lost its slot to a point the screen holds already (a late
    // reading), or fell out of the 24 h window, would change nothing on a screen that applies the delta.
    const point = trendPointOf(e.category, e.payload, Date.parse(e.observedAt), e.version);
    if (point && holdsPoint(own(own(after.trends, e.category), e.entityId), point)) {
      addToSlot(ownOrMake(ownOrMake(d.points, e.category, dict<TrendPoint[]>), e.entityId, () => []), point);
    }
    if (keepsEveryTransition(e.category)) {
      ownOrMake(d.transitions, e.category, () => []).push({
        entityId: e.entityId, observedAt: Date.parse(e.observedAt), version: e.version, seq: e.seq, data: e.payload,
      });
    }
  }
  return d;
}

/** A null-prototype copy of a two-level dictionary (the inner ones copied too: merging writes into them). */
function copy2<T>(d: Readonly<Dict<Readonly<Dict<T>>>>): Dict<Dict<T>> {
  const out = dict<Dict<T>>();
  for (const [k, inner] of Object.entries(d)) out[k] = dict(Object.entries(inner));
  return out;
}

/**
 * b after a: later state wins, transitions accumulate, points keep one per trend slot. Used to
 * coalesce per subscription. An entity that b removes loses a's record and points; one that b
 * (re)adds is no longer removed — so a merged delta ends with the entity present or gone as the
 * last of its deltas said. When both are log deltas, the merged one keeps each entity's earliest
 * prior place (where it was before a) and earliest prior record.
 */
export function mergeDeltas<D extends StateDelta>(a: D, b: D): D {
  const latest = copy2(a.latest);
  const removed = copy2(a.removed);
  const points = copy2(a.points);
  for (const [c, byId] of Object.entries(b.removed)) {
    for (const [id, stamp] of Object.entries(byId)) {
      const l = own(latest, c);
      if (l) delete l[id];
      const p = own(points, c);
      if (p) delete p[id];
      ownOrMake(removed, c, dict<RecordStamp>)[id] = stamp;
    }
  }
  for (const [c, byId] of Object.entries(b.latest)) {
    const l = ownOrMake(latest, c, dict<LatestRecord>);
    const r = own(removed, c);
    for (const [id, rec] of Object.entries(byId)) {
      l[id] = rec;
      if (r) delete r[id];
    }
  }
  for (const [c, byId] of Object.entries(b.points)) {
    const merged = ownOrMake(points, c, dict<TrendPoint[]>);
    for (const [id, ps] of Object.entries(byId)) {
      const kept = [...(own(merged, id) ?? [])];
      for (const p of ps) addToSlot(kept, p);
      merged[id] = kept;
    }
  }
  const transitions = dict(Object.entries(a.transitions));
  for (const [c, list] of Object.entries(b.transitions)) setOwn(transitions, c, [...(own(transitions, c) ?? []), ...list]);
  const merged: StateDelta = {
    fromSeq: Math.min(a.fromSeq, b.fromSeq),
    toSeq: Math.max(a.toSeq, b.toSeq),
    latest: withoutEmpty(latest),
    removed: withoutEmpty(removed),
    points: withoutEmpty(points),
    feeds: dict([...Object.entries(a.feeds), ...Object.entries(b.feeds)]),
    transitions,
    ...newerCommand(a.command, b.command),
  };
  const aLog = a as Partial<LogDelta>;
  const bLog = b as Partial<LogDelta>;
  if (aLog.movedFrom || bLog.movedFrom) {
    (merged as LogDelta).movedFrom = earliest(aLog.movedFrom, bLog.movedFrom);
    (merged as LogDelta).recordBefore = earliest(aLog.recordBefore, bLog.recordBefore);
  }
  return merged as D;
}

/**
 * What was before the merged stretch of a then b: before a, where a knew it; else before b. (When a
 * did not list an entity, a did not change it — or, for places, did not move it — so before b is before a.)
 */
function earliest(a: Dict<Dict<LatestRecord | null>> | undefined, b: Dict<Dict<LatestRecord | null>> | undefined): Dict<Dict<LatestRecord | null>> {
  const out = copy2(a ?? {});
  for (const [c, byId] of Object.entries(b ?? {})) {
    for (const [id, prior] of Object.entries(byId)) {
      if (own(own(out, c), id) === undefined) ownOrMake(out, c, dict<LatestRecord | null>)[id] = prior;
    }
  }
  return out;
}

function withoutEmpty<T>(d: Dict<Dict<T>>): Dict<Dict<T>> {
  for (const [k, inner] of Object.entries(d)) if (Object.keys(inner).length === 0) delete d[k];
  return d;
}

export function isEmptyDelta(d: StateDelta): boolean {
  return (
    Object.keys(d.latest).length === 0 &&
    Object.keys(d.removed ?? {}).length === 0 &&
    Object.keys(d.points).length === 0 &&
    Object.keys(d.feeds).length === 0 &&
    Object.keys(d.transitions).length === 0 &&
    d.command === undefined
  );
}

/** Trend points and transitions a delta holds: what grows with the events it covers, not with the entities. */
export function deltaVolume(d: StateDelta): number {
  let n = 0;
  for (const byId of Object.values(d.points)) for (const ps of Object.values(byId)) n += ps.length;
  for (const list of Object.values(d.transitions)) n += list.length;
  return n;
}

function newerCommand(a: CommandState | undefined, b: CommandState | undefined): { command?: CommandState } {
  const newer = !a ? b : !b ? a : b.seq >= a.seq ? b : a;
  return newer ? { command: newer } : {};
}

/** A patch that could not be applied: the screen holds another record of the entity than its base, or none. */
export interface OutOfStep {
  category: string;
  entityId: string;
  base: number;
  /** The seq of the record the screen holds, null when it holds none. */
  held: number | null;
}

/**
 * Applies a delta whose records may come as patches: all of it, or — when a patch's base is not the
 * record the screen holds — none of it, with `outOfStep` naming the patch. That should not happen
 * (the hub patches only for screens that took every earlier message), but a screen out of step
 * cannot trust its state, and a record rebuilt on another base would be wrong: it subscribes again
 * for a snapshot. Like applyDelta, idempotent and order-safe: a patch of the record the screen
 * already holds (same seq) changes nothing, nor does one older than the held record.
 */
export function applyPatchedDelta(state: LiveState, d: PatchedDelta): { state: LiveState; outOfStep: OutOfStep | null } {
  const resolved = resolvePatches(state, d);
  if ('outOfStep' in resolved) return { state, outOfStep: resolved.outOfStep };
  return { state: applyDelta(state, resolved), outOfStep: null };
}

/**
 * The delta with each patch turned into the whole record it stands for, against the records `state`
 * holds (a patch older than the held record is dropped: it would change nothing); or the first patch
 * that does not apply. What the delta would have been with every record whole.
 */
export function resolvePatches(state: LiveState, d: PatchedDelta): StateDelta | { outOfStep: OutOfStep } {
  const { patches, ...whole } = d;
  if (!patches) return whole;
  const latest = copy2(whole.latest);
  for (const [category, byId] of Object.entries(patches)) {
    for (const [entityId, patch] of Object.entries(byId)) {
      const held = own(own(state.latest, category), entityId);
      let rec: LatestRecord;
      if (held && patch.seq === held.seq) rec = stampedRecord(patch, held.data); // the record it holds: applyDelta keeps the earlier first observation
      else if (held && !supersedes(patch.observedAt, patch.version, patch.seq, held)) continue; // older than the held one, as a whole record would be ignored
      else if (held && held.seq === patch.base) rec = patchedRecord(held, patch);
      else return { outOfStep: { category, entityId, base: patch.base, held: held?.seq ?? null } };
      setOwn(ownOrMake(latest, category, dict<LatestRecord>), entityId, rec);
    }
  }
  return { ...whole, latest };
}

/**
 * Applies a delta to a screen's state. Idempotent and order-safe: a record only replaces an older
 * one, a removal only drops a record no newer than the one that took the entity away, a trend point
 * lands in its slot, a feed takes the newer receive time — so a delta seen twice after a reconnect
 * changes nothing. Works on wire objects (JSON, normal prototype) as on dictionaries: keys are read
 * as own properties only. For whole records only (the type refuses a PatchedDelta, whose patches it
 * would drop): a delta from `view:delta` goes through applyPatchedDelta.
 */
export function applyDelta(state: LiveState, d: StateDelta & { patches?: never }): LiveState {
  const latest = dictFromShallow(state.latest);
  const trends = dictFromShallow(state.trends);
  for (const [c, byId] of Object.entries(d.removed ?? {})) {
    const cur = own(latest, c);
    if (!cur) continue;
    let nextLatest: Dict<LatestRecord> | null = null;
    let nextTrend: Dict<TrendPoint[]> | null = null;
    for (const [id, stamp] of Object.entries(byId)) {
      const held = own(cur, id);
      if (!held || !supersedes(stamp.observedAt, stamp.version, stamp.seq, held)) continue; // gone already, or came back since
      nextLatest ??= dict(Object.entries(cur));
      delete nextLatest[id];
      const t = own(trends, c);
      if (t && own(t, id)) {
        nextTrend ??= dict(Object.entries(t));
        delete nextTrend[id];
      }
    }
    if (nextLatest) setOrDrop(latest, c, nextLatest);
    if (nextTrend) setOrDrop(trends, c, nextTrend);
  }
  for (const [c, byId] of Object.entries(d.latest)) {
    const next = dict(Object.entries(own(latest, c) ?? {}));
    for (const [id, rec] of Object.entries(byId)) {
      const held = own(next, id);
      if (held && rec.seq === held.seq) {
        // The same record: a late, older one may have moved only its first observation, earlier.
        // Whichever delta comes first, the earlier first observation stays.
        if (firstObservedOf(rec) < firstObservedOf(held)) next[id] = rec;
      } else if (supersedes(rec.observedAt, rec.version, rec.seq, held)) {
        next[id] = rec;
      }
    }
    setOwn(latest, c, next);
  }
  for (const [c, byId] of Object.entries(d.points)) {
    const next = dict(Object.entries(own(trends, c) ?? {}));
    for (const [id, ps] of Object.entries(byId)) {
      const newest = own(own(latest, c), id)?.observedAt ?? Math.max(...ps.map((p) => p.t));
      let trend = own(next, id) ?? [];
      for (const p of ps) trend = placeInTrend(trend, p, newest);
      next[id] = trend;
    }
    setOwn(trends, c, next);
  }
  const feeds = dictFromShallow(state.feeds);
  for (const [c, f] of Object.entries(d.feeds)) {
    const cur = own(feeds, c);
    if (!cur || f.lastReceivedAt > cur.lastReceivedAt || (f.lastReceivedAt === cur.lastReceivedAt && f.records >= cur.records)) setOwn(feeds, c, f);
  }
  // The command slice travels whole; an older copy (a delta seen again) never replaces a newer one.
  const command = d.command && d.command.seq > state.command.seq ? d.command : state.command;
  return { seq: Math.max(state.seq, d.toSeq), latest, trends, feeds, command };
}

function dictFromShallow<T>(o: Readonly<Dict<T>>): Dict<T> {
  return dict(Object.entries(o));
}

/** A category with no entity left is dropped, as a view's snapshot would not have it. */
function setOrDrop<T>(d: Dict<Dict<T>>, key: string, value: Dict<T>): void {
  if (Object.keys(value).length === 0) delete d[key];
  else d[key] = value;
}

import type { Region } from '../region/types.ts';
import { emptyDelta, type LogDelta, type StateDelta } from '../state/delta.ts';
import type { LatestRecord, LiveState } from '../state/live-state.ts';
import { dict, own, ownOrMake, setOwn, type Dict } from '../util/dict.ts';
import { distanceKm } from '../geo/distance.ts';
import { placeOf, subdistrictAt, type Place } from './locate.ts';
import { INCIDENT_RADIUS_KM, type ViewRef } from './view.ts';

type Centre = { lon: number; lat: number; district: string | null };

/** Records by category and entity id; null where there is none. */
export type RecordsByEntity = Readonly<Dict<Readonly<Dict<LatestRecord | null>>>>;

/** A view's part of a log delta, and what a screen holding the view's state at the delta's start held of it. */
export interface ViewChanges {
  delta: StateDelta;
  /**
   * For the records of `delta.latest` whose entity was in the view before the delta too, the record
   * the view held then (null, or absent: the entity entered the view, and its record goes whole).
   * The hub sends such records as patches to screens that hold that state (record-patch.ts).
   */
  heldBefore: RecordsByEntity;
}

/**
 * Decides which records a view shows. City-wide records (no place, or an alert for the whole city)
 * are in every view; feeds are in every view, so every screen can show staleness.
 */
export class ViewFilter {
  readonly #gauges: ReadonlyMap<string, { lon: number; lat: number; district: string }>;

  constructor(
    readonly region: Region,
    readonly view: ViewRef,
    /** The incident's position, for incident views (null when the incident is unknown). */
    readonly centre: Centre | null = null,
  ) {
    this.#gauges = new Map(region.rainGauges.map((g) => [g.id, g]));
  }

  static for(region: Region, view: ViewRef, state: LiveState): ViewFilter {
    if (view.kind !== 'incident') return new ViewFilter(region, view);
    return new ViewFilter(region, view, centreOf(own(own(state.latest, 'incident'), view.incidentId)));
  }

  includes(category: string, rec: LatestRecord): boolean {
    const v = this.view;
    if (v.kind === 'city') return true;
    if (v.kind === 'incident' && category === 'incident' && rec.entityId === v.incidentId) return true;
    const place = placeOf(this.region, category, rec, this.#gauges);
    if (place.districts === 'all') return true;
    if (v.kind === 'district') return place.districts.includes(v.district);
    if (v.kind === 'subdistrict') {
      if (!place.districts.includes(v.district)) return false;
      if (place.lon === undefined || place.lat === undefined) return true; // district-level record: show it
      return subdistrictAt(this.region, v.district, place.lon, place.lat) === v.subdistrict;
    }
    return this.nearIncident(place);
  }

  private nearIncident(place: Place): boolean {
    if (!this.centre) return false;
    if (place.lon !== undefined && place.lat !== undefined) {
      return distanceKm(place.lon, place.lat, this.centre.lon, this.centre.lat) <= INCIDENT_RADIUS_KM;
    }
    return this.centre.district !== null && place.districts !== 'all' && place.districts.includes(this.centre.district);
  }

  state(s: LiveState): LiveState {
    const latest = dict<Dict<LatestRecord>>();
    const trends: LiveState['trends'] = dict();
    for (const [c, byId] of Object.entries(s.latest)) {
      for (const [id, rec] of Object.entries(byId)) {
        if (!this.includes(c, rec)) continue;
        setOwn(ownOrMake(latest, c, dict), id, rec);
        const trend = own(own(s.trends, c), id);
        if (trend) setOwn(ownOrMake(trends, c, dict), id, trend);
      }
    }
    return { seq: s.seq, latest, trends, feeds: s.feeds, command: s.command };
  }

  /**
   * The part of a delta of the whole state that this view shows, given `after`, the state the delta
   * led to. Each entity the delta touched is in the view before it or not (where it was before: the
   * delta's `movedFrom`, else where it is now), and after it or not:
   * - in, then in: its newest record and new trend points (its new points alone when a late reading
   *   changed no record but filled a slot of its trend);
   * - out, then in (it entered): its newest record and its whole trend, which the screen lacks;
   * - in, then out (it left): a removal;
   * - out, then out: nothing.
   * An incident view's filter moves with the incident: when the incident moved, every entity is
   * looked at, since ones that stood still may now be inside the circle or outside it.
   */
  delta(d: LogDelta, after: LiveState): StateDelta {
    return this.changes(d, after).delta;
  }

  /**
   * The view's delta (see `delta`), with the records the view held before it of the entities that
   * stayed in it: by the same rule that tells "in, then in" from "entered", so an entity that entered
   * is never patched against a record the screen does not have.
   */
  changes(d: LogDelta, after: LiveState): ViewChanges {
    // Nothing enters or leaves the city: every entity it held before the delta, it holds still.
    if (this.view.kind === 'city') return { delta: cityDelta(d), heldBefore: d.recordBefore };
    const out: StateDelta = {
      ...emptyDelta(d.fromSeq), toSeq: d.toSeq, feeds: d.feeds, ...(d.command ? { command: d.command } : {}),
    };
    const heldBefore = dict<Dict<LatestRecord | null>>();
    const before = this.before(d);
    const visit = (c: string, id: string, rec: LatestRecord, changed: boolean) => {
      const prior = own(own(d.movedFrom, c), id);
      const isIn = this.includes(c, rec);
      // Most changes move nothing (a new reading of a gauge): then only a moved filter can change the answer.
      const wasIn = prior === undefined ? (before === this ? isIn : before.includes(c, rec)) : prior !== null && before.includes(c, prior);
      if (isIn) {
        const points = wasIn ? own(own(d.points, c), id) : own(own(after.trends, c), id);
        if (points?.length) (own(out.points, c) ?? (out.points[c] = dict()))[id] = points;
        if (wasIn && !changed) return; // new points at most (a late reading that filled a slot)
        setOwn(ownOrMake(out.latest, c, dict), id, rec);
        if (wasIn) setOwn(ownOrMake(heldBefore, c, dict<LatestRecord | null>), id, own(own(d.recordBefore, c), id) ?? null);
      } else if (wasIn) {
        (own(out.removed, c) ?? (out.removed[c] = dict()))[id] = { observedAt: rec.observedAt, version: rec.version, seq: rec.seq };
      }
    };
    if (sameCentre(before.centre, this.centre)) {
      for (const [c, byId] of Object.entries(d.latest)) for (const [id, rec] of Object.entries(byId)) visit(c, id, rec, true);
      // An entity with new points but the same record (a late reading): where it is, it was.
      for (const [c, byId] of Object.entries(d.points)) {
        const changed = own(d.latest, c);
        for (const id of Object.keys(byId)) {
          const rec = own(own(after.latest, c), id);
          if (rec && own(changed, id) === undefined) visit(c, id, rec, false);
        }
      }
    } else {
      for (const [c, byId] of Object.entries(after.latest)) {
        const changed = own(d.latest, c);
        for (const [id, rec] of Object.entries(byId)) visit(c, id, rec, own(changed, id) !== undefined);
      }
    }
    for (const [c, list] of Object.entries(d.transitions)) {
      const kept = list.filter((rec) => this.includes(c, rec));
      if (kept.length) setOwn(out.transitions, c, kept);
    }
    return { delta: out, heldBefore };
  }

  /** This view's filter as it was before `d`: only an incident view's can differ (the incident moved). */
  private before(d: LogDelta): ViewFilter {
    const v = this.view;
    if (v.kind !== 'incident') return this;
    const prior = own(own(d.movedFrom, 'incident'), v.incidentId);
    if (prior === undefined) return this;
    return new ViewFilter(this.region, v, centreOf(prior ?? undefined));
  }
}

/** The city's part of a log delta: all of it, without the prior places (nothing leaves the city). */
export function cityDelta(d: LogDelta): StateDelta {
  return {
    fromSeq: d.fromSeq, toSeq: d.toSeq, latest: d.latest, removed: d.removed, points: d.points, feeds: d.feeds, transitions: d.transitions,
    ...(d.command ? { command: d.command } : {}),
  };
}

function centreOf(incident: LatestRecord | undefined): Centre | null {
  const d = incident?.data;
  return d && typeof d.lon === 'number' && typeof d.lat === 'number'
    ? { lon: d.lon, lat: d.lat, district: typeof d.district === 'string' ? d.district : null }
    : null;
}

function sameCentre(a: Centre | null, b: Centre | null): boolean {
  return a === b || (a !== null && b !== null && a.lon === b.lon && a.lat === b.lat && a.district === b.district);
}

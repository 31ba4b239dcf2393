import { dict, own, ownOrMake, setOwn, type Dict } from '../util/dict.ts';
import type { LatestRecord } from './live-state.ts';

/**
 * A record sent as what changed since the record a screen holds, for the hub to send instead of the
 * whole record when that is smaller. It carries the new record's stamp — every field of LatestRecord
 * but `data` (entityId, observedAt, version, seq, firstObservedAt) — and `base`, the seq of the record
 * it was made against, with the top-level `data` fields that differ (`set`, each whole) or were
 * dropped (`unset`). A field nested deeper is not diffed: a changed field is sent whole.
 *
 * It applies only to the record whose seq is `base` (patchedRecord); a screen holding any other is
 * out of step with the hub (applyPatchedDelta in delta.ts says so).
 */
export interface RecordPatch extends Omit<LatestRecord, 'data'> {
  base: number;
  set?: Dict<unknown>;
  unset?: string[];
}

/** The patch that turns `held` into `next`. */
export function patchOf(held: LatestRecord, next: LatestRecord): RecordPatch {
  const patch: RecordPatch = { ...stampOf(next), base: held.seq };
  const set = dict<unknown>();
  let changed = 0;
  for (const [field, value] of Object.entries(next.data)) {
    if (Object.hasOwn(held.data, field) && sameJson(own(held.data, field), value)) continue;
    setOwn(set, field, value);
    changed += 1;
  }
  const unset = Object.keys(held.data).filter((field) => !Object.hasOwn(next.data, field));
  if (changed > 0) patch.set = set;
  if (unset.length > 0) patch.unset = unset;
  return patch;
}

/**
 * The patch from `held` to `next` when its JSON is smaller than `next`'s, else null (send the record).
 * Small records with many changed fields can come out larger as a patch: `base` and the field names
 * of `set` cost more than the one unchanged field they save.
 */
export function patchIfSmaller(held: LatestRecord, next: LatestRecord): RecordPatch | null {
  const patch = patchOf(held, next);
  return jsonBytes(patch) < jsonBytes(next) ? patch : null;
}

/** `held` with `patch` applied. The caller has checked that `held.seq === patch.base`. */
export function patchedRecord(held: LatestRecord, patch: RecordPatch): LatestRecord {
  return stampedRecord(patch, patchedData(held.data, patch.set ?? {}, new Set(patch.unset)));
}

/** The record with the patch's stamp and `data`. */
export function stampedRecord(patch: RecordPatch, data: Dict<unknown>): LatestRecord {
  const { base: _base, set: _set, unset: _unset, ...stamp } = patch;
  return { ...stamp, data };
}

/**
 * A view's delta as it goes to screens that hold the view's state at its `fromSeq`: each record in
 * `latest` whose entity such a screen holds (`heldBefore`, the record it holds) goes in `patches`
 * when `patchFor` gives a patch for it, else stays whole. Returns `delta` itself when nothing is patched.
 */
export function withPatches<D extends { latest: Dict<Dict<LatestRecord>> }>(
  delta: D,
  heldBefore: Readonly<Dict<Readonly<Dict<LatestRecord | null>>>>,
  patchFor: (held: LatestRecord, next: LatestRecord) => RecordPatch | null,
): D & { patches?: Dict<Dict<RecordPatch>> } {
  const latest = dict<Dict<LatestRecord>>();
  const patches = dict<Dict<RecordPatch>>();
  let patched = 0;
  for (const [category, byId] of Object.entries(delta.latest)) {
    const heldOfCategory = own(heldBefore, category);
    for (const [id, rec] of Object.entries(byId)) {
      const held = own(heldOfCategory, id);
      const patch = held ? patchFor(held, rec) : null;
      if (patch) {
        setOwn(ownOrMake(patches, category, dict<RecordPatch>), id, patch);
        patched += 1;
      } else {
        setOwn(ownOrMake(latest, category, dict<LatestRecord>), id, rec);
      }
    }
  }
  return patched === 0 ? delta : { ...delta, latest, patches };
}

/**
 * Remembers each record's patch for one hub tick: the screens of every view that held an entity
 * held the same record (the one before the tick), so the patch is made once, not once per view.
 */
export class PatchesOfTick {
  readonly #byRecord = new Map<LatestRecord, RecordPatch | null>();

  readonly patchFor = (held: LatestRecord, next: LatestRecord): RecordPatch | null => {
    let patch = this.#byRecord.get(next);
    if (patch === undefined) {
      patch = patchIfSmaller(held, next);
      this.#byRecord.set(next, patch);
    }
    return patch;
  };
}

/** Every field of a record but its data. */
function stampOf(rec: LatestRecord): Omit<LatestRecord, 'data'> {
  const { data: _data, ...stamp } = rec;
  return stamp;
}

/**
 * `data` with the fields of `set` replaced or added and those of `unset` dropped, as a plain object
 * like the records that arrive as JSON (Object.fromEntries defines `__proto__` as an own field).
 */
function patchedData(data: Readonly<Dict<unknown>>, set: Readonly<Dict<unknown>>, unset: ReadonlySet<string>): Dict<unknown> {
  const entries: [string, unknown][] = [];
  for (const [field, value] of Object.entries(data)) {
    if (unset.has(field)) continue;
    entries.push([field, Object.hasOwn(set, field) ? own(set, field) : value]);
  }
  for (const [field, value] of Object.entries(set)) if (!Object.hasOwn(data, field)) entries.push([field, value]);
  return Object.fromEntries(entries);
}

/** Whether two JSON values are the same. Objects compare by their JSON text: a reordered one counts as changed, which only costs bytes. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The UTF-8 length of a value's JSON: what it costs on the wire (data is often Chinese text, 3 bytes a character). */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

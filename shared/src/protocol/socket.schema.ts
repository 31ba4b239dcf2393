// The socket.io protocol (socket.ts, replay.ts) as JSON Schema, for the AsyncAPI document at
// /docs/asyncapi.json. Kept out of the main entry, like ../schemas.ts: the screen needs only the types.
//
// Every schema is checked against its TypeScript type at the bottom of this file: the compiler
// refuses a schema that admits a message the type does not, so the two cannot drift apart. Only the
// command slice of the state (`command`, a large nested type of its own, replaced whole by screens)
// is described loosely, by name.
import Type from 'typebox';
import { departmentIds, type DepartmentId } from '../departments.ts';
import type { LocalName } from '../region/types.ts';
import type { PatchedDelta, StateDelta } from '../state/delta.ts';
import type { RecordPatch } from '../state/record-patch.ts';
import type { FeedState, LatestRecord, LiveState, TrendPoint } from '../state/live-state.ts';
import type { ViewRef } from '../views/view.ts';
import { Refusal } from '../errors/error-body.schema.ts';
import { PROTOCOL_VERSION, type SubscribeResult } from './socket.ts';
import { REPLAY_SPEEDS, type KeyMoment, type ReplayWindow } from './replay.ts';

const EpochMs = (description: string) => Type.Number({ description: `${description} (epoch milliseconds)` });
const Protocol = Type.Literal(PROTOCOL_VERSION, { description: 'PROTOCOL_VERSION: a screen that sees another one reloads itself.' });
const Instant = (description: string) => Type.String({ format: 'date-time', description: `${description}: RFC 3339 with an offset (Z or ±hh:mm).` });
/** A map keyed by names from outside (categories, entity ids). */
const Dict = <T extends Type.TSchema>(value: T, key: string, description?: string) =>
  Type.Record(Type.String({ description: key }), value, description ? { description } : {});

export const ViewRefSchema = Type.Union(
  [
    Type.Object({ kind: Type.Literal('city') }),
    Type.Object({ kind: Type.Literal('district'), district: Type.String({ description: 'A district name of the region, e.g. 思明区.' }) }),
    Type.Object({ kind: Type.Literal('subdistrict'), district: Type.String(), subdistrict: Type.String({ minLength: 1, maxLength: 64 }) }),
    Type.Object({ kind: Type.Literal('incident'), incidentId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) }),
  ],
  { description: 'What a screen looks at: the city, a district, a subdistrict (town), or an incident and its surroundings (5 km).' },
);

const Refused = Type.Object({ ok: Type.Literal(false), error: Refusal });

export const SubscribeRequestSchema = Type.Object({
  protocol: Protocol,
  view: ViewRefSchema,
  since: Type.Optional(Type.Integer({ minimum: 0, description: 'The seq of the last state the screen holds: resume with one delta when the server still has the changes since.' })),
});

export const SubscribeResultSchema = Type.Union([
  Type.Object({ ok: Type.Literal(true), mode: Type.Union([Type.Literal('snapshot'), Type.Literal('resume')]), seq: Type.Integer() }),
  Refused,
]);

const TrendPointSchema = Type.Object({
  t: EpochMs('Slot time'),
  value: Type.Number(),
  v: Type.Integer({ description: "The record's version." }),
  lon: Type.Optional(Type.Number()),
  lat: Type.Optional(Type.Number()),
});

/** Every field of a record but its data: what a patch carries of the new record. */
const RecordStampProperties = {
  entityId: Type.String(),
  observedAt: EpochMs('Observation time'),
  version: Type.Integer(),
  seq: Type.Integer({ description: 'Its position in the event log.' }),
  firstObservedAt: Type.Optional(EpochMs("The entity's earliest observation in the log: for an incident, when it was first reported")),
};

const LatestRecordSchema = Type.Object({
  ...RecordStampProperties,
  data: Type.Record(Type.String(), Type.Unknown(), { description: "The record as sent, in its category's schema (see the ingest messages)." }),
});

const RecordPatchSchema = Type.Object(
  {
    ...RecordStampProperties,
    base: Type.Integer({ description: 'The seq of the record this patch applies to: the one the screen holds.' }),
    set: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: "Top-level data fields that differ from the base record's, each whole (new or changed)." })),
    unset: Type.Optional(Type.Array(Type.String(), { description: "Top-level data fields of the base record that the new record does not have." })),
  },
  {
    description: [
      "A record sent as what changed since the one the screen holds: the new record is the base record's data with `set`'s fields replaced or added and `unset`'s dropped, under this stamp (entityId, observedAt, version, seq, firstObservedAt).",
      'Apply it only when the screen holds the entity at seq `base`. When it holds that record already (same `seq`) or a newer one, it changes nothing.',
      'When it holds another record, or none, the screen is out of step: it must not guess the record — it applies nothing of this delta and sends view:subscribe again without `since`, which answers with a fresh snapshot.',
    ].join(' '),
  },
);

const RecordStampSchema = Type.Object({ observedAt: Type.Number(), version: Type.Integer(), seq: Type.Integer() });

const FeedStateSchema = Type.Object({
  department: Type.Union(departmentIds.map((id) => Type.Literal(id))),
  category: Type.String(),
  lastReceivedAt: EpochMs('Server receive time of the newest record'),
  records: Type.Integer(),
  perMinute: Type.Record(Type.String(), Type.Integer(), { description: 'Epoch minute → records received.' }),
  rejections: Type.Integer(),
  lastRejection: Type.Union([Type.Object({ at: Type.Number(), code: Type.String(), reason: Type.String() }), Type.Null()]),
  unfoldable: Type.Optional(Type.Integer()),
  lastUnfoldable: Type.Optional(Type.Union([Type.Object({ seq: Type.Integer(), reason: Type.String() }), Type.Null()])),
});

const CommandSliceSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: 'What accepted commands decided: response level, forward posts and their clocks, dispatches, the wall\'s focus (CommandState in shared/src/commands/command-state.ts).',
});

export const LiveStateSchema = Type.Object({
  seq: Type.Integer({ description: 'The highest log sequence folded in.' }),
  latest: Dict(Dict(LatestRecordSchema, 'entity id'), 'category id'),
  trends: Dict(Dict(Type.Array(TrendPointSchema), 'entity id'), 'category id'),
  feeds: Dict(FeedStateSchema, 'category id'),
  command: CommandSliceSchema,
});

export const StateDeltaSchema = Type.Object({
  fromSeq: Type.Integer({ description: 'The delta covers log sequences in (fromSeq, toSeq].' }),
  toSeq: Type.Integer(),
  latest: Dict(Dict(LatestRecordSchema, 'entity id'), 'category id'),
  removed: Dict(Dict(RecordStampSchema, 'entity id'), 'category id'),
  points: Dict(Dict(Type.Array(TrendPointSchema), 'entity id'), 'category id'),
  feeds: Dict(FeedStateSchema, 'category id'),
  transitions: Dict(Type.Array(LatestRecordSchema), 'category id'),
  command: Type.Optional(CommandSliceSchema),
});

/** A live screen's delta: a StateDelta whose records may come as patches. */
export const PatchedDeltaSchema = Type.Object({
  ...StateDeltaSchema.properties,
  latest: Dict(Dict(LatestRecordSchema, 'entity id'), 'category id', 'Records whole: those that entered the view, and changes sent whole.'),
  patches: Type.Optional(
    Dict(Dict(RecordPatchSchema, 'entity id'), 'category id', 'Records sent as patches: only to a screen that was sent every earlier change of the view, for entities it already holds, when smaller than the record. An entity is in at most one of latest, patches and removed.'),
  ),
});

export const ViewSnapshotSchema = Type.Object({ protocol: Protocol, serverTime: EpochMs("The server's clock"), view: ViewRefSchema, state: LiveStateSchema });
export const ViewDeltaSchema = Type.Object({ protocol: Protocol, serverTime: EpochMs("The server's clock"), view: ViewRefSchema, delta: PatchedDeltaSchema });
export const HeartbeatSchema = Type.Object({ protocol: Protocol, serverTime: EpochMs("The server's clock"), seq: Type.Integer() });

// The /replay namespace.

export const ReplayWindowSchema = Type.Object({ from: EpochMs('Start'), to: EpochMs('End') });
const ReplaySpeedSchema = Type.Union(REPLAY_SPEEDS.map((s) => Type.Literal(s)));

export const KeyMomentSchema = Type.Object({
  at: EpochMs('Server receive time of the event'),
  seq: Type.Integer(),
  kind: Type.Union(
    (['warning-issued', 'warning-changed', 'warning-lifted', 'incident-opened', 'incident-closed', 'response-changed', 'post-ordered', 'post-milestone', 'post-overdue', 'wall-focus'] as const).map((k) => Type.Literal(k)),
  ),
  level: Type.Optional(Type.String()),
  actor: Type.Optional(Type.String()),
  category: Type.String(),
  entityId: Type.String(),
  title: Type.Object({ zh: Type.String(), en: Type.String() }),
  department: Type.String({ description: 'The department, or "command" for a command issued in the hall.' }),
});

export const ReplayOpenSchema = Type.Object({ protocol: Protocol, from: Instant('Window start'), to: Instant('Window end, after from, at most 14 days later') });
export const ReplaySeekSchema = Type.Object({ at: Instant('Replay time') });
export const ReplayPlaySchema = Type.Object({ speed: ReplaySpeedSchema });
export const ReplayPauseSchema = Type.Object({});
export const ReplayOpenResultSchema = Type.Union([Type.Object({ ok: Type.Literal(true), window: ReplayWindowSchema, moments: Type.Array(KeyMomentSchema) }), Refused]);
export const ReplayResultSchema = Type.Union([Type.Object({ ok: Type.Literal(true) }), Refused]);
export const ReplaySnapshotSchema = Type.Object({ at: EpochMs('Replay time'), state: LiveStateSchema });
export const ReplayDeltaSchema = Type.Object({ at: EpochMs('Replay time'), delta: StateDeltaSchema });
export const ReplayClockSchema = Type.Object({ at: EpochMs('Replay time'), playing: Type.Boolean(), speed: ReplaySpeedSchema, window: ReplayWindowSchema });

// What each schema admits, the type allows (see the top of the file). A compile error here means
// the protocol's types changed: change the schema above to match.
type Admits<Schema extends Type.TSchema, T> = [Type.Static<Schema>] extends [T] ? true : false;
type WithoutCommand<T> = Omit<T, 'command'>;
true satisfies Admits<typeof ViewRefSchema, ViewRef>;
true satisfies Admits<typeof SubscribeRequestSchema, { protocol: number; view: ViewRef; since?: number }>;
true satisfies Admits<typeof SubscribeResultSchema, SubscribeResult>;
true satisfies Admits<typeof TrendPointSchema, TrendPoint>;
true satisfies Admits<typeof LatestRecordSchema, LatestRecord>;
true satisfies Admits<typeof FeedStateSchema, FeedState>;
true satisfies Admits<Type.TObject<WithoutCommand<typeof LiveStateSchema.properties>>, WithoutCommand<LiveState>>;
true satisfies Admits<Type.TObject<WithoutCommand<typeof StateDeltaSchema.properties>>, WithoutCommand<StateDelta>>;
true satisfies Admits<typeof RecordPatchSchema, RecordPatch>;
true satisfies Admits<Type.TObject<WithoutCommand<typeof PatchedDeltaSchema.properties>>, WithoutCommand<PatchedDelta>>;
true satisfies Admits<typeof ReplayWindowSchema, ReplayWindow>;
true satisfies Admits<typeof KeyMomentSchema, KeyMoment>;
true satisfies Admits<typeof ReplayOpenSchema, { protocol: number; from: string; to: string }>;
true satisfies Admits<typeof ReplayClockSchema, { at: number; playing: boolean; speed: (typeof REPLAY_SPEEDS)[number]; window: ReplayWindow }>;
true satisfies Admits<typeof KeyMomentSchema.properties.title, LocalName>;
true satisfies Admits<typeof FeedStateSchema.properties.department, DepartmentId>;

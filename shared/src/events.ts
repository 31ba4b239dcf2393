import type { Actor } from './auth/roles.ts';
import type { Command } from './commands/command.ts';
import type { DepartmentId } from './departments.ts';

/** Fields every logged event carries: its place in the log and where and when it came in. */
interface EventEnvelope {
  /** Position in the ordered log; strictly increasing per event. */
  seq: number;
  /** When the server accepted it (ISO 8601), distinct from when the source observed it. */
  receivedAt: string;
  department: DepartmentId;
}

/** A department's record of one of the categories, as validated and normalised by ingest. */
export interface RecordReceived extends EventEnvelope {
  type: 'record.received';
  category: string;
  /** The value of the category's idField. */
  entityId: string;
  /** Canonical UTC ISO time the source observed it. */
  observedAt: string;
  /** Correction counter: a higher version of the same observation replaces a lower one. */
  version: number;
  /** The record as sent (normalised), including its id, observedAt and version fields. */
  payload: Record<string, unknown>;
}

/**
 * A department's batch that ingest refused (nothing of it was stored). Logged so feed health —
 * rejections and the last reason — is part of live state, reaches every screen and replays.
 */
export interface FeedRejected extends EventEnvelope {
  type: 'feed.rejected';
  category: string;
  /** How many records the refused batch held (0 when it could not be read). */
  records: number;
  code: string;
  /** The first issue, in words an integrator recognises: "/records/3/rainfall1hMm: expected number ≤ 400, got 999". */
  reason: string;
}

/**
 * A command a person issued and the server accepted after checking it against the state at that
 * point of the log. Its receive time is when it took effect: a forward post's deadline counts from it.
 */
export interface CommandIssued {
  type: 'command.issued';
  seq: number;
  receivedAt: string;
  commandId: string;
  actor: Actor;
  reason: string;
  command: Command;
}

/** Every event the reducer understands. Add a member here and the compiler points at every switch to extend. */
export type BeaconEvent = RecordReceived | FeedRejected | CommandIssued;
export type BeaconEventType = BeaconEvent['type'];

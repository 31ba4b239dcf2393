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

/** Every event the reducer understands. Add a member here and the compiler points at every switch to extend. */
export type BeaconEvent = RecordReceived;
export type BeaconEventType = BeaconEvent['type'];

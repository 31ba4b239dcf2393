import type { BeaconEvent } from '@beacon/shared';

/** The columns of the events table that make an event. */
export const EVENT_COLUMNS = 'seq, type, department, category, entity_id, observed_at, received_at, payload';

export interface LogRow {
  seq: string;
  type: BeaconEvent['type'];
  department: BeaconEvent['department'];
  category: string;
  entity_id: string;
  observed_at: Date;
  received_at: Date;
  payload: Record<string, unknown>;
}

export function rowToEvent(row: LogRow): BeaconEvent {
  return {
    seq: Number(row.seq),
    type: row.type,
    department: row.department,
    category: row.category,
    entityId: row.entity_id,
    observedAt: row.observed_at.toISOString(),
    version: typeof row.payload.version === 'number' ? row.payload.version : 1,
    receivedAt: row.received_at.toISOString(),
    payload: row.payload,
  };
}

import type { BeaconEvent, CommandIssued, DepartmentId } from '@beacon/shared';

/** The columns of the events table that make an event. */
export const EVENT_COLUMNS = 'seq, type, department, category, entity_id, observed_at, received_at, payload';

export interface LogRow {
  seq: string;
  type: BeaconEvent['type'];
  department: string;
  category: string;
  entity_id: string;
  observed_at: Date;
  received_at: Date;
  payload: Record<string, unknown>;
}

/**
 * The event a row of the log holds. Never throws: a row that is not a well-formed event (a log edited
 * by hand) is handed on as read, and the reducer isolates it and counts it in its feed's health —
 * throwing here would stop the follower at that row, and every event after it would never be folded.
 */
export function rowToEvent(row: LogRow): BeaconEvent {
  // Every case spells its fields out: an object spread (`{ ...envelope, … }`) costs V8 ~7 µs per event
  // here, eight times the rest of this function, and every restart, replay seek and other node's event
  // comes through it.
  const seq = Number(row.seq);
  const department = row.department as DepartmentId;
  const receivedAt = row.received_at.toISOString();
  switch (row.type) {
    case 'command.issued': {
      // Commands are stored with department 'command' and the command as the payload.
      const p = row.payload as unknown as Pick<CommandIssued, 'commandId' | 'actor' | 'reason' | 'command'>;
      return { type: row.type, seq, receivedAt, commandId: p.commandId, actor: p.actor, reason: p.reason, command: p.command };
    }
    case 'record.received': {
      const version = payloadOf(row).version;
      return {
        seq, department, receivedAt,
        type: row.type,
        category: row.category,
        entityId: row.entity_id,
        observedAt: row.observed_at.toISOString(),
        version: typeof version === 'number' ? version : 1,
        payload: row.payload,
      };
    }
    case 'feed.rejected': {
      const p = payloadOf(row);
      return {
        seq, department, receivedAt,
        type: row.type,
        category: row.category,
        records: Number(p.records ?? 0),
        code: String(p.code ?? ''),
        reason: String(p.reason ?? ''),
      };
    }
    default:
      // The reducer answers "unhandled event type" for it and counts it under its category.
      return { seq, department, receivedAt, type: row.type, category: row.category, entityId: row.entity_id } as unknown as BeaconEvent;
  }
}

/** The payload if it is an object, else an empty one (for reading optional fields). */
function payloadOf(row: LogRow): Record<string, unknown> {
  const p: unknown = row.payload;
  return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}

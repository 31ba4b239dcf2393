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
  const envelope = { seq: Number(row.seq), department: row.department as DepartmentId, receivedAt: row.received_at.toISOString() };
  switch (row.type) {
    case 'command.issued': {
      // Commands are stored with department 'command' and the command as the payload.
      const p = row.payload as unknown as Pick<CommandIssued, 'commandId' | 'actor' | 'reason' | 'command'>;
      return {
        type: row.type, seq: envelope.seq, receivedAt: envelope.receivedAt,
        commandId: p.commandId, actor: p.actor, reason: p.reason, command: p.command,
      };
    }
    case 'record.received':
      return {
        ...envelope,
        type: row.type,
        category: row.category,
        entityId: row.entity_id,
        observedAt: row.observed_at.toISOString(),
        version: typeof payloadOf(row).version === 'number' ? (payloadOf(row).version as number) : 1,
        payload: row.payload,
      };
    case 'feed.rejected':
      return {
        ...envelope,
        type: row.type,
        category: row.category,
        records: Number(payloadOf(row).records ?? 0),
        code: String(payloadOf(row).code ?? ''),
        reason: String(payloadOf(row).reason ?? ''),
      };
    default:
      // The reducer answers "unhandled event type" for it and counts it under its category.
      return { ...envelope, type: row.type, category: row.category, entityId: row.entity_id } as unknown as BeaconEvent;
  }
}

/** The payload if it is an object, else an empty one (for reading optional fields). */
function payloadOf(row: LogRow): Record<string, unknown> {
  const p: unknown = row.payload;
  return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
}

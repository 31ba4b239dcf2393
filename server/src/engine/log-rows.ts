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
        version: typeof row.payload.version === 'number' ? row.payload.version : 1,
        payload: row.payload,
      };
    case 'feed.rejected':
      return {
        ...envelope,
        type: row.type,
        category: row.category,
        records: Number(row.payload.records ?? 0),
        code: String(row.payload.code ?? ''),
        reason: String(row.payload.reason ?? ''),
      };
    default:
      throw new Error(`unknown event type in the log: ${String(row.type as never)}`);
  }
}

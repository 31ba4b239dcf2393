import { EventEmitter } from 'node:events';
import { emptyLiveState, evolve, type BeaconEvent, type LiveState } from '@beacon/shared';
import type { Sql } from '@beacon/db';

interface EngineEvents {
  applied: [events: BeaconEvent[]];
}

/**
 * Holds live state: the shared reducer folded over the event log. Rebuilt from the database at
 * start; then fed each committed batch. State objects are never mutated, so a reference taken
 * at any moment stays a consistent snapshot.
 */
export class LiveEngine extends EventEmitter<EngineEvents> {
  #state: LiveState = emptyLiveState();

  get state(): LiveState {
    return this.#state;
  }

  apply(events: readonly BeaconEvent[]): void {
    if (events.length === 0) return;
    let s = this.#state;
    for (const e of events) s = evolve(s, e);
    this.#state = s;
    this.emit('applied', [...events]);
  }

  /** Folds the whole log in order, a page at a time. Returns the number of events read. */
  async rebuild(sql: Sql, pageSize = 5000): Promise<number> {
    let s = emptyLiveState();
    let count = 0;
    await sql<LogRow[]>`
      select seq, type, department, category, entity_id, observed_at, received_at, payload from events order by seq`.cursor(pageSize, (rows) => {
      for (const row of rows) s = evolve(s, rowToEvent(row));
      count += rows.length;
    });
    this.#state = s;
    return count;
  }
}

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

// Builders for tests (pure): events as ingest would log them.
import type { RecordReceived } from './events.ts';

let nextSeq = 0;

/** A rain-gauge record event; `seq` counts up unless given. */
export function rainEvent(
  stationId: string,
  observedAt: number,
  rainfall1hMm: number,
  extra: { version?: number; receivedAt?: number; seq?: number } = {},
): RecordReceived {
  const version = extra.version ?? 1;
  const at = new Date(observedAt).toISOString();
  nextSeq = extra.seq ?? nextSeq + 1;
  return {
    type: 'record.received',
    seq: nextSeq,
    receivedAt: new Date(extra.receivedAt ?? observedAt).toISOString(),
    department: 'meteorology',
    category: 'rain-gauge',
    entityId: stationId,
    observedAt: at,
    version,
    payload: { stationId, observedAt: at, rainfall1hMm, version },
  };
}

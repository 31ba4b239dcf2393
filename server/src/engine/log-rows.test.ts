import { describe, expect, it } from 'vitest';
import { rowToEvent, type LogRow } from './log-rows.ts';

const at = new Date('2026-09-14T08:05:00.000Z');
const row = (over: Partial<LogRow>): LogRow => ({
  seq: '42', type: 'record.received', department: 'meteorology', category: 'rain-gauge', entity_id: 'SM01',
  observed_at: at, received_at: new Date('2026-09-14T08:05:01.500Z'), payload: { stationId: 'SM01', rainfall1hMm: 3.5, version: 2 }, ...over,
});

describe('rowToEvent', () => {
  it('reads a record with every field, its version from the payload', () => {
    expect(rowToEvent(row({}))).toEqual({
      type: 'record.received', seq: 42, department: 'meteorology', receivedAt: '2026-09-14T08:05:01.500Z', category: 'rain-gauge',
      entityId: 'SM01', observedAt: '2026-09-14T08:05:00.000Z', version: 2, payload: { stationId: 'SM01', rainfall1hMm: 3.5, version: 2 },
    });
  });

  it('gives version 1 when the payload has none, or is not an object (a log edited by hand)', () => {
    expect(rowToEvent(row({ payload: { stationId: 'SM01' } }))).toMatchObject({ version: 1 });
    expect(rowToEvent(row({ payload: [1, 2] as unknown as Record<string, unknown> }))).toMatchObject({ version: 1, payload: [1, 2] });
    expect(rowToEvent(row({ payload: null as unknown as Record<string, unknown> }))).toMatchObject({ version: 1, payload: null });
  });

  it('reads a command from its payload, without department or category', () => {
    const command = { kind: 'forward-post.order', incidentId: 'INC-1' };
    const event = rowToEvent(row({ type: 'command.issued', department: 'command', payload: { commandId: 'c1', actor: { id: 'u1' }, reason: 'why', command } }));
    expect(event).toEqual({ type: 'command.issued', seq: 42, receivedAt: '2026-09-14T08:05:01.500Z', commandId: 'c1', actor: { id: 'u1' }, reason: 'why', command });
  });

  it('reads a refused batch with its counts as numbers and strings', () => {
    expect(rowToEvent(row({ type: 'feed.rejected', payload: { records: '3', code: 'BEACON_INVALID_INPUT', reason: 'bad' } }))).toEqual({
      type: 'feed.rejected', seq: 42, department: 'meteorology', receivedAt: '2026-09-14T08:05:01.500Z', category: 'rain-gauge', records: 3,
      code: 'BEACON_INVALID_INPUT', reason: 'bad',
    });
  });

  it('hands on a row of an unknown type as read, for the reducer to count', () => {
    expect(rowToEvent(row({ type: 'mystery' as LogRow['type'] }))).toEqual({
      type: 'mystery', seq: 42, department: 'meteorology', receivedAt: '2026-09-14T08:05:01.500Z', category: 'rain-gauge', entityId: 'SM01',
    });
  });
});

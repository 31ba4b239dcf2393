import { describe, expect, it } from 'vitest';
import { emptyLiveState, type RecordReceived } from '@beacon/shared';
import { momentsOf } from './key-moments.ts';

let seq = 0;
function ev(category: string, entityId: string, payload: Record<string, unknown>): RecordReceived {
  seq += 1;
  const at = new Date(Date.parse('2026-09-14T00:00:00Z') + seq * 60_000).toISOString();
  return { type: 'record.received', seq, receivedAt: at, department: 'meteorology', category, entityId, observedAt: at, version: 1, payload };
}

// momentsOf reads categories by id; the alert kind comes from the registry, incidents by name.
describe('key moments', () => {
  it('marks an incident opened once and closed once, whatever updates come between', () => {
    const events = [
      ev('incident', 'I1', { title: '集美区内涝', status: 'open' }),
      ev('incident', 'I1', { title: '集美区内涝', status: 'handling' }),
      ev('incident', 'I1', { title: '集美区内涝', status: 'closed' }),
    ];
    expect(momentsOf(emptyLiveState(), events).map((m) => m.kind)).toEqual(['incident-opened', 'incident-closed']);
  });

  it('ignores categories that are not alerts or incidents', () => {
    expect(momentsOf(emptyLiveState(), [ev('rain-gauge', 'SM01', { rainfall1hMm: 80 })])).toEqual([]);
  });
});
